import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import type pg from 'pg';
import { toGlobalId } from '../src/shared/global-id.js';
import type { Seeded } from './seed.js';
import type { ChildMessage, DriverMessage, Receipts, SubscriberSpec } from './subscribers.js';

/**
 * The live-events scenario (issue 15, `--only subscriptions`): a fresh Kairos, bookings
 * (`createAppointment`) at 8 connections for one measurement without subscribers, then 500 graphql-ws
 * subscribers (bench/subscribers.ts, a process of their own) and the same bookings for one measurement
 * again. Reports bookings' req/s, latency, statements and Kairos's CPU and RSS in both, the latency of
 * events from the booking's commit to the subscriber, and whether every subscriber received exactly the
 * events it should (none missing, none twice, none it should not have).
 */

/** Subscribers of the scenario (one WebSocket each). */
export const SUBSCRIBERS = 500;
const CONNECTIONS = 8;
/** Booked appointments start here, one 15-minute slot per request: after every other scenario's dates. */
const BOOK_START = Date.UTC(2036, 0, 7);
const SLOT_MS = 15 * 60_000;
const HOUR = 3_600_000;
/** Longest wait after the bookings for the subscribers to receive what they should. */
const DRAIN_MS = 120_000;

const BOOK_MUTATION = `mutation Book($input: CreateAppointmentInput!) {
  createAppointment(input: $input) { appointment { id startsAt } userErrors { code message } }
}`;

/** The bench's helpers from bench/run.ts (process readings and the Kairos child). */
export interface LiveEventsTools {
  startKairos(): Promise<{ proc: ChildProcess; port: number; output: string[]; stop(): Promise<void> }>;
  admin: pg.Client;
  token: string;
  seeded: Seeded;
  root: string;
  warmSeconds: number;
  measureSeconds: number;
  cpuMs(pid: number): Promise<number>;
  procStatus(pid: number, field: string): Promise<number>;
  resetPeak(pid: number): Promise<void>;
  statements(): Promise<number>;
  resetStatements(): Promise<unknown>;
  log(message: string): void;
}

/** One booking phase: the bookings' figures and Kairos's. */
export interface BookingPhase {
  subscribers: number;
  seconds: number;
  bookings: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  refused: number;
  errors: number;
  statementsPerBooking: number;
  kairosCpuMsPerBooking: number;
  /** Kairos's CPU time over the phase ÷ its length, in % of one core. */
  kairosCpuPercent: number;
  kairosPeakRssMb: number;
}

export interface LiveEventsResult {
  without: BookingPhase;
  with: BookingPhase;
  /** Kairos's RSS after the first phase, and with the subscribers connected before the second. */
  kairosRssBeforeSubscribersMb: number;
  kairosRssIdleSubscribersMb: number;
  connectSeconds: number;
  mix: string;
  /** Events (appointment.created) committed during the second phase, and deliveries they owe. */
  events: number;
  expectedDeliveries: number;
  delivered: number;
  missing: number;
  duplicates: number;
  unexpected: number;
  outOfOrder: number;
  unresolved: number;
  subscribersComplete: number;
  errors: string[];
  /** Milliseconds from the commit (pg_xact_commit_timestamp of the outbox row) to receipt. */
  latencyFromCommit: { p50: number; p90: number; p99: number; max: number };
  /** Milliseconds from the booking client receiving its 200 to receipt (can be negative). */
  latencyFromResponse: { p50: number; p99: number; max: number };
  /** Milliseconds from occurredAt (the writing transaction's start, `now()`) to the commit. */
  transactionP50Ms: number;
  /** Statements of the second phase and the drain beyond the bookings' own (at the first phase's rate), per delivery. */
  statementsPerDelivery: number;
  /** Seconds from the last booking to the last delivery. */
  drainSeconds: number;
  subscriberProcessCpuMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

/** One booking the bench sent: its bookables (indexes into the seeded lists) and times. */
interface Sent {
  practitioner: number;
  room: number;
  startsAt: number;
  endsAt: number;
  /** When the booking client received its 200, ms since the epoch. */
  answeredAt?: number;
}

/** The bookings of the scenario: slot n books practitioner n mod 20 and room n mod 10, 15 minutes from BOOK_START + n slots. */
class Bookings {
  private next = 0;
  readonly sent = new Map<number, Sent>();

  constructor(private readonly seeded: Seeded) {}

  /** Start of the slot the next booking takes. */
  get nextStartsAt(): number {
    return BOOK_START + this.next * SLOT_MS;
  }

  body(): string {
    const n = this.next++;
    const s = this.seeded;
    const startsAt = BOOK_START + n * SLOT_MS;
    const sent: Sent = { practitioner: n % s.practitionerIds.length, room: n % s.roomIds.length, startsAt, endsAt: startsAt + SLOT_MS };
    this.sent.set(startsAt, sent);
    return JSON.stringify({
      query: BOOK_MUTATION,
      variables: {
        input: {
          customerId: toGlobalId('Customer', s.customerIds[n % s.customerIds.length]!),
          practitionerId: toGlobalId('User', s.practitionerIds[sent.practitioner]!),
          roomId: toGlobalId('Resource', s.roomIds[sent.room]!),
          treatmentIds: [toGlobalId('Treatment', s.treatmentIds[n % s.treatmentIds.length]!)],
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(sent.endsAt).toISOString(),
          serviceAmount: '90',
          prepaidAmount: '30',
          prepaidPaymentMethod: 'card',
        },
      },
    });
  }

  /** Records the answer's arrival; answers whether the booking was made. */
  answered(body: string): 'ok' | 'refused' | 'error' {
    const at = Date.now();
    const match = /"startsAt":"([^"]+)"/.exec(body);
    if (body.includes('"userErrors":[{')) return 'refused';
    if (!match || !body.includes('"userErrors":[]')) return 'error';
    const sent = this.sent.get(new Date(match[1]!).getTime());
    if (sent) sent.answeredAt = at;
    return 'ok';
  }
}

async function book(url: string, token: string, bookings: Bookings, seconds: number) {
  const outcomes = { ok: 0, refused: 0, error: 0 };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ method: 'POST', path: '/graphql', setupRequest: (req) => ({ ...req, body: bookings.body() }), onResponse: (status, body) => void outcomes[status === 200 ? bookings.answered(body) : 'error']++ }],
  });
  return { result, outcomes };
}

async function phase(t: LiveEventsTools, kairos: Awaited<ReturnType<LiveEventsTools['startKairos']>>, bookings: Bookings, subscribers: number): Promise<BookingPhase> {
  const pid = kairos.proc.pid!;
  await t.resetStatements();
  await t.resetPeak(pid);
  const cpuBefore = await t.cpuMs(pid);
  const started = Date.now();
  const { result, outcomes } = await book(`http://127.0.0.1:${kairos.port}`, t.token, bookings, t.measureSeconds);
  const cpu = (await t.cpuMs(pid)) - cpuBefore;
  const elapsed = Date.now() - started;
  const executed = await t.statements();
  const requests = outcomes.ok + outcomes.refused + outcomes.error;
  return {
    subscribers,
    seconds: round(result.duration, 2),
    bookings: requests,
    rps: round(requests / result.duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: outcomes.ok,
    refused: outcomes.refused,
    errors: outcomes.error + result.errors + result.timeouts,
    statementsPerBooking: round(executed / Math.max(requests, 1), 2),
    kairosCpuMsPerBooking: round(cpu / Math.max(requests, 1), 2),
    kairosCpuPercent: Math.round((cpu / elapsed) * 100),
    kairosPeakRssMb: Math.round(await t.procStatus(pid, 'VmHWM')),
  };
}

/**
 * The subscribers: 40 % watch one practitioner, 20 % one practitioner over a 24-hour window, 10 % one
 * room, 10 % everything, 20 % `scheduleChanged` of a practitioner and a room over 24 hours. The windows
 * start 0–36 hours after the first slot the measured bookings take, so they match some of them.
 */
function subscriberSpecs(seeded: Seeded, firstSlot: number): SubscriberSpec[] {
  const user = (i: number) => toGlobalId('User', seeded.practitionerIds[i % seeded.practitionerIds.length]!);
  const room = (i: number) => toGlobalId('Resource', seeded.roomIds[i % seeded.roomIds.length]!);
  const window = (i: number) => {
    const from = firstSlot + (i % 4) * 12 * HOUR;
    return { from: new Date(from).toISOString(), to: new Date(from + 24 * HOUR).toISOString() };
  };
  return Array.from({ length: SUBSCRIBERS }, (_, i): SubscriberSpec => {
    const j = Math.floor(i / 10);
    switch (i % 10) {
      case 0: case 1: case 2: case 3: return { kind: 'appointmentEvents', practitionerId: user(i) };
      case 4: case 5: return { kind: 'appointmentEvents', practitionerId: user(i), ...window(j) };
      case 6: return { kind: 'appointmentEvents', resourceId: room(j) };
      case 7: return { kind: 'appointmentEvents' };
      default: return { kind: 'scheduleChanged', bookableIds: [user(j), room(j + 3)], ...window(j + 1) };
    }
  });
}

/** Whether a booking the bench sent is one `spec` should hear of (the bench's own reading of docs/subscriptions.md). */
function matches(spec: SubscriberSpec, sent: Sent, seeded: Seeded): boolean {
  const user = toGlobalId('User', seeded.practitionerIds[sent.practitioner]!);
  const room = toGlobalId('Resource', seeded.roomIds[sent.room]!);
  const from = spec.from ? Date.parse(spec.from) : -Infinity;
  const to = spec.to ? Date.parse(spec.to) : Infinity;
  if (!(sent.endsAt > from && sent.startsAt < to)) return false;
  if (spec.kind === 'scheduleChanged') return spec.bookableIds!.includes(user) || spec.bookableIds!.includes(room);
  if (spec.practitionerId && spec.practitionerId !== user) return false;
  if (spec.resourceId && spec.resourceId !== room) return false;
  return true;
}

/** Sends `message` to the subscriber process and waits for its answer of type `type`. */
function ask<T extends ChildMessage['type']>(child: ChildProcess, message: DriverMessage, type: T, timeoutMs = 120_000): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`subscribers: no ${type} answer within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (answer: ChildMessage) => {
      if (answer.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(answer as Extract<ChildMessage, { type: T }>);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

export async function liveEvents(t: LiveEventsTools): Promise<LiveEventsResult> {
  const kairos = await t.startKairos();
  let subscribers: ChildProcess | undefined;
  try {
    const pid = kairos.proc.pid!;
    const bookings = new Bookings(t.seeded);
    await book(`http://127.0.0.1:${kairos.port}`, t.token, bookings, t.warmSeconds);
    const without = await phase(t, kairos, bookings, 0);
    t.log(`  bookings, no subscribers:   ${without.rps} req/s  p50 ${without.p50} ms  p99 ${without.p99} ms  ${without.statementsPerBooking} stmt/booking  Kairos ${without.kairosCpuMsPerBooking} CPU ms/booking (${without.kairosCpuPercent} % of a core), peak RSS ${without.kairosPeakRssMb} MB  ok ${without.ok} refused ${without.refused} errors ${without.errors}`);
    await sleep(1000);
    const kairosRssBeforeSubscribersMb = Math.round(await t.procStatus(pid, 'VmRSS'));

    // Every subscriber resumes after the last event committed so far, so it receives every later
    // event however long its own subscribe takes; nothing is committed between this read and the bookings.
    const resumeAfter = (await t.admin.query<{ id: string }>('select coalesce(max(id), 0)::text as id from outbox_event')).rows[0]!.id;
    const specs = subscriberSpecs(t.seeded, bookings.nextStartsAt);
    const output: string[] = [];
    subscribers = fork(path.join(t.root, 'dist/bench/subscribers.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    for (const stream of [subscribers.stdout!, subscribers.stderr!]) stream.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const ready = await ask(subscribers, { type: 'start', url: `ws://127.0.0.1:${kairos.port}/graphql`, token: t.token, subscribers: specs, resumeAfter }, 'ready');
    if (ready.connected !== SUBSCRIBERS) throw new Error(`only ${ready.connected} of ${SUBSCRIBERS} subscribers connected: ${output.join('').slice(-2000)}`);
    // Let every subscribe register with the hub (each authenticates and reads its resume point) before booking.
    await sleep(3000);
    const kairosRssIdleSubscribersMb = Math.round(await t.procStatus(pid, 'VmRSS'));
    t.log(`  ${SUBSCRIBERS} subscribers connected in ${round(ready.connectMs / 1000)} s; Kairos RSS ${kairosRssBeforeSubscribersMb} MB before, ${kairosRssIdleSubscribersMb} MB with them idle`);

    const firstSlot = bookings.nextStartsAt;
    const withSubscribers = await phase(t, kairos, bookings, SUBSCRIBERS);
    const bookedUntil = Date.now();
    t.log(`  bookings, ${SUBSCRIBERS} subscribers: ${withSubscribers.rps} req/s  p50 ${withSubscribers.p50} ms  p99 ${withSubscribers.p99} ms  ${withSubscribers.statementsPerBooking} stmt/booking  Kairos ${withSubscribers.kairosCpuMsPerBooking} CPU ms/booking (${withSubscribers.kairosCpuPercent} % of a core), peak RSS ${withSubscribers.kairosPeakRssMb} MB  ok ${withSubscribers.ok} refused ${withSubscribers.refused} errors ${withSubscribers.errors}`);
    // Bookings still in flight when the measurement ended may commit after it: wait until the outbox stops growing.
    for (let previous = ''; ;) {
      const { rows: [top] } = await t.admin.query<{ id: string }>('select coalesce(max(id), 0)::text as id from outbox_event');
      if (top!.id === previous) break;
      previous = top!.id;
      await sleep(2000);
    }

    // The events of the phase, with their commit times (track_commit_timestamp is on in the bench's PostgreSQL).
    const { rows } = await t.admin.query<{ id: string; type: string; starts_at: string; committed_ms: number; occurred_ms: number }>(
      `select id::text, type, payload->>'startsAt' as starts_at,
              extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000 as committed_ms, extract(epoch from occurred_at) * 1000 as occurred_ms
         from outbox_event where id > $1 order by id`,
      [resumeAfter],
    );
    const events = rows.filter((r) => r.type === 'appointment.created');
    if (events.some((e) => e.committed_ms === null)) throw new Error('outbox rows without a commit timestamp: is track_commit_timestamp on?');
    const eventById = new Map(events.map((e) => [e.id, { ...e, sent: bookings.sent.get(Date.parse(e.starts_at)) }]));
    if ([...eventById.values()].some((e) => !e.sent || e.sent.startsAt < firstSlot)) throw new Error('an appointment.created event the second phase did not book');
    const expected = specs.map((spec) => new Set(events.filter((e) => matches(spec, eventById.get(e.id)!.sent!, t.seeded)).map((e) => e.id)));
    const expectedDeliveries = expected.reduce((n, s) => n + s.size, 0);

    // Wait until the subscribers have received what they should (or stop receiving).
    let last = -1;
    let lastChange = Date.now();
    const drainStarted = Date.now();
    for (;;) {
      const { received } = await ask(subscribers, { type: 'count' }, 'count');
      if (received !== last) [last, lastChange] = [received, Date.now()];
      if (received >= expectedDeliveries || Date.now() - lastChange > 10_000 || Date.now() - drainStarted > DRAIN_MS) break;
      await sleep(250);
    }
    const executed = await t.statements();
    const report = await ask(subscribers, { type: 'report' }, 'report');
    subscribers = undefined;

    let delivered = 0, missing = 0, duplicates = 0, unexpected = 0, outOfOrder = 0, unresolved = 0, complete = 0, lastReceipt = 0;
    const examples: string[] = [];
    const fromCommit: number[] = [];
    const fromResponse: number[] = [];
    report.receipts.forEach((receipts: Receipts, i) => {
      const seen = new Set<string>();
      let previous = -1n;
      for (const [eventId, at, resolved] of receipts) {
        delivered++;
        lastReceipt = Math.max(lastReceipt, at);
        if (seen.has(eventId)) duplicates++;
        seen.add(eventId);
        if (BigInt(eventId) <= previous) outOfOrder++;
        previous = BigInt(eventId);
        if (!expected[i]!.has(eventId)) {
          unexpected++;
          if (examples.length < 6) examples.push(`unexpected: subscriber ${i} ${JSON.stringify(specs[i])} got event ${eventId} ${JSON.stringify(eventById.get(eventId)?.sent)}`);
          continue;
        }
        if (!resolved) unresolved++;
        const event = eventById.get(eventId)!;
        fromCommit.push(at - event.committed_ms);
        if (event.sent!.answeredAt) fromResponse.push(at - event.sent!.answeredAt);
      }
      const lostIds = [...expected[i]!].filter((id) => !seen.has(id));
      const lost = lostIds.length;
      if (lost && examples.length < 12) examples.push(`missing: subscriber ${i} ${JSON.stringify(specs[i])} lacks ${lost}, e.g. event ${lostIds[0]} ${JSON.stringify(eventById.get(lostIds[0]!)?.sent)}`);
      missing += lost;
      if (lost === 0 && seen.size === expected[i]!.size) complete++;
    });
    for (const example of examples) t.log(`  ${example}`);
    fromCommit.sort((a, b) => a - b);
    fromResponse.sort((a, b) => a - b);
    const transactions = events.map((e) => e.committed_ms - e.occurred_ms).sort((a, b) => a - b);
    const bookingStatements = withSubscribers.bookings * without.statementsPerBooking;
    return {
      without,
      with: withSubscribers,
      kairosRssBeforeSubscribersMb,
      kairosRssIdleSubscribersMb,
      connectSeconds: round(ready.connectMs / 1000),
      mix: `${SUBSCRIBERS} subscribers, one WebSocket each: 40 % appointmentEvents of one practitioner, 20 % of one practitioner over 24 h, 10 % of one room, 10 % unfiltered, 20 % scheduleChanged of a practitioner and a room over 24 h`,
      events: events.length,
      expectedDeliveries,
      delivered,
      missing,
      duplicates,
      unexpected,
      outOfOrder,
      unresolved,
      subscribersComplete: complete,
      errors: report.errors,
      latencyFromCommit: { p50: round(percentile(fromCommit, 50)), p90: round(percentile(fromCommit, 90)), p99: round(percentile(fromCommit, 99)), max: round(fromCommit.at(-1) ?? NaN) },
      latencyFromResponse: { p50: round(percentile(fromResponse, 50)), p99: round(percentile(fromResponse, 99)), max: round(fromResponse.at(-1) ?? NaN) },
      transactionP50Ms: round(percentile(transactions, 50)),
      statementsPerDelivery: round((executed - bookingStatements) / Math.max(delivered, 1), 2),
      drainSeconds: round(Math.max(0, lastReceipt - bookedUntil) / 1000),
      subscriberProcessCpuMs: report.cpuMs,
    };
  } finally {
    subscribers?.kill('SIGTERM');
    await kairos.stop();
  }
}

/** The scenario's lines for the report (bench/RESULTS.md). */
export function liveEventsReport(x: LiveEventsResult): string[] {
  const row = (p: BookingPhase) => `| ${p.subscribers} | ${p.rps} | ${p.p50} | ${p.p99} | ${p.statementsPerBooking} | ${p.kairosCpuMsPerBooking} | ${p.kairosCpuPercent} | ${p.kairosPeakRssMb} | ${p.ok} / ${p.refused} / ${p.errors} |`;
  const c = x.latencyFromCommit;
  const r = x.latencyFromResponse;
  return [
    '',
    `Live events (issue 15): createAppointment at ${CONNECTIONS} connections on a fresh Kairos, without and with ${x.mix}, all requesting the appointment with customer, practitioner and treatments.`,
    '',
    '| subscribers | bookings req/s | p50 ms | p99 ms | statements/booking | Kairos CPU ms/booking | Kairos CPU % of a core | Kairos peak RSS MB | ok / refused / errors |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    row(x.without),
    row(x.with),
    '',
    `Events: ${x.events} bookings committed with subscribers, owing ${x.expectedDeliveries} deliveries; received ${x.delivered}: ${x.missing} missing, ${x.duplicates} duplicates, ${x.unexpected} unexpected, ${x.outOfOrder} out of order, ${x.unresolved} without their appointment; ${x.subscribersComplete} of ${SUBSCRIBERS} subscribers received exactly their events${x.errors.length ? `; errors: ${x.errors.slice(0, 3).join(' | ')}` : ''}. ` +
      `Latency from commit to subscriber: p50 ${c.p50} ms, p90 ${c.p90} ms, p99 ${c.p99} ms, max ${c.max} ms (from the booking's 200 at the client: p50 ${r.p50} ms, p99 ${r.p99} ms); the last delivery ${x.drainSeconds} s after the last booking. ` +
      `Kairos RSS ${x.kairosRssBeforeSubscribersMb} MB → ${x.kairosRssIdleSubscribersMb} MB with the subscribers connected and idle (connected in ${x.connectSeconds} s); ${x.statementsPerDelivery} statements per delivery beyond the bookings' own; the subscribers' process used ${x.subscriberProcessCpuMs} ms of CPU.`,
  ];
}
