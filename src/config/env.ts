import { z } from 'zod';
import type { ServerLimits } from '../app/server.js';
import type { LiveSettings } from '../modules/events/live.js';
import type { HoldSweepSettings } from '../modules/scheduling/hold-sweeper.js';
import type { WebhookSettings } from '../modules/webhooks/webhook-settings.js';

/**
 * A whole number from `min` to `max`, in digits only: `z.coerce.number()` would read " " as 0 (so a
 * stray space in PORT would bind a random port), and "1e3" or "0x10" as numbers.
 */
function integer(min: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, { error: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(z.number().min(min).max(max));
}

/**
 * The process configuration, read once from the environment at start and validated with zod.
 * A bad value stops the start with a one-line message naming the variable (see {@link loadConfig}).
 */
const EnvSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: integer(0, 65535).default(4000),
  /** Host/interface to bind. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** A PostgreSQL connection URL; when absent the embedded PostgreSQL is started. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Folder of the embedded PostgreSQL cluster (git-ignored, survives restarts). */
  KAIROS_DATA_DIR: z.string().min(1).default('.data/postgres'),
  /** TCP port of the embedded PostgreSQL. */
  KAIROS_PG_PORT: integer(1, 65535).default(54329),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest number of pooled database connections. */
  DB_POOL_MAX: integer(1, 200).default(10),
  /**
   * HTTP worker processes `npm start` runs behind its one port (Node's cluster module); the first process
   * starts the database, migrates and seeds once, then only supervises. 1: one process, no cluster.
   * More than the machine's cores takes CPU from PostgreSQL (bench/RESULTS.md, "Beyond one core").
   */
  WORKERS: integer(1, 64).default(1),
  /** Whether `npm start` seeds the demo organisation into an empty database. */
  KAIROS_SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),

  // Query limits (docs/security.md), checked before a document runs; introspection counts too.
  /** Most lexical tokens a GraphQL document may have; checked while parsing. The heaviest example operation has 142. */
  GRAPHQL_MAX_TOKENS: integer(100, 100_000).default(1000),
  /** Deepest field nesting of an operation (fragments flattened; `__schema` subtrees excepted, graphql-js caps those). */
  GRAPHQL_MAX_DEPTH: integer(2, 100).default(12),
  /** Most aliases in one operation (`__typename` aliases excepted). */
  GRAPHQL_MAX_ALIASES: integer(0, 1000).default(15),
  /** Most directives in one operation. */
  GRAPHQL_MAX_DIRECTIVES: integer(0, 1000).default(50),
  /**
   * Highest estimated cost of one operation: every object the answer may hold counts 1, times `first`, `ids` or the list
   * factor. The full introspection query costs about 16,400; a 50-appointment calendar page about 1,300.
   */
  GRAPHQL_MAX_COST: integer(10, 10_000_000).default(25_000),
  /** Items assumed per list field that has no `first` argument (an appointment's treatments, payments…) when estimating cost. */
  GRAPHQL_LIST_FACTOR: integer(1, 1000).default(10),

  // Rate limits (docs/security.md): budgets of cost points per window; a request spends its cost plus the base cost.
  /**
   * Length of the rate-limit window, in seconds. Ten, so that a budget can hold the costliest request
   * (25,100 points) while allowing only 5,000 points a second on average: with 1-s windows a budget had
   * to allow 25,100 points every second, about 20 nested reads, and a flooding token pushed a
   * neighbour's p50 to 4–19× its unloaded value (bench, isolation; docs/security.md).
   */
  RATE_LIMIT_WINDOW_SECONDS: integer(1, 3600).default(10),
  /** Cost points one API token may spend per window (5,000 a second on average with the default window). */
  RATE_LIMIT_TOKEN_POINTS: integer(1, 100_000_000).default(50_000),
  /** Cost points one organisation (all its tokens together) may spend per window. */
  RATE_LIMIT_ORGANISATION_POINTS: integer(1, 100_000_000).default(100_000),
  /** Cost points one client address may spend per window on requests without a token. */
  RATE_LIMIT_ANONYMOUS_POINTS: integer(1, 100_000_000).default(30_000),
  /**
   * Cost points every request spends before its operation's own cost: the fixed work of a request (HTTP,
   * authentication, parsing), about what a 50-appointment read spends per 13 objects in CPU time.
   */
  RATE_LIMIT_BASE_COST: integer(0, 100_000).default(100),
  /**
   * Where the counters live: `memory` (one process) or `postgres` (shared by every process on one database).
   * Unset: `memory` with WORKERS=1, `postgres` with more, so that the budgets hold for the whole server
   * (with `memory` each worker would grant the whole budget).
   */
  RATE_LIMIT_STORE: z.enum(['memory', 'postgres']).optional(),
  /**
   * Milliseconds a refusal (429) waits before it is sent, at most until the budget resets (so with the
   * default, a refusal arrives when the client may retry): a client that loops on refusals on many
   * connections would otherwise spend the server's CPU on them. A refused request waits without holding
   * an in-flight place. 10,000 halved the refusals of a 100-connection flood against 1,000 (bench,
   * isolation). 0: at once.
   */
  RATE_LIMIT_REFUSAL_DELAY_MS: integer(0, 60_000).default(10_000),
  /**
   * Requests one token or client address may have in flight at once on one instance. 4 kept a neighbour's
   * p50 at 4.5× its unloaded value under a 100-connection flood where 8 let it reach 11× (bench, isolation).
   */
  RATE_LIMIT_CONCURRENCY: integer(1, 10_000).default(4),

  // Live updates (docs/subscriptions.md): GraphQL subscriptions over WebSocket, fed from the outbox.
  /** Milliseconds between WebSocket pings to a subscriber; a socket that has not answered the previous ping by then is closed. 0: no pings. */
  SUBSCRIPTION_HEARTBEAT_MS: integer(0, 600_000).default(12_000),
  /** Milliseconds a WebSocket client has to send `connection_init` before the socket is closed (4408). */
  SUBSCRIPTION_INIT_TIMEOUT_MS: integer(100, 600_000).default(5_000),
  /** Subscriptions one WebSocket may run at once; the next one is refused with TOO_MANY_SUBSCRIPTIONS. */
  SUBSCRIPTION_MAX_PER_CONNECTION: integer(1, 1000).default(20),
  /** Subscriptions one token may run at once on one instance, over all its sockets; the next one is refused with TOO_MANY_SUBSCRIPTIONS. */
  SUBSCRIPTION_MAX_PER_TOKEN: integer(1, 1_000_000).default(1000),
  /** Milliseconds between re-checks of every subscription socket's token: a revoked or expired token, or a deactivated member, has its socket closed (4403) within this long. */
  SUBSCRIPTION_AUTH_CHECK_MS: integer(100, 3_600_000).default(15_000),
  /** Events one subscription may hold undelivered (a client that stops reading) before it ends with SUBSCRIPTION_OVERFLOW. */
  SUBSCRIPTION_MAX_BUFFER: integer(10, 1_000_000).default(1000),
  /** Milliseconds between reads of the outbox without a notification: how late an event may be when a NOTIFY was lost (listener reconnecting). */
  OUTBOX_POLL_MS: integer(100, 3_600_000).default(5_000),
  /** Hours an outbox event is kept: how long a subscriber may stay away and still resume (older `resumeAfter`: RESUME_EXPIRED). */
  OUTBOX_RETENTION_HOURS: integer(1, 87_600).default(168),

  // Webhooks (docs/webhooks.md): signed POSTs of outbox events, queued in PostgreSQL (graphile-worker).
  /** Milliseconds one delivery attempt may take, connection to the end of the answer's headers; longer counts as a failed attempt (`timeout`). */
  WEBHOOK_TIMEOUT_MS: integer(100, 120_000).default(10_000),
  /** Failed attempts in a row after which an endpoint is disabled (any of its deliveries); updateWebhookEndpoint enables it again. */
  WEBHOOK_DISABLE_AFTER_FAILURES: integer(1, 100_000).default(50),
  /** Delivery attempts one instance's worker runs at once (a hanging receiver holds one of them until its timeout). */
  WEBHOOK_CONCURRENCY: integer(1, 200).default(10),
  /** Milliseconds between an instance's checks for delivery jobs held by an instance that died (killed, lost its host): such a job is taken again within about this long plus 3 s. */
  WEBHOOK_RECOVERY_CHECK_MS: integer(500, 3_600_000).default(10_000),
  /** Seconds after rotateWebhookSecret during which attempts carry a signature with the previous secret too (a rotation may ask for less); 0: the new secret only. */
  WEBHOOK_SECRET_GRACE_SECONDS: integer(0, 604_800).default(86_400),
  /** Allow `http:` webhook URLs (default: `https:` only). */
  WEBHOOK_ALLOW_HTTP: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Allow webhooks to loopback addresses (127.0.0.0/8, ::1, localhost): for development only. */
  WEBHOOK_ALLOW_LOOPBACK: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Allow webhooks to private, link-local, CGNAT, unique-local and other reserved addresses: only when receivers live on the operator's own network. */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),

  // Cross-origin access from browsers (docs/cors.md).
  /** Web origins whose pages may call `/graphql`, comma-separated (see {@link corsOrigin}); none by default. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((list, ctx) => {
      const rules: CorsOrigin[] = [];
      for (const entry of list.split(',').map((e) => e.trim()).filter(Boolean)) {
        const rule = corsOrigin(entry);
        if (rule === null) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin (scheme://host[:port], no path), a pattern (http://localhost:*, https://*.example.com) or *` });
          return z.NEVER;
        }
        rules.push(rule);
      }
      return rules;
    }),
  /** Whether cross-origin answers carry `Access-Control-Allow-Credentials: true` (Kairos itself uses no cookies). */
  CORS_CREDENTIALS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Seconds a browser may cache a preflight's answer (`Access-Control-Max-Age`). */
  CORS_MAX_AGE: integer(0, 86400).default(600),
  // Series and treatment plans (docs/series.md): longer input answers VALIDATION naming the field.
  /** Most occurrences one appointment series may expand to (the issue's 500). */
  SERIES_MAX_OCCURRENCES: integer(1, 5000).default(500),
  /** Most months from a series' first occurrence to its last (two years). */
  SERIES_MAX_SPAN_MONTHS: integer(1, 120).default(24),
  /** Largest `toleranceDays` of a treatment plan; at most 60, so that a session's window fits one 62-day search. */
  PLAN_MAX_TOLERANCE_DAYS: integer(0, 60).default(60),
  /** Longest window (`from` to `to`) of a waitlist entry, in days (the issue's 90). */
  WAITLIST_MAX_WINDOW_DAYS: integer(1, 366).default(90),
  /**
   * Seconds between runs of the hold sweeper (one run for all instances): how late after its `expiresAt` an unused hold
   * gets its `hold.expired` event and its slot goes to the waitlist, when no write of its organisation does it first.
   */
  HOLD_SWEEP_SECONDS: integer(1, 3600).default(10),
}).superRefine((config, ctx) => {
  if (config.CORS_CREDENTIALS && config.CORS_ORIGINS.includes('*')) {
    ctx.addIssue({ code: 'custom', path: ['CORS_CREDENTIALS'], message: 'true needs CORS_ORIGINS to list the origins: browsers refuse credentials with the * origin' });
  }
  // A budget below one request of the highest allowed cost would refuse that request for ever.
  for (const name of ['RATE_LIMIT_TOKEN_POINTS', 'RATE_LIMIT_ORGANISATION_POINTS', 'RATE_LIMIT_ANONYMOUS_POINTS'] as const) {
    const least = config.GRAPHQL_MAX_COST + config.RATE_LIMIT_BASE_COST;
    if (config[name] < least) ctx.addIssue({ code: 'custom', path: [name], message: `must be at least GRAPHQL_MAX_COST + RATE_LIMIT_BASE_COST (${least})` });
  }
}).transform((config) => ({ ...config, RATE_LIMIT_STORE: config.RATE_LIMIT_STORE ?? (config.WORKERS > 1 ? 'postgres' as const : 'memory' as const) }));

export type Config = z.infer<typeof EnvSchema>;

/** One entry of CORS_ORIGINS: `*` (every origin), an exact origin, or a pattern compiled to a RegExp. */
export type CorsOrigin = '*' | string | RegExp;

/** Ports a browser leaves out of the `Origin` header. */
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/**
 * Reads one CORS_ORIGINS entry, case-insensitively. Answers `*`; an exact origin as browsers send it
 * (`HTTP://Example.com:443/` is not accepted, `https://example.com:443` becomes `https://example.com`);
 * or, for a pattern, a RegExp over whole origins. Patterns have one `*` form per part: `*.` before
 * the host stands for one or more subdomain labels (`https://*.example.com` matches
 * `https://app.example.com` and `https://a.b.example.com`, not `https://example.com`), and `:*` for any
 * port or none (`http://localhost:*`). Only `http` and `https` origins. Answers null for anything else.
 */
export function corsOrigin(entry: string): CorsOrigin | null {
  if (entry === '*') return '*';
  const match = /^(https?):\/\/(\*\.)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::(\d{1,5}|\*))?$/.exec(entry.toLowerCase());
  if (!match) return null;
  const [, scheme, anySubdomain, host, port] = match as unknown as [string, string, string | undefined, string, string | undefined];
  if (port !== undefined && port !== '*' && Number(port) > 65535) return null;
  const fixedPort = port === undefined || port === DEFAULT_PORTS[scheme] ? '' : port === '*' ? null : `:${Number(port)}`;
  if (!anySubdomain && fixedPort !== null) return `${scheme}://${host}${fixedPort}`;
  const escape = (text: string) => text.replace(/[.[\]]/g, '\\$&');
  return new RegExp(`^${scheme}://${anySubdomain ? '(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+' : ''}${escape(host)}${fixedPort === null ? '(?::\\d{1,5})?' : escape(fixedPort)}$`);
}

/** Thrown by {@link loadConfig}; its message is one line naming the offending variable. */
export class ConfigError extends Error {}

/**
 * Parses `env` (default `process.env`) into a {@link Config}.
 * @throws ConfigError on the first invalid variable, e.g. `PORT: Too big: expected number to be <=65535`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Invalid configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** The query and rate limits of {@link Config}, as the server takes them (docs/security.md). */
export function serverLimits(config: Config): ServerLimits {
  return {
    query: {
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
      maxCost: config.GRAPHQL_MAX_COST,
      listFactor: config.GRAPHQL_LIST_FACTOR,
    },
    rate: {
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      tokenPoints: config.RATE_LIMIT_TOKEN_POINTS,
      organisationPoints: config.RATE_LIMIT_ORGANISATION_POINTS,
      anonymousPoints: config.RATE_LIMIT_ANONYMOUS_POINTS,
      baseCost: config.RATE_LIMIT_BASE_COST,
      store: config.RATE_LIMIT_STORE,
      refusalDelayMs: config.RATE_LIMIT_REFUSAL_DELAY_MS,
      concurrency: config.RATE_LIMIT_CONCURRENCY,
    },
  };
}

/** The subscription and outbox settings of {@link Config} (docs/subscriptions.md). */
export function liveSettings(config: Config): LiveSettings {
  return {
    pollMs: config.OUTBOX_POLL_MS,
    retentionHours: config.OUTBOX_RETENTION_HOURS,
    subscriptions: {
      heartbeatMs: config.SUBSCRIPTION_HEARTBEAT_MS,
      connectionInitTimeoutMs: config.SUBSCRIPTION_INIT_TIMEOUT_MS,
      maxPerConnection: config.SUBSCRIPTION_MAX_PER_CONNECTION,
      maxPerToken: config.SUBSCRIPTION_MAX_PER_TOKEN,
      authCheckMs: config.SUBSCRIPTION_AUTH_CHECK_MS,
      maxBuffered: config.SUBSCRIPTION_MAX_BUFFER,
    },
  };
}

/** The bounds of series and treatment plans of {@link Config} (docs/series.md). */
export function seriesLimits(config: Config): { maxOccurrences: number; maxSpanMonths: number; maxToleranceDays: number; maxWaitlistDays: number } {
  return {
    maxOccurrences: config.SERIES_MAX_OCCURRENCES, maxSpanMonths: config.SERIES_MAX_SPAN_MONTHS, maxToleranceDays: config.PLAN_MAX_TOLERANCE_DAYS,
    maxWaitlistDays: config.WAITLIST_MAX_WINDOW_DAYS,
  };
}

/** The webhook settings of {@link Config} (docs/webhooks.md). */
export function webhookSettings(config: Config): WebhookSettings {
  return {
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    disableAfterFailures: config.WEBHOOK_DISABLE_AFTER_FAILURES,
    concurrency: config.WEBHOOK_CONCURRENCY,
    recoveryCheckMs: config.WEBHOOK_RECOVERY_CHECK_MS,
    secretGraceSeconds: config.WEBHOOK_SECRET_GRACE_SECONDS,
    policy: { allowHttp: config.WEBHOOK_ALLOW_HTTP, allowLoopback: config.WEBHOOK_ALLOW_LOOPBACK, allowPrivate: config.WEBHOOK_ALLOW_PRIVATE },
  };
}

/** The hold sweeper's settings of {@link Config} (docs/series.md). */
export function holdSweepSettings(config: Config): HoldSweepSettings {
  return { intervalSeconds: config.HOLD_SWEEP_SECONDS };
}
