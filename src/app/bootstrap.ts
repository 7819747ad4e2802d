import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';
import { holdSweepSettings, liveSettings, loadConfig, serverLimits, webhookSettings } from '../config/env.js';
import { initOrm, migrate } from '../db/orm.js';
import type { CorsSettings } from './cors.js';
import { startLive, type Live, type LiveSettings } from '../modules/events/live.js';
import { holdSweepJobs, scheduleHoldSweep, type HoldSweepSettings } from '../modules/scheduling/hold-sweeper.js';
import type { WebhookSettings } from '../modules/webhooks/webhook-settings.js';
import { startWebhookWorker, type WebhookWorker } from '../modules/webhooks/webhook-worker.js';
import { createSchema } from './schema.js';
import { createServer, type KairosServer, type ServerLimits } from './server.js';

export interface RunningKairos {
  orm: MikroORM;
  server: KairosServer;
  port: number;
  url: string;
  /** The outbox hub and the subscriptions endpoint (docs/subscriptions.md). */
  live: Live;
  /** This instance's webhook delivery worker (docs/webhooks.md). */
  webhooks: WebhookWorker;
  /** Graceful stop: the HTTP server drains in-flight requests, then the pool closes. */
  stop(): Promise<void>;
}

/**
 * Connects to `databaseUrl`, applies pending migrations, builds the schema and listens on `port`
 * (0: any free port). Used by `npm start` and by the test harness alike.
 */
export async function startKairos(options: {
  databaseUrl: string;
  log: Logger;
  port: number;
  host?: string;
  poolMax?: number;
  onQuery?: (sql: string) => void;
  /** Apply pending migrations first (default true); false where another process has done it (the cluster's workers). */
  migrate?: boolean;
  beforeListen?: (orm: MikroORM) => Promise<void>;
  graphiqlHeaders?: string;
  /** Query and rate limits; default: the documented defaults of src/config/env.ts. */
  limits?: ServerLimits;
  /** Cross-origin access to `/graphql` (default: none). */
  cors?: CorsSettings;
  /** Subscription and outbox settings; default: the documented defaults of src/config/env.ts. */
  live?: LiveSettings;
  /** Webhook delivery settings; default: the documented defaults of src/config/env.ts. */
  webhooks?: WebhookSettings;
  /** The hold sweeper's interval; default: the documented default of src/config/env.ts. */
  holdSweep?: HoldSweepSettings;
}): Promise<RunningKairos> {
  const limits = options.limits ?? serverLimits(loadConfig({}));
  const orm = await initOrm({ clientUrl: options.databaseUrl, poolMax: options.poolMax, onQuery: options.onQuery });
  // Its own small pool: rate-limit counters must not wait behind the requests they limit.
  const rateLimitPool = limits.rate.store === 'postgres' ? new pg.Pool({ connectionString: options.databaseUrl, max: 2 }) : undefined;
  try {
    if (options.migrate !== false) await migrate(orm);
    await options.beforeListen?.(orm);
    const schema = await createSchema();
    // No field sets a cache hint, and Apollo's cache-control plugin wraps every field resolver to
    // collect them: 5 ms of CPU per 50-appointment read (bench/RESULTS.md, lever "cache control off").
    const server = await createServer({
      orm,
      schema,
      log: options.log,
      graphiqlHeaders: options.graphiqlHeaders,
      plugins: [ApolloServerPluginCacheControlDisabled()],
      limits,
      cors: options.cors,
      rateLimitPool,
    });
    let live: Live;
    try {
      live = await startLive({ databaseUrl: options.databaseUrl, httpServer: server.httpServer, schema, orm, log: options.log, limits: limits.query, rateLimiter: server.rateLimiter, settings: options.live ?? liveSettings(loadConfig({})) });
    } catch (error) {
      await server.stop();
      throw error;
    }
    let webhooks: WebhookWorker;
    try {
      const jobs = holdSweepJobs({ orm, log: options.log, settings: options.holdSweep ?? holdSweepSettings(loadConfig({})) });
      webhooks = await startWebhookWorker({ databaseUrl: options.databaseUrl, orm, log: options.log, settings: options.webhooks ?? webhookSettings(loadConfig({})), jobs });
    } catch (error) {
      await live.stop();
      await server.stop();
      throw error;
    }
    try {
      await scheduleHoldSweep(orm.em.fork());
    } catch (error) {
      await webhooks.stop();
      await live.stop();
      await server.stop();
      throw error;
    }
    const port = await server.listen(options.port, options.host);
    return {
      orm,
      server,
      port,
      url: `http://localhost:${port}/graphql`,
      live,
      webhooks,
      async stop() {
        // Subscribers first: their sockets are upgraded, so the HTTP server's drain does not see them.
        await live.stop();
        await webhooks.stop();
        await server.stop();
        await rateLimitPool?.end();
        await orm.close();
      },
    };
  } catch (error) {
    await rateLimitPool?.end();
    await orm.close();
    throw error;
  }
}
