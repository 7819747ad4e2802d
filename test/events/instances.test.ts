import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CREATE, makeUser, ok, UPDATE } from '../appointment/fixtures.js';
import { lastEventId, sleep, subscribe, wsClient } from './live.js';

// Two Kairos instances on one PostgreSQL database, as two `npm start`s with one DATABASE_URL would be.
let first: TestApp;
let second: TestApp;
let org: TestOrg;

beforeAll(async () => {
  first = await startTestApp();
  second = await startTestApp({ databaseUrl: first.databaseUrl });
  org = await first.createOrg('Two-instance clinic');
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

const EVENTS = `subscription($resumeAfter: ID) { appointmentEvents(resumeAfter: $resumeAfter) { eventId type appointment { id notes } } }`;

describe('several instances on one database', () => {
  it('delivers a change committed through one instance to subscribers of the other, in commit order, each once', async () => {
    const doctor = await makeUser(second, org, 'Dr Elsewhere');
    const onFirst = wsClient(first, org.token);
    const onSecond = wsClient(second, org.token);
    try {
      const mark = await lastEventId(first, org.organisationId);
      const heardOnFirst = subscribe(onFirst, EVENTS, { resumeAfter: mark });
      const heardOnSecond = subscribe(onSecond, EVENTS, { resumeAfter: mark });
      const made = await Promise.all(Array.from({ length: 5 }, (_, i) =>
        second.gql(CREATE('id'), { input: { practitionerId: doctor.id, startsAt: `2034-01-0${i + 1}T10:00:00Z`, endsAt: `2034-01-0${i + 1}T11:00:00Z` } }, { token: org.token })));
      const ids = made.map((m) => ok(m, 'createAppointment').appointment.id);
      // Half the updates through each instance.
      await Promise.all(ids.map((id, i) => (i % 2 ? first : second).gql(UPDATE('id'), { input: { id, notes: `via ${i % 2 ? 'first' : 'second'}` } }, { token: org.token })));
      const expected = await first.sql<{ id: string }>(`select id::text from outbox_event where organisation_id = $1 and id > $2 and type like 'appointment.%' order by outbox_event.id`, [org.organisationId, mark]);
      expect(expected).toHaveLength(10);
      await heardOnFirst.waitFor(10);
      await heardOnSecond.waitFor(10);
      await sleep(300);
      for (const heard of [heardOnFirst, heardOnSecond]) {
        expect(heard.results.map((r) => r.data.appointmentEvents.eventId)).toEqual(expected.map((e) => e.id));
      }
      expect(heardOnFirst.results.slice(5).map((r) => r.data.appointmentEvents.appointment.notes).sort()).toEqual(['via first', 'via first', 'via second', 'via second', 'via second']);
    } finally {
      await Promise.all([onFirst.dispose(), onSecond.dispose()]);
    }
  });

  it('lets a subscriber that loses its instance resume on the other without gaps or duplicates', async () => {
    const doctor = await makeUser(first, org, 'Dr Failover');
    const a = ok(await first.gql(CREATE('id'), { input: { practitionerId: doctor.id, startsAt: '2034-02-01T10:00:00Z', endsAt: '2034-02-01T11:00:00Z' } }, { token: org.token }), 'createAppointment').appointment;
    const client = wsClient(first, org.token);
    const heard = subscribe(client, EVENTS, { resumeAfter: await lastEventId(first, org.organisationId) });
    ok(await first.gql(UPDATE('id'), { input: { id: a.id, notes: 'one' } }, { token: org.token }), 'updateAppointment');
    const [last] = await heard.waitFor(1);
    await client.dispose();
    // While nobody listens, changes keep committing (through the other instance).
    for (const notes of ['two', 'three']) ok(await second.gql(UPDATE('id'), { input: { id: a.id, notes } }, { token: org.token }), 'updateAppointment');
    const again = wsClient(second, org.token);
    try {
      const resumed = subscribe(again, EVENTS, { resumeAfter: last!.data.appointmentEvents.eventId });
      await resumed.waitFor(2);
      ok(await first.gql(UPDATE('id'), { input: { id: a.id, notes: 'four' } }, { token: org.token }), 'updateAppointment');
      await resumed.waitFor(3);
      await sleep(300);
      expect(resumed.results.map((r) => r.data.appointmentEvents.type)).toEqual(['UPDATED', 'UPDATED', 'UPDATED']);
      const ids = resumed.results.map((r) => BigInt(r.data.appointmentEvents.eventId));
      expect(ids.every((id, i) => i === 0 || id > ids[i - 1]!)).toBe(true);
      expect(ids[0]! > BigInt(last!.data.appointmentEvents.eventId)).toBe(true);
    } finally {
      await again.dispose();
    }
  });
});
