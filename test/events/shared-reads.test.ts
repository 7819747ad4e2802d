import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CREATE, makeCustomer, makeUser, ok } from '../appointment/fixtures.js';
import { lastEventId, subscribe, wsClient, type Received } from './live.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Shared reads clinic');
});
afterAll(() => app?.stop());

const EVENTS = `subscription($resumeAfter: ID) {
  appointmentEvents(resumeAfter: $resumeAfter) { eventId appointment { id code customer { name } practitioner { name } } }
}`;
const SCHEDULE = `subscription($ids: [ID!]!, $resumeAfter: ID) {
  scheduleChanged(bookableIds: $ids, from: "2033-01-01T00:00:00Z", to: "2034-01-01T00:00:00Z", resumeAfter: $resumeAfter) { eventId appointment { id status customer { name } } }
}`;

let slot = 0;
const nextSlot = () => {
  const start = Date.UTC(2033, 5, 1) + slot++ * 7_200_000;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString() };
};

/** The loaders' statements for `table` (src/app/loaders.ts: `… from "<table>" t where … = any($1)`). */
const loaderReads = (table: string) => app.queries.filter((q) => q.includes(`from "${table}" t where`) && q.includes('= any($1)')).length;

it('reads an event\'s appointment once for all the subscribers that send it, each answered its own selection', async () => {
  const doctor = await makeUser(app, org, 'Dr Shared');
  const customer = await makeCustomer(app, org, 'Shared Customer');
  const book = async () => ok(await app.gql(CREATE('id code'), { input: { practitionerId: doctor.id, customerId: customer.id, ...nextSlot() } }, { token: org.token }), 'createAppointment').appointment;
  const resumeAfter = await lastEventId(app, org.organisationId);
  const clients = Array.from({ length: 12 }, () => wsClient(app, org.token));
  try {
    const subscribers: Received[] = clients.map((client, i) => (i < 8 ? subscribe(client, EVENTS, { resumeAfter }) : subscribe(client, SCHEDULE, { ids: [doctor.id], resumeAfter })));
    // The first booking reaches every subscriber, so all of them are past their replay and on the live path.
    await book();
    await Promise.all(subscribers.map((s) => s.waitFor(1)));
    app.resetQueries();
    const a = await book();
    await Promise.all(subscribers.map((s) => s.waitFor(2)));
    for (const [i, s] of subscribers.entries()) {
      const result = s.results[1]!;
      expect(result.errors).toBeUndefined();
      if (i < 8) expect(result.data.appointmentEvents.appointment).toEqual({ id: a.id, code: a.code, customer: { name: 'Shared Customer' }, practitioner: { name: 'Dr Shared' } });
      else expect(result.data.scheduleChanged.appointment).toEqual({ id: a.id, status: 'PENDING', customer: { name: 'Shared Customer' } });
    }
    // One statement per table for twelve subscribers (one each before events shared their reads).
    expect([loaderReads('appointment'), loaderReads('customer'), loaderReads('app_user')]).toEqual([1, 1, 1]);
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
  }
});
