import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { appointmentCount, CANCEL, createAppointment, makeCustomer, makeUser, ok, UPDATE } from '../appointment/fixtures.js';

let app: TestApp;
let a: TestOrg;
let b: TestOrg;
let appointment: any;
let doctor: any;
let customer: any;

beforeAll(async () => {
  app = await startTestApp();
  a = await app.createOrg('Org A');
  b = await app.createOrg('Org B');
  doctor = await makeUser(app, a, 'Dr A');
  customer = await makeCustomer(app, a, 'Customer A');
  appointment = ok(await createAppointment(app, a, { practitionerId: doctor.id, customerId: customer.id, startsAt: '2032-01-01T10:00:00Z', endsAt: '2032-01-01T11:00:00Z', notes: 'secret' }), 'createAppointment').appointment;
});
afterAll(() => app?.stop());

describe('another organisation sees nothing', () => {
  it('node, nodes, appointment, appointments, customers and user answer nothing of org A', async () => {
    const res = await app.gql(`query($id: ID!, $c: ID!, $u: ID!) {
      node(id: $id) { id } nodes(ids: [$id, $c, $u]) { id } appointment(id: $id) { id } customer(id: $c) { id } user(id: $u) { id }
      appointments { totalCount edges { node { id } } } customers { totalCount }
      filtered: appointments(filter: { practitionerId: $u }) { totalCount } }`, { id: appointment.id, c: customer.id, u: doctor.id }, { token: b.token });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      node: null, nodes: [null, null, null], appointment: null, customer: null, user: null,
      appointments: { totalCount: 0, edges: [] }, customers: { totalCount: 0 }, filtered: { totalCount: 0 },
    });
    // And org A does see them.
    const own = await app.gql(`query($id: ID!) { node(id: $id) { id } appointments { totalCount } customers { totalCount } }`, { id: appointment.id }, { token: a.token });
    expect(own.data).toEqual({ node: { id: appointment.id }, appointments: { totalCount: 1 }, customers: { totalCount: 1 } });
  });

  it("updateAppointment and cancelAppointment on org A's id answer NOT_FOUND and change nothing", async () => {
    const upd = await app.gql(UPDATE('id'), { input: { id: appointment.id, notes: 'hacked' } }, { token: b.token });
    expect(upd.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cancel = await app.gql(CANCEL('id'), { input: { id: appointment.id } }, { token: b.token });
    expect(cancel.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const [row] = await app.sql(`select notes, status, version from appointment where organisation_id = $1`, [a.organisationId]);
    expect(row).toEqual({ notes: 'secret', status: 'PENDING', version: 1 });
  });

  it("createAppointment with org A's practitioner or customer answers NOT_FOUND and writes nothing", async () => {
    const byPractitioner = await createAppointment(app, b, { practitionerId: doctor.id, startsAt: '2032-02-01T10:00:00Z', endsAt: '2032-02-01T11:00:00Z' });
    expect(byPractitioner.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const byCustomer = await createAppointment(app, b, { customerId: customer.id, startsAt: '2032-02-01T10:00:00Z', endsAt: '2032-02-01T11:00:00Z' });
    expect(byCustomer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await appointmentCount(app, b)).toBe(0);
  });

  it("the same practitioner slot in another organisation's calendar is independent", async () => {
    const doctorB = await makeUser(app, b, 'Dr B');
    ok(await createAppointment(app, b, { practitionerId: doctorB.id, startsAt: '2032-01-01T10:00:00Z', endsAt: '2032-01-01T11:00:00Z' }), 'createAppointment');
  });

  it('inline customers are matched only within the organisation', async () => {
    const phone = '+447700900123';
    await makeCustomer(app, a, 'Phone A', { phoneNumber: phone });
    const res = ok(await createAppointment(app, b, { customer: { name: 'Phone B', phoneNumber: phone }, startsAt: '2032-03-01T10:00:00Z', endsAt: '2032-03-01T11:00:00Z' }, 'id customer { id name }'), 'createAppointment');
    expect(res.appointment.customer.name).toBe('Phone B');
    const [row] = await app.sql(`select organisation_id from customer where id = (select customer_id from appointment where organisation_id = $1 and starts_at = '2032-03-01T10:00:00Z')`, [b.organisationId]);
    expect(row.organisation_id).toBe(b.organisationId);
  });
});
