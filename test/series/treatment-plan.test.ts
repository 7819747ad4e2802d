import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { make, makeCustomer, makeResource, makeTreatment, makeUser } from '../appointment/fixtures.js';
import { fromGlobalId } from '../../src/shared/global-id.js';
import { book, setHours } from '../scheduling/helpers.js';
import { ATTEMPT, codes } from './helpers.js';

let app: TestApp;
let org: TestOrg;
let customer: { id: string };
let laser: { id: string };

const ZONE = 'Europe/Berlin';
/** Seed 001's shape: six sessions 14, 14, 28, 28 and 56 days apart, the last a CONTROL. */
const GAPS = [14, 14, 28, 28, 56];
const SESSIONS = [...GAPS.map((gap, i) => ({ sessionOrder: i + 1, sessionType: 'TREATMENT', nextGapDays: gap })), { sessionOrder: 6, sessionType: 'CONTROL' }];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

const BOOK_PLAN = `mutation($input: BookTreatmentPlanInput!) { bookTreatmentPlan(input: $input) {
  treatmentPlan { id status version toleranceDays customer { id } treatment { id } appointments { id sessionOrder } }
  userErrors { code field message } replayed
  sessions { sessionOrder sessionType windowStartsAt windowEndsAt ${ATTEMPT} }
} }`;
const UPDATE_PLAN = `mutation($input: UpdateTreatmentPlanInput!) { updateTreatmentPlan(input: $input) {
  treatmentPlan { id version }
  userErrors { code field message }
  sessions { sessionOrder sessionType windowStartsAt windowEndsAt ${ATTEMPT} }
} }`;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Laser clinic', { timeZone: ZONE });
  customer = await makeCustomer(app, org, 'Ada Patient');
  laser = await makeTreatment(app, org, 'Laser course', { durationMinutes: 60, sessions: SESSIONS });
});
afterAll(() => app?.stop());

async function bookPlan(input: Record<string, unknown>) {
  const res = await app.gql(BOOK_PLAN, { input: { customerId: customer.id, treatmentId: laser.id, ...input } }, { token: org.token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.bookTreatmentPlan;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).startOf('day');
const uuid = (globalId: string) => fromGlobalId(globalId)!.id;

/** The plan's rule, checked from the answer alone: windows follow the placed sessions, sessions lie in their windows and never overlap. */
function checkPlan(sessions: any[], firstStartsAt: string, toleranceDays: number) {
  let previous: any = null;
  for (const [i, s] of sessions.entries()) {
    const target = i === 0 ? day(firstStartsAt) : (previous?.appointment ? day(previous.appointment.startsAt) : day(previous.windowStartsAt)).plus({ days: GAPS[i - 1]! });
    expect(day(s.windowStartsAt).toISODate(), `session ${i + 1} target day`).toBe(target.toISODate());
    expect(DateTime.fromISO(s.windowEndsAt).toMillis()).toBe(target.plus({ days: toleranceDays + 1 }).toMillis());
    expect(s.sessionType).toBe(i === 5 ? 'CONTROL' : 'TREATMENT');
    if (s.appointment) {
      const start = new Date(s.appointment.startsAt).getTime();
      expect(start).toBeGreaterThanOrEqual(new Date(s.windowStartsAt).getTime());
      expect(start).toBeLessThan(new Date(s.windowEndsAt).getTime());
      expect(s.appointment.sessionOrder).toBe(i + 1);
    }
    previous = s;
  }
  const booked = sessions.filter((s) => s.appointment).map((s) => s.appointment);
  for (let k = 1; k < booked.length; k++) expect(new Date(booked[k].startsAt).getTime()).toBeGreaterThanOrEqual(new Date(booked[k - 1].endsAt).getTime());
  const first = sessions[0].appointment;
  for (const s of sessions.slice(1)) if (s.appointment && first) expect(s.appointment.parentAppointment?.id).toBe(first.id);
}

describe('bookTreatmentPlan', () => {
  it('places a seed-001-shaped plan around working hours, time off and bookings: every session in its tolerance window, none overlapping (property)', async () => {
    let runs = 0;
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          days: fc.subarray(WEEKDAYS, { minLength: 1 }),
          open: fc.integer({ min: 7, max: 11 }),
          close: fc.integer({ min: 13, max: 19 }),
          timeOff: fc.array(fc.record({ at: fc.integer({ min: 0, max: 170 }), length: fc.integer({ min: 1, max: 12 }) }), { maxLength: 3 }),
          bookings: fc.array(fc.record({ at: fc.integer({ min: 0, max: 170 }), hour: fc.integer({ min: 7, max: 18 }) }), { maxLength: 10 }),
          tolerance: fc.integer({ min: 2, max: 14 }),
          firstDay: fc.integer({ min: 0, max: 10 }),
          firstHour: fc.integer({ min: 0, max: 23 }),
        }),
        async (c) => {
          runs += 1;
          const dr = await makeUser(app, org, `Dr Plan ${runs}`);
          const rooms = [await makeResource(app, org, `Laser room A${runs}`, 'ROOM'), await makeResource(app, org, `Laser room B${runs}`, 'ROOM')];
          await setHours(app, org, dr.id, ZONE, c.days.map((d) => [d, `${String(c.open).padStart(2, '0')}:00`, `${c.close}:00`]));
          const start = DateTime.fromObject({ year: 2028, month: 3, day: 1 }, { zone: ZONE });
          for (const t of c.timeOff) {
            await make(app, org, 'createTimeOff', 'timeOff', { bookableId: dr.id, startsAt: start.plus({ days: t.at }).toUTC().toISO(), endsAt: start.plus({ days: t.at + t.length }).toUTC().toISO(), reason: 'Leave' });
          }
          for (const b of c.bookings) {
            await book(app, org, { practitionerId: dr.id, startsAt: start.plus({ days: b.at, hours: b.hour }).toUTC().toISO(), durationMinutes: 90, overrideAvailability: true });
          }
          const firstStartsAt = start.plus({ days: c.firstDay, hours: c.firstHour }).toUTC().toISO()!;
          const plan = await bookPlan({ firstStartsAt, toleranceDays: c.tolerance, mode: 'BEST_EFFORT', requirements: [{ anyOf: [dr.id] }, { anyOf: rooms.map((r) => r.id) }] });
          if (plan.userErrors.length) {
            expect(codes(plan)).toEqual([['OCCURRENCES_UNAVAILABLE', 'input.mode']]);
            expect(plan.sessions.every((s: any) => s.userErrors.length)).toBe(true);
          } else {
            expect(plan.treatmentPlan.status).toBe(plan.sessions.every((s: any) => s.appointment) ? 'BOOKED' : 'PARTIALLY_BOOKED');
          }
          expect(plan.sessions).toHaveLength(6);
          checkPlan(plan.sessions, firstStartsAt, c.tolerance);
          for (const s of plan.sessions.filter((x: any) => !x.appointment)) expect(s.userErrors.map((e: any) => e.code)).toEqual(['OUTSIDE_AVAILABILITY']);
          placed += plan.sessions.filter((s: any) => s.appointment).length;
        },
      ),
      { seed: 20280301, numRuns: 12, endOnFailure: true },
    );
    console.log(`treatment-plan property: ${runs} plans, ${placed} sessions placed`);
    expect(placed).toBeGreaterThan(runs);
  }, 600_000);

  it('ALL_OR_NOTHING names the session that does not fit and writes nothing; BEST_EFFORT books the others; a replay answers the same sessions', async () => {
    const dr = await makeUser(app, org, 'Dr Strict');
    await setHours(app, org, dr.id, ZONE, WEEKDAYS.map((d) => [d, '09:00', '17:00']));
    // Session 3's window (2028-05-01 + 28 days, tolerance 3) falls in a month of leave.
    await make(app, org, 'createTimeOff', 'timeOff', { bookableId: dr.id, startsAt: '2028-05-27T00:00:00Z', endsAt: '2028-06-10T00:00:00Z', reason: 'Sabbatical' });
    const input = { firstStartsAt: '2028-05-01T07:00:00Z', toleranceDays: 3, requirements: [{ anyOf: [dr.id] }] };
    const before = await app.sql('select count(*)::int as n from treatment_plan');
    const strict = await bookPlan({ ...input, mode: 'ALL_OR_NOTHING' });
    expect(codes(strict)).toEqual([['OCCURRENCES_UNAVAILABLE', 'input.mode']]);
    expect(strict.sessions.map((s: any) => s.userErrors.map((e: any) => e.code).join())).toEqual(['', '', 'OUTSIDE_AVAILABILITY', '', '', '']);
    expect(strict.sessions[2].unavailability.some((r: any) => r.code === 'TIME_OFF' && r.bookable.id === dr.id)).toBe(true);
    expect(strict.sessions.every((s: any) => s.appointment === null)).toBe(true);
    expect(await app.sql('select count(*)::int as n from treatment_plan')).toEqual(before);
    expect(await app.sql('select 1 from appointment where practitioner_id = $1', [uuid(dr.id)])).toEqual([]);

    const lenient = await bookPlan({ ...input, mode: 'BEST_EFFORT', idempotencyKey: 'plan-lenient' });
    expect(lenient.userErrors).toEqual([]);
    expect(lenient.treatmentPlan.status).toBe('PARTIALLY_BOOKED');
    expect(lenient.sessions.map((s: any) => s.appointment != null)).toEqual([true, true, false, true, true, true]);
    expect(lenient.sessions[0].appointment.startsAt).toBe('2028-05-01T07:00:00.000Z');
    expect(lenient.sessions[1].appointment.startsAt).toBe('2028-05-15T07:00:00.000Z');
    checkPlan(lenient.sessions, input.firstStartsAt, 3);
    const replay = await bookPlan({ ...input, mode: 'BEST_EFFORT', idempotencyKey: 'plan-lenient' });
    expect(replay.replayed).toBe(true);
    expect(replay.treatmentPlan.id).toBe(lenient.treatmentPlan.id);
    expect(replay.treatmentPlan.appointments.map((a: any) => a.sessionOrder)).toEqual([1, 2, 4, 5, 6]);
    // The same answer as the first call: session 3 with its window and reasons, not only the booked ones.
    expect(replay.sessions).toEqual(lenient.sessions);
    expect(replay.sessions[2].userErrors.map((e: any) => e.code)).toEqual(['OUTSIDE_AVAILABILITY']);
  });

  it('answers VALIDATION for toleranceDays over 60 and a treatment without sessions; nothing is written', async () => {
    const dr = await makeUser(app, org, 'Dr Valid');
    const plain = await makeTreatment(app, org, 'Single visit');
    const before = await app.sql('select count(*)::int as n from treatment_plan');
    expect(codes(await bookPlan({ firstStartsAt: '2028-05-01T07:00:00Z', toleranceDays: 61, requirements: [{ anyOf: [dr.id] }] }))).toEqual([['VALIDATION', 'input.toleranceDays']]);
    expect(codes(await bookPlan({ treatmentId: plain.id, firstStartsAt: '2028-05-01T07:00:00Z', toleranceDays: 5, requirements: [{ anyOf: [dr.id] }] }))).toEqual([['VALIDATION', 'input.treatmentId']]);
    expect(await app.sql('select count(*)::int as n from treatment_plan')).toEqual(before);
  });
});

describe('updateTreatmentPlan', () => {
  it('moves one session alone, or shifts the later ones by the plan\'s rule', async () => {
    const dr = await makeUser(app, org, 'Dr Shift');
    await setHours(app, org, dr.id, ZONE, WEEKDAYS.map((d) => [d, '09:00', '17:00']));
    const plan = await bookPlan({ firstStartsAt: '2028-09-04T07:00:00Z', toleranceDays: 5, requirements: [{ anyOf: [dr.id] }] });
    expect(plan.userErrors).toEqual([]);
    const starts = plan.sessions.map((s: any) => s.appointment.startsAt);

    const alone = await app.gql(UPDATE_PLAN, { input: { id: plan.treatmentPlan.id, sessionOrder: 2, startsAt: '2028-09-20T08:00:00Z', shiftFollowing: false, expectedVersion: 1 } }, { token: org.token });
    expect(alone.errors).toBeUndefined();
    const a = alone.data.updateTreatmentPlan;
    expect(a.userErrors).toEqual([]);
    expect(a.treatmentPlan.version).toBe(2);
    expect(a.sessions.map((s: any) => s.appointment.startsAt)).toEqual([starts[0], '2028-09-20T08:00:00.000Z', ...starts.slice(2)]);

    const shifted = await app.gql(UPDATE_PLAN, { input: { id: plan.treatmentPlan.id, sessionOrder: 2, startsAt: '2028-09-21T08:00:00Z', shiftFollowing: true } }, { token: org.token });
    const s = shifted.data.updateTreatmentPlan;
    expect(s.userErrors).toEqual([]);
    // Session 3 is due 14 days after Thursday 21 September: Thursday 5 October, at the first slot (09:00 local).
    expect(s.sessions[2].appointment.startsAt).toBe('2028-10-05T07:00:00.000Z');
    let previous = day('2028-09-21T10:00:00+02:00');
    for (const [k, session] of s.sessions.slice(2).entries()) {
      const target = previous.plus({ days: GAPS[k + 1]! });
      const at = DateTime.fromISO(session.appointment.startsAt, { zone: ZONE });
      expect(at >= target && at < target.plus({ days: 6 })).toBe(true);
      previous = at.startOf('day');
    }
    const history = await app.sql<{ n: number }>(`select count(*)::int as n from appointment_event e join appointment a on a.id = e.appointment_id where a.treatment_plan_id = $1 and e.action = 'RESCHEDULED'`, [uuid(plan.treatmentPlan.id)]);
    expect(history[0]!.n).toBeGreaterThanOrEqual(2 + 4 - 1);

    const stale = await app.gql(UPDATE_PLAN, { input: { id: plan.treatmentPlan.id, sessionOrder: 6, cancel: true, shiftFollowing: false, expectedVersion: 1 } }, { token: org.token });
    expect(codes(stale.data.updateTreatmentPlan)).toEqual([['STALE_VERSION', 'input.expectedVersion']]);
    const cancelled = await app.gql(UPDATE_PLAN, { input: { id: plan.treatmentPlan.id, sessionOrder: 6, cancel: true, shiftFollowing: false } }, { token: org.token });
    expect(cancelled.data.updateTreatmentPlan.userErrors).toEqual([]);
    const [row] = await app.sql<{ status: string }>('select status from appointment where treatment_plan_id = $1 and session_order = 6', [uuid(plan.treatmentPlan.id)]);
    expect(row!.status).toBe('CANCELLED');
  });
});
