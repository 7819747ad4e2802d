import { Migration } from '@mikro-orm/migrations';

/** The bookables an appointment holds, as `(kind, bookable_id)` rows of `x` (as in `allocation_turns`). */
const BOOKABLES = `
      cross join lateral (
        select 'PRACTITIONER', a.practitioner_id where a.practitioner_id is not null
        union all select 'ROOM', a.room_id where a.room_id is not null
        union all select 'VEHICLE', a.vehicle_id where a.vehicle_id is not null
        union all select 'ASSISTANT', aa.user_id from appointment_assistant aa where aa.appointment_id = a.id
        union all select 'RESOURCE', ar.resource_id from appointment_resource ar where ar.appointment_id = a.id
      ) as x (kind, bookable_id)`;

/** The range an appointment blocks: `[startsAt − bufferBefore, endsAt + bufferAfter)`. */
const BLOCKED = `tstzrange(a.starts_at - make_interval(mins => a.buffer_before_minutes), a.ends_at + make_interval(mins => a.buffer_after_minutes), '[)')`;

const TRIGGER_COLUMNS = 'starts_at, ends_at, status, practitioner_id, room_id, vehicle_id, deleted_at, organisation_id';

/**
 * Schedules, time off, service rules, buffers and holds (docs/availability.md).
 *
 * - Buffers: an appointment keeps the buffers it was booked with, and its allocation rows cover
 *   `[startsAt − bufferBefore, endsAt + bufferAfter)`, so the exclusion constraint enforces them on
 *   every write path; the turns lock the days of that widened range.
 * - Holds: a hold's rows go into `appointment_allocation` (`hold_id` instead of `appointment_id`,
 *   kind HOLD) under the same constraint and turns. A constraint cannot compare with `now()`, so an
 *   expired hold's rows are deleted by the next write that would meet them, inside its turn: an
 *   expired hold never blocks a write, and searches skip it, without a sweeper.
 */
export class Migration20261130131859_availability extends Migration {

  override name = 'Migration20261130131859_availability';

  override up(): void | Promise<void> {
    this.addSql(`create table "time_off" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "bookable_id" uuid not null, "bookable_type" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "reason" text null, primary key ("id"));`);
    this.addSql(`create index "time_off_organisation_id_index" on "time_off" ("organisation_id");`);
    this.addSql(`create index "time_off_organisation_id_bookable_id_starts_at_index" on "time_off" ("organisation_id", "bookable_id", "starts_at");`);

    this.addSql(`create table "hold" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "buffer_before_minutes" int not null default 0, "buffer_after_minutes" int not null default 0, "expires_at" timestamptz not null, "bookables" jsonb not null, "customer_id" uuid null, "idempotency_key" text null, primary key ("id"));`);
    this.addSql(`create index "hold_organisation_id_index" on "hold" ("organisation_id");`);
    this.addSql(`alter table "hold" add constraint "hold_organisation_id_idempotency_key_unique" unique ("organisation_id", "idempotency_key");`);

    this.addSql(`create table "working_hours" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_id" uuid not null, "bookable_id" uuid not null, "bookable_type" text not null, "time_zone" text not null, "rules" jsonb not null, "overrides" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "working_hours_organisation_id_index" on "working_hours" ("organisation_id");`);
    this.addSql(`alter table "working_hours" add constraint "working_hours_organisation_id_bookable_id_unique" unique ("organisation_id", "bookable_id");`);

    this.addSql(`alter table "treatment" add "buffer_before_minutes" int not null default 0, add "buffer_after_minutes" int not null default 0, add "minimum_notice_minutes" int not null default 0, add "booking_horizon_days" int null, add "slot_interval_minutes" int null;`);
    this.addSql(`alter table "treatment" add constraint "treatment_service_rules" check (buffer_before_minutes >= 0 and buffer_after_minutes >= 0 and minimum_notice_minutes >= 0 and (booking_horizon_days is null or booking_horizon_days >= 0) and (slot_interval_minutes is null or slot_interval_minutes > 0));`);

    this.addSql(`alter table "appointment" add "buffer_before_minutes" int not null default 0, add "buffer_after_minutes" int not null default 0;`);
    this.addSql(`alter table "appointment" add constraint "appointment_buffers" check (buffer_before_minutes >= 0 and buffer_after_minutes >= 0);`);

    this.addSql(`alter table "time_off" add constraint "time_off_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);
    this.addSql(`alter table "time_off" add constraint "time_off_ends_after_start" check (ends_at > starts_at);`);

    this.addSql(`alter table "hold" add constraint "hold_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);
    this.addSql(`alter table "hold" add constraint "hold_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete cascade;`);
    this.addSql(`alter table "hold" add constraint "hold_buffers" check (buffer_before_minutes >= 0 and buffer_after_minutes >= 0);`);
    this.addSql(`alter table "hold" add constraint "hold_ends_after_start" check (ends_at > starts_at);`);

    this.addSql(`alter table "working_hours" add constraint "working_hours_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on delete cascade;`);
    this.addSql(`alter table "working_hours" add constraint "working_hours_bookable_type" check (bookable_type in ('User', 'Resource', 'Location'));`);

    this.addSql(`alter table "appointment_allocation" drop constraint "appointment_allocation_pkey";`);
    this.addSql(`alter table "appointment_allocation" alter column "appointment_id" drop not null;`);
    this.addSql(`alter table "appointment_allocation" add column "hold_id" uuid null references "hold" ("id") on delete cascade;`);
    this.addSql(`alter table "appointment_allocation" add constraint "appointment_allocation_owner" check ((appointment_id is null) <> (hold_id is null));`);
    this.addSql(`alter table "appointment_allocation" drop constraint "appointment_allocation_kind_check";`);
    this.addSql(`alter table "appointment_allocation" add constraint "appointment_allocation_kind_check" check ("kind" in ('PRACTITIONER', 'ASSISTANT', 'ROOM', 'VEHICLE', 'RESOURCE', 'HOLD'));`);
    this.addSql(`create unique index "appointment_allocation_appointment_unique" on "appointment_allocation" ("appointment_id", "kind", "bookable_id") where "appointment_id" is not null;`);
    this.addSql(`create index "appointment_allocation_hold_index" on "appointment_allocation" ("hold_id") where "hold_id" is not null;`);

    // One turn per bookable and UTC day of the blocked range, in one order (see allocation_turns).
    this.addSql(`create function "allocation_take_turns"(p_bookables uuid[], p_during tstzrange) returns void language plpgsql as $$
    declare
      turn record;
    begin
      if upper(p_during) - lower(p_during) > interval '31 days' then return; end if;
      for turn in
        select distinct b.id, d.day
        from unnest(p_bookables) as b (id)
        cross join generate_series(floor(extract(epoch from lower(p_during)) / 86400)::int, ceil(extract(epoch from upper(p_during)) / 86400)::int - 1) as d (day)
        order by b.id, d.day
      loop
        perform pg_advisory_xact_lock(hashtext(turn.id::text), turn.day);
      end loop;
    end $$;`);
    this.addSql(`create function "allocation_clear_expired_holds"(p_organisation uuid, p_bookables uuid[], p_during tstzrange) returns void language sql as $$
      delete from appointment_allocation al using hold h
       where al.hold_id = h.id and al.organisation_id = p_organisation and al.bookable_id = any (p_bookables)
         and al.during && p_during and h.expires_at <= clock_timestamp();
    $$;`);
    this.addSql(`create or replace function "appointment_allocation_sync"(p_appointment uuid) returns void language plpgsql as $$
    declare
      v_organisation uuid;
      v_during tstzrange;
      v_bookables uuid[];
    begin
      select a.organisation_id, ${BLOCKED}, array_agg(distinct x.bookable_id)
        into v_organisation, v_during, v_bookables
        from appointment a${BOOKABLES}
       where a.id = p_appointment and a.status not in ('CANCELLED', 'REJECTED') and a.deleted_at is null
       group by a.id;
      if v_bookables is not null then
        perform allocation_take_turns(v_bookables, v_during);
        perform allocation_clear_expired_holds(v_organisation, v_bookables, v_during);
      end if;
      delete from appointment_allocation where appointment_id = p_appointment;
      insert into appointment_allocation (appointment_id, organisation_id, kind, bookable_id, during)
      select a.id, a.organisation_id, x.kind, x.bookable_id, ${BLOCKED}
      from appointment a${BOOKABLES}
      where a.id = p_appointment
        and a.status not in ('CANCELLED', 'REJECTED')
        and a.deleted_at is null;
    end $$;`);
    this.addSql(`drop trigger "appointment_allocation_sync" on "appointment";`);
    this.addSql(`create trigger "appointment_allocation_sync" after insert or update of ${TRIGGER_COLUMNS}, buffer_before_minutes, buffer_after_minutes
      on "appointment" for each row execute function appointment_allocation_on_appointment();`);
    this.addSql(`create function "hold_allocation_on_insert"() returns trigger language plpgsql as $$
    declare
      v_during tstzrange := tstzrange(new.starts_at - make_interval(mins => new.buffer_before_minutes), new.ends_at + make_interval(mins => new.buffer_after_minutes), '[)');
      v_bookables uuid[];
    begin
      select array_agg(distinct (b ->> 'id')::uuid) into v_bookables from jsonb_array_elements(new.bookables) as b;
      if v_bookables is not null then
        perform allocation_take_turns(v_bookables, v_during);
        perform allocation_clear_expired_holds(new.organisation_id, v_bookables, v_during);
        insert into appointment_allocation (hold_id, organisation_id, kind, bookable_id, during)
        select new.id, new.organisation_id, 'HOLD', b.id, v_during from unnest(v_bookables) as b (id);
      end if;
      return null;
    end $$;`);
    this.addSql(`create trigger "hold_allocation" after insert on "hold" for each row execute function hold_allocation_on_insert();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger "appointment_allocation_sync" on "appointment";`);
    this.addSql(`create trigger "appointment_allocation_sync" after insert or update of ${TRIGGER_COLUMNS}
      on "appointment" for each row execute function appointment_allocation_on_appointment();`);
    this.addSql(`delete from "appointment_allocation" where "hold_id" is not null;`);
    this.addSql(`drop function "hold_allocation_on_insert"() cascade;`);
    this.addSql(`create or replace function "appointment_allocation_sync"(p_appointment uuid) returns void language plpgsql as $$
    declare
      turn record;
    begin
      for turn in
        select distinct x.bookable_id, d.day
        from appointment a${BOOKABLES}
        cross join lateral generate_series(floor(extract(epoch from a.starts_at) / 86400)::int, ceil(extract(epoch from a.ends_at) / 86400)::int - 1) as d (day)
        where a.id = p_appointment and a.status not in ('CANCELLED', 'REJECTED') and a.deleted_at is null and a.ends_at - a.starts_at <= interval '31 days'
        order by x.bookable_id, d.day
      loop
        perform pg_advisory_xact_lock(hashtext(turn.bookable_id::text), turn.day);
      end loop;
      delete from appointment_allocation where appointment_id = p_appointment;
      insert into appointment_allocation (appointment_id, organisation_id, kind, bookable_id, during)
      select a.id, a.organisation_id, x.kind, x.bookable_id, tstzrange(a.starts_at, a.ends_at, '[)')
      from appointment a${BOOKABLES}
      where a.id = p_appointment and a.status not in ('CANCELLED', 'REJECTED') and a.deleted_at is null;
    end $$;`);
    this.addSql(`drop function "allocation_clear_expired_holds"(uuid, uuid[], tstzrange);`);
    this.addSql(`drop function "allocation_take_turns"(uuid[], tstzrange);`);
    this.addSql(`drop index "appointment_allocation_appointment_unique";`);
    this.addSql(`alter table "appointment_allocation" drop constraint "appointment_allocation_owner";`);
    this.addSql(`alter table "appointment_allocation" drop column "hold_id";`);
    this.addSql(`alter table "appointment_allocation" alter column "appointment_id" set not null;`);
    this.addSql(`alter table "appointment_allocation" add primary key ("appointment_id", "kind", "bookable_id");`);
    this.addSql(`alter table "appointment_allocation" drop constraint "appointment_allocation_kind_check";`);
    this.addSql(`alter table "appointment_allocation" add constraint "appointment_allocation_kind_check" check ("kind" in ('PRACTITIONER', 'ASSISTANT', 'ROOM', 'VEHICLE', 'RESOURCE'));`);
    this.addSql(`drop table if exists "time_off" cascade;`);
    this.addSql(`drop table if exists "hold" cascade;`);
    this.addSql(`drop table if exists "working_hours" cascade;`);

    this.addSql(`alter table "appointment" drop constraint "appointment_buffers";`);
    this.addSql(`alter table "appointment" drop column "buffer_before_minutes", drop column "buffer_after_minutes";`);

    this.addSql(`alter table "treatment" drop constraint "treatment_service_rules";`);
    this.addSql(`alter table "treatment" drop column "buffer_before_minutes", drop column "buffer_after_minutes", drop column "minimum_notice_minutes", drop column "booking_horizon_days", drop column "slot_interval_minutes";`);
  }

}
