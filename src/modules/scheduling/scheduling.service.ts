import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireViewer, type Context } from '../../app/context.js';
import { notFound, UserError, UserErrorCode, UserErrorList, UserErrorsException } from '../../shared/errors.js';
import { fromGlobalId, toGlobalId } from '../../shared/global-id.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { retiredError } from '../../shared/retired.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { BookingConflictKind, type BookingConflict } from '../appointment/appointment.payloads.js';
import { Customer } from '../customer/customer.entity.js';
import { Resource } from '../resource/resource.entity.js';
import { deactivatedSql } from '../user/membership.entity.js';
import { User } from '../user/user.entity.js';
import { entityPayload, OutboxEventType, stageEvent } from '../events/outbox.js';
import { endHold } from '../series/waitlist.service.js';
import { Hold, type HeldBookable } from './hold.entity.js';
import type { AvailabilityInput, CreateHoldInput, CreateTimeOffInput, DeleteTimeOffInput, ReleaseHoldInput, SetWorkingHoursInput } from './scheduling.inputs.js';
import { AvailableSlot, UnavailableSlot, type Availability } from './scheduling.payloads.js';
import { UnavailabilityReason } from './scheduling.reason.js';
import { loadFacts, type TreatmentRules } from './scheduling.facts.js';
import {
  candidateStarts, CONFLICT_CODES, evaluate, expandSchedule, isTimeZone, isWallTime, matchRequirements, OVERRIDABLE_CODES, type Rejection, type Requirement,
} from './scheduling.rules.js';
import { TimeOff } from './time-off.entity.js';
import { BookableType, DAYS, WorkingHours } from './working-hours.entity.js';

/** Longest search range (spec: at most 62 days). */
export const MAX_RANGE_DAYS = 62;
const DAY_MS = 86_400_000;

type Found = { type: 'User' | 'Resource' | 'Location' | 'Treatment' | 'Appointment'; id: string; name: string; extra: Record<string, unknown> | null; retired: boolean };

/**
 * Resolves the ids a search or hold names in **one statement**: members (through their membership),
 * resources, a location (with its time zone), treatments (with their service rules) and an
 * appointment, all scoped to the organisation.
 * @throws GraphQLError NOT_FOUND naming the field for an unknown, foreign or mistyped id.
 * @throws UserErrorsException VALIDATION ({@link retiredError}, as booking answers), one per id, for an
 * archived resource, location or treatment or a deactivated member with `refuseRetired`: a search and
 * a hold refuse what a booking would; working hours and time off may still be set on them.
 */
async function resolveIds(
  em: EntityManager,
  organisationId: string,
  wanted: { field: string; globalId: string; types: Found['type'][] }[],
  options: { refuseRetired?: boolean } = {},
): Promise<Found[]> {
  const decoded = wanted.map((w) => {
    const d = fromGlobalId(w.globalId);
    if (!d || !w.types.includes(d.type as Found['type'])) throw notFound(w.types.join(' or '), w.globalId, w.field);
    return { ...w, type: d.type as Found['type'], id: d.id };
  });
  const byType = (type: Found['type']) => `{${[...new Set(decoded.filter((d) => d.type === type).map((d) => d.id))].join(',')}}`;
  const rows = decoded.length === 0 ? [] : await em.execute<Found[]>(
    `select 'User' as type, u.id, u.name, null::json as extra, ${deactivatedSql('m')} as retired from app_user u join membership m on m.user_id = u.id where m.organisation_id = ? and u.id = any (?::uuid[])
     union all select 'Resource', r.id, r.name, null, r.archived_at is not null from resource r where r.organisation_id = ? and r.id = any (?::uuid[])
     union all select 'Location', l.id, l.name, json_build_object('timeZone', l.time_zone), l.archived_at is not null from location l where l.organisation_id = ? and l.id = any (?::uuid[])
     union all select 'Treatment', t.id, t.name, json_build_object('durationMinutes', t.duration_minutes, 'bufferBeforeMinutes', t.buffer_before_minutes,
         'bufferAfterMinutes', t.buffer_after_minutes, 'minimumNoticeMinutes', t.minimum_notice_minutes, 'bookingHorizonDays', t.booking_horizon_days,
         'slotIntervalMinutes', t.slot_interval_minutes), t.archived_at is not null from treatment t where t.organisation_id = ? and t.id = any (?::uuid[])
     union all select 'Appointment', a.id, a.code, null, false from appointment a where a.organisation_id = ? and a.id = any (?::uuid[]) and a.deleted_at is null`,
    ['User', 'Resource', 'Location', 'Treatment', 'Appointment'].flatMap((t) => [organisationId, byType(t as Found['type'])]),
  );
  const found = new Map(rows.map((r) => [`${r.type}:${r.id}`, r]));
  const refused: UserError[] = [];
  const result = decoded.map((d) => {
    const row = found.get(`${d.type}:${d.id}`);
    if (!row) throw notFound(d.type, d.globalId, d.field);
    if (options.refuseRetired && row.retired) refused.push(retiredError(d.type, d.globalId, d.field));
    return row;
  });
  if (refused.length) throw new UserErrorsException(refused);
  return result;
}

function treatmentRules(row: Found): TreatmentRules {
  return { id: row.id, ...(row.extra as Omit<TreatmentRules, 'id'>) };
}

function checkPositiveMinutes(errors: UserErrorList, value: number | null | undefined, field: string): void {
  if (value != null && (!Number.isInteger(value) || value <= 0)) errors.add(UserErrorCode.VALIDATION, `${field} must be a positive whole number of minutes.`, ['input', field]);
}

/** The reasons as GraphQL objects. */
export function reasonsOf(rejections: Rejection[]): UnavailabilityReason[] {
  return rejections.map(UnavailabilityReason.of);
}

/**
 * `availability(input:)`: every candidate start of the slot grid in `[from, to)`, offered when every
 * requirement group can be filled, else (with `includeUnavailable`) answered with its reasons.
 * Statements: one look-up of the ids, one load of the facts (whatever the range and the number of
 * appointments), and the loads of the offered bookables. `em` is a transaction's when a write
 * searches (a treatment plan placing its sessions sees the ones it booked).
 * An archived treatment, resource or location or a deactivated member named in the input is answered
 * as booking answers it (VALIDATION in `userErrors`, naming the field), with no slots.
 * @throws GraphQLError NOT_FOUND for an unknown or foreign id.
 */
export async function availability(ctx: Context, input: AvailabilityInput, em: EntityManager = ctx.em): Promise<Availability> {
  const viewer = requireViewer(ctx);
  const errors = new UserErrorList();
  const from = input.from.getTime();
  const to = input.to.getTime();
  if (!(to > from)) errors.add(UserErrorCode.VALIDATION, 'to must be after from.', ['input', 'to']);
  else if (to - from > MAX_RANGE_DAYS * DAY_MS) errors.add(UserErrorCode.VALIDATION, `from and to may be at most ${MAX_RANGE_DAYS} days apart.`, ['input', 'to']);
  checkPositiveMinutes(errors, input.durationMinutes, 'durationMinutes');
  checkPositiveMinutes(errors, input.slotIntervalMinutes, 'slotIntervalMinutes');
  if (input.timeZone != null && !isTimeZone(input.timeZone)) errors.add(UserErrorCode.VALIDATION, `timeZone "${input.timeZone}" is not an IANA time zone.`, ['input', 'timeZone']);
  if (input.requirements.length === 0) errors.add(UserErrorCode.VALIDATION, 'requirements must name at least one group.', ['input', 'requirements']);
  input.requirements.forEach((r, i) => {
    if (r.anyOf.length === 0) errors.add(UserErrorCode.VALIDATION, 'anyOf must name at least one bookable.', ['input', 'requirements', String(i), 'anyOf']);
    else if (!Number.isInteger(r.count) || r.count < 1 || r.count > r.anyOf.length) {
      errors.add(UserErrorCode.VALIDATION, `count must be between 1 and the ${r.anyOf.length} bookables of anyOf.`, ['input', 'requirements', String(i), 'count']);
    }
  });
  const empty = (timeZone: string): Availability => ({ slots: [], unavailable: [], timeZone, userErrors: errors.errors });
  if (errors.errors.length) return empty(input.timeZone ?? viewer.timeZone);

  const wanted = [
    ...input.requirements.flatMap((r, i) => r.anyOf.map((globalId) => ({ field: `requirements.${i}.anyOf`, globalId, types: ['User', 'Resource'] as Found['type'][] }))),
    ...(input.treatmentIds ?? []).map((globalId) => ({ field: 'treatmentIds', globalId, types: ['Treatment'] as Found['type'][] })),
    ...(input.locationId ? [{ field: 'locationId', globalId: input.locationId, types: ['Location'] as Found['type'][] }] : []),
    ...(input.excludeAppointmentId ? [{ field: 'excludeAppointmentId', globalId: input.excludeAppointmentId, types: ['Appointment'] as Found['type'][] }] : []),
  ];
  // The search refuses what a booking would refuse (an archived or deactivated bookable, treatment or location), so it never offers a slot that booking then rejects.
  let found: Found[];
  try {
    found = await resolveIds(em, viewer.organisationId, wanted, { refuseRetired: true });
  } catch (error) {
    if (!(error instanceof UserErrorsException)) throw error;
    errors.errors.push(...error.userErrors);
    return empty(input.timeZone ?? viewer.timeZone);
  }
  const bookableRows = new Map(found.filter((f) => f.type === 'User' || f.type === 'Resource').map((f) => [f.id, f]));
  const treatments = found.filter((f) => f.type === 'Treatment').map(treatmentRules);
  const location = found.find((f) => f.type === 'Location');
  const excluded = found.find((f) => f.type === 'Appointment');

  const total = treatments.reduce((sum, t) => sum + (t.durationMinutes ?? 0), 0);
  const duration = input.durationMinutes ?? (treatments.length && treatments.every((t) => t.durationMinutes) ? total : null);
  if (duration == null) errors.add(UserErrorCode.VALIDATION, 'Give durationMinutes, or treatments that all have a duration.', ['input', 'durationMinutes']);
  const intervals = treatments.map((t) => t.slotIntervalMinutes).filter((n): n is number => n != null);
  const interval = input.slotIntervalMinutes ?? (intervals.length ? Math.min(...intervals) : duration);
  const timeZone = input.timeZone ?? (location?.extra?.timeZone as string | null) ?? viewer.timeZone;
  if (errors.errors.length) return empty(timeZone);

  const now = Date.now();
  const facts = await loadFacts(em, {
    organisationId: viewer.organisationId, organisationTimeZone: viewer.timeZone,
    bookables: [...bookableRows.values()].map((b) => ({ id: b.id, type: b.type as 'User' | 'Resource', name: b.name })),
    locationId: location?.id ?? null, treatments, from, to, now,
  });
  for (const s of [...[...facts.bookables.values()].map((b) => b.schedule), facts.location?.schedule]) {
    if (s) facts.expanded!.set(s, expandSchedule(s, from - 2 * DAY_MS, to + 2 * DAY_MS));
  }
  const requirements: Requirement[] = input.requirements.map((r) => ({ anyOf: r.anyOf.map((g) => fromGlobalId(g)!.id), count: r.count }));

  const users = await ctx.loaders.byId(User).loadMany([...bookableRows.values()].filter((b) => b.type === 'User').map((b) => b.id));
  const resources = await ctx.loaders.byId(Resource).loadMany([...bookableRows.values()].filter((b) => b.type === 'Resource').map((b) => b.id));
  const objects = new Map<string, object>([...users, ...resources].filter((o): o is User | Resource => o != null && !(o instanceof Error)).map((o) => [o.id, o]));

  const slots: AvailableSlot[] = [];
  const unavailable: UnavailableSlot[] = [];
  for (const start of candidateStarts(from, to, timeZone, interval!, duration!)) {
    const candidate = { start, end: start + duration! * 60_000 };
    const outcome = matchRequirements(candidate, requirements, facts, excluded?.id, input.includeUnavailable);
    if (outcome.chosen) {
      slots.push(Object.assign(new AvailableSlot(), { startsAt: new Date(start), endsAt: new Date(candidate.end), bookables: outcome.chosen.map((id) => objects.get(id)!) }));
    } else if (input.includeUnavailable) {
      unavailable.push(Object.assign(new UnavailableSlot(), { startsAt: new Date(start), endsAt: new Date(candidate.end), reasons: reasonsOf(outcome.reasons) }));
    }
  }
  return { slots, unavailable, timeZone, userErrors: [] };
}

/** What the booking path hands to {@link checkBooking}: rows of `resolveLinks` and the appointment's times. */
export interface BookingCheck {
  startsAt: Date;
  endsAt: Date;
  bookables: { id: string; type: 'User' | 'Resource'; name: string; assistant?: boolean }[];
  locationId: string | null;
  treatments: TreatmentRules[];
  excludeAppointmentId?: string | null;
  overrideAvailability?: boolean | null;
}

/**
 * The booking side of "booking = search": evaluates the one candidate with the same rules and facts
 * as `availability` (one statement). Throws OUTSIDE_AVAILABILITY with `unavailability` when a rule
 * other than another booking or hold refuses it (`overrideAvailability` skips hours, closures, time
 * off, notice and horizon). Conflicts with other bookings or holds are left to the exclusion
 * constraint, which answers RESOURCE_UNAVAILABLE; their reasons are returned for that payload.
 * @returns the buffers to copy onto the appointment and the conflict reasons found.
 */
export async function checkBooking(em: EntityManager, ctx: Context, check: BookingCheck): Promise<{ bufferBeforeMinutes: number; bufferAfterMinutes: number; conflicts: Rejection[] }> {
  const viewer = ctx.viewer!;
  const facts = await loadFacts(em, {
    organisationId: viewer.organisationId, organisationTimeZone: viewer.timeZone, bookables: check.bookables,
    locationId: check.locationId, treatments: check.treatments, from: check.startsAt.getTime(), to: check.endsAt.getTime(), now: Date.now(),
  });
  const rejections = evaluate({ start: check.startsAt.getTime(), end: check.endsAt.getTime() }, facts, check.bookables.map((b) => b.id), check.excludeAppointmentId);
  const refusing = rejections.filter((r) => !CONFLICT_CODES.has(r.code) && !(check.overrideAvailability && OVERRIDABLE_CODES.has(r.code)));
  if (refusing.length) {
    const codes = [...new Set(refusing.map((r) => r.code))].join(', ');
    throw new UserErrorsException(
      [UserError.of(UserErrorCode.OUTSIDE_AVAILABILITY, `The time is not available (${codes}): ${refusing.map((r) => r.message).join(' ')}`, ['input', 'startsAt'])],
      { unavailability: reasonsOf(rejections) },
    );
  }
  return { bufferBeforeMinutes: facts.rules.bufferBeforeMinutes, bufferAfterMinutes: facts.rules.bufferAfterMinutes, conflicts: rejections.filter((r) => CONFLICT_CODES.has(r.code)) };
}

/** The bookable a schedule or time off names: a member, a resource, or (for hours) a location. */
async function findBookable(em: EntityManager, organisationId: string, globalId: string, types: Found['type'][]): Promise<Found> {
  const [row] = await resolveIds(em, organisationId, [{ field: 'bookableId', globalId, types }]);
  return row!;
}

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Adds VALIDATION for malformed times and for intervals of one day that overlap. */
function checkIntervals(errors: UserErrorList, intervals: { startTime: string; endTime: string }[], path: (i: number) => string[]): void {
  const spans: [number, number, number][] = [];
  intervals.forEach((iv, i) => {
    for (const key of ['startTime', 'endTime'] as const) {
      if (!isWallTime(iv[key])) errors.add(UserErrorCode.VALIDATION, `${key} "${iv[key]}" is not a time HH:MM (00:00–23:59).`, [...path(i), key]);
    }
    if (isWallTime(iv.startTime) && isWallTime(iv.endTime)) {
      const s = minutes(iv.startTime);
      const e = minutes(iv.endTime);
      spans.push([s, e <= s ? e + 1440 : e, i]);
    }
  });
  spans.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k]![0] < spans[k - 1]![1]) errors.add(UserErrorCode.VALIDATION, 'Intervals of one day must not overlap.', [...path(spans[k]![2]), 'startTime']);
  }
}

/**
 * `setWorkingHours`: replaces the schedule of a member, resource or location; `rules: []` without
 * overrides removes it (always available). userErrors VALIDATION: unknown time zone, malformed
 * `HH:MM`, overlapping rules on one day, a date given twice. @throws NOT_FOUND for bookableId.
 */
export function setWorkingHours(ctx: Context, input: SetWorkingHoursInput) {
  return runMutation(ctx, async (em) => {
    const viewer = ctx.viewer!;
    const bookable = await findBookable(em, viewer.organisationId, input.bookableId, ['User', 'Resource', 'Location']);
    const errors = new UserErrorList();
    const timeZone = input.timeZone ?? (bookable.extra?.timeZone as string | null | undefined) ?? viewer.timeZone;
    if (!isTimeZone(timeZone)) errors.add(UserErrorCode.VALIDATION, `timeZone "${timeZone}" is not an IANA time zone.`, ['input', 'timeZone']);
    for (const day of DAYS) {
      const indexed = input.rules.map((r, i) => ({ r, i })).filter(({ r }) => r.dayOfWeek === day);
      checkIntervals(errors, indexed.map(({ r }) => r), (k) => ['input', 'rules', String(indexed[k]!.i)]);
    }
    const overrides = input.overrides ?? [];
    const dates = new Set<string>();
    overrides.forEach((o, i) => {
      if (dates.has(o.date)) errors.add(UserErrorCode.VALIDATION, `date ${o.date} is given twice.`, ['input', 'overrides', String(i), 'date']);
      dates.add(o.date);
      if (o.reason != null && o.reason.length > 200) errors.add(UserErrorCode.VALIDATION, 'reason must be at most 200 characters.', ['input', 'overrides', String(i), 'reason']);
      checkIntervals(errors, o.intervals, (k) => ['input', 'overrides', String(i), 'intervals', String(k)]);
    });
    errors.throwIfAny();
    const existing = await em.findOne(WorkingHours, { bookableId: bookable.id });
    if (input.rules.length === 0 && overrides.length === 0) {
      if (existing) em.remove(existing);
      return { result: null as WorkingHours | null };
    }
    const values = {
      timeZone,
      rules: input.rules.map((r) => ({ dayOfWeek: r.dayOfWeek, startTime: r.startTime, endTime: r.endTime })),
      overrides: [...overrides].sort((a, b) => a.date.localeCompare(b.date)).map((o) => ({ date: o.date, intervals: o.intervals.map((i) => ({ startTime: i.startTime, endTime: i.endTime })), reason: o.reason ?? null })),
    };
    const hours = existing ?? em.create(WorkingHours, { organisation: viewer.organisationId, bookableId: bookable.id, bookableType: bookable.type as BookableType, ...values });
    if (existing) Object.assign(existing, values);
    return { result: hours };
  });
}

/** `createTimeOff` for a member, resource or location (a location's time off closes it: LOCATION_CLOSED). userErrors VALIDATION: end not after start, reason over 1,000 characters. @throws NOT_FOUND for bookableId. */
export function createTimeOff(ctx: Context, input: CreateTimeOffInput) {
  return runMutation(ctx, async (em) => {
    const viewer = ctx.viewer!;
    const bookable = await findBookable(em, viewer.organisationId, input.bookableId, ['User', 'Resource', 'Location']);
    const errors = new UserErrorList();
    if (!(input.endsAt.getTime() > input.startsAt.getTime())) errors.add(UserErrorCode.VALIDATION, 'endsAt must be after startsAt.', ['input', 'endsAt']);
    if (input.reason != null && input.reason.length > 1000) errors.add(UserErrorCode.VALIDATION, 'reason must be at most 1,000 characters.', ['input', 'reason']);
    errors.throwIfAny();
    return { result: em.create(TimeOff, { organisation: viewer.organisationId, bookableId: bookable.id, bookableType: bookable.type as BookableType, startsAt: input.startsAt, endsAt: input.endsAt, reason: input.reason ?? null }) };
  });
}

/** `deleteTimeOff`: answers the deleted time off. @throws NOT_FOUND. */
export function deleteTimeOff(ctx: Context, input: DeleteTimeOffInput) {
  return runMutation(ctx, async (em) => {
    const decoded = fromGlobalId(input.id);
    const timeOff = decoded?.type === 'TimeOff' ? await em.findOne(TimeOff, decoded.id) : null;
    if (!timeOff) throw notFound('TimeOff', input.id, 'id');
    em.remove(timeOff);
    return { result: timeOff };
  });
}

/** Minimum and maximum `ttlSeconds` of a hold. */
export const HOLD_TTL = { min: 30, max: 3600 };

/**
 * Reads which appointments and unexpired holds take the requested bookables over the blocked range,
 * after an exclusion violation, as BookingConflicts (appointment or hold).
 */
export async function allocationConflicts(ctx: Context, request: { id?: string | null; start: Date; end: Date; bookables: { kind: BookingConflictKind; id: string }[] }): Promise<BookingConflict[]> {
  const em = ctx.em.fork({ clear: true });
  const rows = await em.execute<{ appointment_id: string | null; hold_id: string | null; bookable_id: string }[]>(
    `select distinct al.appointment_id, al.hold_id, al.bookable_id from appointment_allocation al left join hold h on h.id = al.hold_id
      where al.organisation_id = ? and al.bookable_id in (?) and al.during && tstzrange(?, ?, '[)')
        and (al.hold_id is null or h.expires_at > clock_timestamp())
        and (?::uuid is null or al.appointment_id is distinct from ?::uuid)
      order by al.appointment_id, al.hold_id, al.bookable_id`,
    [ctx.viewer!.organisationId, request.bookables.map((b) => b.id), request.start, request.end, request.id ?? null, request.id ?? null],
  );
  const conflicts: BookingConflict[] = [];
  for (const row of rows) {
    for (const wanted of request.bookables.filter((b) => b.id === row.bookable_id)) {
      const isUser = wanted.kind === BookingConflictKind.PRACTITIONER || wanted.kind === BookingConflictKind.ASSISTANT;
      const bookable = isUser ? await ctx.loaders.byId(User).load(row.bookable_id) : await ctx.loaders.byId(Resource).load(row.bookable_id);
      const appointment = row.appointment_id ? await ctx.loaders.byId(Appointment).load(row.appointment_id) : null;
      const hold = row.hold_id ? await ctx.loaders.byId(Hold).load(row.hold_id) : null;
      if (bookable && (appointment || hold)) conflicts.push({ kind: wanted.kind, bookable, appointment, hold });
    }
  }
  return conflicts;
}

/** A conflict's one-line description. */
export function describeConflict(c: BookingConflict): string {
  return c.appointment
    ? `${c.kind.toLowerCase()} ${c.bookable.name} is held by appointment ${toGlobalId('Appointment', c.appointment.id)} (${c.appointment.code})`
    : `${c.kind.toLowerCase()} ${c.bookable.name} is held by hold ${toGlobalId('Hold', c.hold!.id)} until ${c.hold!.expiresAt.toISOString()}`;
}

const EXCLUSION_VIOLATION = '23P01';

/** Whether `error` is the allocation exclusion constraint's violation. */
export function isAllocationConflict(error: unknown): boolean {
  const cause = error as { code?: string; cause?: { code?: string } };
  return (cause?.code ?? cause?.cause?.code) === EXCLUSION_VIOLATION || String((error as Error)?.message).includes('appointment_allocation_no_overlap');
}

/**
 * `createHold`: checks the same rules as a booking (OUTSIDE_AVAILABILITY), then inserts the hold,
 * whose trigger writes its allocation rows under the exclusion constraint: of concurrent holds or
 * bookings of one slot exactly one wins, the others answer RESOURCE_UNAVAILABLE with `conflicts`.
 * Idempotent by `idempotencyKey`. userErrors VALIDATION: ttlSeconds outside 30–3,600, end not
 * after start, no bookables. @throws NOT_FOUND for unknown ids.
 */
export async function createHold(ctx: Context, input: CreateHoldInput) {
  let request: Parameters<typeof allocationConflicts>[1] | null = null;
  let conflictReasons: Rejection[] = [];
  const payload = await runMutation(
    ctx,
    (em) => idempotent(em, ctx, 'createHold', input, Hold, async () => {
      const viewer = ctx.viewer!;
      const errors = new UserErrorList();
      if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds < HOLD_TTL.min || input.ttlSeconds > HOLD_TTL.max) {
        errors.add(UserErrorCode.VALIDATION, `ttlSeconds must be a whole number from ${HOLD_TTL.min} to ${HOLD_TTL.max}.`, ['input', 'ttlSeconds']);
      }
      if (input.bookableIds.length === 0) errors.add(UserErrorCode.VALIDATION, 'bookableIds must name at least one bookable.', ['input', 'bookableIds']);
      const found = await resolveIds(em, viewer.organisationId, [
        ...[...new Set(input.bookableIds)].map((globalId) => ({ field: 'bookableIds', globalId, types: ['User', 'Resource'] as Found['type'][] })),
        ...(input.treatmentIds ?? []).map((globalId) => ({ field: 'treatmentIds', globalId, types: ['Treatment'] as Found['type'][] })),
        ...(input.locationId ? [{ field: 'locationId', globalId: input.locationId, types: ['Location'] as Found['type'][] }] : []),
      ], { refuseRetired: true });
      const customer = input.customerId ? await findCustomer(em, input.customerId) : null;
      const bookables = found.filter((f) => f.type === 'User' || f.type === 'Resource').map((b) => ({ id: b.id, type: b.type as 'User' | 'Resource', name: b.name }));
      const treatments = found.filter((f) => f.type === 'Treatment').map(treatmentRules);
      const total = treatments.reduce((sum, t) => sum + (t.durationMinutes ?? 0), 0);
      const endsAt = input.endsAt ?? (treatments.length && treatments.every((t) => t.durationMinutes) ? new Date(input.startsAt.getTime() + total * 60_000) : null);
      if (!endsAt) errors.add(UserErrorCode.VALIDATION, 'Give endsAt, or treatments that all have a duration.', ['input', 'endsAt']);
      else if (endsAt.getTime() <= input.startsAt.getTime()) errors.add(UserErrorCode.VALIDATION, 'endsAt must be after startsAt.', ['input', 'endsAt']);
      errors.throwIfAny();
      const checked = await checkBooking(em, ctx, { startsAt: input.startsAt, endsAt: endsAt!, bookables, locationId: found.find((f) => f.type === 'Location')?.id ?? null, treatments });
      conflictReasons = checked.conflicts;
      request = { start: new Date(input.startsAt.getTime() - checked.bufferBeforeMinutes * 60_000), end: new Date(endsAt!.getTime() + checked.bufferAfterMinutes * 60_000), bookables: bookables.map((b) => ({ kind: b.type === 'User' ? BookingConflictKind.PRACTITIONER : BookingConflictKind.RESOURCE, id: b.id })) };
      const hold = em.create(Hold, {
        organisation: viewer.organisationId, startsAt: input.startsAt, endsAt: endsAt!, expiresAt: new Date(Date.now() + input.ttlSeconds * 1000),
        bufferBeforeMinutes: checked.bufferBeforeMinutes, bufferAfterMinutes: checked.bufferAfterMinutes,
        bookables: bookables.map((b) => ({ id: b.id, type: b.type as BookableType.User | BookableType.Resource })), customer, idempotencyKey: input.idempotencyKey ?? null,
      });
      stageEvent(em, { type: OutboxEventType.HOLD_CREATED, objectId: toGlobalId('Hold', hold.id), payload: () => holdPayload(em, hold) });
      await em.flush();
      return hold;
    }),
    async (error) => {
      if (!isAllocationConflict(error) || !request) return null;
      const conflicts = await allocationConflicts(ctx, request);
      const message = conflicts.length ? `Not available: ${conflicts.map(describeConflict).join('; ')}.` : 'A requested bookable is already booked or held at an overlapping time.';
      return new UserErrorsException([UserError.of(UserErrorCode.RESOURCE_UNAVAILABLE, message, ['input'])], { conflicts, unavailability: reasonsOf(conflictReasons) });
    },
  );
  return { conflicts: [], unavailability: [], ...payload };
}

async function findCustomer(em: EntityManager, globalId: string): Promise<Customer> {
  const decoded = fromGlobalId(globalId);
  const customer = decoded?.type === 'Customer' ? await em.findOne(Customer, decoded.id) : null;
  if (!customer) throw notFound('Customer', globalId, 'customerId');
  return customer;
}

/**
 * `releaseHold`: deletes the hold (and its allocation rows), writes `hold.released` (none for a hold
 * whose expiry was already processed) and, in the same transaction, offers its range to the waitlist
 * (a released offer's entry waits again; see {@link endHold}); answers the hold. @throws NOT_FOUND.
 */
export function releaseHold(ctx: Context, input: ReleaseHoldInput) {
  return runMutation(ctx, async (em) => {
    const hold = await lockHold(em, input.id, 'id');
    await endHold(em, ctx, hold, 'released');
    return { result: hold };
  });
}

/** A hold as its outbox events carry it: its fields, and its bookables as `bookableIds` (global ids). */
export function holdPayload(em: EntityManager, hold: Hold): Record<string, unknown> {
  const { bookables, ...fields } = entityPayload(em, hold);
  return { ...fields, bookableIds: (bookables as HeldBookable[]).map((b) => toGlobalId(b.type, b.id)) };
}

/** Loads a hold of the organisation under a row lock. @throws NOT_FOUND naming `field`. */
export async function lockHold(em: EntityManager, globalId: string, field: string): Promise<Hold> {
  const decoded = fromGlobalId(globalId);
  const hold = decoded?.type === 'Hold' ? await em.findOne(Hold, decoded.id, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!hold) throw notFound('Hold', globalId, field);
  return hold;
}

/** `timeOff(from, to)` of a bookable, by start. */
export function timeOffOf(ctx: Context, bookableId: string, from: Date | null | undefined, to: Date | null | undefined) {
  const where: Record<string, unknown> = { bookableId };
  if (from) where.endsAt = { $gt: from };
  if (to) where.startsAt = { $lt: to };
  return ctx.em.find(TimeOff, where, { orderBy: { startsAt: 'asc', id: 'asc' } });
}
