import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CANCEL, UPDATE, makeCustomer, makeTreatment, makeUser, ok } from '../appointment/fixtures.js';
import { fromGlobalId } from '../../src/shared/global-id.js';
import { book, hold } from '../scheduling/helpers.js';
import { codes, createSeries } from './helpers.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Waitlist clinic', { timeZone: 'UTC' });
});
afterAll(() => app?.stop());

const JOIN = `mutation($input: JoinWaitlistInput!) { joinWaitlist(input: $input) { waitlistEntry { id status } userErrors { code field message } } }`;
const LEAVE = `mutation($input: LeaveWaitlistInput!) { leaveWaitlist(input: $input) { waitlistEntry { id status } userErrors { code field message } } }`;
const RELEASE = `mutation($input: ReleaseHoldInput!) { releaseHold(input: $input) { hold { id } userErrors { code field message } } }`;
const ENTRIES = `query { waitlistEntries(first: 50) { edges { node { id status customer { id } offer { id startsAt endsAt expiresAt bookables { id } } } } } }`;

const uuid = (globalId: string) => fromGlobalId(globalId)!.id;
const DAY = '2028-02-07';
const slot = (k: number) => new Date(Date.parse(`${DAY}T08:00:00Z`) + k * 30 * 60_000).toISOString();

async function entries() {
  const res = await app.gql(ENTRIES, {}, { token: org.token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.waitlistEntries.edges.map((e: any) => e.node) as { id: string; status: string; customer: { id: string }; offer: { id: string; startsAt: string; endsAt: string } | null }[];
}

describe('waitlist', () => {
  it('10 concurrent cancellations against 12 waiting entries give 10 distinct offers to the first 10 in join order; an offer is booked by holdId; a lapsed offer moves on', async () => {
    const dr = await makeUser(app, org, 'Dr Wait');
    const visit = await makeTreatment(app, org, 'Check-up', { durationMinutes: 30 });
    const booked: string[] = [];
    for (let k = 0; k < 10; k++) {
      const b = await book(app, org, { practitionerId: dr.id, treatmentIds: [visit.id], startsAt: slot(k) });
      expect(b.userErrors).toEqual([]);
      booked.push(b.appointment.id);
    }
    const customers: { id: string }[] = [];
    for (let i = 0; i < 13; i++) customers.push(await makeCustomer(app, org, `Waiting ${i + 1}`));
    const join = async (i: number) => ok(await app.gql(JOIN, { input: {
      customerId: customers[i]!.id, treatmentIds: [visit.id], requirements: [{ anyOf: [dr.id] }], from: `${DAY}T00:00:00Z`, to: `${DAY}T23:59:00Z`,
    } }, { token: org.token }), 'joinWaitlist').waitlistEntry;
    const joined: { id: string }[] = [];
    for (let i = 0; i < 12; i++) joined.push(await join(i));

    const cancels = await Promise.all(booked.map((id) => app.gql(CANCEL('id status'), { input: { id } }, { token: org.token })));
    for (const c of cancels) expect(c.data.cancelAppointment.userErrors, JSON.stringify(c.errors)).toEqual([]);

    const after = await entries();
    expect(after.map((e) => e.id)).toEqual(joined.map((e: any) => e.id));
    expect(after.map((e) => e.status)).toEqual([...Array(10).fill('OFFERED'), 'WAITING', 'WAITING']);
    const offers = after.slice(0, 10).map((e) => e.offer!);
    expect(new Set(offers.map((o) => o.id)).size).toBe(10);
    expect(offers.map((o) => o.startsAt).sort()).toEqual([...Array(10).keys()].map(slot).sort());
    const holds = await app.sql<{ customer_id: string }>('select customer_id from hold where organisation_id = $1 order by customer_id', [org.organisationId]);
    expect(holds.map((h) => h.customer_id).sort()).toEqual(customers.slice(0, 10).map((c) => uuid(c.id)).sort());

    // The first accepts its offer.
    const first = after[0]!;
    const accepted = await book(app, org, { holdId: first.offer!.id, practitionerId: dr.id, treatmentIds: [visit.id], customerId: first.customer.id, startsAt: first.offer!.startsAt, endsAt: first.offer!.endsAt });
    expect(accepted.userErrors).toEqual([]);

    // The second's offer lapses: the next waiting entry in join order (the 11th) gets that slot; the second waits again.
    const second = after[1]!;
    await app.sql(`update hold set expires_at = now() - interval '1 second' where id = $1`, [uuid(second.offer!.id)]);
    await join(12);
    const later = await entries();
    expect(later[0]!.status).toBe('BOOKED');
    expect(later[1]!.status).toBe('WAITING');
    expect(later[10]!.status).toBe('OFFERED');
    expect(later[10]!.offer!.startsAt).toBe(second.offer!.startsAt);
    expect(later[11]!.status).toBe('WAITING');
    const eventsOf = async (objectId: string) => (await app.sql<{ type: string }>('select type from outbox_event where object_id = $1 order by id', [objectId])).map((e) => e.type);
    expect(await eventsOf(second.offer!.id)).toEqual(['hold.created', 'hold.expired']);

    // The third leaves: its slot goes to the first waiting entry, the second again.
    const third = after[2]!;
    const left = ok(await app.gql(LEAVE, { input: { id: third.id } }, { token: org.token }), 'leaveWaitlist');
    expect(left.waitlistEntry.status).toBe('LEFT');
    const last = await entries();
    expect(last[1]!.status).toBe('OFFERED');
    expect(last[1]!.offer!.startsAt).toBe(third.offer!.startsAt);
    expect(last[2]!.offer).toBeNull();
    expect(await eventsOf(third.offer!.id)).toEqual(['hold.created', 'hold.released']);
  });

  it('a reschedule, a rejection and a released hold each offer the freed slot to the first waiting entry in join order; a released offer passes on', async () => {
    const day = '2028-02-08';
    const at = (hhmm: string) => new Date(`${day}T${hhmm}:00Z`).toISOString();
    const dr = await makeUser(app, org, 'Dr Move');
    const visit = await makeTreatment(app, org, 'Move visit', { durationMinutes: 30 });
    const moving = await book(app, org, { practitionerId: dr.id, treatmentIds: [visit.id], startsAt: at('09:00') });
    const rejected = await book(app, org, { practitionerId: dr.id, treatmentIds: [visit.id], startsAt: at('10:00') });
    const held = await hold(app, org, { bookableIds: [dr.id], treatmentIds: [visit.id], startsAt: at('11:00'), ttlSeconds: 600 });
    for (const r of [moving, rejected, held]) expect(r.userErrors).toEqual([]);
    const joined: { id: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const customer = await makeCustomer(app, org, `Mover ${i + 1}`);
      joined.push(ok(await app.gql(JOIN, { input: {
        customerId: customer.id, treatmentIds: [visit.id], requirements: [{ anyOf: [dr.id] }], from: `${day}T00:00:00Z`, to: `${day}T23:59:00Z`,
      } }, { token: org.token }), 'joinWaitlist').waitlistEntry);
    }
    const mine = async () => {
      const all = await entries();
      return joined.map((j) => all.find((e) => e.id === j.id)!);
    };
    expect((await mine()).map((e) => e.status)).toEqual(['WAITING', 'WAITING', 'WAITING', 'WAITING']);

    // Rescheduled away: its old slot goes to the first entry, not the slot it moved to.
    ok(await app.gql(UPDATE('id startsAt'), { input: { id: moving.appointment.id, startsAt: at('15:00') } }, { token: org.token }), 'updateAppointment');
    let now = await mine();
    expect(now.map((e) => e.status)).toEqual(['OFFERED', 'WAITING', 'WAITING', 'WAITING']);
    expect(now[0]!.offer!.startsAt).toBe(at('09:00'));

    // Rejected: its slot goes to the second.
    ok(await app.gql(UPDATE('id status'), { input: { id: rejected.appointment.id, status: 'REJECTED' } }, { token: org.token }), 'updateAppointment');
    now = await mine();
    expect(now.map((e) => e.status)).toEqual(['OFFERED', 'OFFERED', 'WAITING', 'WAITING']);
    expect(now[1]!.offer!.startsAt).toBe(at('10:00'));

    // An ordinary hold released: its slot goes to the third.
    ok(await app.gql(RELEASE, { input: { id: held.hold.id } }, { token: org.token }), 'releaseHold');
    now = await mine();
    expect(now.map((e) => e.status)).toEqual(['OFFERED', 'OFFERED', 'OFFERED', 'WAITING']);
    expect(now[2]!.offer!.startsAt).toBe(at('11:00'));

    // The first releases (declines) its offer: it waits again and the slot goes to the fourth.
    ok(await app.gql(RELEASE, { input: { id: now[0]!.offer!.id } }, { token: org.token }), 'releaseHold');
    now = await mine();
    expect(now.map((e) => e.status)).toEqual(['WAITING', 'OFFERED', 'OFFERED', 'OFFERED']);
    expect(now[3]!.offer!.startsAt).toBe(at('09:00'));
    expect(await app.sql('select 1 from hold where organisation_id = $1 and starts_at = $2', [org.organisationId, at('15:00')])).toEqual([]);
  });

  it('a series moved a week later with scope ALL offers only the range no occurrence moved into, after every occurrence has moved', async () => {
    const dr = await makeUser(app, org, 'Dr Series Move');
    const visit = await makeTreatment(app, org, 'Series visit', { durationMinutes: 30 });
    const weekly = await createSeries(app, org, { rrule: 'FREQ=WEEKLY;COUNT=3', timeZone: 'UTC', startsAt: '2028-03-06T09:00:00Z', durationMinutes: 30, practitionerId: dr.id });
    expect(weekly.userErrors).toEqual([]);
    const joined: { id: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const customer = await makeCustomer(app, org, `Series waiter ${i + 1}`);
      joined.push(ok(await app.gql(JOIN, { input: {
        customerId: customer.id, treatmentIds: [visit.id], requirements: [{ anyOf: [dr.id] }], from: '2028-03-06T00:00:00Z', to: '2028-04-03T00:00:00Z',
      } }, { token: org.token }), 'joinWaitlist').waitlistEntry);
    }
    const first = weekly.occurrences[0].appointment;
    const moved = ok(await app.gql(UPDATE('id startsAt'), { input: { id: first.id, startsAt: '2028-03-13T09:00:00Z', scope: 'ALL' } }, { token: org.token }), 'updateAppointment');
    expect(moved.userErrors).toEqual([]);
    const all = await entries();
    const mine = joined.map((j) => all.find((e) => e.id === j.id)!);
    expect(mine.map((e) => e.status)).toEqual(['OFFERED', 'WAITING']);
    expect(mine[0]!.offer!.startsAt).toBe('2028-03-06T09:00:00.000Z');
  });

  it('answers VALIDATION for a window over 90 days; nothing is written', async () => {
    const dr = await makeUser(app, org, 'Dr Far');
    const visit = await makeTreatment(app, org, 'Far visit');
    const customer = await makeCustomer(app, org, 'Far customer');
    const res = await app.gql(JOIN, { input: { customerId: customer.id, treatmentIds: [visit.id], requirements: [{ anyOf: [dr.id] }], from: '2028-01-01T00:00:00Z', to: '2028-03-31T00:00:01Z' } }, { token: org.token });
    expect(codes(res.data.joinWaitlist)).toEqual([['VALIDATION', 'input.to']]);
    expect(await app.sql('select 1 from waitlist_entry where customer_id = $1', [uuid(customer.id)])).toEqual([]);
  });
});
