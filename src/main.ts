import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { inspect } from 'node:util';
import type { Logger } from 'pino';
import { startKairos, type RunningKairos } from './app/bootstrap.js';
import { createLogger } from './app/logger.js';
import { ConfigError, liveSettings, loadConfig, serverLimits, webhookSettings, type Config } from './config/env.js';
import { openDatabase, type DatabaseHandle } from './db/database.js';
import { initOrm, migrate } from './db/orm.js';
import { demoToken, seedDemoIfEmpty } from './demo/seed-demo.js';

/**
 * `npm start`: the database (embedded unless DATABASE_URL), migrations, demo data on an empty
 * database, and the server. Ctrl-C / SIGTERM: drain requests, close the pool, stop PostgreSQL.
 *
 * With `WORKERS` above 1 this process is the cluster's primary: it opens the database, migrates and
 * seeds once, then forks the workers, which serve HTTP and graphql-ws on the one port (Node's cluster
 * module hands each accepted connection to a worker in turn) and each run their own outbox listener,
 * webhook runner and pool. The primary serves nothing; on a signal it stops the workers (each drains
 * as a single process does), then the database.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.LOG_LEVEL);
  if (cluster.isWorker) return runWorker(config, log.child({ worker: cluster.worker!.id }));
  if (config.WORKERS === 1) return runSingle(config, log);
  return runPrimary(config, log);
}

/** Starts the HTTP server of this process on the configured port. */
function serve(config: Config, log: Logger, databaseUrl: string, options: Pick<Parameters<typeof startKairos>[0], 'beforeListen' | 'migrate'>): Promise<RunningKairos> {
  return startKairos({
    databaseUrl,
    log,
    port: config.PORT,
    host: config.HOST,
    poolMax: config.DB_POOL_MAX,
    limits: serverLimits(config),
    live: liveSettings(config),
    webhooks: webhookSettings(config),
    cors: { origins: config.CORS_ORIGINS, credentials: config.CORS_CREDENTIALS, maxAgeSeconds: config.CORS_MAX_AGE },
    ...options,
  });
}

/** The `Kairos is listening` log line, then the banner for the person at the terminal. */
async function announce(log: Logger, port: number, db: DatabaseHandle, token: string | null, fields: Record<string, unknown> = {}): Promise<void> {
  const url = `http://localhost:${port}/graphql`;
  log.info({ url, database: db.kind, ...fields }, 'Kairos is listening');
  // stdout carries only the JSON log lines (for a collector, or `| jq`); the banner is for the person
  // at the terminal, so it goes to stderr, once the log line above is out, so the two never interleave.
  await new Promise<void>((resolve) => log.flush(() => resolve()));
  let banner = `\nKairos GraphiQL: ${url}\n`;
  if (token) banner += `Demo API token:  ${token}\n  (GraphiQL Headers tab: {"Authorization": "Bearer ${token}"})\n`;
  process.stderr.write(`${banner}\n`);
}

/** On one of `signals` (the first one only): `stop`, then exit 0. */
function stopOnSignal(log: Logger, stop: () => Promise<void>, signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // A signal sent to the process group reaches the embedded PostgreSQL too, which then refuses new
    // connections and ends idle ones: a listener or worker connection that fails while Kairos stops is
    // expected, and must not turn a clean stop into exit code 1.
    const expected = (error: unknown) =>
      log.warn({ code: (error as { code?: unknown } | null)?.code, message: error instanceof Error ? error.message : String(error) }, 'connection error while stopping');
    process.on('uncaughtException', expected);
    process.on('unhandledRejection', expected);
    log.info({ signal }, 'shutting down');
    try {
      await stop();
    } finally {
      log.info('stopped');
      process.exit(0);
    }
  };
  for (const signal of signals) process.on(signal, () => void shutdown(signal));
}

/** WORKERS=1: one process does everything. */
async function runSingle(config: Config, log: Logger): Promise<void> {
  const db = await openDatabase(config, (msg) => log.debug({ postgres: msg.trim() }), { notice: (msg) => log.warn(msg) });
  let token: string | null = null;
  const kairos = await serve(config, log, db.url, {
    async beforeListen(orm) {
      if (config.KAIROS_SEED_DEMO) await seedDemoIfEmpty(orm.em.fork());
      token = await demoToken(orm.em.fork());
    },
  }).catch(async (error) => {
    await db.close();
    throw error;
  });
  await announce(log, kairos.port, db, token);
  stopOnSignal(log, async () => {
    try {
      await kairos.stop();
    } finally {
      await db.close();
    }
  });
}

/** What a worker tells the primary about its start. */
type WorkerMessage = { kairos: 'listening'; port: number } | { kairos: 'failed'; message: string };

/** A worker: serves on the shared port; the primary has migrated already and owns the database. */
async function runWorker(config: Config, log: Logger): Promise<void> {
  let kairos: RunningKairos;
  try {
    kairos = await serve(config, log, config.DATABASE_URL!, { migrate: false });
  } catch (error) {
    process.send!({ kairos: 'failed', message: describeFailure(error) } satisfies WorkerMessage, () => process.exit(1));
    return;
  }
  // Ctrl-C reaches every process of the terminal's group: the primary answers it by sending SIGTERM to
  // each worker once, so a worker ignores SIGINT rather than stopping before the primary knows.
  process.on('SIGINT', () => {});
  stopOnSignal(log, () => kairos.stop(), ['SIGTERM']);
  process.send!({ kairos: 'listening', port: kairos.port } satisfies WorkerMessage);
}

/**
 * Milliseconds before a worker that died is replaced, doubled for each replacement in a row that died
 * before it served (the database gone, say), up to {@link MAX_RESTART_DELAY_MS}: a start costs seconds
 * of CPU, so a failing worker must not be restarted in a tight loop.
 */
const RESTART_DELAY_MS = 1000;
const MAX_RESTART_DELAY_MS = 60_000;

/** WORKERS>1: the cluster's primary. */
async function runPrimary(config: Config, log: Logger): Promise<void> {
  const db = await openDatabase(config, (msg) => log.debug({ postgres: msg.trim() }), { notice: (msg) => log.warn(msg) });
  const workers = new Set<Worker>();
  let stopping = false;
  const stopWorkers = () =>
    Promise.all([...workers].map(async (worker) => {
      if (worker.isDead()) return;
      const exited = once(worker, 'exit');
      worker.process.kill('SIGTERM');
      await exited;
    }));

  let token: string | null = null;
  let port: number;
  try {
    const orm = await initOrm({ clientUrl: db.url, poolMax: 2 });
    try {
      await migrate(orm);
      if (config.KAIROS_SEED_DEMO) await seedDemoIfEmpty(orm.em.fork());
      token = await demoToken(orm.em.fork());
    } finally {
      await orm.close();
    }
    // The workers connect where this process found the database (the embedded one's URL, or DATABASE_URL).
    const fork = () => {
      const worker = cluster.fork({ DATABASE_URL: db.url });
      workers.add(worker);
      return worker;
    };
    port = await new Promise<number>((resolve, reject) => {
      let listening = 0;
      for (let i = 0; i < config.WORKERS; i++) {
        const worker = fork();
        worker.on('message', (message: WorkerMessage) => {
          if (message.kairos === 'failed') reject(new Error(message.message));
          else if (++listening === config.WORKERS) resolve(message.port);
        });
        worker.once('exit', (code, signal) => reject(new Error(`a worker exited (${signal ?? `code ${code}`}) before it served`)));
      }
    });
    // From now on a worker that dies is replaced; while stopping, they are expected to exit.
    const served = new WeakSet<Worker>(workers);
    let failedInARow = 0;
    const replaceWhenDead = (worker: Worker) =>
      worker.once('exit', (code, signal) => {
        workers.delete(worker);
        if (stopping) return;
        failedInARow = served.has(worker) ? 0 : failedInARow + 1;
        const delay = Math.min(MAX_RESTART_DELAY_MS, RESTART_DELAY_MS * 2 ** failedInARow);
        log.error({ worker: worker.id, code, signal, restartInMs: delay }, 'worker exited; starting another');
        setTimeout(() => {
          if (stopping) return;
          const next = fork();
          next.on('message', (message: WorkerMessage) => {
            if (message.kairos === 'failed') log.error({ worker: next.id, message: message.message }, 'worker failed to start');
            else served.add(next);
          });
          replaceWhenDead(next);
        }, delay);
      });
    for (const worker of workers) replaceWhenDead(worker);
  } catch (error) {
    stopping = true;
    await stopWorkers();
    await db.close();
    throw error;
  }
  await announce(log, port, db, token, { workers: config.WORKERS, rateLimitStore: config.RATE_LIMIT_STORE });
  stopOnSignal(log, async () => {
    stopping = true;
    try {
      await stopWorkers();
    } finally {
      await db.close();
    }
  });
}

/** One line saying why the start failed, whatever was thrown (some libraries reject with nothing). */
function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') {
    const port = (error as { port?: number }).port;
    return `the HTTP port${port ? ` ${port}` : ''} is in use by another program: stop it, or set PORT to a free port`;
  }
  if (error instanceof Error) return error.message.split('\n')[0] || error.name;
  if (error === undefined || error === null) return 'an unknown error (nothing was reported; run with LOG_LEVEL=debug for the database log)';
  return inspect(error, { breakLength: Infinity });
}

main().catch((error: unknown) => {
  process.stderr.write(`Kairos failed to start: ${describeFailure(error)}\n`);
  process.exit(1);
});
