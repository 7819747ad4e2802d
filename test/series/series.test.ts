import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CANCEL, makeCustomer, makeTreatment, makeUser, ok, UPDATE } from '../appointment/fixtures.js';
import { issueToken } from '../../src/modules/organisation/organisation.service.js';
import { User } from '../../src/modules/user/user.entity.js';
import { book, setHours } from '../scheduling/helpers.js';
import { fromGlobalId } from '../../src/shared/global-id.js';
import { codes, createSeries } from './helpers.js';

const uuid = (globalId: string) => fromGlobalId(globalId)!.id;

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Series clinic', { timeZone: 'Europe/Berlin' });
});
afterAll(() => app?.stop());

const BERLIN = 'Europe/Berlin';
const local = (iso: string) => DateTime.fromISO(iso, { zone: BERLIN });
/** Monday 2027-10-04 10:00 in Berlin (CEST, 08:00Z); the 5th weekly occurrence (2027-11-01) is after the change to CET on 2027-10-31. */
const FIRST = '2027-10-04T08:00:00.000Z';
const WEEKLY_12 = { rrule: 'FREQ=WEEKLY;COUNT=12', timeZone: BERLIN, startsAt: FIRST, durationMinutes: 45 };

async function practitioner(name: string) {
  const dr = await makeUser(app, org, name);
  await setHours(app, org, dr.id, BERLIN, ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((d) => [d, '08:00', '17:00']));
  return dr;
}

describe('createAppointmentSeries', () => {
  it('weekly in Berlin across the autumn change: ALL_OR_NOTHING names occurrence 3 and its blocking appointment and writes nothing; BEST_EFFORT books 11 at 10:00 local', async () => {
    const dr = await practitioner('Dr Weekly');
    const blocker = await book(app, org, { practitionerId: dr.id, startsAt: '2027-10-18T08:15:00Z', durationMinutes: 30 });
    expect(blocker.userErrors).toEqual([]);
    const seriesBefore = await app.sql('select id from appointment_series where organisation_id = $1', [org.organisationId]);

    const strict = await createSeries(app, org, { ...WEEKLY_12, practitionerId: dr.id, mode: 'ALL_OR_NOTHING' });
    expect(codes(strict)).toEqual([['OCCURRENCES_UNAVAILABLE', 'input.mode']]);
    expect(strict.series).toBeNull();
    expect(strict.occurrences).toHaveLength(12);
    expect(strict.occurrences.every((o: any) => o.appointment === null)).toBe(true);
    const failed = strict.occurrences.filter((o: any) => o.userErrors.length);
    expect(failed.map((o: any) => o.occurrence)).toEqual([3]);
    expect(failed[0].userErrors.map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
    expect(failed[0].conflicts.map((c: any) => [c.kind, c.appointment.id])).toEqual([['PRACTITIONER', blocker.appointment.id]]);
    expect(failed[0].unavailability.map((r: any) => [r.code, r.appointment?.id])).toEqual([['BOOKED', blocker.appointment.id]]);
    expect(strict.userErrors[0].message).toContain('occurrence 3');
    expect(await app.sql('select count(*)::int as n from appointment where practitioner_id = $1', [uuid(dr.id)])).toEqual([{ n: 1 }]);
    expect(await app.sql('select id from appointment_series where organisation_id = $1', [org.organisationId])).toEqual(seriesBefore);

    const lenient = await createSeries(app, org, { ...WEEKLY_12, practitionerId: dr.id, mode: 'BEST_EFFORT', notes: 'Physio' });
    expect(lenient.userErrors).toEqual([]);
    expect(lenient.series.occurrenceCount).toBe(12);
    const booked = lenient.occurrences.filter((o: any) => o.appointment);
    expect(booked).toHaveLength(11);
    expect(lenient.occurrences.filter((o: any) => !o.appointment).map((o: any) => [o.occurrence, o.userErrors[0].code, o.conflicts[0].appointment.id])).toEqual([
      [3, 'RESOURCE_UNAVAILABLE', blocker.appointment.id],
    ]);
    for (const o of booked) {
      const at = DateTime.fromISO(o.appointment.startsAt, { zone: BERLIN });
      expect([at.weekday, at.hour, at.minute]).toEqual([1, 10, 0]);
      expect(o.appointment.occurrence).toBe(o.occurrence);
    }
    // Both sides of the change: 08:00Z in summer time, 09:00Z in winter time.
    expect(booked.map((o: any) => new Date(o.appointment.startsAt).getUTCHours())).toEqual([8, 8, 8, 9, 9, 9, 9, 9, 9, 9, 9]);
    expect(lenient.occurrences[4].startsAt).toBe('2027-11-01T09:00:00.000Z');
    expect(lenient.series.appointments.map((a: any) => a.occurrence)).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('answers VALIDATION naming the field for a rule that does not parse, has no end, or runs past 500 occurrences or two years; nothing is written', async () => {
    const dr = await practitioner('Dr Rules');
    const before = await app.sql('select count(*)::int as n from appointment_series');
    const base = { startsAt: FIRST, durationMinutes: 30, practitionerId: dr.id, timeZone: BERLIN };
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=SOMETIMES;COUNT=3' }))).toEqual([['VALIDATION', 'input.rrule']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=WEEKLY' }))).toEqual([['VALIDATION', 'input.rrule']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=WEEKLY;COUNT=3', count: 3 }))).toEqual([['VALIDATION', 'input.rrule']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=DAILY;COUNT=501' }))).toEqual([['VALIDATION', 'input.rrule']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=DAILY', count: 501 }))).toEqual([['VALIDATION', 'input.count']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=MONTHLY', until: '2029-11-05T00:00:00Z' }))).toEqual([['VALIDATION', 'input.until']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=HOURLY', until: '2027-11-04T00:00:00Z' }))).toEqual([['VALIDATION', 'input.until']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=WEEKLY;COUNT=2', timeZone: 'Mars/Base' }))).toEqual([['VALIDATION', 'input.timeZone']]);
    expect(codes(await createSeries(app, org, { ...base, rrule: 'FREQ=WEEKLY;COUNT=2', notes: 'x'.repeat(1001) }))).toEqual([['VALIDATION', 'input.notes']]);
    expect(await app.sql('select count(*)::int as n from appointment_series')).toEqual(before);
    expect(await app.sql('select 1 from appointment where practitioner_id = $1', [uuid(dr.id)])).toEqual([]);
    // Two years less a day is fine: 24 monthly occurrences.
    const monthly = await createSeries(app, org, { ...base, rrule: 'FREQ=MONTHLY;BYDAY=1MO', until: '2029-10-01T09:00:00Z', mode: 'BEST_EFFORT' });
    expect(monthly.userErrors).toEqual([]);
    expect(monthly.series.occurrenceCount).toBe(25);
  });

  it('replays an idempotency key with exactly the first answer: the booked occurrences and the refused one with its reasons', async () => {
    const dr = await practitioner('Dr Replay');
    // The Tuesday is taken: occurrence 2 is refused.
    const blocker = await book(app, org, { practitionerId: dr.id, startsAt: '2027-10-05T08:00:00Z', durationMinutes: 30 });
    expect(blocker.userErrors).toEqual([]);
    const input = { rrule: 'FREQ=DAILY;COUNT=3;BYDAY=MO,TU,WE', timeZone: BERLIN, startsAt: FIRST, durationMinutes: 30, practitionerId: dr.id, mode: 'BEST_EFFORT', idempotencyKey: 'series-replay' };
    const first = await createSeries(app, org, input);
    expect(first.userErrors).toEqual([]);
    expect(first.occurrences.map((o: any) => o.appointment != null)).toEqual([true, false, true]);
    const again = await createSeries(app, org, input);
    expect(again.replayed).toBe(true);
    expect(again.series.id).toBe(first.series.id);
    expect(again.occurrences).toEqual(first.occurrences);
    expect(again.occurrences[1].userErrors.map((e: any) => e.code)).toEqual(['RESOURCE_UNAVAILABLE']);
    expect(again.occurrences[1].conflicts.map((c: any) => c.appointment.id)).toEqual([blocker.appointment.id]);
    expect(await app.sql('select count(*)::int as n from appointment where series_id = $1', [uuid(first.series.id)])).toEqual([{ n: 2 }]);
  });
});

describe('series scope on updateAppointment and cancelAppointment', () => {
  const UPDATE_SCOPED = `mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { appointment { id version } appointments { id occurrence startsAt version } userErrors { code field message } } }`;
  const CANCEL_SCOPED = `mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { appointment { id } appointments { id occurrence status version } userErrors { code field message } } }`;

  it('THIS_AND_FOLLOWING on occurrence 6 of 12 changes 7 and leaves 5, with history on each; ALL cancels the open ones', async () => {
    const dr = await practitioner('Dr Scope');
    const created = await createSeries(app, org, { ...WEEKLY_12, practitionerId: dr.id });
    expect(created.userErrors).toEqual([]);
    const ids: string[] = created.occurrences.map((o: any) => o.appointment.id);
    const sixth = created.occurrences[5].appointment;
    const moved = local(sixth.startsAt).set({ hour: 11 }).toUTC().toISO();
    const res = await app.gql(UPDATE_SCOPED, { input: { id: sixth.id, startsAt: moved, expectedVersion: 1, scope: 'THIS_AND_FOLLOWING', notes: 'Moved to 11' } }, { token: org.token });
    const payload = ok(res, 'updateAppointment');
    expect(payload.appointments.map((a: any) => a.occurrence)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(payload.appointments.every((a: any) => a.version === 2)).toBe(true);

    const rows = await app.sql<{ id: string; starts_at: Date; version: number; notes: string | null; events: number }>(
      `select a.id, a.starts_at, a.version, a.notes, (select count(*)::int from appointment_event e where e.appointment_id = a.id and e.action = 'RESCHEDULED') as events
       from appointment a where a.series_id = (select series_id from appointment where id = $1) order by a.occurrence`,
      [uuid(ids[0]!)],
    );
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.version)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(rows.map((r) => r.events)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(rows.map((r) => r.notes)).toEqual([null, null, null, null, null, ...Array(7).fill('Moved to 11')]);
    expect(rows.map((r) => DateTime.fromJSDate(r.starts_at, { zone: BERLIN }).hour)).toEqual([10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 11, 11]);

    // A stale expectedVersion on the named one refuses the whole change.
    const stale = await app.gql(UPDATE_SCOPED, { input: { id: sixth.id, notes: 'again', expectedVersion: 1, scope: 'ALL' } }, { token: org.token });
    expect(codes(stale.data.updateAppointment)).toEqual([['STALE_VERSION', 'input.expectedVersion']]);

    const first = ok(await app.gql(CANCEL('id'), { input: { id: ids[0] } }, { token: org.token }), 'cancelAppointment');
    expect(first.appointment.id).toBe(ids[0]);
    const all = ok(await app.gql(CANCEL_SCOPED, { input: { id: ids[1], scope: 'ALL', cancellationNote: 'Course ended' } }, { token: org.token }), 'cancelAppointment');
    expect(all.appointments.map((a: any) => a.occurrence)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(all.appointments.every((a: any) => a.status === 'CANCELLED')).toBe(true);
    expect(all.appointments.map((a: any) => a.version)).toEqual([2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('refuses a scope for an appointment outside a series, and a move that clashes rolls back every occurrence', async () => {
    const dr = await practitioner('Dr Alone');
    const single = await book(app, org, { practitionerId: dr.id, startsAt: '2027-10-05T08:00:00Z', durationMinutes: 30 });
    const res = await app.gql(UPDATE(), { input: { id: single.appointment.id, notes: 'x', scope: 'ALL' } }, { token: org.token });
    expect(codes(res.data.updateAppointment)).toEqual([['VALIDATION', 'input.scope']]);

    const created = await createSeries(app, org, { ...WEEKLY_12, practitionerId: dr.id, rrule: 'FREQ=WEEKLY;COUNT=4' });
    // Moving every occurrence one day later lands the first on the single appointment's Tuesday.
    const target = created.occurrences[0].appointment;
    const later = await app.gql(UPDATE(), { input: { id: target.id, startsAt: '2027-10-05T08:00:00Z', scope: 'ALL' } }, { token: org.token });
    expect(codes(later.data.updateAppointment)).toEqual([['RESOURCE_UNAVAILABLE', 'input']]);
    const versions = await app.sql<{ version: number }>('select version from appointment where series_id = $1 order by occurrence', [uuid(created.series.id)]);
    expect(versions.map((v) => v.version)).toEqual([1, 1, 1, 1]);
  });
});

describe('statements per series', () => {
  it('grow linearly with the occurrences: the same number more for each one', async () => {
    const dr = await makeUser(app, org, 'Dr Linear');
    const statementsFor = async (count: number, week: number) => {
      app.resetQueries();
      const res = await createSeries(app, org, { rrule: `FREQ=DAILY;COUNT=${count}`, timeZone: BERLIN, startsAt: `2028-0${week}-03T08:00:00Z`, durationMinutes: 30, practitionerId: dr.id });
      expect(res.userErrors).toEqual([]);
      return app.queries.length;
    };
    const [two, four, eight] = [await statementsFor(2, 1), await statementsFor(4, 2), await statementsFor(8, 3)];
    console.log(`statements per createAppointmentSeries: ${two} for 2 occurrences, ${four} for 4, ${eight} for 8`);
    const perOccurrence = (four - two) / 2;
    expect(eight - four).toBe(4 * perOccurrence);
    expect(perOccurrence).toBeLessThanOrEqual(5);
  });
});

describe('tenancy and roles of series, plans and the waitlist', () => {
  const PLAN = `mutation($input: BookTreatmentPlanInput!) { bookTreatmentPlan(input: $input) { treatmentPlan { id } userErrors { code field message } } }`;
  const JOIN = `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { waitlistEntry { id } userErrors { code field message } } }`;
  const SERIES = `mutation($input: CreateAppointmentSeriesInput!) { createAppointmentSeries(input: $input) { series { id } userErrors { code field message } } }`;

  async function tokenOf(member: { id: string }) {
    const em = app.kairos.orm.em.fork();
    const token = issueToken(em, em.getReference(User, uuid(member.id)), org.organisationId);
    await em.flush();
    return token;
  }

  it('READ_ONLY may not write them, STAFF may but not override availability, and another organisation sees and names none of them', async () => {
    const dr = await practitioner('Dr Tenant');
    const customer = await makeCustomer(app, org, 'Tenant customer');
    const course = await makeTreatment(app, org, 'Tenant course', { durationMinutes: 30, sessions: [{ sessionOrder: 1, sessionType: 'TREATMENT', nextGapDays: 7 }, { sessionOrder: 2, sessionType: 'CONTROL' }] });
    const series = { rrule: 'FREQ=WEEKLY;COUNT=2', timeZone: BERLIN, startsAt: '2027-11-08T09:00:00Z', durationMinutes: 30, practitionerId: dr.id };
    const plan = { customerId: customer.id, treatmentId: course.id, firstStartsAt: '2027-11-09T08:00:00Z', requirements: [{ anyOf: [dr.id] }] };
    const wait = { customerId: customer.id, treatmentIds: [course.id], requirements: [{ anyOf: [dr.id] }], from: '2027-11-10T00:00:00Z', to: '2027-11-11T00:00:00Z' };
    const written = async () => (await app.sql<{ n: number }>(
      `select (select count(*) from appointment_series where organisation_id = $1) + (select count(*) from treatment_plan where organisation_id = $1)
            + (select count(*) from waitlist_entry where organisation_id = $1) + (select count(*) from appointment where practitioner_id = $2) as n`,
      [org.organisationId, uuid(dr.id)],
    ))[0]!.n;
    const before = await written();

    const reader = await tokenOf(await makeUser(app, org, 'Tenant reader', 'READ_ONLY'));
    for (const [doc, input] of [[SERIES, series], [PLAN, plan], [JOIN, wait]] as const) {
      expect((await app.gql(doc, { input }, { token: reader })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const staff = await tokenOf(await makeUser(app, org, 'Tenant staff', 'STAFF'));
    expect((await app.gql(SERIES, { input: { ...series, overrideAvailability: true } }, { token: staff })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await written()).toBe(before);

    const created = ok(await app.gql(SERIES, { input: series }, { token: staff }), 'createAppointmentSeries');
    const booked = ok(await app.gql(PLAN, { input: plan }, { token: staff }), 'bookTreatmentPlan');
    const joined = ok(await app.gql(JOIN, { input: wait }, { token: staff }), 'joinWaitlist');

    const other = await app.createOrg('Other clinic', { timeZone: BERLIN });
    const seen = await app.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } waitlistEntries(first: 10) { totalCount } }`, {
      ids: [created.series.id, booked.treatmentPlan.id, joined.waitlistEntry.id],
    }, { token: other.token });
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({ nodes: [null, null, null], waitlistEntries: { totalCount: 0 } });
    for (const [doc, input] of [[SERIES, series], [PLAN, plan], [JOIN, wait]] as const) {
      expect((await app.gql(doc, { input }, { token: other.token })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(await app.sql('select 1 from appointment_series where organisation_id = $1 union all select 1 from waitlist_entry where organisation_id = $1', [other.organisationId])).toEqual([]);
  });
});
