import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { appointmentCount, CREATE, makeUser, ok } from './fixtures.js';
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
    console.log(`race: attempts=${answers.length} booked=${booked.length} refused=${refused.length}`);
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(29);
    const winner = booked[0]!.data.createAppointment.appointment.id;
    for (const r of refused) expect(r.data.createAppointment.conflicts.map((c: any) => c.appointment.id)).toEqual([winner]);
    expect(await appointmentCount(app, org)).toBe(before + 1);
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
