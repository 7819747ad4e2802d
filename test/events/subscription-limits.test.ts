import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveSettings, loadConfig } from '../../src/config/env.js';
import { fromGlobalId } from '../../src/shared/global-id.js';
import { makeUser, ok } from '../appointment/fixtures.js';
import { startTestApp, TEST_LIMITS, type TestApp, type TestOrg } from '../harness/app.js';

const AUTH_CHECK_MS = 500;
const MAX_PER_TOKEN = 3;
const defaults = liveSettings(loadConfig({}));

let app: TestApp;
let tight: TestApp;

beforeAll(async () => {
  app = await startTestApp({ live: { ...defaults, subscriptions: { ...defaults.subscriptions, authCheckMs: AUTH_CHECK_MS, maxPerToken: MAX_PER_TOKEN } } });
  // Budgets for two subscribes of base cost 100 in a window, and no more.
  tight = await startTestApp({ limits: { ...TEST_LIMITS, rate: { ...TEST_LIMITS.rate, windowSeconds: 60, baseCost: 100, tokenPoints: 250, organisationPoints: 1e9 } } });
});
afterAll(async () => {
  await tight?.stop();
  await app?.stop();
});

const EVENTS = `subscription { appointmentEvents { eventId } }`;

/** A raw graphql-transport-ws socket, acknowledged; collects what the server sends and how it closes. */
async function socket(target: TestApp, token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${target.kairos.port}/graphql`, 'graphql-transport-ws');
  const messages: any[] = [];
  let closed: { code: number; reason: string; at: number } | null = null;
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  ws.on('close', (code, reason) => (closed = { code, reason: String(reason), at: Date.now() }));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${token}` } }));
  await until(() => messages.some((m) => m.type === 'connection_ack'), 'the acknowledgement');
  let next = 0;
  return {
    ws,
    messages,
    closed: () => closed,
    /** Subscribes; answers the id. */
    subscribe(query = EVENTS) {
      const id = String(++next);
      ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
      return id;
    },
    complete: (id: string) => ws.send(JSON.stringify({ id, type: 'complete' })),
    /** Resolves once the server has taken in every message sent before (it answers a ping after them). */
    async sync() {
      const pongs = messages.filter((m) => m.type === 'pong').length;
      ws.send(JSON.stringify({ type: 'ping' }));
      await until(() => messages.filter((m) => m.type === 'pong').length > pongs, 'a pong');
    },
    /** The `error` message for subscription `id`, once it came. */
    errorOf: async (id: string) => {
      await until(() => messages.some((m) => m.id === id && m.type === 'error'), `an error for ${id}`);
      return messages.find((m) => m.id === id && m.type === 'error').payload[0];
    },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A STAFF member of `org` and an API token of theirs (issued by the OWNER). */
async function member(org: TestOrg, name: string, extra: Record<string, unknown> = {}): Promise<{ userId: string; token: string; tokenId: string }> {
  const user = await makeUser(app, org, name);
  const issued = ok(await app.gql(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } userErrors { code field message } } }`, { input: { userId: user.id, ...extra } }, { token: org.token }), 'createApiToken');
  return { userId: user.id, token: issued.token, tokenId: issued.apiToken.id };
}

describe('subscriptions end with their credentials (issue 15)', () => {
  it.each([
    ['a revoked token', async (org: TestOrg, m: { tokenId: string }) => ok(await app.gql(`mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }`, { input: { id: m.tokenId } }, { token: org.token }), 'revokeApiToken')],
    ['a deactivated member', async (org: TestOrg, m: { userId: string }) => ok(await app.gql(`mutation($input: DeactivateMemberInput!) { deactivateMember(input: $input) { userErrors { code } } }`, { input: { id: m.userId } }, { token: org.token }), 'deactivateMember')],
  ] as const)('%s: its sockets close with 4403 within SUBSCRIPTION_AUTH_CHECK_MS, other sockets stay', async (_name, end) => {
    const org = await app.createOrg();
    const m = await member(org, 'Dr Leaving');
    const doomed = [await socket(app, m.token), await socket(app, m.token)];
    const bystander = await socket(app, org.token);
    for (const s of [...doomed, bystander]) s.subscribe();
    await sleep(AUTH_CHECK_MS + 200);
    expect(doomed.map((s) => s.closed())).toEqual([null, null]);
    const endedAt = Date.now();
    await end(org, m as never);
    await until(() => doomed.every((s) => s.closed()), 'the sockets to close', 5_000);
    for (const s of doomed) {
      expect(s.closed()).toMatchObject({ code: 4403, reason: expect.stringMatching(/^Forbidden: /) });
      expect(s.closed()!.at - endedAt).toBeLessThan(AUTH_CHECK_MS + 3_000);
    }
    expect(bystander.closed()).toBeNull();
    bystander.ws.close();
  });

  it('an expired token: its socket closes with 4403 once it expires', async () => {
    const org = await app.createOrg();
    const m = await member(org, 'Dr Temporary');
    const s = await socket(app, m.token);
    s.subscribe();
    await sleep(AUTH_CHECK_MS + 200);
    expect(s.closed()).toBeNull();
    // Tokens live at least a minute: move this one's expiry into the past as time would.
    await app.sql(`update api_token set expires_at = now() - interval '1 second' where user_id = $1`, [fromGlobalId(m.userId)!.id]);
    await until(() => s.closed() !== null, 'the socket to close', AUTH_CHECK_MS + 2_000);
    expect(s.closed()).toMatchObject({ code: 4403, reason: expect.stringContaining('expired') });
  });
});

describe('subscriptions are bounded (issue 15)', () => {
  it(`refuses a token's subscription past SUBSCRIPTION_MAX_PER_TOKEN over all its sockets, and no other token's`, async () => {
    const org = await app.createOrg();
    const other = await member(org, 'Dr Other');
    const first = await socket(app, org.token);
    const second = await socket(app, org.token);
    const ids = [first.subscribe(), first.subscribe()];
    second.subscribe();
    await Promise.all([first.sync(), second.sync()]);
    const refused = second.subscribe();
    expect(await second.errorOf(refused)).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'perToken', max: MAX_PER_TOKEN } });
    expect(first.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(second.messages.filter((m) => m.type === 'error')).toHaveLength(1);
    // Another token of the organisation is not counted with it.
    const elsewhere = await socket(app, other.token);
    const fine = elsewhere.subscribe();
    await sleep(300);
    expect(elsewhere.messages.some((m) => m.id === fine && m.type === 'error')).toBe(false);
    // Completing one frees a place.
    first.complete(ids[0]!);
    await first.sync();
    const again = second.subscribe();
    await sleep(300);
    expect(second.messages.some((m) => m.id === again && m.type === 'error')).toBe(false);
    // Closing a socket frees its places (the first one's last running subscription).
    const full = second.subscribe();
    expect(await second.errorOf(full)).toMatchObject({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: 'perToken' } });
    first.ws.close();
    await until(() => first.closed() !== null, 'the close');
    await sleep(100);
    const freed = second.subscribe();
    await sleep(300);
    expect(second.messages.filter((m) => m.id === freed && m.type === 'error')).toEqual([]);
    second.ws.close();
    elsewhere.ws.close();
  });

  it('spends the base cost plus the estimated cost from the token budget, shared with HTTP requests', async () => {
    const org = await tight.createOrg();
    const s = await socket(tight, org.token);
    // They spend concurrently: any two of the three get through, one is refused.
    s.subscribe();
    s.subscribe();
    s.subscribe();
    await until(() => s.messages.some((m) => m.type === 'error'), 'a refusal');
    await sleep(300);
    const errors = s.messages.filter((m) => m.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].payload[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', policy: 'token', retryAfterSeconds: expect.any(Number) } });
    expect(s.closed()).toBeNull();
    // The budget the subscriptions spent is the one HTTP requests spend from.
    const res = await fetch(`http://127.0.0.1:${tight.kairos.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` }, body: JSON.stringify({ query: '{ viewer { name } }' }) });
    expect(res.status).toBe(429);
    s.ws.close();
  });
});
