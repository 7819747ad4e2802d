import { createHash } from 'node:crypto';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { GraphQLError } from 'graphql';

/** Rate-limit budgets in cost points per window (docs/security.md; defaults in src/config/env.ts). */
export interface RateLimits {
  windowSeconds: number;
  tokenPoints: number;
  organisationPoints: number;
  anonymousPoints: number;
  /** Points every request spends before its operation's cost. */
  baseCost: number;
  store: 'memory' | 'postgres';
  /** Milliseconds a refusal waits before it is sent (at most until the budget resets). */
  refusalDelayMs: number;
  /** Requests one token or address may have in flight at once, on one instance. */
  concurrency: number;
}

/** The policies of the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers). */
export type PolicyName = 'token' | 'organisation' | 'anonymous' | 'concurrency';

/** Where a policy stands after a request spent points from it. */
export interface PolicyState {
  policy: PolicyName;
  quota: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/** The table of `RATE_LIMIT_STORE=postgres` (migration `rate_limit`); rate-limiter-flexible's own layout. */
export const RATE_LIMIT_TABLE = 'rate_limit';

/**
 * Headers for `extensions.http` of a thrown GraphQLError: Apollo merges them into the response only
 * when they are a Map. (graphql-yoga, which GraphiQL's renderer brings in, types them as a record.)
 */
export function headerMap(headers: Record<string, string>): Record<string, string> {
  return new Map(Object.entries(headers)) as unknown as Record<string, string>;
}

/** Thrown when a budget is spent: answered as 429 with `Retry-After`. */
export class RateLimitedError extends Error {
  constructor(readonly state: PolicyState, readonly retryAfterSeconds: number) {
    super(
      state.policy === 'concurrency'
        ? `Too many requests in flight: at most ${state.quota} at once per token or address; retry in ${retryAfterSeconds} s.`
        : `Rate limit of the ${state.policy} policy reached: ${state.quota} cost points per window; retry in ${retryAfterSeconds} s.`,
    );
  }

  /**
   * Waits before the refusal is sent: at most `maxMs`, and never past the moment the budget resets.
   * A client looping on refusals on 100 connections then gets each answer a second apart instead of
   * as fast as the server can write them, which left a neighbour's reads queued behind thousands of
   * refusals a second (bench/RESULTS.md, isolation).
   */
  pace(maxMs: number): Promise<void> {
    const ms = Math.min(maxMs, this.retryAfterSeconds * 1000);
    return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  }

  /** The GraphQL error a client sees: code RATE_LIMITED, HTTP 429, `Retry-After`. */
  toGraphQLError(windowSeconds: number): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: {
        code: 'RATE_LIMITED',
        policy: this.state.policy,
        retryAfterSeconds: this.retryAfterSeconds,
        http: { status: 429, headers: headerMap(rateLimitHeaders([this.state], windowSeconds, this.retryAfterSeconds)) },
      },
    });
  }
}

/**
 * The `RateLimit-Policy` and `RateLimit` header fields (draft-ietf-httpapi-ratelimit-headers, structured
 * fields: `"token";q=30000;w=10` and `"token";r=29000;t=7`), plus `Retry-After` on a refusal.
 */
export function rateLimitHeaders(states: PolicyState[], windowSeconds: number, retryAfterSeconds?: number): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Policy': states.map((s) => `"${s.policy}";q=${s.quota};w=${windowSeconds}`).join(', '),
    RateLimit: states.map((s) => `"${s.policy}";r=${s.remaining};t=${s.resetSeconds}`).join(', '),
  };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  return headers;
}

/** The key of a request before authentication: its token (hashed, never stored as sent) or its address. */
export function requestKey(token: string | undefined, address: string | undefined): { policy: 'token' | 'anonymous'; key: string } {
  if (token) return { policy: 'token', key: createHash('sha256').update(token, 'utf8').digest('base64url').slice(0, 32) };
  return { policy: 'anonymous', key: address ?? 'unknown' };
}

/**
 * Per-token, per-organisation and per-address budgets of cost points (rate-limiter-flexible), in memory
 * or in PostgreSQL so that several instances share them. A request spends the base cost when it
 * arrives ({@link RateLimiter.admit}, before its body is read) and its operation's cost once that is
 * known ({@link RateLimiter.charge}); points spent on a refused request stay spent.
 */
export class RateLimiter {
  private readonly limiters: Record<Exclude<PolicyName, 'concurrency'>, RateLimiterAbstract>;
  private readonly inFlight = new Map<string, number>();

  constructor(readonly limits: RateLimits, pool?: pg.Pool) {
    const make = (policy: Exclude<PolicyName, 'concurrency'>, points: number): RateLimiterAbstract => {
      const options = { keyPrefix: policy, points, duration: limits.windowSeconds };
      if (limits.store === 'memory') return new RateLimiterMemory(options);
      if (!pool) throw new Error('RATE_LIMIT_STORE=postgres needs a database pool');
      return new RateLimiterPostgres({ ...options, storeClient: pool, tableName: RATE_LIMIT_TABLE, tableCreated: true });
    };
    this.limiters = {
      token: make('token', limits.tokenPoints),
      organisation: make('organisation', limits.organisationPoints),
      anonymous: make('anonymous', limits.anonymousPoints),
    };
  }

  private quota(policy: Exclude<PolicyName, 'concurrency'>): number {
    return policy === 'token' ? this.limits.tokenPoints : policy === 'organisation' ? this.limits.organisationPoints : this.limits.anonymousPoints;
  }

  /**
   * Counts a request of `key` as in flight until `release` is called. Budgets bound what a client
   * spends per window; this bounds how much of the event loop and the connection pool it holds at
   * once, so a neighbour's request never queues behind a hundred of its requests.
   * @returns the release function (call once, when the response is finished or abandoned).
   * @throws RateLimitedError (policy `concurrency`, retry after 1 s) when `key` has `concurrency` requests in flight.
   */
  enter(key: string): () => void {
    const current = this.inFlight.get(key) ?? 0;
    if (current >= this.limits.concurrency) {
      throw new RateLimitedError({ policy: 'concurrency', quota: this.limits.concurrency, remaining: 0, resetSeconds: 1 }, 1);
    }
    this.inFlight.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
    };
  }

  /**
   * Spends `points` of `policy`'s budget for `key`.
   * @throws RateLimitedError when the budget is spent; store failures propagate (masked as 500 / 503).
   */
  async spend(policy: Exclude<PolicyName, 'concurrency'>, key: string, points: number): Promise<PolicyState> {
    const state = (res: RateLimiterRes): PolicyState => ({
      policy,
      quota: this.quota(policy),
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.ceil(res.msBeforeNext / 1000),
    });
    try {
      return state(await this.limiters[policy].consume(key, points));
    } catch (error) {
      if (error instanceof RateLimiterRes) throw new RateLimitedError(state(error), Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }
}
