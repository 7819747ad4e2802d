import type { WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';

/**
 * First key of the session advisory locks that mark a graphile-worker worker as alive (the second is
 * `hashtext(worker id)`). Two-key advisory locks live apart from the one-key locks of the outbox trigger.
 */
export const LIVENESS_LOCK_NAMESPACE = 0x4b57_4c56;

/**
 * A job locked for less than this is left alone by the sweep: a worker takes its lock a few
 * milliseconds after graphile-worker creates it, and may take a job in between.
 */
export const LIVENESS_GRACE_MS = 2_000;

/**
 * Server-side TCP keepalive of the liveness connection: PostgreSQL notices a host that vanished
 * without closing its connections (power cut, network split) after 10 s idle + 3 × 5 s probes, and
 * ends the session, which releases its locks. A process that dies is noticed at once (its kernel closes
 * the socket).
 */
const KEEPALIVE_OPTIONS = '-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=5 -c tcp_keepalives_count=3';

/**
 * Releases the jobs of workers whose instance is gone: ids of workers that hold a job (or a job
 * queue) for longer than the grace, but whose liveness lock nobody holds. Answers those ids.
 */
const SWEEP_SQL = `
with holders as (
  select locked_by from graphile_worker._private_jobs where locked_by is not null and locked_at < now() - make_interval(secs => $2::float8 / 1000)
  union
  select locked_by from graphile_worker._private_job_queues where locked_by is not null and locked_at < now() - make_interval(secs => $2::float8 / 1000)
), dead as (
  select array_agg(h.locked_by) as ids from holders h
   where not exists (
     select 1 from pg_locks l
      where l.locktype = 'advisory' and l.granted and l.objsubid = 2
        and l.database = (select oid from pg_database where datname = current_database())
        and l.classid = ($1::int)::oid and l.objid = hashtext(h.locked_by)::oid)
)
select ids, graphile_worker.force_unlock_workers(ids) from dead where ids is not null`;

/**
 * Makes a job whose instance died mid-run available again within about `checkMs` (not graphile-worker's
 * 4 hour lock expiry). Each instance holds, on one connection of its own, a session advisory lock per
 * worker of its runner; PostgreSQL drops them when the instance's session ends. Every instance sweeps
 * every `checkMs`: a worker that holds a job but whose lock is free belongs to a dead instance, and
 * graphile-worker's `force_unlock_workers` releases its jobs for any live worker to take.
 * A live instance whose liveness connection is lost for a moment may see a running job taken by another
 * instance: the event is then sent twice (same `webhook-id`), never lost.
 */
export class WorkerLiveness {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private readonly workers = new Set<string>();
  private stopped = false;
  /** The liveness connection's statements, one at a time (pg wants no overlapping queries on a client). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: { databaseUrl: string; log: Logger; checkMs: number }) {}

  /** Connects the liveness connection and starts the sweep; `events` are the runner's, to learn its worker ids. */
  async start(events: WorkerEvents): Promise<void> {
    events.on('worker:create', ({ worker }) => {
      this.workers.add(worker.workerId);
      this.lock(worker.workerId);
    });
    events.on('worker:stop', ({ worker }) => {
      this.workers.delete(worker.workerId);
      this.run('select pg_advisory_unlock($1, hashtext($2))', [LIVENESS_LOCK_NAMESPACE, worker.workerId]).catch(() => undefined);
    });
    await this.connect();
    this.timer = setInterval(() => void this.sweep(), this.options.checkMs);
    this.timer.unref();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: 'kairos-worker-liveness', options: KEEPALIVE_OPTIONS, keepAlive: true });
    client.on('error', (error) => {
      this.options.log.warn({ err: error }, 'worker liveness connection lost; reconnecting');
      if (this.client === client) this.client = null;
      this.scheduleReconnect();
    });
    await client.connect();
    this.client = client;
    for (const id of this.workers) this.lock(id);
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      this.connect().catch((error: unknown) => {
        this.options.log.warn({ err: error }, 'worker liveness connection could not reconnect');
        this.scheduleReconnect();
      });
    }, 1_000);
    this.reconnect.unref();
  }

  /** Runs `sql` on the liveness connection after the statements queued before it; rejects when there is none. */
  private run<T extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<pg.QueryResult<T>> {
    const client = this.client;
    const next = this.queue.then(() => {
      if (!client || this.client !== client) throw new Error('the worker liveness connection is down');
      return client.query<T>(sql, params);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private lock(workerId: string): void {
    this.run('select pg_advisory_lock($1, hashtext($2))', [LIVENESS_LOCK_NAMESPACE, workerId]).catch((error: unknown) => {
      this.options.log.warn({ err: error, workerId }, 'could not mark a webhook worker alive');
    });
  }

  /** One sweep: releases the jobs of dead instances' workers; answers their ids (tests call it directly). */
  async sweep(): Promise<string[]> {
    if (!this.client || this.stopped) return [];
    try {
      const { rows } = await this.run<{ ids: string[] }>(SWEEP_SQL, [LIVENESS_LOCK_NAMESPACE, LIVENESS_GRACE_MS]);
      const ids = rows[0]?.ids ?? [];
      if (ids.length) this.options.log.warn({ workers: ids }, 'released the jobs of workers whose instance is gone');
      return ids;
    } catch (error) {
      this.options.log.warn({ err: error }, 'the worker liveness sweep failed; the next one tries again');
      return [];
    }
  }

  /** Stops sweeping and closes the connection (which releases this instance's locks). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.reconnect) clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
