import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCustomer, ok } from '../appointment/fixtures.js';
import { startTestApp, TEST_WEBHOOKS, type TestApp, type TestOrg } from '../harness/app.js';
import { RETRY_SCHEDULE_SECONDS } from '../../src/modules/webhooks/webhook-settings.js';
import { addressProblem, urlProblem } from '../../src/modules/webhooks/url-guard.js';
import { CREATE_ENDPOINT, createEndpoint, deliveries, startReceiver, until, type Receiver } from './receiver.js';

/** What the test resolver answers for each host name: hosts that look public but resolve inside. */
const DNS: Record<string, { address: string; family: number }[]> = {
  'loop.example': [{ address: '127.0.0.1', family: 4 }],
  'ten.example': [{ address: '10.0.0.5', family: 4 }],
  'meta.example': [{ address: '169.254.169.254', family: 4 }],
  'six.example': [{ address: '::1', family: 6 }],
  'mapped.example': [{ address: '::ffff:127.0.0.1', family: 6 }],
  'mixed.example': [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.1', family: 4 }],
};
const lookups: string[] = [];

let app: TestApp;
let org: TestOrg;
let trap: Receiver;

beforeAll(async () => {
  // Loopback NOT allowed; the default retry schedule; disabled after 2 failures in a row.
  app = await startTestApp({
    webhooks: {
      ...TEST_WEBHOOKS,
      policy: { allowHttp: true, allowLoopback: false, allowPrivate: false },
      disableAfterFailures: 2,
      resolve: async (host) => {
        lookups.push(host);
        const found = DNS[host];
        if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
        return found;
      },
    },
  });
  org = await app.createOrg('SSRF clinic');
  trap = await startReceiver();
});
afterAll(async () => {
  await trap?.close();
  await app?.stop();
});

/** Makes the endpoint's pending delivery due now, as if the clock had moved to its next attempt. */
async function advanceToNextAttempt(endpointId: string): Promise<void> {
  const id = endpointIdOf(endpointId);
  await app.sql(`update webhook_delivery set next_attempt_at = now() where status = 'PENDING' and endpoint_id = $1`, [id]);
  await app.sql(`update graphile_worker._private_jobs set run_at = now() where key like $1`, [`webhook:${id}:%`]);
}

describe('SSRF', () => {
  it('refuses literal loopback, private, link-local and mapped addresses and localhost at creation', async () => {
    for (const url of [`http://127.0.0.1:${trap.port}/hook`, 'http://[::1]/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:127.0.0.1]/hook', 'http://[::ffff:7f00:1]/', 'http://localhost/hook', 'http://100.64.0.1/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://0.0.0.0/', 'http://192.168.1.1/']) {
      const res = await app.gql(CREATE_ENDPOINT, { input: { url, eventTypes: [] } }, { token: org.token });
      expect(res.data.createWebhookEndpoint.userErrors, url).toEqual([expect.objectContaining({ code: 'UNSAFE_WEBHOOK_URL', field: ['input', 'url'] })]);
    }
    expect(trap.connections).toBe(0);
  });

  it('refuses at delivery a host that resolves to a loopback, private, link-local or ::1 address, before any connection', async () => {
    const hosts = ['loop.example', 'ten.example', 'meta.example', 'six.example', 'mapped.example', 'mixed.example'];
    const endpoints = [];
    for (const host of hosts) endpoints.push(await createEndpoint(app, org, `http://${host}:${trap.port}/hook`, ['customer.created']));
    await makeCustomer(app, org, 'Probe Pete');
    for (const [i, endpoint] of endpoints.entries()) {
      await until(async () => (await deliveries(app, org, endpoint.id))[0]?.attempts === 1, 15_000, `the attempt to ${hosts[i]}`);
      const [delivery] = await deliveries(app, org, endpoint.id);
      expect(delivery.lastError, hosts[i]).toMatch(/^unsafe address: /);
      expect(delivery).toMatchObject({ status: 'PENDING', lastStatusCode: null });
    }
    expect(lookups).toEqual(expect.arrayContaining(hosts));
    expect(trap.connections).toBe(0);
    expect(trap.received).toEqual([]);
  });

  it('classifies addresses for every IPv4 address: a mapped IPv6 form gets the same answer', () => {
    const policy = { allowHttp: false, allowLoopback: false, allowPrivate: false };
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(addressProblem(`::ffff:${ip}`, policy) === null).toBe(addressProblem(ip, policy) === null);
      }),
    );
    expect(urlProblem('http://example.com/', policy)?.code).toBe('VALIDATION');
    expect(urlProblem('https://example.com/', policy)).toBeNull();
  });
});

describe('retries', () => {
  it('retries on the Standard Webhooks schedule (read from next_attempt_at and the job\'s run_at), then disables the endpoint after 2 failures and an update enables it again', async () => {
    const endpoint = await createEndpoint(app, org, `http://loop.example:${trap.port}/hook`, ['customer.updated']);
    const customer = await makeCustomer(app, org, 'Sched Sue');
    ok(await app.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } userErrors { code field message } } }`, { input: { id: customer.id, name: 'Sched Sue 2' } }, { token: org.token }), 'updateCustomer');
    const schedule = async () => {
      const [row] = await app.sql<{ attempts: number; wait: number; run_at_matches: boolean }>(
        `select d.attempts, extract(epoch from d.next_attempt_at - d.updated_at)::float as wait,
           exists (select 1 from graphile_worker._private_jobs j where j.key = 'webhook:' || d.endpoint_id || ':' || d.object_id and j.run_at = d.next_attempt_at) as run_at_matches
         from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where e.id = $1`,
        [endpointIdOf(endpoint.id)],
      );
      return row!;
    };
    for (const attempt of [1, 2]) {
      if (attempt > 1) await advanceToNextAttempt(endpoint.id);
      await until(async () => (await schedule()).attempts === attempt, 15_000, `attempt ${attempt}`);
      const row = await schedule();
      expect(row.wait).toBeCloseTo(RETRY_SCHEDULE_SECONDS[attempt - 1]!, 0);
      if (attempt === 1) expect(row.run_at_matches).toBe(true);
    }
    const disabled = (await app.gql(`{ webhookEndpoints(first: 100) { edges { node { id disabledAt consecutiveFailures } } } }`, {}, { token: org.token })).data.webhookEndpoints.edges.map((e: any) => e.node).find((n: any) => n.id === endpoint.id);
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.consecutiveFailures).toBe(2);
    // A disabled endpoint gets no new deliveries.
    ok(await app.gql(`mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } userErrors { code field message } } }`, { input: { id: customer.id, name: 'Sched Sue 3' } }, { token: org.token }), 'updateCustomer');
    expect(await deliveries(app, org, endpoint.id)).toHaveLength(1);

    const enabled = ok(await app.gql(`mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { webhookEndpoint { id disabledAt consecutiveFailures } userErrors { code field message } } }`, { input: { id: endpoint.id } }, { token: org.token }), 'updateWebhookEndpoint');
    expect(enabled.webhookEndpoint).toMatchObject({ disabledAt: null, consecutiveFailures: 0 });
    await advanceToNextAttempt(endpoint.id);
    await until(async () => (await schedule()).attempts === 3, 15_000, 'attempt 3 after re-enabling');
    expect((await schedule()).wait).toBeCloseTo(RETRY_SCHEDULE_SECONDS[2]!, 0);
    expect(trap.connections).toBe(0);
  });

  it('schedules at least 24 hours of retries', () => {
    expect(RETRY_SCHEDULE_SECONDS.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(24 * 3600);
  });
});

/** The uuid inside a global id. */
function endpointIdOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
}
