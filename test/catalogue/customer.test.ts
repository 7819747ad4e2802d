import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { iinCheckDigit, isValidIin } from '../../src/modules/customer/iin.js';
import { toGlobalId } from '../../src/shared/global-id.js';
import { errorCode, payload, userErrors } from './helpers.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;

const FIELDS = `id firstName lastName name phoneNumber email dateOfBirth gender countryName identityNumber job address avatarUrl preferredContactMethod deletedAt company { id name } relatedUser { id name }`;
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { ${FIELDS} } userErrors { code field message } replayed } }`;
const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { ${FIELDS} } userErrors { code field message } } }`;

const VALID_IIN = `95010730012${iinCheckDigit('95010730012')}`;

async function customerCount(o: TestOrg): Promise<number> {
  const [row] = await app.sql<{ n: number }>('select count(*)::int as n from customer where organisation_id = $1', [o.organisationId]);
  return row!.n;
}

async function create(input: Record<string, unknown>, o: TestOrg = org) {
  return payload(await app.gql(CREATE, { input }, { token: o.token }), 'createCustomer').customer;
}

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Clinic');
  other = await app.createOrg('Other clinic');
});
afterAll(() => app?.stop());

describe('createCustomer', () => {
  it('creates a customer with every field and links, readable back by customer(id:) and node(id:)', async () => {
    const company = payload(await app.gql(`mutation { createCompany(input: { name: "Acme" }) { company { id } userErrors { code } } }`, {}, { token: org.token }), 'createCompany').company;
    const owner = toGlobalId('User', org.userId);
    const created = await create({
      firstName: ' Aigerim ',
      lastName: 'Nurlanova',
      phoneNumber: '+77011234567',
      email: 'aigerim@example.kz',
      dateOfBirth: '1995-01-07',
      gender: 'female',
      countryName: 'Kazakhstan',
      identityNumber: VALID_IIN,
      job: 'Engineer',
      address: 'Abay Ave 1, Almaty',
      avatarUrl: 'https://example.kz/a.png',
      preferredContactMethod: 'SMS',
      companyId: company.id,
      relatedUserId: owner,
    });
    const expected = {
      firstName: 'Aigerim',
      lastName: 'Nurlanova',
      name: 'Aigerim Nurlanova',
      phoneNumber: '+77011234567',
      email: 'aigerim@example.kz',
      dateOfBirth: '1995-01-07',
      gender: 'female',
      countryName: 'Kazakhstan',
      identityNumber: VALID_IIN,
      job: 'Engineer',
      address: 'Abay Ave 1, Almaty',
      avatarUrl: 'https://example.kz/a.png',
      preferredContactMethod: 'SMS',
      deletedAt: null,
      company: { id: company.id, name: 'Acme' },
      relatedUser: { id: owner, name: 'Clinic Owner' },
    };
    expect(created).toMatchObject(expected);

    const read = await app.gql(`query($id: ID!) { customer(id: $id) { ${FIELDS} } node(id: $id) { ... on Customer { name } } }`, { id: created.id }, { token: org.token });
    expect(read.errors).toBeUndefined();
    expect(read.data.customer).toEqual({ id: created.id, ...expected });
    expect(read.data.node).toEqual({ name: 'Aigerim Nurlanova' });
  });

  it('keeps an explicit name and accepts a non-IIN identity number', async () => {
    const c = await create({ name: 'Dr. John Smith', firstName: 'John', lastName: 'Smith', identityNumber: 'AB1234567' });
    expect(c.name).toBe('Dr. John Smith');
    expect(c.identityNumber).toBe('AB1234567');
  });

  it('replays an idempotent create: same customer, replayed, nothing new written', async () => {
    const input = { name: 'Replay Me', phoneNumber: '+70000000001', idempotencyKey: 'cust-replay-1' };
    const first = payload(await app.gql(CREATE, { input }, { token: org.token }), 'createCustomer');
    const before = await customerCount(org);
    const second = payload(await app.gql(CREATE, { input }, { token: org.token }), 'createCustomer');
    expect(first.replayed).toBe(false);
    expect(second.replayed).toBe(true);
    expect(second.customer.id).toBe(first.customer.id);
    expect(await customerCount(org)).toBe(before);
  });

  it('refuses a 12-digit identity number that fails the IIN checksum with INVALID_IIN and writes nothing', async () => {
    const bad = `95010730012${(Number(VALID_IIN[11]) + 1) % 10}`;
    expect(isValidIin(bad)).toBe(false);
    const before = await customerCount(org);
    const errors = userErrors(await app.gql(CREATE, { input: { name: 'Bad IIN', identityNumber: bad } }, { token: org.token }), 'createCustomer', 'customer');
    expect(errors).toEqual([{ code: 'INVALID_IIN', field: ['input', 'identityNumber'], message: expect.stringContaining(bad) }]);
    expect(await customerCount(org)).toBe(before);
  });

  it('accepts a 12-digit identity number with the right check digit', async () => {
    expect(isValidIin(VALID_IIN)).toBe(true);
    const c = await create({ name: 'Good IIN', identityNumber: VALID_IIN });
    expect(c.identityNumber).toBe(VALID_IIN);
  });

  it('refuses a customer without any name, a malformed e-mail and an over-long address with VALIDATION, writing nothing', async () => {
    const before = await customerCount(org);
    const errors = userErrors(
      await app.gql(CREATE, { input: { name: '   ', phoneNumber: '+7700', email: 'not-an-email', address: 'x'.repeat(1001) } }, { token: org.token }),
      'createCustomer',
      'customer',
    );
    expect(errors.map((e) => [e.code, e.field])).toEqual(
      expect.arrayContaining([
        ['VALIDATION', ['input', 'name']],
        ['VALIDATION', ['input', 'email']],
        ['VALIDATION', ['input', 'address']],
      ]),
    );
    expect(errors).toHaveLength(3);
    expect(await customerCount(org)).toBe(before);
  });

  it('refuses a NUL character in a variable or a string literal with BAD_USER_INPUT, writing nothing', async () => {
    const before = await customerCount(org);
    const inVariable = await app.gql(CREATE, { input: { firstName: 'Nul\u0000Byte' } }, { token: org.token });
    expect(inVariable.data).toBeUndefined();
    expect(inVariable.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'input' }) })]);
    expect(inVariable.errors![0]!.message).toContain('input.firstName');
    const inLiteral = await app.gql('mutation { createCustomer(input: { firstName: "Nul\\u0000Byte" }) { customer { id } } }', {}, { token: org.token });
    expect(inLiteral.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const inSearch = await app.gql('query($q: String) { customers(search: $q) { totalCount } }', { q: 'a\u0000' }, { token: org.token });
    expect(inSearch.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await customerCount(org)).toBe(before);
  });

  it('answers NOT_FOUND for a company of another organisation and writes nothing', async () => {
    const foreign = payload(await app.gql(`mutation { createCompany(input: { name: "Theirs" }) { company { id } userErrors { code } } }`, {}, { token: other.token }), 'createCompany').company;
    const before = await customerCount(org);
    const res = await app.gql(CREATE, { input: { name: 'Linked', companyId: foreign.id } }, { token: org.token });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors![0]!.extensions!.field).toBe('companyId');
    const res2 = await app.gql(CREATE, { input: { name: 'Linked', relatedUserId: toGlobalId('User', other.userId) } }, { token: org.token });
    expect(errorCode(res2)).toBe('NOT_FOUND');
    expect(await customerCount(org)).toBe(before);
  });
});

describe('updateCustomer', () => {
  it('changes only the fields given, clears fields given as null, and keeps the rest', async () => {
    const company = payload(await app.gql(`mutation { createCompany(input: { name: "Beta" }) { company { id } userErrors { code } } }`, {}, { token: org.token }), 'createCompany').company;
    const c = await create({ firstName: 'Dana', lastName: 'Bek', phoneNumber: '+77010000000', email: 'dana@example.kz', job: 'Nurse', companyId: company.id });
    const updated = payload(await app.gql(UPDATE, { input: { id: c.id, phoneNumber: '+77019999999', email: null, companyId: null } }, { token: org.token }), 'updateCustomer').customer;
    expect(updated).toMatchObject({ id: c.id, name: 'Dana Bek', phoneNumber: '+77019999999', email: null, job: 'Nurse', company: null, firstName: 'Dana', lastName: 'Bek' });
    const read = await app.gql(`query($id: ID!) { customer(id: $id) { phoneNumber email job company { id } } }`, { id: c.id }, { token: org.token });
    expect(read.data.customer).toEqual({ phoneNumber: '+77019999999', email: null, job: 'Nurse', company: null });
  });

  it('re-derives a derived name when the first name changes, but keeps an explicit one', async () => {
    const derived = await create({ firstName: 'Asel', lastName: 'Omar' });
    const renamed = payload(await app.gql(UPDATE, { input: { id: derived.id, firstName: 'Aselle' } }, { token: org.token }), 'updateCustomer').customer;
    expect(renamed.name).toBe('Aselle Omar');
    const explicit = await create({ name: 'Mrs Omar', firstName: 'Asel', lastName: 'Omar' });
    const kept = payload(await app.gql(UPDATE, { input: { id: explicit.id, firstName: 'Aselle' } }, { token: org.token }), 'updateCustomer').customer;
    expect(kept.name).toBe('Mrs Omar');
    const rederived = payload(await app.gql(UPDATE, { input: { id: explicit.id, name: null } }, { token: org.token }), 'updateCustomer').customer;
    expect(rederived.name).toBe('Aselle Omar');
  });

  it('refuses an invalid IIN or clearing every name, and changes nothing', async () => {
    const c = await create({ name: 'Stable', identityNumber: VALID_IIN });
    const bad = `${VALID_IIN.slice(0, 11)}${(Number(VALID_IIN[11]) + 3) % 10}`;
    const errors = userErrors(await app.gql(UPDATE, { input: { id: c.id, identityNumber: bad, job: 'Changed' } }, { token: org.token }), 'updateCustomer', 'customer');
    expect(errors.map((e) => e.code)).toEqual(['INVALID_IIN']);
    const noName = userErrors(await app.gql(UPDATE, { input: { id: c.id, name: null } }, { token: org.token }), 'updateCustomer', 'customer');
    expect(noName.map((e) => [e.code, e.field])).toEqual([['VALIDATION', ['input', 'name']]]);
    const [row] = await app.sql('select name, identity_number, job from customer where id = $1', [Buffer.from(c.id, 'base64url').toString().split(':')[1]]);
    expect(row).toEqual({ name: 'Stable', identity_number: VALID_IIN, job: null });
  });
});

describe('customers(search)', () => {
  it('matches name, phone, e-mail and identity number case-insensitively, oldest first, and pages', async () => {
    const o = await app.createOrg('Search clinic');
    const a = await create({ name: 'Zarina Akhmetova', phoneNumber: '+7 701 555 0101', email: 'ZARINA@Mail.kz' }, o);
    const b = await create({ name: 'Marat Seitkali', identityNumber: VALID_IIN, email: 'marat@mail.kz' }, o);
    await create({ name: 'Olga 100% Ivanova' }, o);
    const search = async (term: string | null, first?: number) => {
      const res = await app.gql(
        `query($s: String, $first: Int) { customers(search: $s, first: $first) { edges { node { id name } } pageInfo { hasNextPage } totalCount } }`,
        { s: term, first },
        { token: o.token },
      );
      expect(res.errors).toBeUndefined();
      return res.data.customers;
    };
    expect((await search('akhmet')).edges.map((e: any) => e.node.id)).toEqual([a.id]);
    expect((await search('555 01')).edges.map((e: any) => e.node.id)).toEqual([a.id]);
    expect((await search('zarina@mail')).edges.map((e: any) => e.node.id)).toEqual([a.id]);
    expect((await search(VALID_IIN.slice(0, 6))).edges.map((e: any) => e.node.id)).toEqual([b.id]);
    expect((await search('MAIL.KZ')).edges.map((e: any) => e.node.id)).toEqual([a.id, b.id]);
    expect((await search('0%')).edges.map((e: any) => e.node.name)).toEqual(['Olga 100% Ivanova']);
    expect((await search('nobody')).totalCount).toBe(0);
    const all = await search(null, 2);
    expect(all.totalCount).toBe(3);
    expect(all.pageInfo.hasNextPage).toBe(true);
    expect(all.edges.map((e: any) => e.node.id)).toEqual([a.id, b.id]);
  });

  it('needs an API token', async () => {
    const res = await app.gql(`{ customers { totalCount } }`, {}, { token: null });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('tenancy', () => {
  it('hides a customer from another organisation: node, customer(id:), customers, updateCustomer and links', async () => {
    const mine = await create({ name: 'Private Person', phoneNumber: '+77770000000' });
    const read = await app.gql(
      `query($id: ID!) { node(id: $id) { id } customer(id: $id) { id } customers(search: "Private") { totalCount } }`,
      { id: mine.id },
      { token: other.token },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ node: null, customer: null, customers: { totalCount: 0 } });

    const update = await app.gql(UPDATE, { input: { id: mine.id, name: 'Hijacked' } }, { token: other.token });
    expect(errorCode(update)).toBe('NOT_FOUND');

    const link = await app.gql(
      `mutation($c: ID!) { createAccount(input: { reference: "ACC-1", customerId: $c }) { account { id } userErrors { code } } }`,
      { c: mine.id },
      { token: other.token },
    );
    expect(errorCode(link)).toBe('NOT_FOUND');
    expect(link.errors![0]!.extensions!.field).toBe('customerId');
    const [row] = await app.sql<{ n: number }>('select count(*)::int as n from account');
    expect(row!.n).toBe(0);
    const [still] = await app.sql('select name from customer where id = $1', [Buffer.from(mine.id, 'base64url').toString().split(':')[1]]);
    expect(still).toEqual({ name: 'Private Person' });
  });
});

describe('findOrCreateCustomer (inline customers of createAppointment)', () => {
  it('matches by identity number first, then phone number, else creates an unflushed customer', async () => {
    const { contextFor } = await import('../harness/app.js');
    const { findOrCreateCustomer } = await import('../../src/modules/customer/customer.service.js');
    const { Customer } = await import('../../src/modules/customer/customer.entity.js');
    const o = await app.createOrg('Inline clinic');
    const byIin = await create({ name: 'By IIN', identityNumber: VALID_IIN, phoneNumber: '+7111' }, o);
    const byPhone = await create({ name: 'By Phone', phoneNumber: '+7222' }, o);
    // The same identity number in another organisation must never match.
    await create({ name: 'Elsewhere', identityNumber: VALID_IIN, phoneNumber: '+7333' }, other);
    const ctx = await contextFor(app, o.token);
    const idOf = (g: string) => Buffer.from(g, 'base64url').toString().split(':')[1];
    await ctx.em.transactional(async (em) => {
      expect((await findOrCreateCustomer(em, ctx, { name: 'X', identityNumber: VALID_IIN, phoneNumber: '+7222' })).id).toBe(idOf(byIin.id));
      expect((await findOrCreateCustomer(em, ctx, { name: 'X', identityNumber: 'P-1', phoneNumber: ' +7222 ' })).id).toBe(idOf(byPhone.id));
      const created = await findOrCreateCustomer(em, ctx, { firstName: 'New', lastName: 'Person', phoneNumber: '+7333' });
      expect(created).toBeInstanceOf(Customer);
      expect(created.name).toBe('New Person');
      expect(em.getUnitOfWork().getPersistStack().has(created)).toBe(true);
      const [count] = await em.execute<{ n: number }[]>('select count(*)::int as n from customer where id = ?', [created.id]);
      expect(count!.n).toBe(0);
    });
    expect(await customerCount(o)).toBe(3);
  });
});
