import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CANCEL, CREATE, makeCustomer, makeUser, ok, UPDATE } from '../appointment/fixtures.js';
import { createSeries } from '../series/helpers.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Outbox clinic');
});
afterAll(() => app?.stop());

interface Row {
  id: string;
  type: string;
  object_id: string;
  object_version: number | null;
  payload: Record<string, any>;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** The organisation's outbox rows after `after`, in id order. */
async function eventsAfter(after: string, organisationId = org.organisationId): Promise<Row[]> {
  return app.sql<Row>('select id, type, object_id, object_version, payload, changes from outbox_event where organisation_id = $1 and id > $2 order by id', [organisationId, after]);
}

async function lastId(): Promise<string> {
  const [row] = await app.sql<{ id: string }>('select coalesce(max(id), 0)::text as id from outbox_event');
  return row!.id;
}

const HOUR = 3_600_000;
let slot = 0;
/** A fresh hour in 2032, so tests never collide with each other's bookings. */
function nextSlot() {
  const start = Date.UTC(2032, 0, 1) + slot++ * 2 * HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
}

describe('transactional outbox', () => {
  it('writes exactly one event for the winner of a 30-way booking race and none for the losers', async () => {
    const doctor = await makeUser(app, org, 'Dr Outbox');
    const mark = await lastId();
    const base = Date.UTC(2031, 2, 1, 10);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      app.gql(CREATE('id code version'), { input: { practitionerId: doctor.id, startsAt: new Date(base + i * 60_000).toISOString(), endsAt: new Date(base + HOUR + i * 60_000).toISOString() } }, { token: org.token })));
    const booked = answers.filter((a) => a.data?.createAppointment.appointment).map((a) => a.data.createAppointment.appointment);
    expect(booked).toHaveLength(1);
    const events = await eventsAfter(mark);
    expect(events.map((e) => [e.type, e.object_id, e.object_version])).toEqual([['appointment.created', booked[0].id, 1]]);
    expect(events[0]!.payload).toMatchObject({ id: booked[0].id, code: booked[0].code, practitionerId: doctor.id, status: 'PENDING', version: 1 });
  });

  it('writes one event per winner of a 30-way race through the transactional path (inline customer, idempotency key)', async () => {
    const doctor = await makeUser(app, org, 'Dr Inline');
    const mark = await lastId();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      app.gql(CREATE('id'), { input: { practitionerId: doctor.id, ...nextSlotAt(i), idempotencyKey: `race-${mark}-${i}`, customer: { name: `Racer ${i}`, phoneNumber: `+7701${mark.padStart(4, '0')}${String(i).padStart(3, '0')}` } } }, { token: org.token })));
    const booked = answers.filter((a) => a.data?.createAppointment.appointment).map((a) => a.data.createAppointment.appointment.id);
    expect(booked).toHaveLength(1);
    const events = await eventsAfter(mark);
    // The winner's inline customer comes first, in the same transaction; the losers' customers rolled back.
    expect(events.map((e) => e.type)).toEqual(['customer.created', 'appointment.created']);
    expect(events[1]!.object_id).toBe(booked[0]);
    expect(events[1]!.payload.customerId).toBe(events[0]!.object_id);
  });

  it('writes no event for a refused or rolled-back change', async () => {
    const doctor = await makeUser(app, org, 'Dr Rollback');
    const first = ok(await app.gql(CREATE('id version'), { input: { practitionerId: doctor.id, ...nextSlot() } }, { token: org.token }), 'createAppointment').appointment;
    const busy = nextSlot();
    ok(await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, ...busy } }, { token: org.token }), 'createAppointment');
    const mark = await lastId();
    // A userError before any write.
    const stale = await app.gql(UPDATE('id'), { input: { id: first.id, expectedVersion: 7, notes: 'x' } }, { token: org.token });
    expect(stale.data.updateAppointment.userErrors[0].code).toBe('STALE_VERSION');
    // A move onto a busy slot: the update is flushed, then the exclusion constraint rolls it back.
    const moved = await app.gql(UPDATE('id'), { input: { id: first.id, ...busy } }, { token: org.token });
    expect(moved.data.updateAppointment.userErrors[0].code).toBe('RESOURCE_UNAVAILABLE');
    // A rolled-back booking.
    const taken = await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, ...busy } }, { token: org.token });
    expect(taken.data.createAppointment.userErrors[0].code).toBe('RESOURCE_UNAVAILABLE');
    // A change that changes nothing.
    ok(await app.gql(UPDATE('id'), { input: { id: first.id, notes: null } }, { token: org.token }), 'updateAppointment');
    expect(await eventsAfter(mark)).toEqual([]);
  });

  it('names each kind of appointment change, with its version and changed fields', async () => {
    const doctor = await makeUser(app, org, 'Dr Kinds');
    const a = ok(await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, ...nextSlot(), serviceAmount: '100', prepaidAmount: '40' } }, { token: org.token }), 'createAppointment').appointment;
    ok(await app.gql(UPDATE('id'), { input: { id: a.id, notes: 'bring records' } }, { token: org.token }), 'updateAppointment');
    ok(await app.gql(UPDATE('id'), { input: { id: a.id, ...nextSlot() } }, { token: org.token }), 'updateAppointment');
    ok(await app.gql(UPDATE('id'), { input: { id: a.id, status: 'APPROVED' } }, { token: org.token }), 'updateAppointment');
    ok(await app.gql(CANCEL('id'), { input: { id: a.id, cancellationNote: 'ill' } }, { token: org.token }), 'cancelAppointment');
    const rows = (await app.sql<Row>(`select id, type, object_id, object_version, payload, changes from outbox_event where object_id = $1 order by id`, [a.id]));
    expect(rows.map((r) => [r.type, r.object_version])).toEqual([
      ['appointment.created', 1], ['appointment.updated', 2], ['appointment.rescheduled', 3], ['appointment.status_changed', 4], ['appointment.cancelled', 5],
    ]);
    expect(rows[1]!.changes).toEqual({ notes: { before: null, after: 'bring records' } });
    expect(rows[4]!.payload).toMatchObject({ id: a.id, status: 'CANCELLED', cancellationNote: 'ill', version: 5 });
    const [payment] = await app.sql<Row>(`select type, payload from outbox_event where type = 'payment.recorded' and payload->>'appointmentId' = $1`, [a.id]);
    expect(payment!.payload).toMatchObject({ amount: '40', paymentKind: 'PREPAYMENT', appointmentId: a.id });
  });

  it('records holds taken and released, payments and customer changes', async () => {
    const doctor = await makeUser(app, org, 'Dr Holds');
    const customer = await makeCustomer(app, org, 'Ada Outbox');
    const mark = await lastId();
    const held = ok(await app.gql(`mutation($input: CreateHoldInput!) { createHold(input: $input) { hold { id } userErrors { code field message } } }`, { input: { bookableIds: [doctor.id], ...nextSlot(), ttlSeconds: 60 } }, { token: org.token }), 'createHold').hold;
    ok(await app.gql(`mutation($input: ReleaseHoldInput!) { releaseHold(input: $input) { hold { id } userErrors { code field message } } }`, { input: { id: held.id } }, { token: org.token }), 'releaseHold');
    const s = nextSlot();
    const consumed = ok(await app.gql(`mutation($input: CreateHoldInput!) { createHold(input: $input) { hold { id } userErrors { code field message } } }`, { input: { bookableIds: [doctor.id], ...s, ttlSeconds: 60 } }, { token: org.token }), 'createHold').hold;
    const a = ok(await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, ...s, holdId: consumed.id, customerId: customer.id } }, { token: org.token }), 'createAppointment').appointment;
    const paid = ok(await app.gql(`mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { id } userErrors { code field message } } }`, { input: { appointmentId: a.id, amount: '10', paymentKind: 'SETTLEMENT' } }, { token: org.token }), 'recordPayment').payment;
    ok(await app.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } userErrors { code field message } } }`, { input: { id: customer.id, email: 'ada@example.com' } }, { token: org.token }), 'updateCustomer');
    ok(await app.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } userErrors { code field message } } }`, { input: { id: customer.id, email: 'ada@example.com' } }, { token: org.token }), 'updateCustomer');
    const events = await eventsAfter(mark);
    expect(events.map((e) => [e.type, e.object_id])).toEqual([
      ['hold.created', held.id], ['hold.released', held.id], ['hold.created', consumed.id], ['hold.released', consumed.id], ['appointment.created', a.id],
      ['payment.recorded', paid.id], ['customer.updated', customer.id],
    ]);
    expect(events[0]!.payload).toMatchObject({ id: held.id, bookableIds: [doctor.id] });
    expect(events[6]!.changes).toEqual({ email: { before: null, after: 'ada@example.com' } });
    expect(events.every((e) => !('organisationId' in e.payload))).toBe(true);
  });

  it('notifies listeners at commit, never for a rollback, naming the organisation', async () => {
    const listener = new pg.Client({ connectionString: app.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload!));
    await listener.query('listen kairos_outbox');
    try {
      const doctor = await makeUser(app, org, 'Dr Notify');
      const busy = nextSlot();
      const other = await app.createOrg('Quiet clinic');
      heard.splice(0);
      const taken = ok(await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, ...busy } }, { token: org.token }), 'createAppointment');
      expect(taken.appointment.id).toBeTruthy();
      await expect.poll(() => heard).toEqual([org.organisationId]);
      const refused = await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, ...busy } }, { token: org.token });
      expect(refused.data.createAppointment.userErrors[0].code).toBe('RESOURCE_UNAVAILABLE');
      await makeCustomer(app, other, 'Someone else');
      await expect.poll(() => heard).toEqual([org.organisationId, other.organisationId]);
    } finally {
      await listener.end();
    }
  });

  it('draws ids in commit order within an organisation: a second writer waits for the first to commit', async () => {
    const insert = `insert into outbox_event (organisation_id, type, object_id, payload) values ($1, 'customer.updated', 'x', '{}') returning id`;
    const [a, b] = [new pg.Client({ connectionString: app.databaseUrl }), new pg.Client({ connectionString: app.databaseUrl })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('begin');
      await b.query('begin');
      // b draws a number from the sequence first (its id default), then a takes the lock and its id.
      const first = (await a.query(insert, [org.organisationId])).rows[0].id as string;
      let second: string | null = null;
      const waiting = b.query(insert, [org.organisationId]).then((r) => (second = r.rows[0].id as string));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(second).toBeNull();
      await a.query('commit');
      await waiting;
      expect(BigInt(second!)).toBeGreaterThan(BigInt(first));
      // Another organisation does not wait.
      const other = await app.createOrg('Unrelated clinic');
      await a.query('begin');
      await a.query(insert, [other.organisationId]);
      await a.query('rollback');
      await b.query('rollback');
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });

  it('writes one event per booked occurrence of a series, none for the refused one, and one per occurrence cancelled with scope ALL', async () => {
    const doctor = await makeUser(app, org, 'Dr Series');
    const blocker = await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, startsAt: '2033-01-17T09:00:00Z', durationMinutes: 30 } }, { token: org.token });
    expect(blocker.data.createAppointment.userErrors).toEqual([]);
    const mark = await lastId();
    const series = await createSeries(app, org, { rrule: 'FREQ=WEEKLY;COUNT=3', timeZone: 'UTC', startsAt: '2033-01-10T09:00:00Z', durationMinutes: 30, practitionerId: doctor.id, mode: 'BEST_EFFORT' });
    const booked = series.occurrences.filter((o: any) => o.appointment).map((o: any) => o.appointment.id);
    expect(booked).toHaveLength(2);
    expect((await eventsAfter(mark)).map((e) => [e.type, e.object_id])).toEqual(booked.map((id: string) => ['appointment.created', id]));

    const cancelMark = await lastId();
    const cancelled = await app.gql(CANCEL('id'), { input: { id: booked[0], scope: 'ALL' } }, { token: org.token });
    expect(cancelled.data.cancelAppointment.userErrors).toEqual([]);
    const events = await eventsAfter(cancelMark);
    expect(events.map((e) => e.type)).toEqual(['appointment.cancelled', 'appointment.cancelled']);
    expect(new Set(events.map((e) => e.object_id))).toEqual(new Set(booked));
  });
});

function nextSlotAt(i: number) {
  const start = Date.UTC(2031, 3, 1, 10) + i * 60_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
}
