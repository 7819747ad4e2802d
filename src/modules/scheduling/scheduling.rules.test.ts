import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { candidateStarts, expandSchedule } from './scheduling.rules.js';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Los_Angeles'];

describe('candidateStarts', () => {
  it('gives sorted, distinct instants whose local time is a whole multiple of the interval after local midnight', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 730 }), fc.constantFrom(5, 15, 20, 30, 45, 60, 90), fc.integer({ min: 5, max: 240 }), (zone, day, interval, duration) => {
        const from = Date.UTC(2027, 0, 1) + day * 86_400_000;
        const to = from + 3 * 86_400_000;
        const starts = candidateStarts(from, to, zone, interval, duration);
        for (let i = 0; i < starts.length; i++) {
          if (i > 0) expect(starts[i]).toBeGreaterThan(starts[i - 1]!);
          const local = DateTime.fromMillis(starts[i]!, { zone });
          expect((local.hour * 60 + local.minute) % interval).toBe(0);
          expect(starts[i]).toBeGreaterThanOrEqual(from);
          expect(starts[i]! + duration * 60_000).toBeLessThanOrEqual(to);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('expandSchedule', () => {
  it('turns a rule into the real length of that local date: 3 h on Berlin\'s spring-forward, 4 h on New York\'s fall-back', () => {
    const berlin = expandSchedule({ timeZone: 'Europe/Berlin', rules: [{ dayOfWeek: 'SUNDAY' as never, startTime: '01:00', endTime: '05:00' }], overrides: [] }, Date.UTC(2027, 2, 28), Date.UTC(2027, 2, 29));
    expect(berlin.intervals.filter((i) => i.start >= Date.UTC(2027, 2, 27, 12)).map((i) => (i.end - i.start) / 3_600_000)).toEqual([3]);
    const ny = expandSchedule({ timeZone: 'America/New_York', rules: [{ dayOfWeek: 'SUNDAY' as never, startTime: '00:00', endTime: '03:00' }], overrides: [] }, Date.UTC(2027, 10, 7), Date.UTC(2027, 10, 8));
    expect(ny.intervals.filter((i) => i.start >= Date.UTC(2027, 10, 6, 12)).map((i) => (i.end - i.start) / 3_600_000)).toEqual([4]);
  });
});
