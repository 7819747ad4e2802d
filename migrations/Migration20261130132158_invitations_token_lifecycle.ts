import { Migration } from '@mikro-orm/migrations';

export class Migration20261130132158_invitations_token_lifecycle extends Migration {

  override name = 'Migration20261130132158_invitations_token_lifecycle';

  override up(): void | Promise<void> {
    this.addSql(`create type "invitation_status" as enum ('PENDING', 'ACCEPTED', 'REVOKED');`);
    this.addSql(`create table "invitation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "email" text not null, "name" text not null, "role" "user_role" not null, "status" "invitation_status" not null default 'PENDING', "expires_at" timestamptz not null, "code_hash" text not null, "invited_by_id" uuid null, "accepted_by_id" uuid null, "accepted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "invitation_organisation_id_index" on "invitation" ("organisation_id");`);
    this.addSql(`alter table "invitation" add constraint "invitation_code_hash_unique" unique ("code_hash");`);
    this.addSql(`create index "invitation_email_index" on "invitation" ("email");`);
    this.addSql(`alter table "invitation" add constraint "invitation_organisation_email_unique" unique ("organisation_id", "email");`);

    this.addSql(`alter table "api_token" add "name" text null, add "created_by_id" uuid null, add "expires_at" timestamptz null, add "last_used_at" timestamptz null;`);
    this.addSql(`alter table "api_token" add constraint "api_token_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;`);

    this.addSql(`alter table "invitation" add constraint "invitation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id") on delete set null;`);
    this.addSql(`alter table "invitation" add constraint "invitation_accepted_by_id_foreign" foreign key ("accepted_by_id") references "app_user" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "invitation" cascade;`);

    this.addSql(`alter table "api_token" drop constraint "api_token_created_by_id_foreign";`);

    this.addSql(`alter table "api_token" drop column "name", drop column "created_by_id", drop column "expires_at", drop column "last_used_at";`);

    this.addSql(`drop type "invitation_status";`);
  }

}
