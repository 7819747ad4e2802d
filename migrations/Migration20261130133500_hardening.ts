import { Migration } from '@mikro-orm/migrations';

/**
 * Hardening (issue 11): appointment codes numbered per organisation, and the table of shared
 * rate-limit counters. Both tables are raw SQL that no entity maps (see UNMAPPED_TABLES in src/db/orm.ts).
 */
export class Migration20261130133500_hardening extends Migration {

  override name = 'Migration20261130133500_hardening';

  override up(): void | Promise<void> {
    // One row per organisation and counter; an appointment insert bumps its row in the same statement,
    // so concurrent creates of one organisation take turns on it and a rolled-back create returns its
    // number: codes are gap-free per organisation (docs/booking-integrity.md).
    this.addSql(`create table "organisation_counter" ("organisation_id" uuid not null references "organisation" ("id") on delete cascade, "name" text not null, "value" bigint not null, primary key ("organisation_id", "name"));`);
    // Codes already given came from one sequence shared by every organisation: each organisation goes on from its highest.
    this.addSql(`insert into "organisation_counter" ("organisation_id", "name", "value")
      select "organisation_id", 'appointment_code', max(substring("code" from '^APT-(\\d+)$')::bigint)
        from "appointment" where "code" ~ '^APT-\\d+$' group by "organisation_id";`);
    this.addSql(`drop sequence "appointment_code_seq";`);
    // rate-limiter-flexible's RateLimiterPostgres layout (RATE_LIMIT_STORE=postgres): key, points spent, expiry in ms since the epoch.
    this.addSql(`create table "rate_limit" ("key" varchar(255) not null primary key, "points" integer not null default 0, "expire" bigint null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table "rate_limit";`);
    this.addSql(`create sequence "appointment_code_seq";`);
    this.addSql(`select setval('appointment_code_seq', greatest(1, (select coalesce(max("value"), 1) from "organisation_counter" where "name" = 'appointment_code')));`);
    this.addSql(`drop table "organisation_counter";`);
  }

}
