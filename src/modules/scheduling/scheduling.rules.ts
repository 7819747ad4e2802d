import { DateTime, IANAZone } from 'luxon';
import { DAYS, type DateOverride, type WeeklyRule } from './working-hours.entity.js';

/**
 * The availability rule engine: pure functions over loaded facts, shared by the `availability`
 * search and by `createAppointment` / `updateAppointment` / `createHold` for their one candidate,
 * so a time the search offers is a time booking accepts (docs/availability.md). Instants are epoch
 * milliseconds; every wall-clock conversion goes through Luxon and the zone's rules for that date.
 */

/** Why a candidate (or one bookable of it) is not available. Mirrors the GraphQL enum. */
export enum UnavailabilityCode {
  OUTSIDE_WORKING_HOURS = 'OUTSIDE_WORKING_HOURS',
  CLOSED = 'CLOSED',
  TIME_OFF = 'TIME_OFF',
  LOCATION_CLOSED = 'LOCATION_CLOSED',
  BOOKED = 'BOOKED',
  BUFFER = 'BUFFER',
  HELD = 'HELD',
  TOO_SOON = 'TOO_SOON',
  TOO_FAR = 'TOO_FAR',
  NOT_QUALIFIED = 'NOT_QUALIFIED',
}

/** The codes another booking or hold causes: the exclusion constraint's, never overridable. */
export const CONFLICT_CODES: ReadonlySet<UnavailabilityCode> = new Set([UnavailabilityCode.BOOKED, UnavailabilityCode.BUFFER, UnavailabilityCode.HELD]);

/** The codes `overrideAvailability` skips: hours, closures, time off, notice and horizon. */
export const OVERRIDABLE_CODES: ReadonlySet<UnavailabilityCode> = new Set([
  UnavailabilityCode.OUTSIDE_WORKING_HOURS, UnavailabilityCode.CLOSED, UnavailabilityCode.TIME_OFF, UnavailabilityCode.LOCATION_CLOSED,
  UnavailabilityCode.TOO_SOON, UnavailabilityCode.TOO_FAR,
]);

/** One reason, with the object that causes it (ids are uuids). */
export interface Rejection {
  code: UnavailabilityCode;
  /** Built when read (a getter): a search discards most rejections unread. */
  readonly message: string;
  bookable?: { id: string; type: 'User' | 'Resource' | 'Location' };
  appointmentId?: string;
  holdId?: string;
}

/** A schedule as stored: IANA zone, weekly rules, dated overrides. */
export interface Schedule {
  timeZone: string;
  rules: WeeklyRule[];
  overrides: DateOverride[];
}

/** A blocked range of another appointment or hold: `start`/`end` with buffers, `coreStart`/`coreEnd` without. */
export interface Busy {
  start: number;
  end: number;
  coreStart: number;
  coreEnd: number;
  appointmentId: string | null;
  holdId: string | null;
}

/** Everything the rules know of one member or resource. */
export interface BookableFacts {
  id: string;
  type: 'User' | 'Resource';
  name: string;
  /** An appointment's assistant: qualification concerns the practitioner only. */
  assistant?: boolean;
  schedule: Schedule | null;
  timeOff: { id: string; start: number; end: number; reason: string | null }[];
  /** Sorted by start. */
  busy: Busy[];
  /** The longest `end - start` of `busy`, for the scan. */
  busySpan: number;
}

/** The service rules of the treatments booked together (spec "Service rules"). */
export interface ServiceRules {
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  bookingHorizonDays: number | null;
  /** Members who may perform every treatment that names performers; null when none names any. */
  qualified: ReadonlySet<string> | null;
}

/** The facts of one search or booking. */
export interface Facts {
  now: number;
  organisationTimeZone: string;
  location: { id: string; schedule: Schedule | null; timeOff: BookableFacts['timeOff'] } | null;
  bookables: Map<string, BookableFacts>;
  rules: ServiceRules;
  /** The first instant past the booking horizon, computed once per search. */
  horizonLimit?: number;
  /** Working intervals per schedule, expanded once per search (keyed by the schedule object). */
  expanded?: WeakMap<Schedule, Expanded>;
}

/** A candidate: the appointment's own `[start, end)` in epoch ms. */
export interface Candidate {
  start: number;
  end: number;
}

/** A requirement group: `count` of `anyOf` (uuids, in order of preference). */
export interface Requirement {
  anyOf: string[];
  count: number;
}

const MINUTE = 60_000;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `value` is a wall-clock time `HH:MM` (00:00–23:59). */
export function isWallTime(value: string): boolean {
  return HHMM.test(value);
}

/** Whether `zone` is an IANA time zone Luxon knows. */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** A local date of a zone: its midnight instant, and whether the day is 24 h with one offset. */
interface LocalDay {
  midnight: number;
  /** No offset change from this midnight to the next: wall-clock minutes are real minutes. */
  uniform: boolean;
}

const days = new Map<string, LocalDay>();
const MAX_CACHED_DAYS = 50_000;

/**
 * The midnight of local `date` (`YYYY-MM-DD`) in `zone`, read once per zone and date through Luxon
 * (its `Intl` offset look-ups are the costly part of a search); cached for the process.
 */
function localDay(zone: string, date: DateTime): LocalDay {
  const key = `${zone}|${date.year}-${date.month}-${date.day}`;
  let day = days.get(key);
  if (!day) {
    const midnight = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone });
    const next = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }, { zone }).plus({ days: 1 });
    const tz = IANAZone.create(zone);
    day = { midnight: midnight.toMillis(), uniform: next.toMillis() - midnight.toMillis() === 1440 * MINUTE && tz.offset(midnight.toMillis()) === tz.offset(next.toMillis() - 1) };
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(key, day);
  }
  return day;
}

/**
 * The instant of local `date` (a calendar date, read in UTC) + `minutes` in `zone`. A time in the
 * spring-forward gap moves forward by the gap (Luxon's rule); one that exists twice takes the
 * earlier instant. Days without an offset change need no Luxon call beyond {@link localDay}.
 */
function wallInstant(zone: string, date: DateTime, minutes: number): number {
  const day = localDay(zone, date);
  if (day.uniform) return day.midnight + minutes * MINUTE;
  return cached(`${zone}|${date.year}-${date.month}-${date.day}|${minutes}`, () => {
    const dt = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone });
    return Math.min(...dt.getPossibleOffsets().map((d) => d.toMillis()), dt.toMillis());
  });
}

const clockChangeDays = new Map<string, unknown>();

/** Results computed through Luxon for the few local days with an offset change, cached for the process. */
function cached<T>(key: string, compute: () => T): T {
  if (!clockChangeDays.has(key)) {
    if (clockChangeDays.size >= MAX_CACHED_DAYS) clockChangeDays.clear();
    clockChangeDays.set(key, compute());
  }
  return clockChangeDays.get(key) as T;
}

/** The local calendar date of instant `ms` in `zone`, as a UTC DateTime (calendar arithmetic without zone look-ups). */
function localDate(ms: number, zone: string): DateTime {
  const local = DateTime.fromMillis(ms, { zone });
  return DateTime.utc(local.year, local.month, local.day);
}

/** Working intervals (merged, sorted) and closed local dates of a schedule. */
export interface Expanded {
  intervals: { start: number; end: number }[];
  closedDates: Set<string>;
}

/**
 * Expands a schedule into absolute intervals covering `[from, to)`: for each local date (from the
 * day before, for rules past midnight) the date's override if any, else the weekly rules of its
 * weekday. An end at or before the start is on the next date. Overlapping intervals merge.
 */
export function expandSchedule(schedule: Schedule, from: number, to: number): Expanded {
  const zone = schedule.timeZone;
  const overrides = new Map(schedule.overrides.map((o) => [o.date, o]));
  const raw: { start: number; end: number }[] = [];
  const closedDates = new Set<string>();
  let day = localDate(from, zone).minus({ days: 1 });
  const last = localDate(to, zone);
  while (day <= last) {
    const iso = day.toISODate()!;
    const override = overrides.get(iso);
    const intervals = override ? override.intervals : schedule.rules.filter((r) => r.dayOfWeek === DAYS[day.weekday - 1]);
    if (override && override.intervals.length === 0) closedDates.add(iso);
    for (const i of intervals) {
      const startMinutes = minutesOf(i.startTime);
      const endMinutes = minutesOf(i.endTime);
      const start = wallInstant(zone, day, startMinutes);
      const end = endMinutes <= startMinutes ? wallInstant(zone, day.plus({ days: 1 }), endMinutes) : wallInstant(zone, day, endMinutes);
      if (end > start) raw.push({ start, end });
    }
    day = day.plus({ days: 1 });
  }
  raw.sort((a, b) => a.start - b.start);
  const intervals: { start: number; end: number }[] = [];
  for (const i of raw) {
    const prev = intervals[intervals.length - 1];
    if (prev && i.start <= prev.end) prev.end = Math.max(prev.end, i.end);
    else intervals.push({ ...i });
  }
  return { intervals, closedDates };
}

function expanded(facts: Facts, schedule: Schedule, range: Candidate): Expanded {
  const cached = facts.expanded?.get(schedule);
  if (cached) return cached;
  return expandSchedule(schedule, range.start, range.end);
}

/** Whether `[start, end)` lies inside one working interval (binary search). */
function covered(intervals: { start: number; end: number }[], start: number, end: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = intervals[mid]!;
    if (i.end <= start) lo = mid + 1;
    else if (i.start > start) hi = mid - 1;
    else return end <= i.end;
  }
  return false;
}

/** First index of `sorted` (by start) whose start is at or after `from`. */
function firstFrom<T extends { start: number }>(sorted: T[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range a candidate blocks: with the service's buffers. */
export function blockedRange(c: Candidate, rules: ServiceRules): Candidate {
  return { start: c.start - rules.bufferBeforeMinutes * MINUTE, end: c.end + rules.bufferAfterMinutes * MINUTE };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Hours of a schedule: OUTSIDE_WORKING_HOURS, or CLOSED when the local date is closed by an override. */
function hoursRejection(facts: Facts, schedule: Schedule, blocked: Candidate, closedCode: UnavailabilityCode, outsideCode: UnavailabilityCode, who: string, bookable: Rejection['bookable']): Rejection | null {
  const e = expanded(facts, schedule, blocked);
  if (covered(e.intervals, blocked.start, blocked.end)) return null;
  if (e.closedDates.size === 0) return { code: outsideCode, bookable, get message() { return `${iso(blocked.start)}–${iso(blocked.end)} is outside the working hours of ${who} (${schedule.timeZone}).`; } };
  const date = DateTime.fromMillis(blocked.start, { zone: schedule.timeZone }).toISODate()!;
  const endDate = DateTime.fromMillis(blocked.end - 1, { zone: schedule.timeZone }).toISODate()!;
  if (e.closedDates.has(date) || e.closedDates.has(endDate)) return { code: closedCode, bookable, get message() { return `${who} is closed on ${e.closedDates.has(date) ? date : endDate} (${schedule.timeZone}).`; } };
  return { code: outsideCode, bookable, get message() { return `${iso(blocked.start)}–${iso(blocked.end)} is outside the working hours of ${who} (${schedule.timeZone}).`; } };
}

/**
 * Every reason one member or resource cannot take the candidate: hours, closure, time off,
 * qualification, other appointments (BOOKED when the appointments themselves overlap, BUFFER when
 * only a buffer does) and unexpired holds. `excludeAppointmentId`'s own rows never block.
 */
export function evaluateBookable(candidate: Candidate, b: BookableFacts, facts: Facts, excludeAppointmentId?: string | null): Rejection[] {
  const out: Rejection[] = [];
  const bookable = { id: b.id, type: b.type };
  const blocked = blockedRange(candidate, facts.rules);
  if (b.type === 'User' && !b.assistant && facts.rules.qualified && !facts.rules.qualified.has(b.id)) {
    out.push({ code: UnavailabilityCode.NOT_QUALIFIED, get message() { return `${b.name} does not perform the treatment.`; }, bookable });
  }
  if (b.schedule) {
    const r = hoursRejection(facts, b.schedule, blocked, UnavailabilityCode.CLOSED, UnavailabilityCode.OUTSIDE_WORKING_HOURS, b.name, bookable);
    if (r) out.push(r);
  }
  for (const t of b.timeOff) {
    if (t.start < blocked.end && blocked.start < t.end) {
      out.push({ code: UnavailabilityCode.TIME_OFF, get message() { return `${b.name} is off ${iso(t.start)}–${iso(t.end)}${t.reason ? ` (${t.reason})` : ''}.`; }, bookable });
      break;
    }
  }
  // Rows are sorted by start and none is longer than busySpan: start at the first that can reach us.
  for (let i = firstFrom(b.busy, blocked.start - b.busySpan); i < b.busy.length; i++) {
    const row = b.busy[i]!;
    if (row.start >= blocked.end) break;
    if (row.end <= blocked.start) continue;
    if (row.appointmentId && row.appointmentId === excludeAppointmentId) continue;
    if (row.holdId) {
      out.push({ code: UnavailabilityCode.HELD, get message() { return `${b.name} is held until the hold expires.`; }, bookable, holdId: row.holdId });
    } else if (row.coreStart < candidate.end && candidate.start < row.coreEnd) {
      out.push({ code: UnavailabilityCode.BOOKED, get message() { return `${b.name} is booked ${iso(row.coreStart)}–${iso(row.coreEnd)}.`; }, bookable, appointmentId: row.appointmentId! });
    } else {
      out.push({ code: UnavailabilityCode.BUFFER, get message() { return `A buffer between ${b.name}'s appointment at ${iso(row.coreStart)}–${iso(row.coreEnd)} and this one overlaps.`; }, bookable, appointmentId: row.appointmentId! });
    }
  }
  return out;
}

/** Reasons that concern the candidate as a whole: notice, horizon, the location's opening hours. */
export function evaluateCommon(candidate: Candidate, facts: Facts): Rejection[] {
  const out: Rejection[] = [];
  const { rules } = facts;
  const earliest = facts.now + rules.minimumNoticeMinutes * MINUTE;
  if (candidate.start < earliest) {
    out.push({ code: UnavailabilityCode.TOO_SOON, get message() { return `Starts before ${iso(earliest)} (now + ${rules.minimumNoticeMinutes} minutes of notice).`; } });
  }
  if (rules.bookingHorizonDays != null) {
    facts.horizonLimit ??= DateTime.fromMillis(facts.now, { zone: facts.organisationTimeZone }).startOf('day').plus({ days: rules.bookingHorizonDays + 1 }).toMillis();
    if (candidate.start >= facts.horizonLimit) {
      out.push({ code: UnavailabilityCode.TOO_FAR, get message() { return `Starts at or after ${iso(facts.horizonLimit!)}, past the booking horizon of ${rules.bookingHorizonDays} days.`; } });
    }
  }
  const location = facts.location;
  if (location) {
    const blocked = blockedRange(candidate, rules);
    const r = location.schedule && hoursRejection(facts, location.schedule, blocked, UnavailabilityCode.LOCATION_CLOSED, UnavailabilityCode.LOCATION_CLOSED, 'the location', { id: location.id, type: 'Location' });
    const off = location.timeOff.find((t) => t.start < blocked.end && blocked.start < t.end);
    if (r) out.push(r);
    else if (off) out.push({ code: UnavailabilityCode.LOCATION_CLOSED, get message() { return `The location is closed ${iso(off.start)}–${iso(off.end)}${off.reason ? ` (${off.reason})` : ''}.`; }, bookable: { id: location.id, type: 'Location' } });
  }
  return out;
}

/** Every reason the candidate cannot be booked with exactly these bookables (the booking path). */
export function evaluate(candidate: Candidate, facts: Facts, bookableIds: string[], excludeAppointmentId?: string | null): Rejection[] {
  const out = evaluateCommon(candidate, facts);
  for (const id of bookableIds) {
    const b = facts.bookables.get(id);
    if (b) out.push(...evaluateBookable(candidate, b, facts, excludeAppointmentId));
  }
  return out;
}

/** A candidate's outcome in a search: the chosen bookables, or the reasons it is not offered. */
export type Outcome = { chosen: string[]; reasons: null } | { chosen: null; reasons: Rejection[] };

/**
 * Matches the requirement groups: for each, the first `count` free members of `anyOf` in order,
 * never one already chosen for an earlier group. Reasons: the common ones, and for each group that
 * cannot be filled, the reasons of each of its bookables that is not free (with `explain: false`, only
 * up to the first group that settles it).
 */
export function matchRequirements(candidate: Candidate, requirements: Requirement[], facts: Facts, excludeAppointmentId?: string | null, explain = true): Outcome {
  const reasons = evaluateCommon(candidate, facts);
  // Without explain the first reason settles it: the rest would be discarded.
  if (reasons.length && !explain) return { chosen: null, reasons };
  const chosen: string[] = [];
  for (const req of requirements) {
    const picked: string[] = [];
    const refused: Rejection[] = [];
    for (const id of req.anyOf) {
      if (picked.length === req.count) break;
      if (chosen.includes(id)) continue;
      const b = facts.bookables.get(id)!;
      const r = evaluateBookable(candidate, b, facts, excludeAppointmentId);
      if (r.length === 0) picked.push(id);
      else refused.push(...r);
    }
    chosen.push(...picked);
    if (picked.length < req.count) {
      reasons.push(...refused);
      if (!explain) return { chosen: null, reasons };
    }
  }
  return reasons.length ? { chosen: null, reasons } : { chosen, reasons: null };
}

/**
 * Candidate starts: the local wall-clock times of `zone` that are whole multiples of
 * `intervalMinutes` after local midnight, within `[from, to - durationMinutes]`. A wall time in the
 * spring-forward gap does not exist and is skipped; one that exists twice (fall-back) gives both
 * instants.
 */
export function candidateStarts(from: number, to: number, zone: string, intervalMinutes: number, durationMinutes: number): number[] {
  const out: number[] = [];
  let date = localDate(from, zone);
  const lastStart = to - durationMinutes * MINUTE;
  for (let day = localDay(zone, date); day.midnight <= lastStart; date = date.plus({ days: 1 }), day = localDay(zone, date)) {
    if (day.uniform) {
      for (let m = 0; m < 1440; m += intervalMinutes) {
        const t = day.midnight + m * MINUTE;
        if (t >= from && t <= lastStart) out.push(t);
      }
      continue;
    }
    const grid = cached(`${zone}|${date.year}-${date.month}-${date.day}|grid ${intervalMinutes}`, () => {
      const instants: number[] = [];
      for (let m = 0; m < 24 * 60; m += intervalMinutes) {
        const dt = DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour: Math.floor(m / 60), minute: m % 60 }, { zone });
        if (dt.hour * 60 + dt.minute !== m || dt.day !== date.day) continue;
        instants.push(...new Set(dt.getPossibleOffsets().map((d) => d.toMillis())));
      }
      return instants;
    });
    for (const t of grid) if (t >= from && t <= lastStart) out.push(t);
  }
  // A fall-back hour's second pass comes after the first in time, not in wall-clock order.
  return out.sort((a, b) => a - b);
}
