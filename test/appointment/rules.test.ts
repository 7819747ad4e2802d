import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { appointmentCount, CANCEL, createAppointment, make, makeResource, makeUser, ok, refused, UPDATE } from './fixtures.js';

let app: TestApp;
let org: TestOrg;
let doctor: any;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Rules clinic', { timeZone: 'Europe/London' });
  doctor = await makeUser(app, org, 'Dr Rules');
});
afterAll(() => app?.stop());

/** Asserts a create is refused with `code` and that no appointment was written. */
async function expectCreateRefused(input: Record<string, unknown>, code: string, o: TestOrg = org) {
  const before = await appointmentCount(app, o);
  const res = await app.gql(`mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id } userErrors { code field message } conflicts { kind } } }`, { input }, { token: o.token });
  const result = refused(res, 'createAppointment', code);
  expect(await appointmentCount(app, o)).toBe(before);
  return result;
}

describe('VALIDATION and INVALID_IIN', () => {
  it('refuses endsAt before startsAt', () => expectCreateRefused({ startsAt: '2030-01-01T10:00:00Z', endsAt: '2030-01-01T09:00:00Z' }, 'VALIDATION'));
  it('refuses notes of 1,001 characters (1,000 is fine)', async () => {
    await expectCreateRefused({ startsAt: '2030-01-02T10:00:00Z', endsAt: '2030-01-02T11:00:00Z', notes: 'n'.repeat(1001) }, 'VALIDATION');
    ok(await createAppointment(app, org, { startsAt: '2030-01-02T10:00:00Z', endsAt: '2030-01-02T11:00:00Z', notes: 'n'.repeat(1000) }), 'createAppointment');
  });
  it('refuses an empty treatment list', () => expectCreateRefused({ startsAt: '2030-01-03T10:00:00Z', endsAt: '2030-01-03T11:00:00Z', treatmentIds: [] }, 'VALIDATION'));
  it('refuses a negative serviceAmount', () => expectCreateRefused({ startsAt: '2030-01-04T10:00:00Z', endsAt: '2030-01-04T11:00:00Z', serviceAmount: -1 }, 'VALIDATION'));
  it('refuses a serviceAmount beyond numeric(19,4) with BAD_USER_INPUT (1e15 and a fifth decimal place), writing nothing', async () => {
    const before = await appointmentCount(app, org);
    for (const serviceAmount of ['1e15', '1000000000000000', '0.00001']) {
      const res = await createAppointment(app, org, { startsAt: '2030-01-05T10:00:00Z', endsAt: '2030-01-05T11:00:00Z', serviceAmount });
      expect(res.errors?.[0]?.extensions?.code, serviceAmount).toBe('BAD_USER_INPUT');
    }
    ok(await createAppointment(app, org, { startsAt: '2030-01-05T10:00:00Z', endsAt: '2030-01-05T11:00:00Z', serviceAmount: '999999999999999.99' }), 'createAppointment');
    expect(await appointmentCount(app, org)).toBe(before + 1);
  });
  it('refuses a roomId that is not a ROOM', async () => {
    const van = await makeResource(app, org, 'Van R', 'VEHICLE');
    await expectCreateRefused({ startsAt: '2030-01-05T10:00:00Z', endsAt: '2030-01-05T11:00:00Z', roomId: van.id }, 'VALIDATION');
  });
  it('refuses a 12-digit identityNumber failing the IIN checksum, creating neither appointment nor customer', async () => {
    const [c0] = await app.sql<{ n: number }>('select count(*)::int as n from customer where organisation_id = $1', [org.organisationId]);
    await expectCreateRefused({ startsAt: '2030-01-06T10:00:00Z', endsAt: '2030-01-06T11:00:00Z', customer: { name: 'Bad IIN', identityNumber: '123456789012' } }, 'INVALID_IIN');
    const [c1] = await app.sql<{ n: number }>('select count(*)::int as n from customer where organisation_id = $1', [org.organisationId]);
    expect(c1!.n).toBe(c0!.n);
  });
});

describe('OUTSIDE_TIME_BAND', () => {
  it('checks the band in the organisation time zone (Europe/London, summer time)', async () => {
    const band = await make(app, org, 'createTimeBand', 'timeBand', { name: 'AM', startTime: '08:00', endTime: '12:00' });
    // 13:00–14:00 London (BST, UTC+1) = 12:00–13:00Z: outside 08:00–12:00 local.
    await expectCreateRefused({ startsAt: '2030-07-01T12:00:00Z', endsAt: '2030-07-01T13:00:00Z', timeBandId: band.id }, 'OUTSIDE_TIME_BAND');
    // 09:00–11:00 London = 08:00–10:00Z: inside.
    ok(await createAppointment(app, org, { startsAt: '2030-07-01T08:00:00Z', endsAt: '2030-07-01T10:00:00Z', timeBandId: band.id }), 'createAppointment');
  });
});

describe('status, versions and history', () => {
  it('refuses COMPLETED → PENDING with INVALID_STATUS_TRANSITION and leaves it COMPLETED', async () => {
    const a = ok(await createAppointment(app, org, { startsAt: '2030-02-01T10:00:00Z', endsAt: '2030-02-01T11:00:00Z' }), 'createAppointment').appointment;
    expect(a.status).toBe('PENDING');
    ok(await app.gql(UPDATE(), { input: { id: a.id, status: 'APPROVED' } }, { token: org.token }), 'updateAppointment');
    const done = ok(await app.gql(UPDATE(), { input: { id: a.id, status: 'COMPLETED' } }, { token: org.token }), 'updateAppointment').appointment;
    expect(done.status).toBe('COMPLETED');
    refused(await app.gql(UPDATE(), { input: { id: a.id, status: 'PENDING' } }, { token: org.token }), 'updateAppointment', 'INVALID_STATUS_TRANSITION');
    const [row] = await app.sql(`select status, version from appointment where id = $1`, [(await app.sql(`select id from appointment where code = $1`, [a.code]))[0].id]);
    expect(row).toEqual({ status: 'COMPLETED', version: 3 });
  });

  it('refuses a stale expectedVersion with STALE_VERSION and changes nothing', async () => {
    const a = ok(await createAppointment(app, org, { startsAt: '2030-02-02T10:00:00Z', endsAt: '2030-02-02T11:00:00Z' }), 'createAppointment').appointment;
    expect(a.version).toBe(1);
    const u = ok(await app.gql(UPDATE(), { input: { id: a.id, expectedVersion: 1, notes: 'first' } }, { token: org.token }), 'updateAppointment').appointment;
    expect(u.version).toBe(2);
    refused(await app.gql(UPDATE(), { input: { id: a.id, expectedVersion: 1, notes: 'second' } }, { token: org.token }), 'updateAppointment', 'STALE_VERSION');
    refused(await app.gql(CANCEL(), { input: { id: a.id, expectedVersion: 1 } }, { token: org.token }), 'cancelAppointment', 'STALE_VERSION');
    const read = await app.gql(`query($id: ID!) { appointment(id: $id) { notes version status } }`, { id: a.id }, { token: org.token });
    expect(read.data.appointment).toEqual({ notes: 'first', version: 2, status: 'PENDING' });
  });

  it('records CREATED, RESCHEDULED, STATUS_CHANGED and CANCELLED with the actor', async () => {
    const a = ok(await createAppointment(app, org, { startsAt: '2030-02-03T10:00:00Z', endsAt: '2030-02-03T11:00:00Z' }), 'createAppointment').appointment;
    ok(await app.gql(UPDATE(), { input: { id: a.id, startsAt: '2030-02-03T12:00:00Z', endsAt: '2030-02-03T13:00:00Z' } }, { token: org.token }), 'updateAppointment');
    ok(await app.gql(UPDATE(), { input: { id: a.id, status: 'APPROVED' } }, { token: org.token }), 'updateAppointment');
    ok(await app.gql(CANCEL(), { input: { id: a.id, cancellationNote: 'bye' } }, { token: org.token }), 'cancelAppointment');
    const read = await app.gql(`query($id: ID!) { appointment(id: $id) { history { action at actor { id } changes } } }`, { id: a.id }, { token: org.token });
    expect(read.errors).toBeUndefined();
    const history = read.data.appointment.history;
    expect(history.map((h: any) => h.action)).toEqual(['CREATED', 'RESCHEDULED', 'STATUS_CHANGED', 'CANCELLED']);
    for (const h of history) expect(h.actor?.id).toBeTruthy();
    expect(new Set(history.map((h: any) => h.actor.id)).size).toBe(1);
    expect(history[1].changes.startsAt).toBeDefined();
  });
});

describe('RESOURCE_UNAVAILABLE', () => {
  it('refuses an overlapping booking for a busy practitioner and names the conflict', async () => {
    const first = ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-01T10:00:00Z', endsAt: '2030-03-01T11:00:00Z' }), 'createAppointment').appointment;
    const before = await appointmentCount(app, org);
    const res = await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-01T10:30:00Z', endsAt: '2030-03-01T11:30:00Z' });
    const result = refused(res, 'createAppointment', 'RESOURCE_UNAVAILABLE');
    expect(result.conflicts).toEqual([{ kind: 'PRACTITIONER', bookable: { __typename: 'User', id: doctor.id }, appointment: { id: first.id } }]);
    expect(await appointmentCount(app, org)).toBe(before);
  });

  it('accepts back-to-back bookings ([start, end) is half-open)', async () => {
    ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-02T10:00:00Z', endsAt: '2030-03-02T11:00:00Z' }), 'createAppointment');
    ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-02T11:00:00Z', endsAt: '2030-03-02T12:00:00Z' }), 'createAppointment');
    ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-02T09:00:00Z', endsAt: '2030-03-02T10:00:00Z' }), 'createAppointment');
  });

  it('frees the slot when an appointment is cancelled', async () => {
    const a = ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-03T10:00:00Z', endsAt: '2030-03-03T11:00:00Z' }), 'createAppointment').appointment;
    refused(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-03T10:00:00Z', endsAt: '2030-03-03T11:00:00Z' }), 'createAppointment', 'RESOURCE_UNAVAILABLE');
    ok(await app.gql(CANCEL(), { input: { id: a.id } }, { token: org.token }), 'cancelAppointment');
    ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-03T10:00:00Z', endsAt: '2030-03-03T11:00:00Z' }), 'createAppointment');
  });

  it('refuses rescheduling into a busy slot and keeps the old times', async () => {
    const busy = ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-04T10:00:00Z', endsAt: '2030-03-04T11:00:00Z' }), 'createAppointment').appointment;
    const mine = ok(await createAppointment(app, org, { practitionerId: doctor.id, startsAt: '2030-03-04T14:00:00Z', endsAt: '2030-03-04T15:00:00Z' }), 'createAppointment').appointment;
    const result = refused(await app.gql(UPDATE(), { input: { id: mine.id, startsAt: '2030-03-04T10:30:00Z', endsAt: '2030-03-04T11:30:00Z' } }, { token: org.token }), 'updateAppointment', 'RESOURCE_UNAVAILABLE');
    expect(result.conflicts.map((c: any) => c.appointment.id)).toEqual([busy.id]);
    const read = await app.gql(`query($id: ID!) { appointment(id: $id) { startsAt version } }`, { id: mine.id }, { token: org.token });
    expect(new Date(read.data.appointment.startsAt).toISOString()).toBe('2030-03-04T14:00:00.000Z');
    expect(read.data.appointment.version).toBe(1);
  });

  it('guards rooms too, and ignores REJECTED appointments', async () => {
    const room = await makeResource(app, org, 'Room R', 'ROOM');
    const a = ok(await createAppointment(app, org, { roomId: room.id, startsAt: '2030-03-05T10:00:00Z', endsAt: '2030-03-05T11:00:00Z' }), 'createAppointment').appointment;
    const res = refused(await createAppointment(app, org, { roomId: room.id, startsAt: '2030-03-05T10:15:00Z', endsAt: '2030-03-05T10:45:00Z' }), 'createAppointment', 'RESOURCE_UNAVAILABLE');
    expect(res.conflicts[0]).toMatchObject({ kind: 'ROOM', bookable: { __typename: 'Resource', id: room.id } });
    ok(await app.gql(UPDATE(), { input: { id: a.id, status: 'REJECTED' } }, { token: org.token }), 'updateAppointment');
    ok(await createAppointment(app, org, { roomId: room.id, startsAt: '2030-03-05T10:15:00Z', endsAt: '2030-03-05T10:45:00Z' }), 'createAppointment');
  });
});

describe('more create rules', () => {
  it('refuses durationMinutes that disagrees with endsAt', () =>
    expectCreateRefused({ startsAt: '2030-04-01T10:00:00Z', endsAt: '2030-04-01T11:00:00Z', durationMinutes: 30 }, 'VALIDATION'));
  it('refuses a paymentStatus that differs from the derived one', () =>
    expectCreateRefused({ startsAt: '2030-04-02T10:00:00Z', endsAt: '2030-04-02T11:00:00Z', serviceAmount: 100, prepaidAmount: 10, paymentStatus: 'PAID' }, 'VALIDATION'));
  it('refuses an invalid status move through updateAppointment on a CANCELLED appointment', async () => {
    const a = ok(await createAppointment(app, org, { startsAt: '2030-04-03T10:00:00Z', endsAt: '2030-04-03T11:00:00Z' }), 'createAppointment').appointment;
    const c = ok(await app.gql(UPDATE(), { input: { id: a.id, status: 'CANCELLED' } }, { token: org.token }), 'updateAppointment').appointment;
    expect(c.status).toBe('CANCELLED');
    expect(Date.parse(c.cancelledAt)).not.toBeNaN();
    refused(await app.gql(UPDATE(), { input: { id: a.id, status: 'APPROVED' } }, { token: org.token }), 'updateAppointment', 'INVALID_STATUS_TRANSITION');
  });
  it('derives PARTIALLY_PAID and then PAID as payments are recorded', async () => {
    const a = ok(await createAppointment(app, org, { startsAt: '2030-04-04T10:00:00Z', endsAt: '2030-04-04T11:00:00Z', serviceAmount: '50.00', prepaidAmount: 20 }, 'id paymentStatus amountPaid'), 'createAppointment').appointment;
    expect(a.paymentStatus).toBe('PARTIALLY_PAID');
    ok(await app.gql(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { id paymentKind } userErrors { code } } }`,
      { input: { appointmentId: a.id, amount: '30', paymentKind: 'SETTLEMENT', paymentMethod: 'cash' } }, { token: org.token }), 'recordPayment');
    const read = await app.gql(`query($id: ID!) { appointment(id: $id) { paymentStatus amountPaid } }`, { id: a.id }, { token: org.token });
    expect(read.data.appointment.paymentStatus).toBe('PAID');
    expect(Number(read.data.appointment.amountPaid)).toBe(50);
  });
});
