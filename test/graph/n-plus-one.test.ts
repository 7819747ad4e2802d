import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { createAppointment, makeTreatment, makeUser, ok } from '../appointment/fixtures.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Busy clinic');
  const doctors = await Promise.all([0, 1].map((i) => makeUser(app, org, `Dr N${i}`)));
  const t1 = await makeTreatment(app, org, 'Cut');
  const t2 = await makeTreatment(app, org, 'Colour');
  await Promise.all(Array.from({ length: 50 }, async (_, i) => {
    ok(await createAppointment(app, org, {
      practitionerId: doctors[i % 2]!.id,
      customer: { name: `Customer ${i}`, phoneNumber: `+4477009${String(i).padStart(5, '0')}` },
      treatmentIds: [t1.id, t2.id],
      startsAt: new Date(Date.UTC(2034, 0, 1 + i, 9)).toISOString(),
      endsAt: new Date(Date.UTC(2034, 0, 1 + i, 10)).toISOString(),
      serviceAmount: 40,
      prepaidAmount: 10,
      prepaidPaymentMethod: 'card',
    }, 'id'), 'createAppointment');
  }));
});
afterAll(() => app?.stop());

const QUERY = `query($n: Int!) { appointments(first: $n) { totalCount edges { node { id customer { name } practitioner { name } treatments { name } payments { amount } } } } }`;

async function statementsFor(n: number): Promise<{ count: number; data: any }> {
  app.resetQueries();
  const res = await app.gql(QUERY, { n }, { token: org.token });
  const count = app.queries.length;
  expect(res.errors).toBeUndefined();
  return { count, data: res.data };
}

describe('DataLoader batching', () => {
  it('runs the same number of SQL statements for 5 and for 50 appointments with nested links', async () => {
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    console.log(`statements: first 5 → ${five.count}, first 50 → ${fifty.count}`);
    expect(five.data.appointments.edges).toHaveLength(5);
    expect(fifty.data.appointments.edges).toHaveLength(50);
    for (const { node } of fifty.data.appointments.edges) {
      expect(node.customer.name).toMatch(/^Customer \d+$/);
      expect(node.practitioner.name).toMatch(/^Dr N[01]$/);
      expect(node.treatments.map((t: any) => t.name).sort()).toEqual(['Colour', 'Cut']);
      expect(node.payments.map((p: any) => Number(p.amount))).toEqual([10]);
    }
    expect(five.count).toBeGreaterThan(0);
    expect(fifty.count).toBe(five.count);
  });
});
