import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnKairos, type KairosProcess } from '../harness/child.js';
import { createTestDatabase } from '../harness/app.js';

/**
 * The documents that took a `npm start` process down (issue 11, findings 1–3), sent to a real child
 * process with `npm start`'s 256 MB heap cap. Each must be refused before it runs, and the process
 * must answer afterwards with its resident set under 300 MB.
 */
const INTROSPECTION = '__schema { types { name fields { name args { name type { name kind ofType { name kind } } } } } }';
const aliases = (n: number, selection: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

function deep(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 ? `customer { ${inner} }` : `appointments(first: 2) { edges { node { id ${inner} } } }`;
  return `{ customers(first: 2) { edges { node { ${inner} } } } }`;
}

const ATTACKS: { name: string; query: string; anonymous: boolean; limit: string }[] = [
  { name: '500 aliases of an introspection (146 KiB)', query: aliases(500, INTROSPECTION), anonymous: true, limit: 'maxTokens' },
  { name: '200 aliases of an introspection', query: aliases(200, INTROSPECTION), anonymous: true, limit: 'maxTokens' },
  { name: '12 aliases of an introspection (under the token limit)', query: aliases(12, INTROSPECTION), anonymous: true, limit: 'maxCost' },
  { name: 'depth 20 through customer → appointments → customer', query: deep(20), anonymous: false, limit: 'maxDepth' },
  { name: '1,000 aliases of appointments(first: 100)', query: aliases(1000, 'appointments(first: 100) { edges { node { id code } } }'), anonymous: false, limit: 'maxTokens' },
  { name: '16 aliases of appointments(first: 100)', query: aliases(16, 'appointments(first: 100) { edges { node { id } } }'), anonymous: false, limit: 'maxAliases' },
  {
    name: 'two levels of 100-item pages',
    query: aliases(10, 'appointments(first: 100) { edges { node { customer { appointments(first: 100) { edges { node { id } } } } } } }'),
    anonymous: false,
    limit: 'maxCost',
  },
  { name: 'viewer { id × 6,000 } (quadratic validation)', query: `{ viewer { ${'id '.repeat(6000)} } }`, anonymous: true, limit: 'maxTokens' },
  { name: '60 directives', query: `{ viewer { id ${'@include(if: true) '.repeat(60)} } }`, anonymous: true, limit: 'maxDirectives' },
];

describe('hostile documents against a running process', () => {
  let kairos: KairosProcess;

  beforeAll(async () => {
    kairos = await spawnKairos({ DATABASE_URL: await createTestDatabase('kairos_attack'), KAIROS_SEED_DEMO: 'true' });
    expect(kairos.token).toMatch(/^kairos_/);
  });

  afterAll(async () => {
    await kairos?.stop();
  });

  const send = async (query: string, anonymous: boolean) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
    if (!anonymous) headers.authorization = `Bearer ${kairos.token}`;
    const started = performance.now();
    const res = await fetch(kairos.url, { method: 'POST', headers, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { status: res.status, body, ms: performance.now() - started };
  };

  it.each(ATTACKS)('refuses $name before it runs, naming the limit', async ({ query, anonymous, limit }) => {
    const { status, body, ms } = await send(query, anonymous);
    console.log(`refused (${limit}) in ${ms.toFixed(1)} ms; ${(query.length / 1024).toFixed(1)} KiB`);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: expect.stringMatching(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/), limit });
  });

  it('refuses them all at once, four times over, and still answers within its memory', async () => {
    // 36 at once from one address and one token: past 4 in flight, the concurrency cap refuses the rest (429).
    const answers = await Promise.all([1, 2, 3, 4].flatMap(() => ATTACKS.map((attack) => send(attack.query, attack.anonymous))));
    expect(answers.filter((a) => a.status !== 400 && a.status !== 429)).toEqual([]);
    expect(answers.filter((a) => a.status === 400).length).toBeGreaterThanOrEqual(8);

    const after = await send('{ viewer { id } currentOrganisation { name } }', false);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect((await fetch(kairos.url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect(kairos.rssMiB()).toBeLessThan(300);
  });

  it('still answers the full introspection query GraphiQL sends, without a token', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const { status, body } = await send(query, true);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect((body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(100);
  });
});
