import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { startKairos, type RunningKairos } from '../../src/app/bootstrap.js';
import type { HoldSweepSettings } from '../../src/modules/scheduling/hold-sweeper.js';
import type { WebhookSettings } from '../../src/modules/webhooks/webhook-settings.js';
import type { LiveSettings } from '../../src/modules/events/live.js';
import type { ServerLimits } from '../../src/app/server.js';
import { loadConfig, serverLimits } from '../../src/config/env.js';
import type { CorsSettings } from '../../src/app/cors.js';
import { createOrganisation } from '../../src/modules/organisation/organisation.service.js';
import { createContext } from '../../src/app/context.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestOrg {
  organisationId: string;
  userId: string;
  token: string;
}

export interface TestApp {
  kairos: RunningKairos;
  databaseUrl: string;
  /** Every SQL statement MikroORM ran since the last {@link resetQueries}. */
  queries: string[];
  resetQueries(): void;
  /** POSTs a GraphQL operation over HTTP; `token` goes in `Authorization: Bearer`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: { token?: string | null; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  /** Creates an organisation with an OWNER and an API token (the CLI's `org create`). */
  createOrg(name?: string, options?: { timeZone?: string; currency?: string }): Promise<TestOrg>;
  /** A raw SQL client on the test database (for what a request must not be able to do). */
  sql<T extends pg.QueryResultRow = any>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The documented query limits, with the rate limits lifted: suites race 30 requests from one token
 * and seed hundreds of rows through the API, which is what a budget is there to refuse. The rate
 * limits themselves are tested with their own budgets (test/security/rate-limits.test.ts).
 */
export const TEST_LIMITS: ServerLimits = (() => {
  const defaults = serverLimits(loadConfig({}));
  return { ...defaults, rate: { ...defaults.rate, tokenPoints: 1e9, organisationPoints: 1e9, anonymousPoints: 1e9, concurrency: 10_000, refusalDelayMs: 0 } };
})();

/** Creates an empty database named `<prefix>_<random>` on the run's PostgreSQL; answers its URL. */
export async function createTestDatabase(prefix: string): Promise<string> {
  const adminUrl = inject('adminDatabaseUrl');
  const database = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Webhook settings of test apps: receivers are local servers, so http: and loopback are allowed. */
export const TEST_WEBHOOKS: WebhookSettings = {
  timeoutMs: 2_000,
  disableAfterFailures: 50,
  concurrency: 4,
  recoveryCheckMs: 1_000,
  secretGraceSeconds: 86_400,
  policy: { allowHttp: true, allowLoopback: true, allowPrivate: false },
};

/**
 * Starts Kairos over HTTP on a fresh database of the run's PostgreSQL, migrated like `npm start` does.
 * One per test file (call in `beforeAll`, `stop()` in `afterAll`). `log` replaces the silent logger
 * (for tests that read the server's log lines); `limits` replaces {@link TEST_LIMITS}; `cors` allows
 * cross-origin pages (default: none); `webhooks` replaces {@link TEST_WEBHOOKS}; `holdSweep` the hold sweeper's interval (default HOLD_SWEEP_SECONDS'
 * default); `live` the documented subscription settings; `databaseUrl` a database another app of the file already uses (two instances on one database).
 */
export async function startTestApp(options: { log?: pino.Logger; limits?: ServerLimits; cors?: CorsSettings; databaseUrl?: string; webhooks?: WebhookSettings; holdSweep?: HoldSweepSettings; live?: LiveSettings } = {}): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase('kairos_test'));

  const queries: string[] = [];
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const kairos = await startKairos({
    databaseUrl,
    log,
    port: 0,
    host: '127.0.0.1',
    poolMax: 40,
    limits: options.limits ?? TEST_LIMITS,
    cors: options.cors,
    webhooks: options.webhooks ?? TEST_WEBHOOKS,
    holdSweep: options.holdSweep,
    live: options.live,
    onQuery: (message) => {
      if (message.includes('[query]')) queries.push(message);
    },
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let orgCount = 0;
  return {
    kairos,
    databaseUrl,
    queries,
    resetQueries: () => void queries.splice(0),
    async gql(query, variables, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const res = await fetch(`http://127.0.0.1:${kairos.port}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as GraphQLResponse;
    },
    async createOrg(name = `Org ${++orgCount}`, options = {}) {
      const { organisation, user, token } = await createOrganisation(kairos.orm.em.fork(), {
        name,
        timeZone: options.timeZone,
        currency: options.currency,
        owner: { name: `${name} Owner`, email: `owner-${randomBytes(4).toString('hex')}@example.com` },
      });
      return { organisationId: organisation.id, userId: user.id, token };
    },
    async sql(text, params) {
      return (await pool.query(text, params as unknown[])).rows;
    },
    async stop() {
      await pool.end();
      await kairos.stop();
    },
  };
}

/** Builds a request context exactly as the server does (for service-level tests). */
export function contextFor(app: TestApp, token: string) {
  return createContext({ orm: app.kairos.orm, headers: { authorization: `Bearer ${token}` }, log: pino({ level: 'silent' }) });
}
