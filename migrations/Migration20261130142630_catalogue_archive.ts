import { Migration } from '@mikro-orm/migrations';

/**
 * Editable catalogue (issue 13 item 3): an optimistic-concurrency `version` on every catalogue table
 * with `update…` mutations, and `archived_at` on the ones archived instead of deleted (location,
 * resource, treatment, product). Existing rows start at version 1, not archived.
 */
export class Migration20261130142630_catalogue_archive extends Migration {

  override name = 'Migration20261130142630_catalogue_archive';

  override up(): void | Promise<void> {
    this.addSql(`alter table "location" add "version" int not null default 1, add "archived_at" timestamptz null;`);

    this.addSql(`alter table "company" add "version" int not null default 1;`);

    this.addSql(`alter table "cancellation_reason" add "version" int not null default 1;`);

    this.addSql(`alter table "resource" add "version" int not null default 1, add "archived_at" timestamptz null;`);

    this.addSql(`alter table "time_band" add "version" int not null default 1;`);

    this.addSql(`alter table "treatment" add "version" int not null default 1, add "archived_at" timestamptz null;`);

    this.addSql(`alter table "product" add "version" int not null default 1, add "archived_at" timestamptz null;`);

    this.addSql(`alter table "client_package" add "version" int not null default 1;`);

    this.addSql(`alter table "care_case" add "version" int not null default 1;`);

    this.addSql(`alter table "account" add "version" int not null default 1;`);

    this.addSql(`alter table "property" add "version" int not null default 1;`);

    this.addSql(`alter table "operation" add "version" int not null default 1;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "account" drop column "version";`);

    this.addSql(`alter table "cancellation_reason" drop column "version";`);

    this.addSql(`alter table "care_case" drop column "version";`);

    this.addSql(`alter table "client_package" drop column "version";`);

    this.addSql(`alter table "company" drop column "version";`);

    this.addSql(`alter table "location" drop column "version", drop column "archived_at";`);

    this.addSql(`alter table "operation" drop column "version";`);

    this.addSql(`alter table "product" drop column "version", drop column "archived_at";`);

    this.addSql(`alter table "property" drop column "version";`);

    this.addSql(`alter table "resource" drop column "version", drop column "archived_at";`);

    this.addSql(`alter table "time_band" drop column "version";`);

    this.addSql(`alter table "treatment" drop column "version", drop column "archived_at";`);
  }

}
