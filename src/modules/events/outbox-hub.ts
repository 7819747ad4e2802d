import pgListen, { type Subscriber } from 'pg-listen';
import type pg from 'pg';
import type { Logger } from 'pino';

/** The channel the outbox trigger notifies (migration `outbox`); the payload is the organisation's uuid. */
export const OUTBOX_CHANNEL = 'kairos_outbox';

/** An outbox row as the hub hands it on (`outbox_event`, snake case as PostgreSQL answers it). */
export interface OutboxRecord {
  /** The event id: a bigint as a decimal string. */
  id: string;
  type: string;
  object_id: string;
  object_version: number | null;
  occurred_at: Date;
  payload: Record<string, unknown>;
  changes: Record<string, { before: unknown; after: unknown }> | null;
}

/** Receives the organisation's new events, in id order, each batch once. */
export type OutboxListener = (events: OutboxRecord[]) => void;

/** What {@link OutboxHub.subscribe} answers. */
export interface HubSubscription {
  /** The last event id the hub had handed on when the listener joined: every later one reaches it. */
  cursor: string;
  unsubscribe(): void;
}

/** Per organisation with listeners: how far the hub has read, and who hears about it. */
interface OrgState {
  cursor: string | null;
  listeners: Set<OutboxListener>;
  ready: Promise<void>;
  reading: boolean;
  /** A wake-up came while a read ran: read again once it ends. */
  again: boolean;
}

/** The hub's settings (docs/subscriptions.md; defaults in src/config/env.ts). */
export interface OutboxHubOptions {
  databaseUrl: string;
  /** Runs the hub's reads (the application's pool). */
  pool: pg.Pool;
  log: Logger;
  /** Milliseconds between reads of every watched organisation without a notification (a missed NOTIFY is caught by then). */
  pollMs: number;
  /** Most events read per statement. */
  batchSize?: number;
  /** Hours an event is kept in the outbox (OUTBOX_RETENTION_HOURS); older ones are deleted hourly by {@link OutboxHub.prune}. */
  retentionHours: number;
}

/** How often each instance prunes the outbox (every instance does; deleting twice is harmless). */
const PRUNE_EVERY_MS = 3_600_000;

// pg-listen is CommonJS with its function on `exports.default`.
const createSubscriber = pgListen.default;

// `order by outbox_event.id`, not `id`: that would be the text output column, and "10" sorts before "2".
const SELECT = `select id::text, type, object_id, object_version, occurred_at, payload, changes from outbox_event`;

/**
 * One per instance: holds one `LISTEN kairos_outbox` connection (pg-listen, which reconnects), and on
 * each notification reads the organisation's new outbox rows once, in id order, for all of its
 * listeners on this instance (a subscription, later a webhook dispatcher). Because ids of one
 * organisation follow commit order (migration `outbox`), reading `id > cursor` never skips an event.
 * It also reads every watched organisation every `pollMs`, and after the listening connection came
 * back, for the notifications that were sent while it was down.
 */
export class OutboxHub {
  private readonly orgs = new Map<string, OrgState>();
  private subscriber: Subscriber | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pruneTimer: NodeJS.Timeout | null = null;
  private restart: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly batchSize: number;

  constructor(private readonly options: OutboxHubOptions) {
    this.batchSize = options.batchSize ?? 500;
  }

  /** Connects the listening client and starts the poll. */
  async start(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.wakeAll(), this.options.pollMs);
    this.timer.unref();
    this.pruneTimer = setInterval(() => {
      this.prune().catch((error: unknown) => this.options.log.warn({ err: error }, 'pruning the outbox failed; the next run tries again'));
    }, PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  private async listen(): Promise<void> {
    const subscriber = createSubscriber(
      { connectionString: this.options.databaseUrl },
      // The payload is a bare uuid, not JSON; retry a lost connection for a day, backing off to 10 s.
      { parse: (text: string) => text, retryTimeout: 86_400_000, retryInterval: (attempt: number) => Math.min(10_000, 250 * 2 ** attempt), paranoidChecking: 30_000 },
    );
    subscriber.notifications.on(OUTBOX_CHANNEL, (organisationId: string) => this.wake(organisationId));
    subscriber.events.on('connected', () => this.wakeAll());
    subscriber.events.on('reconnect', (attempt: number) => this.options.log.warn({ attempt }, 'outbox listener reconnecting'));
    subscriber.events.on('error', (error: Error) => {
      this.options.log.error({ err: error }, 'outbox listener failed; starting a new one');
      void subscriber.close().catch(() => undefined);
      if (this.subscriber === subscriber) this.subscriber = null;
      this.scheduleRestart();
    });
    this.subscriber = subscriber;
    await subscriber.connect();
    await subscriber.listenTo(OUTBOX_CHANNEL);
  }

  private scheduleRestart(): void {
    if (this.stopped || this.restart) return;
    this.restart = setTimeout(() => {
      this.restart = null;
      this.listen().catch((error: unknown) => {
        this.options.log.error({ err: error }, 'outbox listener could not connect');
        this.scheduleRestart();
      });
    }, 5_000);
    this.restart.unref();
  }

  /** Stops listening; listeners hear nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    if (this.restart) clearTimeout(this.restart);
    this.orgs.clear();
    await this.subscriber?.close().catch(() => undefined);
  }

  /**
   * Adds a listener for the organisation's events committed from now on. Answers once the hub knows
   * where the organisation stands; every event with an id above the answered `cursor` reaches the
   * listener, in order (a batch may start at or below an id the listener has already had from
   * {@link readAfter}: listeners skip what they have seen).
   */
  async subscribe(organisationId: string, listener: OutboxListener): Promise<HubSubscription> {
    let state = this.orgs.get(organisationId);
    if (!state) {
      const created: OrgState = { cursor: null, listeners: new Set(), ready: Promise.resolve(), reading: false, again: false };
      created.ready = this.options.pool
        .query<{ id: string }>(`select coalesce(max(id), 0)::text as id from outbox_event where organisation_id = $1`, [organisationId])
        .then((r) => {
          created.cursor = r.rows[0]!.id;
          if (created.again) this.wake(organisationId);
        });
      this.orgs.set(organisationId, (state = created));
    }
    state.listeners.add(listener);
    try {
      await state.ready;
    } catch (error) {
      this.drop(organisationId, state, listener);
      throw error;
    }
    return { cursor: state.cursor!, unsubscribe: () => this.drop(organisationId, state, listener) };
  }

  private drop(organisationId: string, state: OrgState, listener: OutboxListener): void {
    state.listeners.delete(listener);
    if (state.listeners.size === 0 && this.orgs.get(organisationId) === state) this.orgs.delete(organisationId);
  }

  /** Up to `limit` of the organisation's events after `afterId`, in id order (for a resume). */
  async readAfter(organisationId: string, afterId: string, limit = this.batchSize): Promise<OutboxRecord[]> {
    const result = await this.options.pool.query<OutboxRecord>(`${SELECT} where organisation_id = $1 and id > $2 order by outbox_event.id limit $3`, [organisationId, afterId, limit]);
    return result.rows;
  }

  /**
   * Deletes the events older than the retention, and records per organisation the highest id deleted
   * (`organisation_counter` row `outbox_pruned`), so a resume from before it can be refused rather than
   * silently missing events. Answers how many events were deleted.
   */
  async prune(): Promise<number> {
    const result = await this.options.pool.query<{ deleted: number }>(
      `with gone as (delete from outbox_event where occurred_at < now() - make_interval(hours => $1) returning organisation_id, id),
            marks as (insert into organisation_counter (organisation_id, name, value)
                      select organisation_id, 'outbox_pruned', max(id) from gone group by organisation_id
                      on conflict (organisation_id, name) do update set value = greatest(organisation_counter.value, excluded.value))
       select count(*)::int as deleted from gone`,
      [this.options.retentionHours],
    );
    return result.rows[0]!.deleted;
  }

  /** The highest event id of the organisation that {@link prune} has deleted ("0": none). */
  async prunedUpTo(organisationId: string): Promise<string> {
    const result = await this.options.pool.query<{ value: string }>(`select value::text from organisation_counter where organisation_id = $1 and name = 'outbox_pruned'`, [organisationId]);
    return result.rows[0]?.value ?? '0';
  }

  private wakeAll(): void {
    for (const organisationId of this.orgs.keys()) this.wake(organisationId);
  }

  /** Reads the organisation's new events (one read at a time per organisation) and hands them on. */
  private wake(organisationId: string): void {
    const state = this.orgs.get(organisationId);
    if (!state) return;
    if (state.reading || state.cursor === null) {
      state.again = true;
      return;
    }
    state.reading = true;
    state.again = false;
    void (async () => {
      try {
        for (;;) {
          const rows = await this.readAfter(organisationId, state.cursor!);
          if (rows.length === 0) break;
          state.cursor = rows[rows.length - 1]!.id;
          for (const listener of state.listeners) listener(rows);
          if (rows.length < this.batchSize) break;
        }
      } catch (error) {
        this.options.log.warn({ err: error, organisationId }, 'reading the outbox failed; the next notification or poll reads again');
      } finally {
        state.reading = false;
        if (state.again && this.orgs.get(organisationId) === state) this.wake(organisationId);
      }
    })();
  }
}
