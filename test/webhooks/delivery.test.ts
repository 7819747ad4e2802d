import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromGlobalId } from '../../src/shared/global-id.js';
import { makeCustomer, makeUser, ok } from '../appointment/fixtures.js';
import { startTestApp, TEST_WEBHOOKS, type TestApp, type TestOrg } from '../harness/app.js';
import { CREATE_ENDPOINT, createEndpoint, deliveries, DELIVERIES, startReceiver, until, type Receiver } from './receiver.js';

let app: TestApp;
let org: TestOrg;
const receivers: Receiver[] = [];

beforeAll(async () => {
  // Retries after 1 s so the tests see them; a 1 s timeout for the hanging receiver.
  app = await startTestApp({ webhooks: { ...TEST_WEBHOOKS, timeoutMs: 1_000, retrySeconds: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] } });
  org = await app.createOrg('Webhook clinic');
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await app?.stop();
});

async function receiver(respond?: Receiver['respond'], port?: number): Promise<Receiver> {
  const started = await startReceiver(respond, port);
  receivers.push(started);
  return started;
}

const UPDATE_CUSTOMER = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { customer { id } userErrors { code field message } } }`;

/** The outbox event ids of `objectId`, in order. */
async function eventIds(objectId: string): Promise<string[]> {
  return (await app.sql<{ id: string }>('select id::text from outbox_event where object_id = $1 order by id', [objectId])).map((r) => r.id);
}

const ROTATE = `mutation($input: RotateWebhookSecretInput!) { rotateWebhookSecret(input: $input) { secret webhookEndpoint { id previousSecretExpiresAt } userErrors { code field message } } }`;

describe('webhook delivery', () => {
  it('signs each event per Standard Webhooks: the spec library verifies it, webhook-id is the outbox event id', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(app, org, hook.url, ['customer.created']);
    const customer = await makeCustomer(app, org, 'Signed Sam');
    await until(() => hook.received.length === 1, 15_000, 'the delivery');
    const [got] = hook.received;
    const verified = new Webhook(endpoint.secret).verify(got!.body, got!.headers) as any;
    expect(verified).toMatchObject({ type: 'customer.created', data: { id: customer.id, name: 'Signed Sam' } });
    expect(new Date(verified.timestamp).toISOString()).toBe(verified.timestamp);
    expect(got!.headers['webhook-id']).toBe((await eventIds(customer.id))[0]);
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(got!.body, got!.headers)).toThrow();
    expect(() => new Webhook(endpoint.secret).verify(got!.body.replace('Signed', 'Forged'), got!.headers)).toThrow();
    await until(async () => (await deliveries(app, org, endpoint.id))[0]?.status === 'DELIVERED', 5_000, 'the delivery recorded');
    const [delivery] = await deliveries(app, org, endpoint.id);
    expect(delivery).toMatchObject({ eventType: 'customer.created', objectId: customer.id, attempts: 1, lastStatusCode: 200, nextAttemptAt: null, lastError: null });
    expect(delivery.lastResponseMs).toBeGreaterThanOrEqual(0);
  });

  it('retries an event answered with 500 with the same webhook-id until it gets a 200', async () => {
    const hook = await receiver((i) => (i === 0 ? 500 : 200));
    const endpoint = await createEndpoint(app, org, hook.url, ['customer.created']);
    const customer = await makeCustomer(app, org, 'Retry Rita');
    await until(() => hook.received.length === 2, 15_000, 'the retry');
    expect(hook.received[0]!.headers['webhook-id']).toBe(hook.received[1]!.headers['webhook-id']);
    expect(hook.received[1]!.json.data.id).toBe(customer.id);
    await until(async () => (await deliveries(app, org, endpoint.id))[0]?.status === 'DELIVERED', 5_000, 'delivered');
    expect((await deliveries(app, org, endpoint.id))[0]).toMatchObject({ attempts: 2, lastStatusCode: 200 });
  });

  it('delivers every event to a receiver that was down, each once, in order per object', async () => {
    const probe = await startReceiver();
    const port = probe.port;
    await probe.close();
    const endpoint = await createEndpoint(app, org, `http://127.0.0.1:${port}/hook`, ['customer.created', 'customer.updated']);
    const customers = await Promise.all([1, 2, 3].map((i) => makeCustomer(app, org, `Down ${i}`)));
    for (const round of [1, 2, 3]) {
      await Promise.all(customers.map((c) => app.gql(UPDATE_CUSTOMER, { input: { id: c.id, name: `${c.name} r${round}` } }, { token: org.token }).then((r) => ok(r, 'updateCustomer'))));
    }
    await until(async () => (await deliveries(app, org, endpoint.id)).some((d) => d.attempts >= 1 && d.lastError), 10_000, 'a failed attempt');
    const hook = await receiver(() => 200, port);
    await until(() => hook.received.length >= 12, 30_000, 'all 12 events');
    await new Promise((r) => setTimeout(r, 1_500));
    const ids = hook.received.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(12);
    expect(ids).toHaveLength(12);
    for (const customer of customers) {
      const sent = hook.received.filter((r) => r.json.data.id === customer.id).map((r) => r.headers['webhook-id']);
      expect(sent).toEqual(await eventIds(customer.id));
    }
  });

  it('times out a hanging receiver without holding up another endpoint', async () => {
    const hanging = await receiver(() => 'hang');
    const healthy = await receiver();
    const slow = await createEndpoint(app, org, hanging.url, ['customer.created']);
    await createEndpoint(app, org, healthy.url, ['customer.created']);
    const started = Date.now();
    await makeCustomer(app, org, 'Hang Harry');
    await until(() => healthy.received.length === 1 && hanging.received.length === 1, 10_000, 'both requests');
    expect(Date.now() - started).toBeLessThan(1_000 + 500);
    await until(async () => (await deliveries(app, org, slow.id))[0]?.lastError === 'timeout', 10_000, 'the timeout');
    const [delivery] = await deliveries(app, org, slow.id);
    expect(delivery).toMatchObject({ status: 'PENDING', lastStatusCode: null });
    expect(delivery.lastResponseMs).toBeGreaterThanOrEqual(950);
    await app.gql(`mutation($input: WebhookEndpointIdInput!) { deleteWebhookEndpoint(input: $input) { webhookEndpoint { id } userErrors { code } } }`, { input: { id: slow.id } }, { token: org.token });
  });

  it('redelivers a delivered event with the same webhook-id', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(app, org, hook.url, ['customer.created']);
    await makeCustomer(app, org, 'Again Anna');
    await until(() => hook.received.length === 1, 15_000, 'the delivery');
    const [delivery] = await deliveries(app, org, endpoint.id);
    const again = ok(await app.gql(`mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { webhookDelivery { id status eventId } userErrors { code } } }`, { input: { deliveryId: delivery.id } }, { token: org.token }), 'redeliverWebhook');
    expect(again.webhookDelivery).toMatchObject({ status: 'PENDING', eventId: delivery.eventId });
    await until(() => hook.received.length === 2, 15_000, 'the redelivery');
    expect(hook.received[1]!.headers['webhook-id']).toBe(hook.received[0]!.headers['webhook-id']);
  });

  it('rotates the secret with a grace period: both secrets verify until it ends, then the new one only', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(app, org, hook.url, ['customer.created']);
    const before = Date.now();
    const rotated = ok(await app.gql(ROTATE, { input: { id: endpoint.id } }, { token: org.token }), 'rotateWebhookSecret');
    expect(rotated.secret).not.toBe(endpoint.secret);
    // The documented default: 24 hours.
    expect(Date.parse(rotated.webhookEndpoint.previousSecretExpiresAt) - before).toBeGreaterThanOrEqual(86_400_000 - 1_000);
    expect(Date.parse(rotated.webhookEndpoint.previousSecretExpiresAt) - Date.now()).toBeLessThanOrEqual(86_400_000);
    await makeCustomer(app, org, 'Rotated Rob');
    await until(() => hook.received.length === 1, 15_000, 'the delivery');
    const [during] = hook.received;
    expect(during!.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    // A receiver that still has the old secret, and one that already has the new one, both accept it.
    expect(() => new Webhook(endpoint.secret).verify(during!.body, during!.headers)).not.toThrow();
    expect(() => new Webhook(rotated.secret).verify(during!.body, during!.headers)).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(during!.body, during!.headers)).toThrow();

    // The period ends (as time would end it).
    await app.sql(`update webhook_endpoint set previous_secret_expires_at = now() - interval '1 second' where id = $1`, [fromGlobalId(endpoint.id)!.id]);
    await makeCustomer(app, org, 'Rotated Ruth');
    await until(() => hook.received.length === 2, 15_000, 'the second delivery');
    const [, after] = hook.received;
    expect(after!.headers['webhook-signature']).toMatch(/^v1,\S+$/);
    expect(() => new Webhook(rotated.secret).verify(after!.body, after!.headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(after!.body, after!.headers)).toThrow();
  });

  it('rotates with previousSecretValidSeconds 0: later events verify with the new secret only; a second rotation keeps only the secret it replaces', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(app, org, hook.url, ['customer.created']);
    const first = ok(await app.gql(ROTATE, { input: { id: endpoint.id, previousSecretValidSeconds: 3600 } }, { token: org.token }), 'rotateWebhookSecret');
    const second = ok(await app.gql(ROTATE, { input: { id: endpoint.id, previousSecretValidSeconds: 3600 } }, { token: org.token }), 'rotateWebhookSecret');
    await makeCustomer(app, org, 'Twice Rotated');
    await until(() => hook.received.length === 1, 15_000, 'the delivery');
    const [got] = hook.received;
    expect(() => new Webhook(second.secret).verify(got!.body, got!.headers)).not.toThrow();
    expect(() => new Webhook(first.secret).verify(got!.body, got!.headers)).not.toThrow();
    expect(() => new Webhook(endpoint.secret).verify(got!.body, got!.headers)).toThrow();

    const leaked = ok(await app.gql(ROTATE, { input: { id: endpoint.id, previousSecretValidSeconds: 0 } }, { token: org.token }), 'rotateWebhookSecret');
    expect(leaked.webhookEndpoint.previousSecretExpiresAt).toBeNull();
    await makeCustomer(app, org, 'Leak Fixed');
    await until(() => hook.received.length === 2, 15_000, 'the second delivery');
    const [, now] = hook.received;
    expect(() => new Webhook(leaked.secret).verify(now!.body, now!.headers)).not.toThrow();
    expect(() => new Webhook(second.secret).verify(now!.body, now!.headers)).toThrow();

    for (const seconds of [-1, 604_801]) {
      const refused = await app.gql(ROTATE, { input: { id: endpoint.id, previousSecretValidSeconds: seconds } }, { token: org.token });
      expect(refused.data.rotateWebhookSecret).toMatchObject({ secret: null, userErrors: [{ code: 'VALIDATION', field: ['input', 'previousSecretValidSeconds'] }] });
    }
  });
});

describe('webhook endpoints: tenants, roles and validation', () => {
  it('refuses STAFF, hides endpoints from other organisations and never delivers their events', async () => {
    const hook = await receiver();
    const endpoint = await createEndpoint(app, org, hook.url, ['customer.created']);
    const staff = await makeUser(app, org, 'Staff Webhook', 'STAFF');
    const staffToken = ok(await app.gql(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token userErrors { code } } }`, { input: { userId: staff.id } }, { token: org.token }), 'createApiToken').token;
    const refused = await app.gql(CREATE_ENDPOINT, { input: { url: hook.url, eventTypes: [] } }, { token: staffToken });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(DELIVERIES, { id: endpoint.id }, { token: staffToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: endpoint.id }, { token: staffToken })).data.node).toBeNull();

    const other = await app.createOrg('Other webhook clinic');
    expect((await app.gql(DELIVERIES, { id: endpoint.id }, { token: other.token })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const update = await app.gql(`mutation($input: UpdateWebhookEndpointInput!) { updateWebhookEndpoint(input: $input) { webhookEndpoint { id } userErrors { code } } }`, { input: { id: endpoint.id, url: hook.url } }, { token: other.token });
    expect(update.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = await app.gql(`{ webhookEndpoints { edges { node { id } } } }`, {}, { token: other.token });
    expect(listed.data.webhookEndpoints.edges).toEqual([]);
    expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: endpoint.id }, { token: other.token })).data.node).toBeNull();

    await makeCustomer(app, other, 'Foreign Fay');
    await makeCustomer(app, org, 'Own Otto');
    await until(() => hook.received.length === 1, 15_000, 'own event');
    await new Promise((r) => setTimeout(r, 500));
    expect(hook.received.map((r) => r.json.data.name)).toEqual(['Own Otto']);
  });

  it('refuses unknown event types, bad URLs and long descriptions with VALIDATION', async () => {
    const cases = [
      [{ url: 'https://example.com/hook', eventTypes: ['appointment.exploded'] }, ['input', 'eventTypes', '0']],
      [{ url: 'not a url', eventTypes: [] }, ['input', 'url']],
      [{ url: 'ftp://example.com/hook', eventTypes: [] }, ['input', 'url']],
      [{ url: 'https://user:pw@example.com/hook', eventTypes: [] }, ['input', 'url']],
      [{ url: 'https://example.com/hook', eventTypes: [], description: 'x'.repeat(501) }, ['input', 'description']],
    ] as const;
    for (const [input, field] of cases) {
      const res = await app.gql(CREATE_ENDPOINT, { input }, { token: org.token });
      expect(res.data.createWebhookEndpoint.userErrors, JSON.stringify(input)).toEqual([expect.objectContaining({ code: 'VALIDATION', field })]);
      expect(res.data.createWebhookEndpoint.secret).toBeNull();
    }
  });
});
