import 'reflect-metadata';
import { inspect } from 'node:util';
import { startKairos } from './app/bootstrap.js';
import { createLogger } from './app/logger.js';
import { ConfigError, liveSettings, loadConfig, serverLimits, webhookSettings } from './config/env.js';
import { openDatabase } from './db/database.js';
import { demoToken, seedDemoIfEmpty } from './demo/seed-demo.js';

/**
 * `npm start`: the database (embedded unless DATABASE_URL), migrations, demo data on an empty
 * database, and the server. Ctrl-C / SIGTERM: drain requests, close the pool, stop PostgreSQL.
 */
async function main(): Promise<void> {
  let config;
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
  const db = await openDatabase(config, (msg) => log.debug({ postgres: msg.trim() }), { notice: (msg) => log.warn(msg) });
  let token: string | null = null;
  const kairos = await startKairos({
    databaseUrl: db.url,
    log,
    port: config.PORT,
    host: config.HOST,
    poolMax: config.DB_POOL_MAX,
    limits: serverLimits(config),
    live: liveSettings(config),
    webhooks: webhookSettings(config),
    cors: { origins: config.CORS_ORIGINS, credentials: config.CORS_CREDENTIALS, maxAgeSeconds: config.CORS_MAX_AGE },
    async beforeListen(orm) {
      if (config.KAIROS_SEED_DEMO) await seedDemoIfEmpty(orm.em.fork());
      token = await demoToken(orm.em.fork());
    },
  }).catch(async (error) => {
    await db.close();
    throw error;
  });

  const url = `http://localhost:${kairos.port}/graphql`;
  log.info({ url, database: db.kind }, 'Kairos is listening');
  // stdout carries only the JSON log lines (for a collector, or `| jq`); the banner is for the person
  // at the terminal, so it goes to stderr, once the log line above is out, so the two never interleave.
  await new Promise<void>((resolve) => log.flush(() => resolve()));
  let banner = `\nKairos GraphiQL: ${url}\n`;
  if (token) banner += `Demo API token:  ${token}\n  (GraphiQL Headers tab: {"Authorization": "Bearer ${token}"})\n`;
  process.stderr.write(`${banner}\n`);

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
      await kairos.stop();
    } finally {
      await db.close();
      log.info('stopped');
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
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
