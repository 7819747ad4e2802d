import { DateTime } from 'luxon';
import rrule from 'rrule';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';

const { RRule } = rrule;

/** The bounds of one series (config: SERIES_MAX_OCCURRENCES, SERIES_MAX_SPAN_MONTHS). */
export interface SeriesLimits {
  maxOccurrences: number;
  maxSpanMonths: number;
}

/** What {@link expandRule} reads: the rule and where it starts. */
export interface RuleInput {
  rrule: string;
  startsAt: Date;
  timeZone: string;
  count?: number | null;
  until?: Date | null;
}

/** A local wall-clock time as rrule's "floating" Date: its UTC fields are the local fields. */
function floating(local: DateTime): Date {
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second));
}

/** The instant of a floating Date's wall-clock time in `zone` (a time in a spring-forward gap moves on by the gap). */
function instant(wall: Date, zone: string): Date {
  return DateTime.fromObject(
    { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes(), second: wall.getUTCSeconds() },
    { zone },
  ).toJSDate();
}

/**
 * Expands an RFC 5545 RRULE (one `RRULE:` line or its value, e.g. `FREQ=WEEKLY;BYDAY=MO`) from
 * `startsAt` in `timeZone`: the rule runs on local wall-clock times (rrule's floating dates), so every
 * occurrence keeps the first one's local time across DST changes. The end is the rule's COUNT or
 * UNTIL, or `count` / `until` (one of them, not both). Adds VALIDATION naming the field for a rule
 * that does not parse, has no end or two, or expands past `maxOccurrences` or `maxSpanMonths` after
 * `startsAt`.
 * @returns the starts of the occurrences in order (the first is `startsAt` when the rule matches it), or null after errors.
 */
export function expandRule(errors: UserErrorList, input: RuleInput, limits: SeriesLimits): Date[] | null {
  const text = input.rrule.trim().replace(/^RRULE:/i, '');
  const bad = (message: string, field = 'rrule') => {
    errors.add(UserErrorCode.VALIDATION, message, ['input', field]);
    return null;
  };
  if (!text || /[\r\n]/.test(text) || /(^|;)\s*(DTSTART|TZID)\s*=/i.test(text)) {
    return bad('rrule must be one RRULE value such as "FREQ=WEEKLY;BYDAY=MO" (no DTSTART: the start is startsAt, the zone timeZone).');
  }
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    return bad(`rrule does not parse: ${(error as Error).message}.`);
  }
  if (options.freq == null) return bad('rrule needs FREQ (e.g. FREQ=WEEKLY).');
  if (options.count != null && !(Number.isInteger(options.count) && options.count > 0)) return bad('COUNT in rrule must be a whole number above 0.');
  const ends = [options.count != null, options.until != null, input.count != null, input.until != null].filter(Boolean).length;
  if (ends === 0) return bad('The rule has no end: give COUNT or UNTIL in rrule, or count or until.');
  if (ends > 1) return bad('Give one end: COUNT or UNTIL in rrule, or count, or until.');
  if (input.count != null && !(Number.isInteger(input.count) && input.count > 0)) return bad('count must be a whole number above 0.', 'count');
  const count = options.count ?? input.count ?? null;
  if (count != null && count > limits.maxOccurrences) {
    return bad(`A series has at most ${limits.maxOccurrences} occurrences (got ${count}).`, options.count != null ? 'rrule' : 'count');
  }
  if (input.until && input.until.getTime() < input.startsAt.getTime()) return bad('until must not be before startsAt.', 'until');

  const start = DateTime.fromJSDate(input.startsAt, { zone: input.timeZone });
  // rrule's own UNTIL is a UTC instant (…Z) or a local date-time; ours an instant: both become wall-clock times of the zone.
  const untilWall = input.until ? floating(DateTime.fromJSDate(input.until, { zone: input.timeZone })) : options.until ? floating(DateTime.fromJSDate(options.until, { zone: input.timeZone })) : null;
  const rule = new RRule({ ...options, count, until: untilWall, dtstart: floating(start), tzid: null });
  const last = start.plus({ months: limits.maxSpanMonths });
  const starts: Date[] = [];
  let tooMany = false;
  let tooLong = false;
  rule.all((wall) => {
    const at = instant(wall, input.timeZone);
    if (at.getTime() > last.toMillis()) {
      tooLong = true;
      return false;
    }
    if (starts.length === limits.maxOccurrences) {
      tooMany = true;
      return false;
    }
    starts.push(at);
    return true;
  });
  const endField = options.count != null || options.until != null ? 'rrule' : input.count != null ? 'count' : 'until';
  if (tooMany) return bad(`The rule expands past ${limits.maxOccurrences} occurrences; a series has at most ${limits.maxOccurrences}.`, endField);
  if (tooLong) return bad(`The rule runs past ${limits.maxSpanMonths} months after startsAt; a series spans at most ${limits.maxSpanMonths} months.`, endField);
  if (starts.length === 0) return bad('The rule has no occurrence on or after startsAt.');
  return starts;
}

/**
 * Moves `target` as an edit moved `from` to `to`, in wall-clock terms of `zone`: by the same number of
 * local calendar days and the same change of local time of day. Moving a 10:00 occurrence to 11:00
 * moves a later 10:00 occurrence to 11:00 local, whichever side of a DST change it lies on.
 */
export function shiftWallClock(target: Date, from: Date, to: Date, zone: string): Date {
  const f = DateTime.fromJSDate(from, { zone });
  const t = DateTime.fromJSDate(to, { zone });
  const o = DateTime.fromJSDate(target, { zone });
  const days = Math.round(t.startOf('day').diff(f.startOf('day'), 'days').days);
  const total = o.hour * 60 + o.minute + (t.hour * 60 + t.minute) - (f.hour * 60 + f.minute);
  const carry = Math.floor(total / 1440);
  const minutes = total - carry * 1440;
  return o.startOf('day').plus({ days: days + carry }).set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: t.second, millisecond: t.millisecond }).toJSDate();
}
