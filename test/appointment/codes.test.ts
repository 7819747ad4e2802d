import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { createAppointment, makeUser, ok, refused } from './fixtures.js';

/** Appointment codes are numbered per organisation (issue 11, finding 5): no tenant can count another's bookings. */
describe('appointment codes', () => {
  let app: TestApp;
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    app = await startTestApp();
    a = await app.createOrg('Codes A');
    b = await app.createOrg('Codes B');
  });
  afterAll(() => app?.stop());

  const book = (org: TestOrg, practitionerId: string, hour: number) =>
    createAppointment(app, org, { practitionerId, startsAt: `2030-03-04T${String(hour).padStart(2, '0')}:00:00Z`, durationMinutes: 30 }, 'id code');

  it('start at APT-000001 in every organisation and do not move with another organisation\'s bookings', async () => {
    const doctorA = await makeUser(app, a, 'Dr Codes A');
    const doctorB = await makeUser(app, b, 'Dr Codes B');
    expect(ok(await book(b, doctorB.id, 8), 'createAppointment').appointment.code).toBe('APT-000001');
    expect(ok(await book(a, doctorA.id, 8), 'createAppointment').appointment.code).toBe('APT-000001');
    expect(ok(await book(a, doctorA.id, 9), 'createAppointment').appointment.code).toBe('APT-000002');
    expect(ok(await book(b, doctorB.id, 9), 'createAppointment').appointment.code).toBe('APT-000002');
  });

  it('are gap-free under 20 concurrent creates, and a refused create gives its number back', async () => {
    const org = await app.createOrg('Codes concurrent');
    const doctors = await Promise.all(Array.from({ length: 20 }, (_, i) => makeUser(app, org, `Dr Parallel ${i}`)));
    // 20 different practitioners, one slot: no two compete for a bookable, only for the counter.
    const codes = (await Promise.all(doctors.map((d) => book(org, d.id, 10)))).map((res) => ok(res, 'createAppointment').appointment.code as string);
    expect(codes.toSorted()).toEqual(Array.from({ length: 20 }, (_, i) => `APT-${String(i + 1).padStart(6, '0')}`));

    refused(await book(org, doctors[0]!.id, 10), 'createAppointment', 'RESOURCE_UNAVAILABLE');
    expect(ok(await book(org, doctors[0]!.id, 11), 'createAppointment').appointment.code).toBe('APT-000021');
  });
});
