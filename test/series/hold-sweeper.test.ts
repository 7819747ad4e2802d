import pino from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CANCEL, makeCustomer, makeTreatment, makeUser, ok } from '../appointment/fixtures.js';
import { fromGlobalId } from '../../src/shared/global-id.js';
import { sweepExpiredHolds } from '../../src/modules/scheduling/hold-sweeper.js';
import { book, hold } from '../scheduling/helpers.js';

// Two instances on one database, each with its job runner sweeping every second: with the direct
// calls below, up to six sweeps meet the same expired holds.
let app: TestApp;
let second: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp({ holdSweep: { intervalSeconds: 1 } });
  second = await startTestApp({ databaseUrl: app.databaseUrl, holdSweep: { intervalSeconds: 1 } });
  org = await app.createOrg('Sweeper clinic', { timeZone: 'UTC' });
});
afterAll(async () => {
  await second?.stop();
  await app?.stop();
});

const JOIN = `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { waitlistEntry { id status } userErrors { code field message } } }`;
const RELEASE = `mutation($input: ReleaseHoldInput!) { releaseHold(input: $input) { hold { id } userErrors { code field message } } }`;
const ENTRIES = `query { waitlistEntries(first: 50) { edges { node { id status customer { id } offer { id startsAt endsAt } } } } }`;

const silent = pino({ level: 'silent' });
const uuid = (globalId: string) => fromGlobalId(globalId)!.id;
/** One sweep run on `instance`, as its job runner would run it. */
const sweep = (instance: TestApp) => sweepExpiredHolds(instance.kairos.orm, silent, (sql) => instance.sql(sql));
/** Expires holds now, as their TTL would: the test's clock, without waiting for it. */
const expire = (holdIds: string[]) => app.sql(`update hold set expires_at = clock_timestamp() - interval '1 second' where id = any($1::uuid[])`, [holdIds.map(uuid)]);
const eventsOf = async (objectId: string) => (await app.sql<{ type: string }>('select type from outbox_event where object_id = $1 order by id', [objectId])).map((e) => e.type);

async function entries(ids: string[]) {
  const res = await app.gql(ENTRIES, {}, { token: org.token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const all = res.data.waitlistEntries.edges.map((e: any) => e.node) as { id: string; status: string; customer: { id: string }; offer: { id: string; startsAt: string } | null }[];
  return ids.map((id) => all.find((e) => e.id === id)!);
}

async function joinAll(day: string, practitionerId: string, treatmentId: string, count: number, label: string) {
  const joined: { id: string; customerId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const customer = await makeCustomer(app, org, `${label} ${i + 1}`);
    const entry = ok(await app.gql(JOIN, { input: {
      customerId: customer.id, treatmentIds: [treatmentId], requirements: [{ anyOf: [practitionerId] }], from: `${day}T00:00:00Z`, to: `${day}T23:59:00Z`,
    } }, { token: org.token }), 'joinWaitlist').waitlistEntry;
    joined.push({ id: entry.id, customerId: customer.id });
  }
  return joined;
}

/** Polls `check` until it holds (the sweeper runs every second here), at most 15 s. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error('the sweeper did not get there within 15 s');
}

describe('hold sweeper', () => {
  it('10 holds expiring at once under four concurrent sweeps on two instances (and their job runners): each writes one hold.expired, and the 10 slots go to the first 10 waiting entries in join order, one each', async () => {
    const day = '2028-03-06';
    const slot = (k: number) => new Date(Date.parse(`${day}T08:00:00Z`) + k * 30 * 60_000).toISOString();
    const dr = await makeUser(app, org, 'Dr Sweep');
    const visit = await makeTreatment(app, org, 'Sweep visit', { durationMinutes: 30 });
    const holds: string[] = [];
    for (let k = 0; k < 10; k++) {
      const h = await hold(app, org, { bookableIds: [dr.id], treatmentIds: [visit.id], startsAt: slot(k), ttlSeconds: 600 });
      expect(h.userErrors).toEqual([]);
      holds.push(h.hold.id);
    }
    const joined = await joinAll(day, dr.id, visit.id, 12, 'Sweep waiter');
    expect((await entries(joined.map((j) => j.id))).every((e) => e.status === 'WAITING')).toBe(true);

    await expire(holds);
    const ended = await Promise.all([sweep(app), sweep(second), sweep(app), sweep(second)]);
    expect(ended.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10);
    // Whichever sweep ended a hold, each is ended once: one event, one mark.
    await eventually(async () => (await app.sql('select 1 from hold where id = any($1::uuid[]) and swept_at is null', [holds.map(uuid)])).length === 0);
    for (const id of holds) expect(await eventsOf(id)).toEqual(['hold.created', 'hold.expired']);

    const after = await entries(joined.map((j) => j.id));
    expect(after.map((e) => e.status)).toEqual([...Array(10).fill('OFFERED'), 'WAITING', 'WAITING']);
    const offers = after.slice(0, 10).map((e) => e.offer!);
    expect(new Set(offers.map((o) => o.id)).size).toBe(10);
    expect(offers.map((o) => o.startsAt).sort()).toEqual([...Array(10).keys()].map(slot).sort());
    const offerHolds = await app.sql<{ customer_id: string }>(
      `select customer_id from hold where organisation_id = $1 and customer_id is not null and starts_at >= $2 and starts_at < $3`,
      [org.organisationId, `${day}T00:00:00Z`, `${day}T23:59:00Z`],
    );
    expect(offerHolds.map((h) => h.customer_id).sort()).toEqual(joined.slice(0, 10).map((j) => uuid(j.customerId)).sort());
    for (const o of offers) expect(await eventsOf(o.id)).toEqual(['hold.created']);

    // Nothing is left to sweep: a further run ends nothing.
    expect(await sweep(app)).toBe(0);
  });

  it('a lapsed offer passes to the next entry in join order through the job runner alone, with hold.expired for the offer', async () => {
    const day = '2028-03-07';
    const dr = await makeUser(app, org, 'Dr Lapse');
    const visit = await makeTreatment(app, org, 'Lapse visit', { durationMinutes: 30 });
    const booked = await book(app, org, { practitionerId: dr.id, treatmentIds: [visit.id], startsAt: `${day}T09:00:00Z` });
    expect(booked.userErrors).toEqual([]);
    const joined = await joinAll(day, dr.id, visit.id, 3, 'Lapse waiter');
    ok(await app.gql(CANCEL('id'), { input: { id: booked.appointment.id } }, { token: org.token }), 'cancelAppointment');
    const [first] = await entries(joined.map((j) => j.id));
    expect(first!.status).toBe('OFFERED');
    const offer = first!.offer!;

    // No write of the organisation runs from here on: only the sweepers can pass the offer on.
    await expire([offer.id]);
    await eventually(async () => (await entries(joined.map((j) => j.id)))[1]!.status === 'OFFERED');
    const after = await entries(joined.map((j) => j.id));
    expect(after.map((e) => e.status)).toEqual(['WAITING', 'OFFERED', 'WAITING']);
    expect(after[1]!.offer!.startsAt).toBe(offer.startsAt);
    expect(await eventsOf(offer.id)).toEqual(['hold.created', 'hold.expired']);
    expect(await app.sql('select 1 from hold where id = $1 and swept_at is not null', [uuid(offer.id)])).toHaveLength(1);
  });

  it('an expired hold nobody waits for: one hold.expired; releasing it later or booking with it writes no second hold event', async () => {
    const at = { startsAt: '2028-03-08T09:00:00Z', endsAt: '2028-03-08T09:30:00Z' };
    const [drA, drB] = [await makeUser(app, org, 'Dr Idle A'), await makeUser(app, org, 'Dr Idle B')];
    const released = await hold(app, org, { ...at, bookableIds: [drA.id], ttlSeconds: 600 });
    const consumed = await hold(app, org, { ...at, bookableIds: [drB.id], ttlSeconds: 600 });
    await expire([released.hold.id, consumed.hold.id]);
    await eventually(async () => (await app.sql('select 1 from hold where id = any($1::uuid[]) and swept_at is not null', [[released.hold.id, consumed.hold.id].map(uuid)])).length === 2);

    ok(await app.gql(RELEASE, { input: { id: released.hold.id } }, { token: org.token }), 'releaseHold');
    expect(await eventsOf(released.hold.id)).toEqual(['hold.created', 'hold.expired']);
    const booked = await book(app, org, { practitionerId: drB.id, ...at, holdId: consumed.hold.id });
    expect(booked.userErrors).toEqual([]);
    expect(await eventsOf(consumed.hold.id)).toEqual(['hold.created', 'hold.expired']);
    expect(await eventsOf(booked.appointment.id)).toEqual(['appointment.created']);
  });
});
