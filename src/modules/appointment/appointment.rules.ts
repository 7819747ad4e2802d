import { Decimal } from 'decimal.js';
import { DateTime } from 'luxon';

/** Longest appointment or treatment, in minutes (docs/security.md): a day. Longer work is several appointments. */
export const MAX_DURATION_MINUTES = 24 * 60;

/**
 * Whether `[startsAt, endsAt)` lies inside the daily window `startTime`–`endTime` (`HH:MM`, `24:00` =
 * end of day) on one local date of `timeZone` (IANA, read with luxon's tz database). Seed 000's
 * time band rule (OUTSIDE_TIME_BAND).
 */
export function isInsideTimeBand(startsAt: Date, endsAt: Date, band: { startTime: string; endTime: string }, timeZone: string): boolean {
  const start = DateTime.fromJSDate(startsAt, { zone: timeZone });
  const bandStart = start.startOf('day').plus(minutesOf(band.startTime) * 60_000);
  const bandEnd = start.startOf('day').plus(minutesOf(band.endTime) * 60_000);
  return start >= bandStart && DateTime.fromJSDate(endsAt, { zone: timeZone }) <= bandEnd;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

const digitsByCurrency = new Map<string, number>();

/** Digits after the decimal point that `currency` (ISO 4217) allows, from Intl (e.g. GBP 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    // Building an Intl.NumberFormat was ~2 % of a create's CPU in the bench profile; a create checks up to three amounts.
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Whether `amount` is ≥ 0 and has no more fraction digits than `currency` allows. */
export function moneyProblem(amount: string, currency: string): string | null {
  const value = new Decimal(amount);
  if (value.isNegative()) return 'must be ≥ 0';
  const digits = currencyDigits(currency);
  if (value.decimalPlaces() > digits) return `has more than ${digits} decimal places for ${currency}`;
  return null;
}
