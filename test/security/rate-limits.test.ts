import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, serverLimits } from '../../src/config/env.js';
import type { ServerLimits } from '../../src/app/server.js';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';

/** Small budgets, so that a test spends them in a few requests: 10 requests of base cost 100 per token. */
function smallLimits(store: 'memory' | 'postgres' = 'memory'): ServerLimits {
  const defaults = serverLimits(loadConfig({}));
  return { query: defaults.query, rate: { windowSeconds: 60, tokenPoints: 1_000, organisationPoints: 1_500, anonymousPoints: 500, baseCost: 100, store, refusalDelayMs: 0, concurrency: 8 } };
}

const VIEWER = '{ viewer { id } }';

async function post(app: TestApp, query: string, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(app.kairos.url.replace('localhost', '127.0.0.1'), { method: 'POST', headers, body: JSON.stringify({ query }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] } };
}

describe('rate limits (issue 11, finding 9)', () => {
  let app: TestApp;
  let a: TestOrg;
  let b: TestOrg;

  beforeAll(async () => {
    app = await startTestApp({ limits: smallLimits() });
    a = await app.createOrg('Rate A');
    b = await app.createOrg('Rate B');
  });
  afterAll(() => app?.stop());

  it('spends a token\'s budget in cost points, says so in RateLimit headers, then answers 429 with Retry-After', async () => {
    const first = await post(app, VIEWER, a.token);
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-policy')).toBe('"token";q=1000;w=60, "organisation";q=1500;w=60');
    // { viewer { id } } costs 1 object: the token spent 100 + 1, the organisation 101.
    expect(first.headers.get('ratelimit')).toMatch(/^"token";r=899;t=\d+, "organisation";r=1399;t=\d+$/);

    const answers = [];
    for (let i = 0; i < 9; i++) answers.push(await post(app, VIEWER, a.token));
    const refusedAt = answers.findIndex((r) => r.status === 429);
    expect(refusedAt).toBeGreaterThan(5);
    const refusal = answers[refusedAt]!;
    expect(refusal.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'token' });
    expect(Number(refusal.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refusal.headers.get('ratelimit')).toMatch(/^"token";r=0;t=\d+$/);
  });

  it('paces refusals: a client over its budget gets each 429 only after the refusal delay', async () => {
    const paced = await startTestApp({ limits: { ...smallLimits(), rate: { ...smallLimits().rate, tokenPoints: 100, refusalDelayMs: 400 } } });
    try {
      const org = await paced.createOrg('Paced');
      expect((await post(paced, '{ __typename }', org.token)).status).toBe(200);
      const started = performance.now();
      const refusal = await post(paced, VIEWER, org.token);
      expect(refusal.status).toBe(429);
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    } finally {
      await paced.stop();
    }
  });

  it('lets a refused request wait for its answer without holding an in-flight place: the next one meets the budget, not the cap', async () => {
    const paced = await startTestApp({ limits: { ...smallLimits(), rate: { ...smallLimits().rate, tokenPoints: 100, refusalDelayMs: 1_500, concurrency: 1 } } });
    try {
      const org = await paced.createOrg('Paced in flight');
      expect((await post(paced, '{ __typename }', org.token)).status).toBe(200);
      const waiting = post(paced, VIEWER, org.token);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const next = await post(paced, VIEWER, org.token);
      expect(next.status).toBe(429);
      expect(next.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'token' });
      expect((await waiting).body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'token' });
    } finally {
      await paced.stop();
    }
  });

  it('holds one token to its concurrency: a request over it is refused while the others are in flight, and passes once they end', async () => {
    const narrow = await startTestApp({ limits: { ...smallLimits(), rate: { ...smallLimits().rate, concurrency: 1 } } });
    const blocker = new pg.Client({ connectionString: narrow.databaseUrl });
    try {
      const org = await narrow.createOrg('Narrow');
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('lock table company in access exclusive mode');
      const first = post(narrow, 'mutation { createCompany(input: { name: "First" }) { company { id } } }', org.token);
      await expect.poll(async () => (await narrow.sql(`select count(*)::int as n from pg_locks where relation = 'company'::regclass and not granted`))[0].n).toBe(1);
      const second = await post(narrow, VIEWER, org.token);
      expect(second.status).toBe(429);
      expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'concurrency' });
      await blocker.query('rollback');
      expect((await first).status).toBe(200);
      expect((await post(narrow, VIEWER, org.token)).status).toBe(200);
    } finally {
      await blocker.end();
      await narrow.stop();
    }
  });

  it('does not touch another organisation\'s budget', async () => {
    const other = await post(app, VIEWER, b.token);
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit')).toMatch(/^"token";r=899;/);
  });

  it('counts every token of an organisation against the organisation\'s budget', async () => {
    const org = await app.createOrg('Rate shared');
    // Two tokens of one organisation, 101 points a request: 8 requests each would fit in each token's
    // budget (808 ≤ 1,000), but the organisation's 1,500 is spent by the 15th request of the two.
    const tokens = [org.token, await extraToken(app, org)];
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) for (const token of tokens) statuses.push((await post(app, VIEWER, token)).status);
    expect(statuses.indexOf(429)).toBe(14);
    const lastRefusal = await post(app, VIEWER, tokens[1]);
    expect(lastRefusal.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', policy: 'organisation' });
  });

  it('charges the operation\'s estimated cost, not one per request', async () => {
    const org = await app.createOrg('Rate cost');
    // appointments(first: 100) with a customer each: 100 × (the page item + edge + node + customer) = 400.
    const heavy = await post(app, '{ appointments(first: 100) { edges { node { id customer { id } } } } }', org.token);
    expect(heavy.status).toBe(200);
    const [, remaining] = /"token";r=(\d+)/.exec(heavy.headers.get('ratelimit')!)!;
    expect(1000 - Number(remaining)).toBe(100 + 400);
  });

  it('limits requests without a token by address, and a refused token also spends its address\'s budget', async () => {
    const anonymous = await post(app, '{ __typename }');
    expect(anonymous.headers.get('ratelimit-policy')).toBe('"anonymous";q=500;w=60');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(app, VIEWER, `kairos_forged${i}`)).status);
    // 100 spent by the anonymous request, then 100 per refused token: the fifth refusal passes 500.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

/** A second OWNER token of `org`, made as the CLI's `token create` makes it. */
async function extraToken(app: TestApp, org: TestOrg): Promise<string> {
  const { createHash, randomBytes } = await import('node:crypto');
  const token = `kairos_${randomBytes(32).toString('base64url')}`;
  await app.sql(
    `insert into api_token (id, created_at, updated_at, user_id, organisation_id, token_hash) values (gen_random_uuid(), now(), now(), $1, $2, $3)`,
    [org.userId, org.organisationId, createHash('sha256').update(token).digest('hex')],
  );
  return token;
}

describe('rate limits shared by two instances on one database (RATE_LIMIT_STORE=postgres)', () => {
  let first: TestApp;
  let second: TestApp;
  let org: TestOrg;

  beforeAll(async () => {
    first = await startTestApp({ limits: smallLimits('postgres') });
    second = await startTestApp({ limits: smallLimits('postgres'), databaseUrl: first.databaseUrl });
    org = await first.createOrg('Rate two instances');
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('spends one budget whichever instance answers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await post(first, VIEWER, org.token)).status);
      statuses.push((await post(second, VIEWER, org.token)).status);
    }
    // 9 requests of 101 points fit in 1,000; the 10th does not, wherever it lands.
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(200));
    expect(statuses.slice(9)).toEqual([429, 429, 429]);
    const [{ n }] = await first.sql(`select count(*)::int as n from rate_limit`);
    expect(n).toBeGreaterThan(0);
  });
});
