import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { CREATE, makeResource, makeUser, ok } from './fixtures.js';

let app: TestApp;
let org: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Outage clinic');
});
afterAll(() => app?.stop());

/** Rows a createAppointment writes, by table, for the organisation (and the idempotency key). */
async function rowCounts(key: string) {
  const [row] = await app.sql<Record<string, number>>(
    `select (select count(*)::int from appointment where organisation_id = $1) as appointment,
            (select count(*)::int from appointment_event where organisation_id = $1) as appointment_event,
            (select count(*)::int from appointment_allocation where organisation_id = $1) as appointment_allocation,
            (select count(*)::int from idempotency_key where organisation_id = $1 and key = $2) as idempotency_key`,
    [org.organisationId, key],
  );
  return row!;
}

/** Polls until `probe` answers a row, or fails after `ms`. */
async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('database connection lost in the middle of createAppointment', () => {
  it('fails cleanly, writes nothing, and the same request then succeeds', async () => {
    const doctor = await makeUser(app, org, 'Dr Outage');
    const room = await makeResource(app, org, 'Outage room', 'ROOM');
    const key = 'outage-1';
    const input = { practitionerId: doctor.id, roomId: room.id, startsAt: '2032-01-05T09:00:00Z', endsAt: '2032-01-05T10:00:00Z', idempotencyKey: key };
    const before = await rowCounts(key);
    const database = new URL(app.databaseUrl).pathname.slice(1);

    // The appointment, its history event and its allocations are written by one statement, whose
    // allocation trigger first takes the practitioner's turn for the day (an advisory lock, migration
    // allocation_turns). Holding that turn makes the mutation stop inside the statement, with its key
    // claimed and its appointment and history rows written.
    const practitionerId = Buffer.from(doctor.id, 'base64url').toString().split(':')[1]!;
    const day = Math.floor(Date.parse(input.startsAt) / 86_400_000);
    const blocker = new pg.Client({ connectionString: app.databaseUrl });
    await blocker.connect();
    let answer: Promise<Response>;
    try {
      await blocker.query('begin');
      await blocker.query('select pg_advisory_xact_lock(hashtext($1), $2)', [practitionerId, day]);
      answer = fetch(`http://127.0.0.1:${app.kairos.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.token}` },
        body: JSON.stringify({ query: CREATE('id'), variables: { input } }),
        signal: AbortSignal.timeout(30_000),
      });
      const waiting = await waitFor(async () => {
        const [row] = await app.sql<{ pid: number; query: string; xid: string | null }>(
          `select pid, query, backend_xid::text as xid from pg_stat_activity where datname = $1 and wait_event = 'advisory' and pid <> $2`,
          [database, (blocker as unknown as { processID: number }).processID],
        );
        return row;
      }, 20_000, 'the mutation to wait for the practitioner\'s turn');
      expect(waiting.query, 'the statement that writes the history event and the appointment').toMatch(/^with w0 as \(insert into "appointment_event"/);
      expect(waiting.xid, 'the mutation has written rows').not.toBeNull();
      const written = await app.sql<{ relname: string }>(
        `select c.relname from pg_locks l join pg_class c on c.oid = l.relation
          where l.pid = $1 and l.mode = 'RowExclusiveLock' and c.relname in ('idempotency_key', 'appointment', 'appointment_event') order by 1`,
        [waiting.pid],
      );
      expect(written.map((r) => r.relname), 'the mutation has written its key, appointment and history event').toEqual(['appointment', 'appointment_event', 'idempotency_key']);
      const [terminated] = await app.sql<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [waiting.pid]);
      expect(terminated!.ok).toBe(true);
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }

    // A lost session is an outage, not a bug: 503 with Retry-After tells the client to retry, and the
    // idempotency key makes the retry safe.
    const res = await answer!;
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const requestId = res.headers.get('x-request-id');
    const body = (await res.json()) as { data: unknown; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };
    expect(body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SERVICE_UNAVAILABLE', requestId, retryAfterSeconds: 5 } })]);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rowCounts(key)).toEqual(before);
    // The killed connection must leave the pool rather than stay checked out for good (a leak that
    // shrinks the pool by one per outage and makes closing the pool wait forever).
    const pool = await app.kairos.orm.em.getConnection().getNativeClient();
    await waitFor(async () => (pool.totalCount === pool.idleCount ? true : undefined), 5_000, 'every pooled connection to be idle');

    // The pool must not hand the killed connection to the next requests.
    const retried = ok(await app.gql(CREATE('id'), { input }, { token: org.token }), 'createAppointment');
    expect(retried.replayed).toBe(false);
    const replayed = ok(await app.gql(CREATE('id'), { input }, { token: org.token }), 'createAppointment');
    expect(replayed).toMatchObject({ replayed: true, appointment: { id: retried.appointment.id } });
    expect(await rowCounts(key)).toEqual({
      appointment: before.appointment + 1,
      appointment_event: before.appointment_event + 1,
      appointment_allocation: before.appointment_allocation + 2,
      idempotency_key: 1,
    });
  });
});
