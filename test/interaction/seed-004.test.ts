import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { gid, make, makeCustomer, makeUser, ok } from '../appointment/fixtures.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Ctrl-Hub utility');
});
afterAll(() => app?.stop());

const FIELDS = `id method direction dateTime contacted status notes createdAt updatedAt
  contact { id name } account { id reference } property { id address } representative { id name } author { id } organisation { id name }`;

async function interactionCount(): Promise<number> {
  const [row] = await app.sql<{ n: number }>('select count(*)::int as n from interaction where organisation_id = $1', [org.organisationId]);
  return row!.n;
}

describe('seed 004 — Ctrl-Hub create customer interaction (X-Session-Token)', () => {
  it('creates with every seed attribute and relationship and answers them all, readable back', async () => {
    const contact = await makeCustomer(app, org, 'Contact Person');
    const account = await make(app, org, 'createAccount', 'account', { reference: 'ACC-001', name: 'Electricity', customerId: contact.id });
    const property = await make(app, org, 'createProperty', 'property', { address: '2 Low Road', postcode: 'M1 1AA', accountId: account.id });
    const rep = await makeUser(app, org, 'Rep Resentative');
    const headers = { 'X-Session-Token': org.token };
    const res = await app.gql(`mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { interaction { ${FIELDS} } userErrors { code field message } } }`, {
      input: {
        method: 'EMAIL', direction: 'INBOUND', dateTime: '2023-11-07T05:31:56Z', contacted: true, status: 'SCHEDULED', notes: '<string>',
        contactId: contact.id, accountId: account.id, propertyId: property.id, representativeId: rep.id,
      },
    }, { headers });
    const i = ok(res, 'createInteraction').interaction;
    expect(i).toMatchObject({
      method: 'EMAIL', direction: 'INBOUND', contacted: true, status: 'SCHEDULED', notes: '<string>',
      contact: { id: contact.id, name: 'Contact Person' }, account: { id: account.id, reference: 'ACC-001' }, property: { id: property.id, address: '2 Low Road' },
      representative: { id: rep.id, name: 'Rep Resentative' }, author: { id: gid('User', org.userId) }, organisation: { id: gid('Organisation', org.organisationId), name: 'Ctrl-Hub utility' },
    });
    expect(new Date(i.dateTime).toISOString()).toBe('2023-11-07T05:31:56.000Z');
    expect(Date.parse(i.createdAt)).not.toBeNaN();
    expect(Date.parse(i.updatedAt)).toBeGreaterThanOrEqual(Date.parse(i.createdAt));
    const read = await app.gql(`query($id: ID!) { node(id: $id) { ... on Interaction { ${FIELDS} } } interactions { totalCount } }`, { id: i.id }, { headers });
    expect(read.errors).toBeUndefined();
    expect(read.data.node).toEqual(i);
    expect(read.data.interactions.totalCount).toBe(1);
  });

  it('refuses notes over 1,000 characters with VALIDATION and writes nothing', async () => {
    const before = await interactionCount();
    const res = await app.gql(`mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { interaction { id } userErrors { code field } } }`,
      { input: { method: 'EMAIL', direction: 'INBOUND', dateTime: '2023-11-07T05:31:56Z', notes: 'x'.repeat(1001) } }, { token: org.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.createInteraction.interaction).toBeNull();
    expect(res.data.createInteraction.userErrors.map((e: any) => e.code)).toContain('VALIDATION');
    expect(await interactionCount()).toBe(before);
  });

  it("refuses another organisation's contact with NOT_FOUND and writes nothing", async () => {
    const other = await app.createOrg('Other utility');
    const foreign = await makeCustomer(app, other, 'Foreign');
    const before = await interactionCount();
    const res = await app.gql(`mutation($input: CreateInteractionInput!) { createInteraction(input: $input) { interaction { id } userErrors { code field } } }`,
      { input: { method: 'EMAIL', direction: 'INBOUND', dateTime: '2023-11-07T05:31:56Z', contactId: foreign.id } }, { token: org.token });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await interactionCount()).toBe(before);
  });
});
