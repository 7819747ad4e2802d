import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/shared/global-id.js';
import { createTestDatabase, startTestApp, type GraphQLResponse, type TestApp, type TestOrg } from '../harness/app.js';
import { makeUser, ok } from '../appointment/fixtures.js';

/**
 * Every bad input is a 4xx-class GraphQL error and writes nothing (issue 11, findings 7 and 8): each
 * case here answered INTERNAL_SERVER_ERROR, or stored what it should not, before.
 */
describe('bounded inputs', () => {
  let app: TestApp;
  let org: TestOrg;
  let practitionerId: string;

  beforeAll(async () => {
    app = await startTestApp();
    org = await app.createOrg('Bounds');
    practitionerId = (await makeUser(app, org, 'Dr Bounds')).id;
    const customer = ok(await app.gql(`mutation { createCustomer(input: { name: "Paged" }) { customer { id } userErrors { code } } }`, {}, { token: org.token }), 'createCustomer').customer;
    ok(await app.gql(BOOK, { input: booking({ customerId: customer.id, startsAt: '2030-05-08T09:00:00Z' }) }, { token: org.token }), 'createAppointment');
  });
  afterAll(() => app?.stop());

  const rows = async () =>
    (await app.sql(`select (select count(*) from appointment) + (select count(*) from customer) + (select count(*) from company) + (select count(*) from app_user) + (select count(*) from idempotency_key) as n`))[0].n;

  const badInput = (res: GraphQLResponse) => {
    expect(res.data ?? null, JSON.stringify(res)).toBeNull();
    expect(res.errors?.[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    return res.errors![0]!;
  };

  const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id } userErrors { code field } } }`;
  const booking = (extra: Record<string, unknown>) => ({ practitionerId, startsAt: '2030-05-06T09:00:00Z', durationMinutes: 30, ...extra });

  it.each([
    ['an idempotency key of 2,700 characters', { idempotencyKey: 'k'.repeat(2_700) }, 'input.idempotencyKey'],
    ['an idempotency key of 256 characters (Stripe allows 255)', { idempotencyKey: 'k'.repeat(256) }, 'input.idempotencyKey'],
    ['an appointmentType of 20,000 characters', { appointmentType: 'x'.repeat(20_000) }, 'input.appointmentType'],
    ['a source of 20,000 characters', { source: 'x'.repeat(20_000) }, 'input.source'],
    ['an externalRef of 20,000 characters', { externalRef: 'x'.repeat(20_000) }, 'input.externalRef'],
    ['a payment method of 20,000 characters', { prepaidAmount: '10', prepaidPaymentMethod: 'x'.repeat(20_000) }, 'input.prepaidPaymentMethod'],
    ['a NUL in a customAttributes key', { customAttributes: { 'a\u0000b': 1 } }, 'input.customAttributes'],
    ['a lone surrogate in customAttributes', { customAttributes: { note: 'x\ud800y' } }, 'input.customAttributes'],
    ['customAttributes nested 20 deep', { customAttributes: JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)) }, 'input.customAttributes'],
    ['customAttributes of 20,000 characters', { customAttributes: { text: 'x'.repeat(20_000) } }, 'input.customAttributes'],
    ['150 resource ids', { resourceIds: Array.from({ length: 150 }, (_, i) => toGlobalId('Resource', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)) }, 'input.resourceIds'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_name, extra, path) => {
    const before = await rows();
    const error = badInput(await app.gql(BOOK, { input: booking(extra) }, { token: org.token }));
    expect(error.message).toContain(path);
    expect(await rows()).toBe(before);
  });

  it('accepts an idempotency key of 255 characters', async () => {
    ok(await app.gql(BOOK, { input: booking({ idempotencyKey: 'k'.repeat(255), startsAt: '2030-05-07T09:00:00Z' }) }, { token: org.token }), 'createAppointment');
  });

  it.each([
    ['year 0000', { startsAt: '0000-01-01T00:00:00Z' }],
    ['year 9999 with a duration of 2^31 − 1 minutes', { startsAt: '9999-12-31T23:00:00Z', durationMinutes: 2147483647 }],
  ])('refuses a date in %s with BAD_USER_INPUT', async (_name, extra) => {
    const before = await rows();
    expect(badInput(await app.gql(BOOK, { input: booking(extra) }, { token: org.token })).message).toMatch(/years 1900–2199/);
    expect(await rows()).toBe(before);
  });

  it('refuses an appointment longer than 24 hours with VALIDATION, however its end is given', async () => {
    for (const extra of [{ durationMinutes: 2147483647, startsAt: '2199-12-31T23:00:00Z' }, { durationMinutes: 1441 }, { durationMinutes: undefined, endsAt: '2030-05-07T09:01:00Z' }]) {
      const res = await app.gql(BOOK, { input: booking(extra) }, { token: org.token });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data.createAppointment.userErrors.map((e: { code: string }) => e.code)).toEqual(['VALIDATION']);
    }
  });

  it('refuses an e-mail of 20,000 characters and a company name of 20,000 or of a megabyte', async () => {
    const before = await rows();
    badInput(await app.gql(`mutation($e: String!) { createUser(input: { name: "Anyone", email: $e, role: STAFF }) { user { id } } }`, { e: `${'a'.repeat(20_000)}@example.com` }, { token: org.token }));
    badInput(await app.gql(`mutation($n: String!) { createCompany(input: { name: $n }) { company { id } } }`, { n: 'c'.repeat(20_000) }, { token: org.token }));
    const megabyte = await fetch(app.kairos.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
      body: JSON.stringify({ query: `mutation($n: String!) { createCompany(input: { name: $n }) { company { id } } }`, variables: { n: 'c'.repeat(1_048_576) } }),
    });
    expect(megabyte.status).toBe(413);
    expect(await rows()).toBe(before);
  });

  it('refuses nodes(ids:) with more than 100 ids, and answers 100', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => toGlobalId('Customer', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    expect(badInput(await app.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(15_000) }, { token: org.token })).message).toMatch(/at most 100/);
    const hundred = await app.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids(100) }, { token: org.token });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data.nodes).toHaveLength(100);
  });

  const cursor = (json: string) => Buffer.from(json, 'utf8').toString('base64url');
  const FORGED = [
    cursor('[1e309,"x"]'),
    cursor('[{"$or":[{"id":{"$ne":null}}]},"00000000-0000-4000-8000-000000000000"]'),
    cursor('[{"$ne":null}]'),
    cursor('[{"$ne":null},{"$ne":null}]'),
    cursor('["not a date","00000000-0000-4000-8000-000000000000"]'),
    cursor('[{"d":"not a date"},"00000000-0000-4000-8000-000000000000"]'),
    cursor('[{"d":"2030-01-01T00:00:00.000Z","x":1},"00000000-0000-4000-8000-000000000000"]'),
    cursor('[{"d":"2030-01-01T00:00:00Z"},"00000000-0000-4000-8000-000000000000"]'),
    cursor('[{"d":"2030-01-01T00:00:00.000Z"},"not-a-uuid"]'),
    cursor('[{"d":"2030-01-01T00:00:00.000Z"},42]'),
    cursor('null'),
    cursor('{"a":1}'),
    'not base64 at all!',
  ];

  it.each(FORGED.map((c, i) => [i + 1, c]))('refuses forged cursor %i on a root, a nested and an id-only connection', async (_i, after) => {
    const before = await rows();
    for (const query of [
      `query($after: String) { appointments(after: $after) { edges { node { id } } } }`,
      `query($after: String, $id: ID!) { user(id: $id) { id } customers(first: 1) { edges { node { appointments(after: $after) { edges { node { id } } } } } } }`,
    ]) {
      const res = await app.gql(query, { after, id: practitionerId }, { token: org.token });
      const error = res.errors?.[0];
      expect(error?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    }
    expect(await rows()).toBe(before);
  });

  it('accepts the cursors it issues', async () => {
    const first = await app.gql(`{ appointments(first: 1) { pageInfo { endCursor } } }`, {}, { token: org.token });
    const after = first.data.appointments.pageInfo.endCursor;
    const next = await app.gql(`query($after: String) { appointments(first: 1, after: $after) { edges { node { id } } } }`, { after }, { token: org.token });
    expect(next.errors).toBeUndefined();
  });
});

/** A TCP proxy on loopback in front of the test PostgreSQL, that the test can cut like an outage. */
async function outageProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await start();
  const cut = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
      for (const s of sockets) s.destroy();
    });
  return {
    url: () => Object.assign(new URL(target), { port: String(port) }).toString(),
    cut,
    /** Listens again on the same port (a no-op while listening). */
    start: () => (server ? Promise.resolve() : start()),
  };
}

describe('a database outage', () => {
  let app: TestApp;
  let org: TestOrg;
  let proxy: Awaited<ReturnType<typeof outageProxy>>;

  beforeAll(async () => {
    proxy = await outageProxy(new URL(await createTestDatabase('kairos_outage')));
    app = await startTestApp({ databaseUrl: proxy.url() });
    org = await app.createOrg('Outage');
  });
  afterAll(async () => {
    await proxy.start();
    await app?.stop();
    await proxy.cut();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, then serves again when the database is back', async () => {
    await proxy.cut();
    const res = await fetch(app.kairos.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
      body: JSON.stringify({ query: `mutation { createCompany(input: { name: "During the outage" }) { company { id } } }` }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = (await res.json()) as GraphQLResponse;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(body.errors?.[0]?.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);

    await proxy.start();
    const after = await app.gql(`mutation { createCompany(input: { name: "After the outage" }) { company { name } } }`, {}, { token: org.token });
    expect(after.errors).toBeUndefined();
    expect(after.data.createCompany.company.name).toBe('After the outage');
    const [{ n }] = await app.sql(`select count(*)::int as n from company where name = 'During the outage'`);
    expect(n).toBe(0);
  });
});
