import type { EntityManager } from '@mikro-orm/postgresql';
import type { BookableFacts, Busy, Facts, Schedule, ServiceRules } from './scheduling.rules.js';

/** A treatment as the rules read it (a row of `resolveLinks`, or of the search's look-up). */
export interface TreatmentRules {
  id: string;
  durationMinutes?: number | null;
  bufferBeforeMinutes?: number | null;
  bufferAfterMinutes?: number | null;
  minimumNoticeMinutes?: number | null;
  bookingHorizonDays?: number | null;
  slotIntervalMinutes?: number | null;
}

/** How far before `from` and after `to` the facts are read: rules past midnight, buffers (≤ 1 day each). */
const MARGIN_MS = 2 * 24 * 3_600_000;

/** A PostgreSQL array literal of uuids (the values are checked uuids: no quoting needed). */
function uuidArray(ids: string[]): string {
  return `{${ids.join(',')}}`;
}

const FACTS_SQL = `select
  (select coalesce(json_agg(json_build_array(w.bookable_id, w.time_zone, w.rules, w.overrides)), '[]'::json)
     from working_hours w where w.organisation_id = ? and w.bookable_id = any (?::uuid[])) as schedules,
  (select coalesce(json_agg(json_build_array(t.bookable_id, t.id, extract(epoch from t.starts_at) * 1000, extract(epoch from t.ends_at) * 1000, t.reason) order by t.starts_at), '[]'::json)
     from time_off t where t.organisation_id = ? and t.bookable_id = any (?::uuid[]) and t.starts_at < ?::timestamptz and t.ends_at > ?::timestamptz) as time_off,
  (select coalesce(json_agg(json_build_array(al.bookable_id, extract(epoch from lower(al.during)) * 1000, extract(epoch from upper(al.during)) * 1000,
          extract(epoch from coalesce(a.starts_at, h.starts_at)) * 1000, extract(epoch from coalesce(a.ends_at, h.ends_at)) * 1000, al.appointment_id, al.hold_id)
          order by lower(al.during)), '[]'::json)
     from appointment_allocation al left join appointment a on a.id = al.appointment_id left join hold h on h.id = al.hold_id
    where al.organisation_id = ? and al.bookable_id = any (?::uuid[]) and al.during && tstzrange(?::timestamptz, ?::timestamptz)
      and (al.hold_id is null or h.expires_at > ?::timestamptz)) as busy,
  (select coalesce(json_agg(json_build_array(tu.treatment_id, tu.user_id)), '[]'::json)
     from treatment_user tu where tu.treatment_id = any (?::uuid[])) as performers`;

type FactsRow = {
  schedules: [string, string, Schedule['rules'], Schedule['overrides']][];
  time_off: [string, string, number, number, string | null][];
  busy: [string, number, number, number, number, string | null, string | null][];
  performers: [string, string][];
};

/** The service rules of treatments booked together: the largest buffers and notice, the shortest horizon. */
export function serviceRules(treatments: TreatmentRules[], performers: Map<string, Set<string>>): ServiceRules {
  const max = (key: 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'minimumNoticeMinutes') => Math.max(0, ...treatments.map((t) => t[key] ?? 0));
  const horizons = treatments.map((t) => t.bookingHorizonDays).filter((h): h is number => h != null);
  let qualified = null as Set<string> | null;
  for (const t of treatments) {
    const users = performers.get(t.id);
    if (!users?.size) continue;
    qualified = qualified ? new Set([...qualified].filter((u: string) => users.has(u))) : new Set(users);
  }
  return {
    bufferBeforeMinutes: max('bufferBeforeMinutes'),
    bufferAfterMinutes: max('bufferAfterMinutes'),
    minimumNoticeMinutes: max('minimumNoticeMinutes'),
    bookingHorizonDays: horizons.length ? Math.min(...horizons) : null,
    qualified,
  };
}

/**
 * Loads, with **one statement** whatever the range and the number of appointments, everything the
 * rules need for `bookables` (and the location) over `[from, to)`: their schedules, their time off,
 * the blocked ranges of their appointments and unexpired holds, and the performers of the treatments.
 * `bookables` are checked members / resources of the organisation.
 */
export async function loadFacts(em: EntityManager, args: {
  organisationId: string;
  organisationTimeZone: string;
  bookables: { id: string; type: 'User' | 'Resource'; name: string; assistant?: boolean }[];
  locationId: string | null;
  treatments: TreatmentRules[];
  from: number;
  to: number;
  now: number;
}): Promise<Facts> {
  const ids = uuidArray([...args.bookables.map((b) => b.id), ...(args.locationId ? [args.locationId] : [])]);
  const from = new Date(args.from - MARGIN_MS).toISOString();
  const to = new Date(args.to + MARGIN_MS).toISOString();
  const org = args.organisationId;
  const [row] = await em.execute<FactsRow[]>(FACTS_SQL, [
    org, ids,
    org, ids, to, from,
    org, ids, from, to, new Date(args.now).toISOString(),
    uuidArray(args.treatments.map((t) => t.id)),
  ]);
  const schedules = new Map(row!.schedules.map(([id, timeZone, rules, overrides]) => [id, { timeZone, rules, overrides } satisfies Schedule]));
  const bookables = new Map<string, BookableFacts>();
  for (const b of args.bookables) bookables.set(b.id, { ...b, schedule: schedules.get(b.id) ?? null, timeOff: [], busy: [], busySpan: 0 });
  const locationTimeOff: BookableFacts['timeOff'] = [];
  for (const [bookableId, id, start, end, reason] of row!.time_off) {
    const entry = { id, start: Number(start), end: Number(end), reason };
    if (bookableId === args.locationId) locationTimeOff.push(entry);
    else bookables.get(bookableId)?.timeOff.push(entry);
  }
  for (const [bookableId, start, end, coreStart, coreEnd, appointmentId, holdId] of row!.busy) {
    const b = bookables.get(bookableId);
    if (!b) continue;
    const busy: Busy = { start: Number(start), end: Number(end), coreStart: Number(coreStart), coreEnd: Number(coreEnd), appointmentId, holdId };
    b.busy.push(busy);
    b.busySpan = Math.max(b.busySpan, busy.end - busy.start);
  }
  const performers = new Map<string, Set<string>>();
  for (const [treatmentId, userId] of row!.performers) {
    if (!performers.has(treatmentId)) performers.set(treatmentId, new Set());
    performers.get(treatmentId)!.add(userId);
  }
  return {
    now: args.now,
    organisationTimeZone: args.organisationTimeZone,
    location: args.locationId ? { id: args.locationId, schedule: schedules.get(args.locationId) ?? null, timeOff: locationTimeOff } : null,
    bookables,
    rules: serviceRules(args.treatments, performers),
    expanded: new WeakMap(),
  };
}
