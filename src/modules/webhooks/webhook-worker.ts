import { EventEmitter } from 'node:events';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Logger as WorkerLogger, run, type ParsedCronItem, type Runner, type Task, type TaskList, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { Logger } from 'pino';
import { registerWebhookSettings, type WebhookSettings } from './webhook-settings.js';
import { sendWebhook } from './webhook-sender.js';
import { WorkerLiveness } from './worker-liveness.js';

/** The graphile-worker task the outbox trigger queues (migration `webhooks`). */
export const DELIVER_TASK = 'webhook_deliver';

/** The job key and queue of an endpoint's deliveries of one object: one job at a time drains them, in order. */
export function deliveryJobKey(endpointId: string, objectId: string): string {
  return `webhook:${endpointId}:${objectId}`;
}

/** SQL that queues (or moves to `$3`, null: now) the job of endpoint `$1`, object `$2`. */
export const QUEUE_JOB_SQL = `select graphile_worker.add_job('${DELIVER_TASK}', json_build_object('endpointId', $1::text, 'objectId', $2::text),
  queue_name => 'webhook:' || $1 || ':' || $2, run_at => $3::timestamptz, job_key => 'webhook:' || $1 || ':' || $2, job_key_mode => 'replace')`;

/** The running webhook worker of one instance. */
export interface WebhookWorker {
  /** Marks this instance's workers alive and releases the jobs of dead instances' workers ({@link WorkerLiveness}). */
  liveness: WorkerLiveness;
  /** Stops taking jobs, waits for the running attempts (each bounded by the timeout), closes its pool. */
  stop(): Promise<void>;
}

interface PendingDelivery {
  id: string;
  event_id: string;
  body: Record<string, unknown>;
  attempts: number;
  due: boolean;
  next_attempt_at: string | null;
}

/**
 * Delivers endpoint `endpointId`'s pending deliveries of `objectId` in event order, stopping at the
 * first that fails (it is retried at its `next_attempt_at`, and the later ones wait for it) or is not
 * due yet. After the last attempt of the schedule a delivery is FAILED and the next one goes.
 */
async function deliverObject(pool: pg.Pool, settings: Required<WebhookSettings>, endpointId: string, objectId: string): Promise<void> {
  for (;;) {
    const { rows: [endpoint] } = await pool.query<{ url: string; secret: string; previous_secret: string | null; disabled_at: Date | null }>(
      `select url, secret, case when previous_secret_expires_at > now() then previous_secret end as previous_secret, disabled_at from webhook_endpoint where id = $1`,
      [endpointId],
    );
    if (!endpoint || endpoint.disabled_at) return;
    const { rows: [delivery] } = await pool.query<PendingDelivery>(
      `select id, event_id::text, body, attempts, next_attempt_at::text, coalesce(next_attempt_at <= now(), true) as due from webhook_delivery
       where endpoint_id = $1 and object_id = $2 and status = 'PENDING' order by event_id, created_at limit 1`,
      [endpointId, objectId],
    );
    if (!delivery) return;
    if (!delivery.due) {
      await pool.query(QUEUE_JOB_SQL, [endpointId, objectId, delivery.next_attempt_at]);
      return;
    }
    const outcome = await sendWebhook({ url: endpoint.url, secret: endpoint.secret, previousSecret: endpoint.previous_secret, messageId: delivery.event_id, body: JSON.stringify(delivery.body), timeoutMs: settings.timeoutMs, policy: settings.policy, resolve: settings.resolve });
    if (outcome.ok) {
      await pool.query(
        `update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_status_code = $2, last_response_ms = $3, last_error = null, delivered_at = now(), next_attempt_at = null, updated_at = now() where id = $1`,
        [delivery.id, outcome.statusCode, outcome.responseMs],
      );
      await pool.query(`update webhook_endpoint set consecutive_failures = 0 where id = $1 and consecutive_failures <> 0`, [endpointId]);
      continue;
    }
    const delay = settings.retrySeconds[delivery.attempts];
    // One transaction: the failure, the endpoint's count and the retry's job commit together.
    const client = await pool.connect();
    // As text: a Date would drop the microseconds, and the job's run_at would differ from next_attempt_at.
    let retryAt: string | null;
    try {
      await client.query('begin');
      const { rows: [failed] } = await client.query<{ next_attempt_at: string | null }>(
        `update webhook_delivery set attempts = attempts + 1, last_status_code = $2, last_response_ms = $3, last_error = $4, updated_at = now(),
           status = case when $5::int is null then 'FAILED'::webhook_delivery_status else status end,
           next_attempt_at = case when $5::int is null then null else now() + make_interval(secs => $5::int) end
         where id = $1 returning next_attempt_at::text`,
        [delivery.id, outcome.statusCode, outcome.responseMs, outcome.error, delay ?? null],
      );
      await client.query(
        `update webhook_endpoint set consecutive_failures = consecutive_failures + 1,
           disabled_at = case when consecutive_failures + 1 >= $2 then coalesce(disabled_at, now()) else disabled_at end
         where id = $1`,
        [endpointId, settings.disableAfterFailures],
      );
      retryAt = failed?.next_attempt_at ?? null;
      if (retryAt) await client.query(QUEUE_JOB_SQL, [endpointId, objectId, retryAt]);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    if (retryAt) return;
  }
}

/**
 * Starts this instance's webhook worker: installs or upgrades graphile-worker's schema
 * (`graphile_worker`), then runs delivery jobs, `settings.concurrency` at once, from a pool of its own.
 * Every instance runs one; a job locked by an instance that died is released by {@link WorkerLiveness}
 * within about `recoveryCheckMs` and taken by another, so no delivery is lost (it may be sent twice: at least once).
 * `jobs` are other tasks and crontab items the same runner runs (the hold sweeper,
 * src/modules/scheduling/hold-sweeper.ts).
 */
export async function startWebhookWorker(options: { databaseUrl: string; orm: MikroORM; log: Logger; settings: WebhookSettings; jobs?: { taskList: TaskList; parsedCronItems: ParsedCronItem[] } }): Promise<WebhookWorker> {
  const settings = registerWebhookSettings(options.orm.em, options.settings);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: settings.concurrency + 2 });
  const log = options.log.child({ component: 'webhooks' });
  const logger = new WorkerLogger(() => (level, message) => {
    if (level === 'error') log.error(message);
    else if (level === 'warning') log.warn(message);
    else log.debug(message);
  });
  const task: Task = async (payload) => {
    const { endpointId, objectId } = payload as { endpointId: string; objectId: string };
    await deliverObject(pool, settings, endpointId, objectId);
  };
  const events: WorkerEvents = new EventEmitter();
  const liveness = new WorkerLiveness({ databaseUrl: options.databaseUrl, log, checkMs: settings.recoveryCheckMs });
  let runner: Runner;
  try {
    await liveness.start(events);
    runner = await run({
      pgPool: pool, concurrency: settings.concurrency, noHandleSignals: true, pollInterval: 1000, logger, events,
      taskList: { ...options.jobs?.taskList, [DELIVER_TASK]: task }, parsedCronItems: options.jobs?.parsedCronItems ?? [],
    });
  } catch (error) {
    await liveness.stop();
    await pool.end();
    throw error;
  }
  return {
    liveness,
    async stop() {
      await runner.stop();
      await liveness.stop();
      await pool.end();
    },
  };
}
