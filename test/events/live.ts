import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TestApp } from '../harness/app.js';

/** What one subscription has received so far, and a way to wait for more. */
export interface Received<T = any> {
  results: { data?: T; errors?: { message: string; extensions?: Record<string, any> }[] }[];
  /** Resolves once `count` results have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received<T>['results']>;
  /** Whether the server completed the subscription. */
  completed: boolean;
  dispose(): void;
}

/** A graphql-ws client on the app's `/graphql`, authenticated with `token` in `connection_init`. */
export function wsClient(app: TestApp, token: string | null, params: Record<string, unknown> = {}): Client {
  return createClient({
    url: `ws://127.0.0.1:${app.kairos.port}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { ...(token && { Authorization: `Bearer ${token}` }), ...params },
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes `client` to `query`; results collect in the answer's `results`. */
export function subscribe<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Received<T> {
  const received: Received<T> = {
    results: [],
    completed: false,
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const check = () => {
          if (received.results.length >= count) return resolve(received.results);
          if (Date.now() - started > timeoutMs) return reject(new Error(`waited ${timeoutMs} ms for ${count} results, got ${received.results.length}: ${JSON.stringify(received.results)}`));
          setTimeout(check, 20);
        };
        check();
      }),
    dispose: () => undefined,
  };
  received.dispose = client.subscribe<T>({ query, variables }, {
    next: (result) => void received.results.push(result as Received<T>['results'][number]),
    error: (error) => void received.results.push({ errors: Array.isArray(error) ? error : [{ message: String((error as { reason?: string }).reason ?? error) }] }),
    complete: () => void (received.completed = true),
  });
  return received;
}

/** Opens a raw graphql-transport-ws socket, sends `connection_init` with `payload`, and answers how the server reacted. */
export function rawInit(app: TestApp, payload: unknown, options: { skipInit?: boolean; then?: (ws: WebSocket) => void } = {}): Promise<{ acked: boolean; code: number | null; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${app.kairos.port}/graphql`, 'graphql-transport-ws');
    let acked = false;
    ws.on('open', () => {
      if (options.skipInit) options.then?.(ws);
      else ws.send(JSON.stringify({ type: 'connection_init', payload }));
    });
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        acked = true;
        if (options.then) options.then(ws);
        else {
          ws.close(1000);
        }
      }
    });
    ws.on('close', (code, reason) => resolve({ acked, code, reason: String(reason) }));
    ws.on('error', reject);
  });
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The organisation's last event id: subscribing with `resumeAfter` set to it receives everything
 * committed afterwards, however long the subscription takes to set up (no race with the writes that follow).
 */
export async function lastEventId(app: TestApp, organisationId: string): Promise<string> {
  const [row] = await app.sql<{ id: string }>('select coalesce(max(id), 0)::text as id from outbox_event where organisation_id = $1', [organisationId]);
  return row!.id;
}
