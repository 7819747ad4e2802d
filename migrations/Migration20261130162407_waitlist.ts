import { Migration } from '@mikro-orm/migrations';

/**
 * The waitlist (issue 16 item 3): customers waiting for a freed slot, offered as holds in join order.
 */
export class Migration20261130162407_waitlist extends Migration {

  override name = 'Migration20261130162407_waitlist';

  override up(): void | Promise<void> {
    this.addSql(`create type "waitlist_status" as enum ('WAITING', 'OFFERED', 'BOOKED', 'LEFT');`);
    this.addSql(`create table "waitlist_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "customer_id" uuid not null, "treatment_ids" jsonb not null, "requirements" jsonb not null, "window_starts_at" timestamptz not null, "window_ends_at" timestamptz not null, "expires_at" timestamptz not null, "status" "waitlist_status" not null default 'WAITING', "offer_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "waitlist_entry_organisation_id_index" on "waitlist_entry" ("organisation_id");`);
    this.addSql(`create index "waitlist_entry_customer_id_index" on "waitlist_entry" ("customer_id");`);
    this.addSql(`create index "waitlist_entry_offer_id_index" on "waitlist_entry" ("offer_id");`);
    this.addSql(`create index "waitlist_entry_organisation_id_status_id_index" on "waitlist_entry" ("organisation_id", "status", "id");`);

    this.addSql(`alter table "waitlist_entry" add constraint "waitlist_entry_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);
    this.addSql(`alter table "waitlist_entry" add constraint "waitlist_entry_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete cascade;`);
    this.addSql(`alter table "waitlist_entry" add constraint "waitlist_entry_offer_id_foreign" foreign key ("offer_id") references "hold" ("id") on delete set null;`);
    this.addSql(`alter table "waitlist_entry" add constraint "waitlist_entry_window" check (window_ends_at > window_starts_at);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "waitlist_entry" cascade;`);

    this.addSql(`drop type "waitlist_status";`);
  }

}
