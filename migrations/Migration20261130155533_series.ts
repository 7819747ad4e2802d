import { Migration } from '@mikro-orm/migrations';

/**
 * Series and treatment plans (issue 16): `appointment_series` (an RRULE expanded in a zone) and
 * `treatment_plan` (a treatment's session plan booked for a customer); appointments point at either,
 * with their occurrence number or session order.
 */
export class Migration20261130155533_series extends Migration {

  override name = 'Migration20261130155533_series';

  override up(): void | Promise<void> {
    this.addSql(`create type "booking_mode" as enum ('ALL_OR_NOTHING', 'BEST_EFFORT');`);
    this.addSql(`create type "treatment_plan_status" as enum ('BOOKED', 'PARTIALLY_BOOKED');`);
    this.addSql(`create table "appointment_series" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "rrule" text not null, "time_zone" text not null, "starts_at" timestamptz not null, "occurrence_count" int not null, "mode" "booking_mode" not null, "idempotency_key" text null, primary key ("id"));`);
    this.addSql(`create index "appointment_series_organisation_id_index" on "appointment_series" ("organisation_id");`);
    this.addSql(`alter table "appointment_series" add constraint "appointment_series_organisation_id_idempotency_key_unique" unique ("organisation_id", "idempotency_key");`);

    this.addSql(`create table "treatment_plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "customer_id" uuid null, "treatment_id" uuid not null, "status" "treatment_plan_status" not null, "mode" "booking_mode" not null, "tolerance_days" int not null, "requirements" jsonb not null, "location_id" text null, "version" int not null default 1, "idempotency_key" text null, primary key ("id"));`);
    this.addSql(`create index "treatment_plan_organisation_id_index" on "treatment_plan" ("organisation_id");`);
    this.addSql(`create index "treatment_plan_customer_id_index" on "treatment_plan" ("customer_id");`);
    this.addSql(`create index "treatment_plan_treatment_id_index" on "treatment_plan" ("treatment_id");`);
    this.addSql(`alter table "treatment_plan" add constraint "treatment_plan_organisation_id_idempotency_key_unique" unique ("organisation_id", "idempotency_key");`);

    this.addSql(`alter table "appointment" add "series_id" uuid null, add "occurrence" int null, add "treatment_plan_id" uuid null, add "session_order" int null;`);
    this.addSql(`alter table "appointment" add constraint "appointment_series_id_foreign" foreign key ("series_id") references "appointment_series" ("id") on delete set null;`);
    this.addSql(`alter table "appointment" add constraint "appointment_treatment_plan_id_foreign" foreign key ("treatment_plan_id") references "treatment_plan" ("id") on delete set null;`);
    this.addSql(`create index "appointment_series_id_index" on "appointment" ("series_id");`);
    this.addSql(`create index "appointment_treatment_plan_id_index" on "appointment" ("treatment_plan_id");`);

    this.addSql(`alter table "appointment_series" add constraint "appointment_series_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);

    this.addSql(`alter table "treatment_plan" add constraint "treatment_plan_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);
    this.addSql(`alter table "treatment_plan" add constraint "treatment_plan_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete set null;`);
    this.addSql(`alter table "treatment_plan" add constraint "treatment_plan_treatment_id_foreign" foreign key ("treatment_id") references "treatment" ("id") on delete restrict;`);
    this.addSql(`alter table "treatment_plan" add constraint "treatment_plan_tolerance" check (tolerance_days >= 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "appointment" drop constraint "appointment_series_id_foreign";`);
    this.addSql(`alter table "appointment" drop constraint "appointment_treatment_plan_id_foreign";`);

    this.addSql(`drop table if exists "appointment_series" cascade;`);
    this.addSql(`drop table if exists "treatment_plan" cascade;`);

    this.addSql(`drop index "appointment_series_id_index";`);
    this.addSql(`drop index "appointment_treatment_plan_id_index";`);
    this.addSql(`alter table "appointment" drop column "series_id", drop column "occurrence", drop column "treatment_plan_id", drop column "session_order";`);

    this.addSql(`drop type "booking_mode";`);
    this.addSql(`drop type "treatment_plan_status";`);
  }

}
