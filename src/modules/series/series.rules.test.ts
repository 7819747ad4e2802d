import 'reflect-metadata';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { UserErrorList } from '../../shared/errors.js';
import { expandRule, shiftWallClock } from './series.rules.js';

const LIMITS = { maxOccurrences: 500, maxSpanMonths: 24 };
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe'];

describe('expandRule', () => {
  it('keeps the local wall-clock time of the first occurrence in every zone, across DST changes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 365 }), fc.integer({ min: 6, max: 20 }), fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY'), (zone, day, hour, freq) => {
        const first = DateTime.fromObject({ year: 2027, month: 1, day: 1, hour, minute: 30 }, { zone }).plus({ days: day });
        const errors = new UserErrorList();
        const starts = expandRule(errors, { rrule: `FREQ=${freq};COUNT=10`, startsAt: first.toJSDate(), timeZone: zone }, LIMITS);
        expect(errors.errors).toEqual([]);
        expect(starts).toHaveLength(10);
        for (const start of starts!) {
          const at = DateTime.fromJSDate(start, { zone });
          expect([at.hour, at.minute]).toEqual([hour, 30]);
        }
      }),
    );
  });

  it('stops at 500 occurrences and at two years, naming the field that ends the rule', () => {
    const errors = new UserErrorList();
    expect(expandRule(errors, { rrule: 'FREQ=HOURLY', count: 500, startsAt: new Date('2027-01-01T00:00:00Z'), timeZone: 'UTC' }, LIMITS)).toHaveLength(500);
    expect(expandRule(errors, { rrule: 'FREQ=HOURLY', until: new Date('2027-02-01T00:00:00Z'), startsAt: new Date('2027-01-01T00:00:00Z'), timeZone: 'UTC' }, LIMITS)).toBeNull();
    expect(expandRule(errors, { rrule: 'FREQ=YEARLY;COUNT=4', startsAt: new Date('2027-01-01T00:00:00Z'), timeZone: 'UTC' }, LIMITS)).toBeNull();
    expect(errors.errors.map((e) => e.field!.join('.'))).toEqual(['input.until', 'input.rrule']);
  });
});

describe('shiftWallClock', () => {
  it('moves by local days and time of day, on either side of a DST change', () => {
    const zone = 'Europe/Berlin';
    const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
    // 10:00 → 11:00 on a summer Monday moves a winter Monday's 10:00 to 11:00 too.
    expect(shiftWallClock(at('2027-11-08T10:00'), at('2027-10-04T10:00'), at('2027-10-04T11:00'), zone).toISOString()).toBe('2027-11-08T10:00:00.000Z');
    // Across midnight: 23:30 moved to 00:30 the next day moves another 23:30 to 00:30 the day after it.
    expect(shiftWallClock(at('2027-10-30T23:30'), at('2027-10-04T23:30'), at('2027-10-05T00:30'), zone).toISOString()).toBe('2027-10-30T22:30:00.000Z');
  });
});
