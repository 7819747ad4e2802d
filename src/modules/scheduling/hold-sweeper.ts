import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { parseCronItems, type ParsedCronItem, type Task, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import type { Context } from '../../app/context.js';
import { createLoaders } from '../../app/loaders.js';
import { runMutation } from '../../shared/mutation.js';
import { TENANT_FILTER } from '../../shared/tenant.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { expireHolds } from '../series/waitlist.service.js';
import { UserRole } from '../user/user-role.js';

/** The graphile-worker task that sweeps expired holds (run by every instance's job runner, src/modules/webhooks/webhook-worker.ts). */
export const HOLD_SWEEP_TASK = 'kairos_hold_sweep';

/** The job key of the one pending sweep: whichever instance adds it, there is one. */
const JOB_KEY = 'kairos:hold_sweep';

/** Expired holds one organisation's transaction ends; an organisation with more gets further transactions in the same run. */
export const HOLD_SWEEP_BATCH = 100;

/** Organisations looked at per round of a run. */
const ORGANISATIONS_PER_ROUND = 100;

/** The hold sweeper's settings (src/config/env.ts `holdSweepSettings`). */
export interface HoldSweepSettings {
  /** HOLD_SWEEP_SECONDS: seconds between runs. */
  intervalSeconds: number;
}

/** Runs one SQL statement on a connection outside the ORM (the job runner's pool), answering its rows. */
export type SqlQuery = (sql: string) => Promise<unknown[]>;

/** Organisations with an expired hold not yet swept (the partial index `hold_sweep_index` answers it). */
const DUE_SQL = `select distinct organisation_id from hold where swept_at is null and expires_at <= clock_timestamp() limit ${ORGANISATIONS_PER_ROUND}`;

/**
 * A context that acts for organisation `organisationId` as nobody in particular: the tenant filter
 * bound, its time zone and currency, the least writing role (STAFF) and no user or token. Only for
 * the sweeper's own writes, which name no author. Null when the organisation is gone.
 */
async function organisationContext(orm: MikroORM, organisationId: string, log: Logger): Promise<Context | null> {
  const em = orm.em.fork({ clear: true, useContext: false }) as EntityManager;
  const organisation = await em.findOne(Organisation, organisationId);
  if (!organisation) return null;
  em.setFilterParams(TENANT_FILTER, { organisationId });
  return {
    requestId: randomUUID(),
    em,
    viewer: { userId: '', organisationId, role: UserRole.STAFF, timeZone: organisation.timeZone, currency: organisation.currency, tokenId: '', delegated: false },
    loaders: createLoaders(em, organisationId),
    log: log.child({ component: 'hold-sweeper', organisationId }),
  };
}

/**
 * Ends every expired hold not yet swept, of every organisation: per organisation, transactions of up
 * to HOLD_SWEEP_BATCH holds through {@link expireHolds} (the rule `releaseHold` and the writes that
 * free slots use: `hold.expired` on the outbox, a lapsed offer passed to the next waiting entry, an
 * ordinary hold's range offered), with runMutation's retries after a deadlock. Holds are taken with
 * `FOR UPDATE SKIP LOCKED`, so sweeps running at once (several instances, or a write of the
 * organisation) end each hold once. An organisation whose transaction fails is logged and left to
 * the next run. `query` runs the look-up of due organisations outside the ORM, so an idle run costs
 * one statement on the job runner's pool and none on the request pool.
 * @returns how many holds it ended.
 */
export async function sweepExpiredHolds(orm: MikroORM, log: Logger, query: SqlQuery): Promise<number> {
  let ended = 0;
  for (;;) {
    const due = (await query(DUE_SQL)) as { organisation_id: string }[];
    let round = 0;
    for (const { organisation_id: organisationId } of due) {
      try {
        const ctx = await organisationContext(orm, organisationId, log);
        if (!ctx) continue;
        const { result } = await runMutation(ctx, async (em) => ({ result: await expireHolds(em, ctx, HOLD_SWEEP_BATCH) }), undefined, { caller: 'anyone' });
        round += result ?? 0;
      } catch (error) {
        log.warn({ err: error, organisationId }, 'sweeping expired holds failed; the next run tries again');
      }
    }
    ended += round;
    // Nothing ended: what is left is being ended by another sweep, or failed and waits for the next run.
    if (round === 0) return ended;
  }
}

/**
 * The sweeper as graphile-worker jobs, for the instance's job runner. A run first queues the next one
 * `intervalSeconds` later under one job key (so all instances share one pending run; a locked run
 * never holds the key), then sweeps. A crontab item queues a run every minute with the same key
 * without moving a pending one (`preserve_run_at`): it restarts the chain should a run die before
 * queueing its successor. graphile-worker's crontab alone cannot run more often than once a minute.
 */
export function holdSweepJobs(options: { orm: MikroORM; log: Logger; settings: HoldSweepSettings }): { taskList: TaskList; parsedCronItems: ParsedCronItem[] } {
  const log = options.log.child({ component: 'hold-sweeper' });
  const task: Task = async (_payload, helpers) => {
    await helpers.addJob(HOLD_SWEEP_TASK, {}, { runAt: new Date(Date.now() + options.settings.intervalSeconds * 1000), jobKey: JOB_KEY, jobKeyMode: 'replace', maxAttempts: 1 });
    try {
      const ended = await sweepExpiredHolds(options.orm, log, (sql) => helpers.withPgClient(async (client) => (await client.query(sql)).rows));
      if (ended > 0) log.debug({ ended }, 'expired holds swept');
    } catch (error) {
      log.warn({ err: error }, 'sweeping expired holds failed; the next run tries again');
    }
  };
  return {
    taskList: { [HOLD_SWEEP_TASK]: task },
    parsedCronItems: parseCronItems([{
      task: HOLD_SWEEP_TASK, match: '* * * * *', identifier: HOLD_SWEEP_TASK,
      options: { backfillPeriod: 0, maxAttempts: 1, jobKey: JOB_KEY, jobKeyMode: 'preserve_run_at' },
    }]),
  };
}

/**
 * Queues a sweep now unless one is pending (which keeps its time): called when an instance's job
 * runner has started, so a fresh database or a restart does not wait for the crontab's minute.
 */
export async function scheduleHoldSweep(em: EntityManager): Promise<void> {
  await em.getConnection().execute(
    `select graphile_worker.add_job(?, '{}'::json, max_attempts => 1, job_key => ?, job_key_mode => 'preserve_run_at')`,
    [HOLD_SWEEP_TASK, JOB_KEY],
  );
}
