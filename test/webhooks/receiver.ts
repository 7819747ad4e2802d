import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { ok } from '../appointment/fixtures.js';
import type { TestApp, TestOrg } from '../harness/app.js';

/** A request a receiver got. */
export interface Received {
  headers: Record<string, string>;
  body: string;
  json: { type: string; timestamp: string; data: Record<string, any> };
}

/**
 * A webhook receiver on 127.0.0.1: records every request and every TCP connection, and answers with
 * `respond(request number)` (a status, or 'hang' to never answer).
 */
export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  connections: number;
  respond: (index: number, received: Received) => number | 'hang';
  /** Answers every request held so far ('hang') with `status`. */
  release(status: number): void;
  close(): Promise<void>;
}

export async function startReceiver(respond: Receiver['respond'] = () => 200, port = 0): Promise<Receiver> {
  const hanging = new Set<http.ServerResponse>();
  const receiver: Receiver = {
    url: '',
    port: 0,
    received: [],
    connections: 0,
    respond,
    release: (status) => {
      for (const res of hanging) if (!res.destroyed) res.writeHead(status).end();
      hanging.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const received = { headers: req.headers as Record<string, string>, body, json: JSON.parse(body) };
      const answer = receiver.respond(receiver.received.length, received);
      receiver.received.push(received);
      if (answer === 'hang') return void hanging.add(res);
      res.writeHead(answer).end();
    });
  });
  server.on('connection', () => receiver.connections++);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hook`;
  return receiver;
}

/** Waits until `check` answers true (polling every 50 ms), failing after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const CREATE_ENDPOINT = `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret webhookEndpoint { id url eventTypes disabledAt consecutiveFailures } userErrors { code field message } } }`;

/** Creates an endpoint; answers its id and secret. */
export async function createEndpoint(app: TestApp, org: TestOrg, url: string, eventTypes: string[] = []): Promise<{ id: string; secret: string }> {
  const created = ok(await app.gql(CREATE_ENDPOINT, { input: { url, eventTypes } }, { token: org.token }), 'createWebhookEndpoint');
  expect(created.secret).toMatch(/^whsec_/);
  return { id: created.webhookEndpoint.id, secret: created.secret };
}

export const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 100) { edges { node { id eventId eventType objectId status attempts nextAttemptAt lastStatusCode lastResponseMs lastError deliveredAt } } } }`;

export async function deliveries(app: TestApp, org: TestOrg, endpointId: string): Promise<any[]> {
  const res = await app.gql(DELIVERIES, { id: endpointId }, { token: org.token });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.webhookDeliveries.edges.map((e: any) => e.node);
}
