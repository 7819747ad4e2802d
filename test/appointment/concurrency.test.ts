import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { appointmentCount, CREATE, makeResource, makeUser, ok } from './fixtures.js';
import { fromGlobalId } from '../../src/shared/global-id.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Race clinic');
});
afterAll(() => app?.stop());

describe('double booking under concurrency', () => {
  it('books exactly one of 30 concurrent overlapping requests for one practitioner', async () => {
    const doctor = await makeUser(app, org, 'Dr Race');
    const before = await appointmentCount(app, org);
    const attempts = Array.from({ length: 30 }, (_, i) => ({
      practitionerId: doctor.id,
      startsAt: new Date(Date.UTC(2031, 0, 1, 10, i)).toISOString(),
      endsAt: new Date(Date.UTC(2031, 0, 1, 11, i)).toISOString(),
    }));
    const answers = await Promise.all(attempts.map((input) => app.gql(CREATE('id'), { input }, { token: org.token })));
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    const booked = answers.filter((a) => a.data.createAppointment.appointment);
    const refused = answers.filter((a) => a.data.createAppointment.userErrors.some((e: any) => e.code === 'RESOURCE_UNAVAILABLE'));
    console.log(`race(practitioner): attempts=${answers.length} booked=${booked.length} refused=${refused.length}`);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(29);
    const winner = booked[0]!.data.createAppointment.appointment.id;
    for (const r of refused) expect(r.data.createAppointment.conflicts.map((c: any) => c.appointment.id)).toEqual([winner]);
    expect(await appointmentCount(app, org)).toBe(before + 1);
  });

  // One race per other kind of bookable. Every attempt has its own practitioner, so the named
  // bookable is the only thing the attempts share and the only conflict they may report.
  const BOOKABLES = [
    { kind: 'ROOM', make: () => makeResource(app, org, 'Race room', 'ROOM'), input: (id: string) => ({ roomId: id }) },
    { kind: 'VEHICLE', make: () => makeResource(app, org, 'Race van', 'VEHICLE'), input: (id: string) => ({ vehicleId: id }) },
    { kind: 'RESOURCE', make: () => makeResource(app, org, 'Race laser', 'EQUIPMENT'), input: (id: string) => ({ resourceIds: [id] }) },
    { kind: 'ASSISTANT', make: () => makeUser(app, org, 'Race nurse'), input: (id: string) => ({ assistantIds: [id] }) },
  ];
  let practitioners: { id: string }[] = [];

  it.each(BOOKABLES.map((b, day) => ({ ...b, day })))('books exactly one of 30 concurrent overlapping requests for one $kind', async ({ kind, make, input, day }) => {
    if (practitioners.length === 0) practitioners = await Promise.all(Array.from({ length: 30 }, (_, i) => makeUser(app, org, `Dr Heat ${i}`)));
    const bookable = await make();
    const before = await appointmentCount(app, org);
    const [events] = await app.sql<{ n: number }>('select count(*)::int as n from appointment_event where organisation_id = $1', [org.organisationId]);
    const attempts = practitioners.map((doctor, i) => ({
      practitionerId: doctor.id,
      ...input(bookable.id),
      startsAt: new Date(Date.UTC(2031, 4, 1 + day, 10, i)).toISOString(),
      endsAt: new Date(Date.UTC(2031, 4, 1 + day, 11, i)).toISOString(),
    }));
    const answers = await Promise.all(attempts.map((a) => app.gql(CREATE('id'), { input: a }, { token: org.token })));
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    const booked = answers.filter((a) => a.data.createAppointment.appointment);
    const refused = answers.filter((a) => a.data.createAppointment.userErrors.some((e: any) => e.code === 'RESOURCE_UNAVAILABLE'));
    console.log(`race(${kind.toLowerCase()}): attempts=${answers.length} booked=${booked.length} refused=${refused.length}`);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(29);
    const winner = booked[0]!.data.createAppointment.appointment.id;
    for (const r of refused) {
      expect(r.data.createAppointment.conflicts).toEqual([{ kind, bookable: { __typename: kind === 'ASSISTANT' ? 'User' : 'Resource', id: bookable.id }, appointment: { id: winner } }]);
    }
    expect(await appointmentCount(app, org)).toBe(before + 1);
    const [after] = await app.sql<{ n: number }>('select count(*)::int as n from appointment_event where organisation_id = $1', [org.organisationId]);
    expect(after!.n).toBe(events!.n + 1);
    const held = await app.sql<{ appointment_id: string; kind: string }>('select appointment_id, kind from appointment_allocation where bookable_id = $1', [fromGlobalId(bookable.id)!.id]);
    expect(held).toEqual([{ appointment_id: fromGlobalId(winner)!.id, kind }]);
  });

  // Two bookings that hold each other's people in swapped roles lock them in opposite orders, so
  // PostgreSQL may abort one to break a deadlock: the client must still get a booking or a conflict.
  it('answers each of 10 concurrent pairs of swapped practitioner/assistant bookings with one booking and one conflict', async () => {
    const pairs = await Promise.all(Array.from({ length: 10 }, async (_, i) => [await makeUser(app, org, `Dr Swap ${i}`), await makeUser(app, org, `Dr Pawz ${i}`)]));
    const answers = await Promise.all(pairs.flatMap(([a, b], i) => [[a, b], [b, a]].map(([practitioner, assistant]) => {
      const input = { practitionerId: practitioner.id, assistantIds: [assistant.id], startsAt: `2031-06-${String(i + 1).padStart(2, '0')}T10:00:00Z`, endsAt: `2031-06-${String(i + 1).padStart(2, '0')}T11:00:00Z` };
      return app.gql(CREATE('id'), { input }, { token: org.token });
    })));
    for (const a of answers) expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
    for (let i = 0; i < answers.length; i += 2) {
      const outcomes = answers.slice(i, i + 2).map((a) => (a.data.createAppointment.appointment ? 'booked' : a.data.createAppointment.userErrors[0].code));
      expect(outcomes.sort()).toEqual(['RESOURCE_UNAVAILABLE', 'booked']);
    }
  });

  it('creates exactly one appointment from 20 concurrent replays of one idempotency key', async () => {
    const before = await appointmentCount(app, org);
    const input = { startsAt: '2031-02-01T10:00:00Z', endsAt: '2031-02-01T11:00:00Z', idempotencyKey: 'race-key', notes: 'replayed' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.gql(CREATE('id'), { input }, { token: org.token })));
    const ids = answers.map((a) => ok(a, 'createAppointment').appointment.id);
    expect(new Set(ids).size).toBe(1);
    expect(answers.filter((a) => a.data.createAppointment.replayed === false)).toHaveLength(1);
    expect(await appointmentCount(app, org)).toBe(before + 1);
    const rows = await app.sql(`select id from appointment where organisation_id = $1 and idempotency_key = 'race-key'`, [org.organisationId]);
    expect(rows).toHaveLength(1);
  });

  it('PostgreSQL itself rejects an overlapping raw INSERT with appointment_allocation_no_overlap', async () => {
    const doctor = await makeUser(app, org, 'Dr Raw');
    ok(await app.gql(CREATE('id'), { input: { practitionerId: doctor.id, startsAt: '2031-03-01T10:00:00Z', endsAt: '2031-03-01T11:00:00Z' } }, { token: org.token }), 'createAppointment');
    const before = await appointmentCount(app, org);
    const insert = app.sql(
      `insert into appointment (id, created_at, updated_at, organisation_id, code, starts_at, ends_at, practitioner_id)
       values (gen_random_uuid(), now(), now(), $1, 'RAW-1', '2031-03-01T10:30:00Z', '2031-03-01T11:30:00Z', $2)`,
      [org.organisationId, fromGlobalId(doctor.id)!.id],
    );
    await expect(insert).rejects.toMatchObject({ code: '23P01', constraint: 'appointment_allocation_no_overlap' });
    expect(await appointmentCount(app, org)).toBe(before);
  });
});
