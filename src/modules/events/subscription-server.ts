import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { createContext } from '../../app/context.js';
import { RateLimitedError, requestKey, type RateLimiter } from '../../app/rate-limit.js';
import { tokenFromHeaders } from '../auth/auth.service.js';
import { checkInputBounds } from '../../app/input-guard.js';
import { cachedOperationCost, limitError, limitValidationRules, type QueryLimits } from '../../app/query-limits.js';
import { isDatabaseUnavailable } from '../../db/outage.js';
import type { SubscriptionContext } from './events.service.js';
import type { OutboxHub } from './outbox-hub.js';

/** The subscription settings (docs/subscriptions.md; defaults in src/config/env.ts). */
export interface SubscriptionSettings {
  /** Milliseconds between WebSocket pings; a socket that has not answered the previous one by then is closed. */
  heartbeatMs: number;
  /** Milliseconds a client has to send `connection_init` after connecting (else close 4408). */
  connectionInitTimeoutMs: number;
  /** Subscriptions one socket may run at once. */
  maxPerConnection: number;
  /** Subscriptions one token may run at once on this instance, over all its sockets. */
  maxPerToken: number;
  /** Milliseconds between re-checks of every socket's token: a revoked or expired token, or a deactivated member, is closed (4403) by then. */
  authCheckMs: number;
  /** Events one subscription may hold undelivered before it fails with SUBSCRIPTION_OVERFLOW. */
  maxBuffered: number;
}

/** Codes a subscriber may see in an error; anything else is masked as INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'BAD_REQUEST', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'SUBSCRIPTION_OVERFLOW', 'RESUME_EXPIRED', 'SERVICE_UNAVAILABLE', 'TOO_MANY_SUBSCRIPTIONS', 'RATE_LIMITED']);

/** Largest WebSocket message accepted, in bytes (a document is bounded by its tokens long before). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Per socket: the headers its `connection_init` authenticated with. */
type SocketExtra = {
  headers?: Record<string, string>;
  /** The token's rate-limit key ({@link requestKey}): budgets and the per-token cap are counted on it. */
  tokenKey?: string;
};

/** An acknowledged socket: what to count its subscriptions by, and how to re-check its credentials. */
interface OpenSocket {
  socket: WebSocket;
  headers: Record<string, string>;
  tokenKey: string;
  /** Its running (and starting) subscriptions, by id: graphql-ws's own record. */
  subscriptions: Record<string, unknown>;
}

/**
 * The headers a `connection_init` payload stands for: its keys as header names (`Authorization`,
 * `X-Session-Token`, `api_access_token`, `X-Tenant`), and those of a nested `headers` object (what
 * GraphiQL and most clients send). Non-string values are ignored.
 */
export function headersOf(params: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  const take = (from: unknown) => {
    if (!from || typeof from !== 'object') return;
    for (const [name, value] of Object.entries(from)) if (typeof value === 'string') headers[name.toLowerCase()] = value;
  };
  take(params);
  take(params?.headers);
  return headers;
}

function requestError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/**
 * Serves GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol of `graphql-ws`) on
 * the HTTP server's `/graphql` path. `connection_init` authenticates with the same token forms as
 * HTTP: refused credentials close the socket with 4401 (UNAUTHENTICATED: no, unknown, expired or
 * revoked token) or 4403 (FORBIDDEN, e.g. an `X-Tenant` the token may not use). Each `subscribe` is
 * held to the query limits of HTTP (tokens, depth, aliases, directives, input bounds, cost), runs
 * only subscription operations, and gets its own context from {@link createContext}. A subscribe spends
 * its base cost plus its estimated cost from the token's and the organisation's rate-limit budgets, and
 * is refused past `maxPerConnection` on its socket or `maxPerToken` for its token. Every `authCheckMs`
 * each socket's credentials are authenticated again: a socket whose token was revoked or expired, or
 * whose member was deactivated since, is closed with 4403.
 * @returns `dispose`, which closes every socket (1001) and the WebSocket server.
 */
export function attachSubscriptions(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  hub: OutboxHub;
  log: Logger;
  limits: QueryLimits;
  /** The HTTP server's budgets (src/app/rate-limit.ts): subscribes spend from them like queries. */
  rateLimiter: RateLimiter;
  settings: SubscriptionSettings;
}): { dispose(): Promise<void> } {
  const { schema, orm, hub, log, limits, settings, rateLimiter } = options;
  const open = new Set<OpenSocket>();
  let checking = false;
  const recheck = setInterval(() => {
    // A round slower than the interval (a slow database) is not overlapped by the next.
    if (checking) return;
    checking = true;
    void recheckCredentials(open, orm, log).finally(() => (checking = false));
  }, settings.authCheckMs);
  recheck.unref();
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: MAX_MESSAGE_BYTES });
  const rules = [...specifiedRules, ...limitValidationRules(limits)];
  const cleanup = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema,
      isProd: true,
      connectionInitWaitTimeout: settings.connectionInitTimeoutMs,
      async onConnect(ctx) {
        const headers = headersOf(ctx.connectionParams);
        try {
          const context = await createContext({ orm, headers, log });
          if (!context.viewer) {
            ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: send an API token in connection_init');
            return false;
          }
        } catch (error) {
          const code = error instanceof GraphQLError ? error.extensions.code : null;
          if (code === 'UNAUTHENTICATED') ctx.extra.socket.close(CloseCode.Unauthorized, `Unauthorized: ${error instanceof Error ? error.message : ''}`.slice(0, 120));
          else if (code === 'FORBIDDEN') ctx.extra.socket.close(CloseCode.Forbidden, `Forbidden: ${error instanceof Error ? error.message : ''}`.slice(0, 120));
          else {
            log.error({ err: error }, isDatabaseUnavailable(error) ? 'database unavailable at connection_init' : 'unexpected error at connection_init');
            ctx.extra.socket.close(CloseCode.InternalServerError, 'Internal server error');
          }
          return false;
        }
        const tokenKey = requestKey(tokenFromHeaders(headers), undefined).key;
        ctx.extra.headers = headers;
        ctx.extra.tokenKey = tokenKey;
        const entry: OpenSocket = { socket: ctx.extra.socket, headers, tokenKey, subscriptions: ctx.subscriptions };
        open.add(entry);
        ctx.extra.socket.once('close', () => open.delete(entry));
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        // graphql-ws has already recorded this subscription in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > settings.maxPerConnection) {
          return [requestError(`A socket may run at most ${settings.maxPerConnection} subscriptions at once; complete one first or open another socket.`, 'TOO_MANY_SUBSCRIPTIONS', { limit: 'perConnection', max: settings.maxPerConnection })];
        }
        let ofToken = 0;
        for (const other of open) if (other.tokenKey === ctx.extra.tokenKey) ofToken += Object.keys(other.subscriptions).length;
        if (ofToken > settings.maxPerToken) {
          return [requestError(`A token may run at most ${settings.maxPerToken} subscriptions at once on an instance; complete one first.`, 'TOO_MANY_SUBSCRIPTIONS', { limit: 'perToken', max: settings.maxPerToken })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: limits.maxTokens });
        } catch (error) {
          const tokens = error instanceof GraphQLError && /Document contains more th\w+ \d+ tokens/.test(error.message);
          return [requestError(error instanceof Error ? error.message : 'Syntax error', 'GRAPHQL_PARSE_FAILED', tokens ? { limit: 'maxTokens', max: limits.maxTokens } : {})];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => (e.extensions.code ? e : requestError(e.message, 'GRAPHQL_VALIDATION_FAILED')));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [requestError('Unable to identify the operation: name it with operationName.', 'BAD_REQUEST')];
        if (operation.operation !== 'subscription') return [requestError('Only subscriptions run over WebSocket; send queries and mutations over HTTP.', 'BAD_REQUEST')];
        const variables = (payload.variables ?? undefined) as Record<string, unknown> | undefined;
        let cost: number;
        try {
          checkInputBounds(schema, document, operation, variables);
          cost = cachedOperationCost(schema, document, variables, payload.operationName, limits.listFactor);
          if (cost > limits.maxCost) return [limitError('maxCost', `The operation's estimated cost is ${cost}; at most ${limits.maxCost} is allowed.`, limits.maxCost)];
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        let contextValue: SubscriptionContext;
        try {
          // Authenticated again per subscription: a token revoked or expired since connection_init runs nothing new.
          contextValue = { ...(await createContext({ orm, headers: ctx.extra.headers ?? {}, log, requestId: randomUUID() })), live: { hub, orm, maxBuffered: settings.maxBuffered } };
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        try {
          await rateLimiter.spend('token', ctx.extra.tokenKey!, rateLimiter.limits.baseCost + cost);
          await rateLimiter.spend('organisation', contextValue.viewer!.organisationId, rateLimiter.limits.baseCost + cost);
        } catch (error) {
          if (!(error instanceof RateLimitedError)) throw error;
          await error.pace(rateLimiter.limits.refusalDelayMs);
          return [requestError(error.message, 'RATE_LIMITED', { policy: error.state.policy, retryAfterSeconds: error.retryAfterSeconds })];
        }
        return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
      },
      onNext(_ctx, id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((error) => mask(error, log, id)) };
      },
      onError(_ctx, id, _payload, errors) {
        return errors.map((error) => mask(error, log, id));
      },
    },
    wss,
    settings.heartbeatMs,
  );
  return {
    dispose: async () => {
      clearInterval(recheck);
      await cleanup.dispose();
    },
  };
}

/**
 * Authenticates every open socket's headers again (once per distinct set of headers) and closes with
 * 4403 the sockets whose token or membership no longer passes. A database that cannot answer closes
 * nothing: the next round tries again.
 */
async function recheckCredentials(open: Set<OpenSocket>, orm: MikroORM, log: Logger): Promise<void> {
  const groups = new Map<string, OpenSocket[]>();
  for (const entry of open) {
    const key = JSON.stringify([tokenFromHeaders(entry.headers) ?? null, entry.headers['x-tenant'] ?? null]);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  for (const sockets of groups.values()) {
    try {
      await createContext({ orm, headers: sockets[0]!.headers, log });
    } catch (error) {
      if (!(error instanceof GraphQLError)) {
        log.warn({ err: error }, 'could not re-check the credentials of subscription sockets');
        continue;
      }
      const reason = `Forbidden: ${error.message}`.slice(0, 120);
      for (const entry of sockets) {
        open.delete(entry);
        entry.socket.close(CloseCode.Forbidden, reason);
      }
    }
  }
}

/** An error as a subscriber sees it: public codes as they are, anything else logged and masked. */
function mask(error: GraphQLError, log: Logger, subscriptionId: string) {
  const original = error.originalError;
  const code = error.extensions?.code ?? (original instanceof GraphQLError ? original.extensions?.code : undefined);
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return error.toJSON();
  if (isDatabaseUnavailable(original)) return { message: 'The database is unavailable; subscribe again later.', path: error.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  log.error({ err: original ?? error, subscriptionId, path: error.path }, 'unexpected error in a subscription');
  return { message: 'Internal server error', path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
