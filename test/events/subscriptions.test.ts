import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CREATE, makeUser, ok, UPDATE } from '../appointment/fixtures.js';
import { lastEventId, rawInit, sleep, subscribe, wsClient } from './live.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Live clinic');
});
afterAll(() => app?.stop());

const EVENTS = `subscription($filter: AppointmentEventFilter, $resumeAfter: ID) {
  appointmentEvents(filter: $filter, resumeAfter: $resumeAfter) { eventId type occurredAt version changedFields appointment { id code status notes practitioner { name } } }
}`;
const SCHEDULE = `subscription($bookableIds: [ID!]!, $from: DateTime!, $to: DateTime!, $resumeAfter: ID) {
  scheduleChanged(bookableIds: $bookableIds, from: $from, to: $to, resumeAfter: $resumeAfter) { eventId type bookableIds startsAt endsAt previousStartsAt appointment { id } hold { id } }
}`;

const HOUR = 3_600_000;
let slot = 0;
function nextSlot() {
  const start = Date.UTC(2033, 0, 1) + slot++ * 2 * HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
}

async function book(who: TestOrg, practitionerId: string, extra: Record<string, unknown> = {}) {
  return ok(await app.gql(CREATE('id code version'), { input: { practitionerId, ...nextSlot(), ...extra } }, { token: who.token }), 'createAppointment').appointment;
}


describe('appointmentEvents', () => {
  it('sends a committed booking with the appointment resolved through the loaders', async () => {
    const doctor = await makeUser(app, org, 'Dr Live');
    const client = wsClient(app, org.token);
    try {
      const received = subscribe(client, EVENTS, { resumeAfter: await lastEventId(app, org.organisationId) });
      const a = await book(org, doctor.id);
      const [first] = await received.waitFor(1);
      expect(first!.errors).toBeUndefined();
      expect(first!.data.appointmentEvents).toMatchObject({ type: 'CREATED', version: 1, changedFields: [], appointment: { id: a.id, code: a.code, status: 'PENDING', practitioner: { name: 'Dr Live' } } });
      expect(first!.data.appointmentEvents.eventId).toMatch(/^\d+$/);
    } finally {
      await client.dispose();
    }
  });

  it('filters by practitioner (before or after the change) and never sends another organisation\'s changes', async () => {
    const [mine, theirs] = [await makeUser(app, org, 'Dr Mine'), await makeUser(app, org, 'Dr Theirs')];
    const other = await app.createOrg('Other live clinic');
    const stranger = await makeUser(app, other, 'Dr Stranger');
    const client = wsClient(app, org.token);
    const otherClient = wsClient(app, other.token);
    try {
      const received = subscribe(client, EVENTS, { filter: { practitionerId: mine.id }, resumeAfter: await lastEventId(app, org.organisationId) });
      const everything = subscribe(otherClient, EVENTS, { resumeAfter: await lastEventId(app, other.organisationId) });
      await book(org, theirs.id);
      const a = await book(org, mine.id);
      // Moved from mine to theirs: mine's calendar still hears of it.
      ok(await app.gql(UPDATE('id'), { input: { id: a.id, practitionerId: theirs.id } }, { token: org.token }), 'updateAppointment');
      const b = await book(other, stranger.id);
      const results = await received.waitFor(2);
      await everything.waitFor(1);
      await sleep(300);
      expect(received.results.map((r) => [r.data.appointmentEvents.type, r.data.appointmentEvents.appointment.id])).toEqual([['CREATED', a.id], ['UPDATED', a.id]]);
      expect(results[1]!.data.appointmentEvents.changedFields).toEqual(['practitionerId']);
      expect(everything.results.map((r) => r.data.appointmentEvents.appointment.id)).toEqual([b.id]);
    } finally {
      await Promise.all([client.dispose(), otherClient.dispose()]);
    }
  });

  it('resumes after an eventId without gaps or duplicates, while writes keep committing', async () => {
    const doctor = await makeUser(app, org, 'Dr Resume');
    const first = await book(org, doctor.id);
    const [mark] = await app.sql<{ id: string }>(`select max(id)::text as id from outbox_event where organisation_id = $1`, [org.organisationId]);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await book(org, doctor.id));
    const client = wsClient(app, org.token);
    try {
      const received = subscribe(client, EVENTS, { resumeAfter: mark!.id });
      // Concurrent updates while the replay runs and after it.
      await Promise.all(made.map((a, i) => app.gql(UPDATE('id'), { input: { id: a.id, notes: `n${i}` } }, { token: org.token })));
      await Promise.all([first, ...made].map((a, i) => app.gql(UPDATE('id'), { input: { id: a.id, notes: `m${i}` } }, { token: org.token })));
      const expected = await app.sql<{ id: string }>(`select id::text from outbox_event where organisation_id = $1 and id > $2 and type like 'appointment.%' order by outbox_event.id`, [org.organisationId, mark!.id]);
      expect(expected).toHaveLength(5 + 5 + 6);
      await received.waitFor(expected.length);
      await sleep(300);
      expect(received.results.every((r) => !r.errors)).toBe(true);
      expect(received.results.map((r) => r.data.appointmentEvents.eventId)).toEqual(expected.map((e) => e.id));
      expect(received.results.slice(0, 5).map((r) => r.data.appointmentEvents.appointment.id)).toEqual(made.map((a) => a.id));
    } finally {
      await client.dispose();
    }
  });

  it('refuses with RESUME_EXPIRED a resumeAfter whose following events were pruned, and resumes from a kept one', async () => {
    const pruned = await app.createOrg('Pruned clinic');
    const doctor = await makeUser(app, pruned, 'Dr Pruned');
    const mark = await lastEventId(app, pruned.organisationId);
    await book(pruned, doctor.id);
    // The last event before the prune: a client that had received it has missed nothing.
    const kept = await lastEventId(app, pruned.organisationId);
    await app.sql(`update outbox_event set occurred_at = now() - interval '200 hours' where organisation_id = $1`, [pruned.organisationId]);
    expect(await app.kairos.live.hub.prune()).toBeGreaterThan(0);
    const client = wsClient(app, pruned.token);
    try {
      const [refused] = await subscribe(client, EVENTS, { resumeAfter: mark }).waitFor(1);
      expect(refused!.errors?.[0]?.extensions?.code).toBe('RESUME_EXPIRED');
      const received = subscribe(client, EVENTS, { resumeAfter: kept });
      const a = await book(pruned, doctor.id);
      const [event] = await received.waitFor(1);
      expect(event!.data.appointmentEvents.appointment.id).toBe(a.id);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a bad resumeAfter or filter id as BAD_USER_INPUT', async () => {
    const client = wsClient(app, org.token);
    try {
      const bad = subscribe(client, EVENTS, { resumeAfter: 'abc' });
      const [result] = await bad.waitFor(1);
      expect(result!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const filter = subscribe(client, EVENTS, { filter: { practitionerId: 'nope' } });
      const [answer] = await filter.waitFor(1);
      expect(answer!.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });
});

describe('scheduleChanged', () => {
  it('reports holds and bookings that touch a watched bookable in the watched period, and nothing else', async () => {
    const [watched, unwatched] = [await makeUser(app, org, 'Dr Watched'), await makeUser(app, org, 'Dr Unwatched')];
    const inside = nextSlot();
    const client = wsClient(app, org.token);
    try {
      const received = subscribe(client, SCHEDULE, { bookableIds: [watched.id], from: inside.startsAt, to: inside.endsAt, resumeAfter: await lastEventId(app, org.organisationId) });
      ok(await app.gql(CREATE('id'), { input: { practitionerId: watched.id, ...nextSlot() } }, { token: org.token }), 'createAppointment');
      ok(await app.gql(CREATE('id'), { input: { practitionerId: unwatched.id, ...inside } }, { token: org.token }), 'createAppointment');
      const hold = ok(await app.gql(`mutation($input: CreateHoldInput!) { createHold(input: $input) { hold { id } userErrors { code field message } } }`, { input: { bookableIds: [watched.id], ...inside, ttlSeconds: 60 } }, { token: org.token }), 'createHold').hold;
      ok(await app.gql(`mutation($input: ReleaseHoldInput!) { releaseHold(input: $input) { hold { id } userErrors { code field message } } }`, { input: { id: hold.id } }, { token: org.token }), 'releaseHold');
      const a = ok(await app.gql(CREATE('id'), { input: { practitionerId: watched.id, ...inside } }, { token: org.token }), 'createAppointment').appointment;
      const later = nextSlot();
      ok(await app.gql(UPDATE('id'), { input: { id: a.id, ...later } }, { token: org.token }), 'updateAppointment');
      await received.waitFor(4);
      await sleep(300);
      expect(received.results.map((r) => r.data.scheduleChanged)).toEqual([
        expect.objectContaining({ type: 'HOLD_CREATED', bookableIds: [watched.id], hold: { id: hold.id }, appointment: null }),
        expect.objectContaining({ type: 'HOLD_RELEASED', hold: null }),
        expect.objectContaining({ type: 'APPOINTMENT_CREATED', appointment: { id: a.id }, startsAt: inside.startsAt }),
        // Moved out of the watched period: reported, with where it was.
        expect.objectContaining({ type: 'APPOINTMENT_RESCHEDULED', startsAt: later.startsAt, previousStartsAt: inside.startsAt }),
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('starts live from the moment it is set up when no resumeAfter is given', async () => {
    const doctor = await makeUser(app, org, 'Dr From Now');
    const before = await book(org, doctor.id);
    const client = wsClient(app, org.token);
    try {
      const received = subscribe(client, EVENTS, { filter: { practitionerId: doctor.id } });
      // No event tells when the server has set it up: give it a moment, then write.
      await sleep(1000);
      const a = await book(org, doctor.id);
      await received.waitFor(1);
      await sleep(300);
      expect(received.results.map((r) => r.data.appointmentEvents.appointment.id)).toEqual([a.id]);
      expect(a.id).not.toBe(before.id);
    } finally {
      await client.dispose();
    }
  });
});

describe('the WebSocket endpoint', () => {
  it('closes connection_init without a valid token with 4401 and a forbidden tenant with 4403', async () => {
    expect(await rawInit(app, {})).toMatchObject({ acked: false, code: 4401 });
    expect(await rawInit(app, { Authorization: 'Bearer kairos_not-a-token' })).toMatchObject({ acked: false, code: 4401 });
    const other = await app.createOrg('Tenant I am not in');
    expect(await rawInit(app, { Authorization: `Bearer ${org.token}`, 'X-Tenant': other.organisationId })).toMatchObject({ acked: false, code: 4403 });
    expect(await rawInit(app, { headers: { 'x-session-token': org.token } })).toMatchObject({ acked: true, code: 1000 });
    expect(await rawInit(app, { api_access_token: org.token })).toMatchObject({ acked: true });
  });

  it('closes with 4401 a subscribe sent before connection_init (the protocol)', async () => {
    const result = await rawInit(app, null, { skipInit: true, then: (ws) => ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: EVENTS } })) });
    expect(result.code).toBe(4401);
  });

  it('answers an invalid document or one over the limits with an error message and keeps the socket open', async () => {
    const client = wsClient(app, org.token);
    try {
      const [syntax] = await subscribe(client, 'subscription { appointmentEvents { ').waitFor(1);
      expect(syntax!.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      const [unknown] = await subscribe(client, 'subscription { appointmentEvents { nope } }').waitFor(1);
      expect(unknown!.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const deep = `subscription { appointmentEvents { appointment { customer { appointments { edges { node { customer { appointments { edges { node { customer { appointments { edges { node { id } } } } } } } } } } } } } } }`;
      const [tooDeep] = await subscribe(client, deep).waitFor(1);
      expect(tooDeep!.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxDepth' });
      const costly = `subscription { appointmentEvents { appointment { customer { appointments(first: 100) { edges { node { customer { appointments(first: 100) { edges { node { id } } } } } } } } } } }`;
      const [tooCostly] = await subscribe(client, costly).waitFor(1);
      expect(tooCostly!.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxCost' });
      const [query] = await subscribe(client, '{ viewer { name } }').waitFor(1);
      expect(query!.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      // The same socket still serves a valid subscription.
      const doctor = await makeUser(app, org, 'Dr Still Open');
      const received = subscribe(client, EVENTS, { filter: { practitionerId: doctor.id }, resumeAfter: await lastEventId(app, org.organisationId) });
      const a = await book(org, doctor.id);
      const [event] = await received.waitFor(1);
      expect(event!.data.appointmentEvents.appointment.id).toBe(a.id);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a subscription sent over HTTP', async () => {
    const res = await app.gql(EVENTS, {}, { token: org.token });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});
