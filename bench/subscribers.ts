import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The subscribers of the live-events scenario (bench/subscriptions.ts), in a process of their own so
 * that Kairos's CPU time and RSS are its own. Started by the driver with an IPC channel; it opens one
 * graphql-ws client (one WebSocket) per subscriber, subscribes as told, and records for every event
 * received the subscriber, the eventId, the wall-clock time of receipt (`Date.now()`, the clock
 * PostgreSQL's commit timestamps and the booking client use too) and whether the appointment was
 * resolved.
 *
 * Messages from the driver: `start` (url, token, subscriptions) → `ready`; `count` → `count`
 * (events received so far); `report` → `report` (every receipt), after which the clients close.
 */

/** One subscriber: the operation it runs. The driver derives the events it should receive from the same spec. */
export interface SubscriberSpec {
  kind: 'appointmentEvents' | 'scheduleChanged';
  practitionerId?: string;
  resourceId?: string;
  /** RFC 3339; for scheduleChanged both are required. */
  from?: string;
  to?: string;
  bookableIds?: string[];
}

export type DriverMessage =
  | { type: 'start'; url: string; token: string; subscribers: SubscriberSpec[]; resumeAfter: string }
  | { type: 'count' }
  | { type: 'report' };

/** Per subscriber: `[eventId, receivedAtMs, appointmentResolved (1/0)]` in order of receipt. */
export type Receipts = [string, number, number][];

export type ChildMessage =
  | { type: 'ready'; connected: number; connectMs: number }
  | { type: 'count'; received: number; errors: number }
  | { type: 'report'; receipts: Receipts[]; errors: string[]; cpuMs: number };

/** What every appointmentEvents subscriber asks for: the change and the appointment through the loaders. */
export const APPOINTMENT_EVENTS = `subscription Live($filter: AppointmentEventFilter, $resumeAfter: ID) {
  appointmentEvents(filter: $filter, resumeAfter: $resumeAfter) {
    eventId type occurredAt version
    appointment { id code startsAt endsAt status customer { name } practitioner { name } treatments { name } }
  }
}`;

/** What every scheduleChanged subscriber asks for (a calendar view of a practitioner and a room). */
export const SCHEDULE_CHANGED = `subscription Week($ids: [ID!]!, $from: DateTime!, $to: DateTime!, $resumeAfter: ID) {
  scheduleChanged(bookableIds: $ids, from: $from, to: $to, resumeAfter: $resumeAfter) {
    eventId type bookableIds startsAt endsAt
    appointment { id code status customer { name } }
  }
}`;

function operation(spec: SubscriberSpec, resumeAfter: string) {
  if (spec.kind === 'scheduleChanged') return { query: SCHEDULE_CHANGED, variables: { ids: spec.bookableIds, from: spec.from, to: spec.to, resumeAfter } };
  const filter = { practitionerId: spec.practitionerId, resourceId: spec.resourceId, from: spec.from, to: spec.to };
  const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  return { query: APPOINTMENT_EVENTS, variables: { filter: Object.keys(given).length ? given : null, resumeAfter } };
}

/** Clients opened at once while connecting (each connection_init authenticates against the database). */
const CONNECT_BATCH = 50;

const clients: Client[] = [];
let receipts: Receipts[] = [];
const errors: string[] = [];
let received = 0;

const send = (message: ChildMessage) => process.send!(message);

async function start(message: Extract<DriverMessage, { type: 'start' }>): Promise<void> {
  const started = Date.now();
  receipts = message.subscribers.map(() => []);
  for (let first = 0; first < message.subscribers.length; first += CONNECT_BATCH) {
    await Promise.all(message.subscribers.slice(first, first + CONNECT_BATCH).map((spec, k) => new Promise<void>((resolve, reject) => {
      const index = first + k;
      const client = createClient({
        url: message.url,
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${message.token}` },
        lazy: false,
        retryAttempts: 0,
        on: {
          connected: () => resolve(),
          closed: (event) => {
            const code = (event as { code?: number }).code;
            if (code !== 1000) errors.push(`subscriber ${index}: socket closed ${code}`);
            reject(new Error(`subscriber ${index}: socket closed ${code} before connection_ack`));
          },
        },
      });
      clients.push(client);
      client.subscribe(operation(spec, message.resumeAfter), {
        next: ({ data, errors: errs }) => {
          const at = Date.now();
          if (errs?.length) errors.push(`subscriber ${index}: ${JSON.stringify(errs).slice(0, 300)}`);
          const event = (data as Record<string, { eventId: string; appointment: { id: string; customer?: { name: string } | null } | null }> | null | undefined)?.[spec.kind];
          if (!event) return;
          received++;
          receipts[index]!.push([event.eventId, at, event.appointment?.id ? 1 : 0]);
        },
        error: (error) => errors.push(`subscriber ${index}: ${JSON.stringify(error).slice(0, 300)}`),
        complete: () => undefined,
      });
    })));
  }
  send({ type: 'ready', connected: clients.length, connectMs: Date.now() - started });
}

process.on('message', (message: DriverMessage) => {
  if (message.type === 'start') {
    start(message).catch((error: unknown) => {
      errors.push(String(error));
      send({ type: 'ready', connected: -1, connectMs: 0 });
    });
  } else if (message.type === 'count') {
    send({ type: 'count', received, errors: errors.length });
  } else if (message.type === 'report') {
    const usage = process.cpuUsage();
    // Exits only once the report has left: process.exit would drop a message still being written to the channel.
    process.send!({ type: 'report', receipts, errors: errors.slice(0, 50), cpuMs: Math.round((usage.user + usage.system) / 1000) } satisfies ChildMessage, undefined, {}, () => {
      void Promise.all(clients.map((c) => c.dispose())).finally(() => process.exit(0));
    });
  }
});
