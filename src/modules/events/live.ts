import type http from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import pg from 'pg';
import type { Logger } from 'pino';
import type { QueryLimits } from '../../app/query-limits.js';
import type { RateLimiter } from '../../app/rate-limit.js';
import { OutboxHub } from './outbox-hub.js';
import { attachSubscriptions, type SubscriptionSettings } from './subscription-server.js';

/** Settings of the live side (src/config/env.ts `liveSettings`). */
export interface LiveSettings {
  /** OUTBOX_POLL_MS. */
  pollMs: number;
  /** OUTBOX_RETENTION_HOURS. */
  retentionHours: number;
  subscriptions: SubscriptionSettings;
}

/** The running live side of one instance: its outbox hub and its WebSocket endpoint. */
export interface Live {
  hub: OutboxHub;
  /** Closes every subscriber's socket, then the hub's connections. */
  stop(): Promise<void>;
}

/**
 * Starts the instance's outbox hub (one LISTEN connection and a two-connection pool of its own, so that
 * delivering events never waits behind requests) and serves subscriptions on `httpServer`'s `/graphql`.
 */
export async function startLive(options: { databaseUrl: string; httpServer: http.Server; schema: GraphQLSchema; orm: MikroORM; log: Logger; limits: QueryLimits; rateLimiter: RateLimiter; settings: LiveSettings }): Promise<Live> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  const hub = new OutboxHub({ databaseUrl: options.databaseUrl, pool, log: options.log, pollMs: options.settings.pollMs, retentionHours: options.settings.retentionHours });
  try {
    await hub.start();
  } catch (error) {
    await hub.stop();
    await pool.end();
    throw error;
  }
  const subscriptions = attachSubscriptions({ httpServer: options.httpServer, schema: options.schema, orm: options.orm, hub, log: options.log, limits: options.limits, rateLimiter: options.rateLimiter, settings: options.settings.subscriptions });
  return {
    hub,
    async stop() {
      await subscriptions.dispose();
      await hub.stop();
      await pool.end();
    },
  };
}
