import { Migration } from '@mikro-orm/migrations';

/** The bookables an appointment holds, as `(kind, bookable_id)` rows of `x` (shared by both versions). */
const BOOKABLES = `
      cross join lateral (
        select 'PRACTITIONER', a.practitioner_id where a.practitioner_id is not null
        union all select 'ROOM', a.room_id where a.room_id is not null
        union all select 'VEHICLE', a.vehicle_id where a.vehicle_id is not null
        union all select 'ASSISTANT', aa.user_id from appointment_assistant aa where aa.appointment_id = a.id
        union all select 'RESOURCE', ar.resource_id from appointment_resource ar where ar.appointment_id = a.id
      ) as x (kind, bookable_id)`;

const SYNC = `
      delete from appointment_allocation where appointment_id = p_appointment;
      insert into appointment_allocation (appointment_id, organisation_id, kind, bookable_id, during)
      select a.id, a.organisation_id, x.kind, x.bookable_id, tstzrange(a.starts_at, a.ends_at, '[)')
      from appointment a${BOOKABLES}
      where a.id = p_appointment
        and a.status not in ('CANCELLED', 'REJECTED')
        and a.deleted_at is null;`;

/**
 * Concurrent bookings of one bookable take turns instead of deadlocking.
 *
 * Two transactions that insert overlapping allocation rows at the same time each find the other's
 * uncommitted row when the exclusion constraint is checked, and each waits for the other: PostgreSQL
 * detects the deadlock after `deadlock_timeout` (1 s) and aborts one of them. Kairos then runs that
 * mutation again, so the outcome stays right, but a busy slot stalls. Here the sync first takes a
 * transaction-scoped advisory lock per bookable and UTC day the appointment touches, in one order, so
 * the second booking waits before inserting and then meets the first one's committed row (23P01) at
 * once. Bookings of other days, or of other bookables, do not wait for each other. Appointments longer
 * than 31 days take no turns (too many locks); they can still deadlock and be run again.
 */
export class Migration20261122032000_allocation_turns extends Migration {

  override name = 'Migration20261122032000_allocation_turns';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function "appointment_allocation_sync"(p_appointment uuid) returns void language plpgsql as $$
    declare
      turn record;
    begin
      for turn in
        select distinct x.bookable_id, d.day
        from appointment a${BOOKABLES}
        cross join lateral generate_series(
          floor(extract(epoch from a.starts_at) / 86400)::int,
          ceil(extract(epoch from a.ends_at) / 86400)::int - 1
        ) as d (day)
        where a.id = p_appointment
          and a.status not in ('CANCELLED', 'REJECTED')
          and a.deleted_at is null
          and a.ends_at - a.starts_at <= interval '31 days'
        order by x.bookable_id, d.day
      loop
        perform pg_advisory_xact_lock(hashtext(turn.bookable_id::text), turn.day);
      end loop;${SYNC}
    end $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create or replace function "appointment_allocation_sync"(p_appointment uuid) returns void language plpgsql as $$
    begin${SYNC}
    end $$;`);
  }

}
