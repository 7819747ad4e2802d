import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { makeResource, makeTreatment, makeUser } from '../appointment/fixtures.js';
import { ALL_DAYS, book, search, setHours } from './helpers.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Property clinic', { timeZone: 'Europe/Berlin' });
});
afterAll(() => app?.stop());

const CONFLICTS = new Set(['BOOKED', 'BUFFER', 'HELD']);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A day's rules: none, one interval (possibly past midnight), or two that do not overlap. */
const dayRules = fc.oneof(
  fc.constant([] as [number, number][]),
  fc.tuple(fc.integer({ min: 0, max: 23 * 4 }), fc.integer({ min: 8, max: 56 })).map(([s, len]) => [[s * 15, s * 15 + len * 15]] as [number, number][]),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 4, max: 24 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 4, max: 24 }))
    .map(([s, a, gap, b]) => [[s * 15, (s + a) * 15], [(s + a + gap) * 15, (s + a + gap + b) * 15]] as [number, number][]),
);
const schedule = fc.option(fc.array(dayRules, { minLength: 7, maxLength: 7 }), { nil: null, freq: 3 });

const scenario = fc.record({
  zone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu'),
  // Days of 2027 including both DST changes of Europe and the US.
  date: fc.oneof(fc.constantFrom('2027-03-14', '2027-03-28', '2027-10-31', '2027-11-07'), fc.integer({ min: 0, max: 364 }).map((d) => DateTime.fromISO('2027-01-01').plus({ days: d }).toISODate()!)),
  doctor: schedule,
  room: fc.option(fc.array(dayRules, { minLength: 7, maxLength: 7 }), { nil: null, freq: 1 }),
  hold: fc.option(fc.integer({ min: 0, max: 95 }), { nil: null }),
  timeOff: fc.option(fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 24 })), { nil: null }),
  duration: fc.constantFrom(30, 45, 60),
  interval: fc.constantFrom(15, 30),
  before: fc.constantFrom(0, 15, 30),
  after: fc.constantFrom(0, 15),
  horizon: fc.constantFrom(null, 200, 300, 400),
  bookings: fc.array(fc.record({ who: fc.constantFrom('doctor', 'room', 'both'), at: fc.integer({ min: 0, max: 95 }), length: fc.constantFrom(30, 60), after: fc.constantFrom(0, 15, 30) }), { maxLength: 4 }),
  pickOffered: fc.nat(),
  pickRejected: fc.nat(),
});

/** Treatments by their rules, created once: the property varies the rules, not the treatment rows. */
const treatments = new Map<string, Promise<{ id: string }>>();
function treatment(rules: Record<string, unknown>) {
  const key = JSON.stringify(rules);
  if (!treatments.has(key)) treatments.set(key, makeTreatment(app, org, `Rules ${key}`, rules));
  return treatments.get(key)!;
}

describe('search–booking property', () => {
  it('every offered slot books at once with the same inputs; every rejected candidate is refused with the same codes (200 seeded cases)', async () => {
    let n = 0;
    let offeredChecked = 0;
    let rejectedChecked = 0;
    const codesSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        n += 1;
        const dr = await makeUser(app, org, `Dr Prop ${n}`);
        const room = await makeResource(app, org, `Prop room ${n}`, 'ROOM');
        const toRules = (days: [number, number][][]) => days.flatMap((intervals, d) => intervals.map(([a, b]) => [ALL_DAYS[d]!, hhmm(a), hhmm(b)] as [string, string, string]));
        if (s.doctor) await setHours(app, org, dr.id, s.zone, toRules(s.doctor));
        if (s.room) await setHours(app, org, room.id, s.zone, toRules(s.room));
        const day = DateTime.fromISO(s.date, { zone: s.zone }).startOf('day');
        if (s.timeOff) {
          await app.gql(`mutation($input: CreateTimeOffInput!) { createTimeOff(input: $input) { userErrors { code } } }`, {
            input: { bookableId: dr.id, startsAt: day.plus({ minutes: s.timeOff[0] * 15 }).toUTC().toISO(), endsAt: day.plus({ minutes: (s.timeOff[0] + s.timeOff[1]) * 15 }).toUTC().toISO() },
          }, { token: org.token });
        }
        if (s.hold != null) {
          await app.gql(`mutation($input: CreateHoldInput!) { createHold(input: $input) { userErrors { code } } }`, {
            input: { bookableIds: [room.id], startsAt: day.plus({ minutes: s.hold * 15 }).toUTC().toISO(), endsAt: day.plus({ minutes: s.hold * 15 + 60 }).toUTC().toISO() },
          }, { token: org.token });
        }
        for (const b of s.bookings) {
          const neighbour = await treatment({ durationMinutes: b.length, bufferAfterMinutes: b.after });
          await book(app, org, {
            ...(b.who !== 'room' ? { practitionerId: dr.id } : {}), ...(b.who !== 'doctor' ? { roomId: room.id } : {}),
            treatmentIds: [neighbour.id], startsAt: day.plus({ minutes: b.at * 15 }).toUTC().toISO(), overrideAvailability: true,
          });
        }
        const t = await treatment({ durationMinutes: s.duration, bufferBeforeMinutes: s.before, bufferAfterMinutes: s.after, bookingHorizonDays: s.horizon });
        const result = await search(app, org, {
          from: day.toUTC().toISO(), to: day.plus({ days: 1 }).toUTC().toISO(), treatmentIds: [t.id], slotIntervalMinutes: s.interval, timeZone: s.zone,
          requirements: [{ anyOf: [dr.id] }, { anyOf: [room.id] }], includeUnavailable: true,
        });
        expect(result.userErrors).toEqual([]);
        const same = (startsAt: string) => ({ practitionerId: dr.id, roomId: room.id, treatmentIds: [t.id], startsAt });
        // Up to two rejected candidates (refusals write nothing), then one offered slot (which books it).
        const picks = [...new Set([0, 7].map((k) => (s.pickRejected + k) % Math.max(1, result.unavailable.length)))];
        for (const pick of result.unavailable.length ? picks : []) {
          const rejected = result.unavailable[pick]!;
          const codes = [...new Set(rejected.reasons.map((r) => r.code))].sort();
          codes.forEach((c) => codesSeen.add(c));
          const answer = await book(app, org, same(rejected.startsAt));
          expect(answer.appointment, `${rejected.startsAt} was rejected (${codes}) but booked`).toBeNull();
          const expected = codes.every((c) => CONFLICTS.has(c)) ? 'RESOURCE_UNAVAILABLE' : 'OUTSIDE_AVAILABILITY';
          expect(answer.userErrors.map((e: any) => e.code)).toEqual([expected]);
          expect([...new Set(answer.unavailability.map((r: any) => r.code))].sort()).toEqual(codes);
          rejectedChecked += 1;
        }
        if (result.slots.length) {
          const offered = result.slots[s.pickOffered % result.slots.length]!;
          const answer = await book(app, org, same(offered.startsAt));
          expect(answer.userErrors, `${offered.startsAt} was offered`).toEqual([]);
          offeredChecked += 1;
        }
      }),
      { seed: 20271130, numRuns: 200, endOnFailure: true },
    );
    console.log(`search–booking property: ${n} cases, ${offeredChecked} offered slots booked, ${rejectedChecked} rejected candidates refused; codes seen: ${[...codesSeen].sort().join(', ')}`);
    expect(n).toBeGreaterThanOrEqual(200);
  }, 600_000);
});
