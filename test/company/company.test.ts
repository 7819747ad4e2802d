import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg();
});
afterAll(() => app?.stop());

describe('createCompany', () => {
  it('creates a company readable through node(id:) and companies', async () => {
    const created = await app.gql(`mutation { createCompany(input: { name: "Acme" }) { company { id name } userErrors { code } replayed } }`, {}, { token: org.token });
    expect(created.errors).toBeUndefined();
    const company = created.data.createCompany.company;
    expect(company.name).toBe('Acme');
    const read = await app.gql(`query($id: ID!) { node(id: $id) { ... on Company { name } } companies { totalCount } }`, { id: company.id }, { token: org.token });
    expect(read.data).toEqual({ node: { name: 'Acme' }, companies: { totalCount: 1 } });
  });
});
