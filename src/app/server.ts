import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { parse as parseUrl } from 'node:url';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { execute, GraphQLError, type GraphQLSchema } from 'graphql';
import type pg from 'pg';
import type { Logger } from 'pino';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/outage.js';
import { TOKEN_HEADERS, tokenFromHeaders } from '../modules/auth/auth.service.js';
import { createContext } from './context.js';
import { corsMiddleware, NO_CORS, type CorsSettings } from './cors.js';
import { serveGraphiQL } from './graphiql.js';
import { jitExecutor, localGateway } from './jit-executor.js';
import { limitValidationRules, type QueryLimits } from './query-limits.js';
import { headerMap, rateLimitHeaders, RateLimitedError, RateLimiter, requestKey, type RateLimits } from './rate-limit.js';
import { requestGuardPlugin, type GuardedContext } from './request-guard.js';

/** Error codes that reach clients unmasked; anything else becomes INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST',
  'RATE_LIMITED', 'SERVICE_UNAVAILABLE',
]);

/**
 * Headers a browser only sends after a CORS preflight, which Apollo's CSRF prevention accepts as proof
 * that a GET (or a form-typed POST) was not forged: Apollo's two, and the token headers, so a client
 * that authenticates needs nothing more for a GET query. A `Basic` credential a browser may attach by
 * itself passes this check but authenticates nobody (only `Bearer` counts), so it reaches no data.
 */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', ...TOKEN_HEADERS, 'api-access-token'];

/**
 * Codes of GraphQL request errors (the document, operation name or variables were wrong; nothing ran).
 * For `application/json` the GraphQL-over-HTTP spec wants these answered with 200, because a legacy
 * client or proxy may not pass a 4xx body on; Apollo answers 400 whatever the media type.
 */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE']);

/** What the request's log line reports beyond what Express knows; filled in as the request goes. */
export interface RequestReport {
  operationName: string | null;
  errorCodes: string[];
}

/** The request context plus what the server itself needs to know about the HTTP request. */
export interface ServerContext extends GuardedContext {
  /** The client prefers `application/json` to `application/graphql-response+json` (Apollo answers the same way). */
  legacyJson: boolean;
  report: RequestReport;
}

export interface KairosServer {
  app: express.Express;
  httpServer: http.Server;
  /** The Apollo server behind `/graphql` and its schema (bench/decompose.ts runs operations on both without HTTP). */
  apollo: ApolloServer<ServerContext>;
  schema: GraphQLSchema;
  /** The rate-limit budgets of `/graphql`; subscriptions spend from the same ones (src/modules/events/subscription-server.ts). */
  rateLimiter: RateLimiter;
  /** Listens on `port` (0 picks a free one); answers the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  stop(): Promise<void>;
}

/** The limits a server holds every request to (docs/security.md); built from the configuration by `serverLimits`. */
export interface ServerLimits {
  query: QueryLimits;
  rate: RateLimits;
}

/** The paths Express's `app.use('/graphql')` answered: `/graphql` and below it, in any letter case. */
const GRAPHQL_PATH = /^\/graphql(?:\/|$)/i;
/** The paths Express's `app.get('/graphql')` answered (GraphiQL): `/graphql`, with or without a final slash. */
const GRAPHIQL_PATH = /^\/graphql\/?$/i;

const UNAVAILABLE_MESSAGE = 'The database is unavailable; retry later (a create with the same idempotency key is safe to retry).';

/** What a client sees when the database cannot serve: SERVICE_UNAVAILABLE (with HTTP 503 and `Retry-After`). */
function unavailableExtensions(requestId: string) {
  return { code: 'SERVICE_UNAVAILABLE', requestId, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
}

function unavailableError(requestId: string): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: { ...unavailableExtensions(requestId), http: { status: 503, headers: headerMap({ 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) }) } },
  });
}

function isPublic(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return original instanceof GraphQLError && PUBLIC_CODES.has(String(original.extensions?.code));
}

/**
 * Logs every unexpected error, reports the operation's name and error codes for the request's log
 * line, and gives request errors status 200 when the client asked for `application/json`.
 */
function operationPlugin(): ApolloServerPlugin<ServerContext> {
  return {
    async requestDidStart({ contextValue }) {
      let failed = false;
      let unavailable = false;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isPublic(error) || error.extensions?.code) continue;
            const original = unwrapResolverError(error);
            if (isDatabaseUnavailable(original)) {
              unavailable = true;
              contextValue.log.warn({ err: original, path: error.path }, 'database unavailable');
              continue;
            }
            failed = true;
            contextValue.log.error({ err: original, path: error.path }, 'unexpected error');
          }
        },
        async willSendResponse({ operationName, response }) {
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          if (failed) {
            for (const error of sent) {
              if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          if (unavailable) {
            for (const error of sent) {
              const extensions = error.extensions as Record<string, unknown> | undefined;
              if (extensions?.code === 'SERVICE_UNAVAILABLE') Object.assign(extensions, unavailableExtensions(contextValue.requestId));
            }
            response.http.status = 503;
            response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
          }
          if (contextValue.legacyJson && response.http.status === 400 && sent.length && sent.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) {
            response.http.status = 200;
          }
          contextValue.report.operationName = operationName ?? null;
          contextValue.report.errorCodes = [...new Set(sent.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
        },
      };
    },
  };
}

/**
 * Builds the HTTP server: `POST|GET /graphql` (Apollo Server 5's `executeHTTPGraphQLRequest` called from
 * the node:http request listener, CSRF prevention on), GraphiQL for browsers at `GET /graphql`, and on
 * Express 5 `GET /healthz` (database reachable), `GET /readyz` (database reachable and no pending
 * migration) and the 404s of every other path.
 */
export async function createServer(options: {
  orm: MikroORM;
  schema: GraphQLSchema;
  log: Logger;
  graphiqlHeaders?: string;
  /** Further Apollo plugins (src/app/bootstrap.ts; measured in bench/RESULTS.md). */
  plugins?: ApolloServerPlugin[];
  limits: ServerLimits;
  /** Holds the rate-limit counters when `limits.rate.store` is `postgres`. */
  rateLimitPool?: pg.Pool;
  /** Cross-origin access to `/graphql` (default: none). */
  cors?: CorsSettings;
}): Promise<KairosServer> {
  const { orm, schema, log, limits } = options;
  const rateLimiter = new RateLimiter(limits.rate, options.rateLimitPool);
  const app = express();
  app.disable('x-powered-by');
  // Requests reach `app` or the GraphQL handler through the request listener added below.
  const httpServer = http.createServer();
  const apollo = new ApolloServer<ServerContext>({
    // graphql-jit executes the operations (bench/RESULTS.md, issue 14), handed to Apollo through its
    // gateway interface; graphql-js runs what graphql-jit cannot compile.
    gateway: localGateway(
      schema,
      jitExecutor(schema, async ({ document, operationName, request, context }) =>
        execute({ schema, document, operationName, variableValues: request.variables, contextValue: context }),
      ),
    ),
    introspection: true,
    // main.ts owns SIGINT/SIGTERM (drain, close the pool, stop PostgreSQL). Apollo's own handler would
    // start stop() first, and @apollo/server 5 never resolves the barrier a second stop() awaits, so
    // npm start hung on Ctrl-C.
    stopOnTerminationSignals: false,
    csrfPrevention: { requestHeaders: PREFLIGHT_HEADERS },
    includeStacktraceInErrorResponses: false,
    // Limits before anything runs (docs/security.md): tokens while parsing, depth, aliases and
    // directives while validating, input bounds, cost and rate limits once the operation is known.
    parseOptions: { maxTokens: limits.query.maxTokens },
    validationRules: limitValidationRules(limits.query),
    // Apollo's own landing page loads Apollo Sandbox from a CDN; GraphiQL (below) is the one we serve.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), operationPlugin(), requestGuardPlugin(limits.query, rateLimiter), ...(options.plugins ?? [])],
    formatError(formatted, error) {
      if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /^Syntax Error: Document contains more th\w+ \d+ tokens/.test(formatted.message)) {
        return { ...formatted, extensions: { ...formatted.extensions, limit: 'maxTokens', max: limits.query.maxTokens } };
      }
      if (isDatabaseUnavailable(unwrapResolverError(error))) return { message: UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
      if (isPublic(error) || (formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR')) return formatted;
      const requestId = formatted.extensions?.requestId;
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(typeof requestId === 'string' && { requestId }) } };
    },
  });
  await apollo.start();

  const pingDatabase = async () => {
    await orm.em.fork().execute('select 1');
  };
  app.get('/healthz', async (_req, res) => {
    try {
      await pingDatabase();
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await pingDatabase();
      const pending = await orm.migrator.getPending();
      if (pending.length) res.status(503).json({ status: 'not ready', pendingMigrations: pending.map((m) => m.name) });
      else res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'not ready', database: 'unreachable' });
    }
  });

  const corsHandler = corsMiddleware(options.cors ?? NO_CORS);
  const graphiql = serveGraphiQL(options.graphiqlHeaders);
  const parseJson = express.json({ limit: '1mb' });
  const readBody = (req: express.Request, res: express.Response) =>
    new Promise<void>((resolve, reject) => parseJson(req, res, (error?: unknown) => (error ? reject(error) : resolve())));

  /**
   * Express would answer a body it cannot read (not JSON, too large) with an HTML page that shows the
   * stack outside production; this answers in GraphQL's JSON shape instead, and masks anything else.
   */
  const answerError = (error: unknown, res: express.Response, requestId: string, report: RequestReport) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500 && error instanceof Error) {
      report.errorCodes = ['BAD_REQUEST'];
      res.status(status).json({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    // The rate-limit counters of RATE_LIMIT_STORE=postgres are read before Apollo, when the database may be down.
    if (isDatabaseUnavailable(error)) {
      report.errorCodes = ['SERVICE_UNAVAILABLE'];
      log.child({ requestId }).warn({ err: error }, 'database unavailable');
      res.status(503).set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)).json({ errors: [{ message: UNAVAILABLE_MESSAGE, extensions: unavailableExtensions(requestId) }] });
      return;
    }
    report.errorCodes = ['INTERNAL_SERVER_ERROR'];
    log.child({ requestId }).error({ err: error }, 'unexpected error');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
  };

  /** Builds the request context Apollo runs the operation with; refusals become GraphQL errors with their HTTP status. */
  const contextFor = async (req: express.Request, requestId: string, report: RequestReport, rate: ServerContext['rate']): Promise<ServerContext> => {
    const legacyJson = req.accepts(['application/json', 'application/graphql-response+json']) === 'application/json';
    try {
      return { ...(await createContext({ orm, headers: req.headers, log, requestId })), legacyJson, report, rate };
    } catch (error) {
      // No operation runs, so the plugin never sees this request.
      if (error instanceof GraphQLError) {
        report.errorCodes = [String(error.extensions.code)];
        const status = error.extensions.code === 'UNAUTHENTICATED' ? 401 : 403;
        // A refused token also spends its address's anonymous budget: new random tokens each time
        // would otherwise each get a fresh token budget.
        if (rate.policy === 'token') {
          await rateLimiter.spend('anonymous', requestKey(undefined, req.socket.remoteAddress).key, limits.rate.baseCost).catch(async (refusal: unknown) => {
            if (!(refusal instanceof RateLimitedError)) throw refusal;
            report.errorCodes = ['RATE_LIMITED'];
            rate.release();
            await refusal.pace(limits.rate.refusalDelayMs);
            throw refusal.toGraphQLError(limits.rate.windowSeconds);
          });
        }
        throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
      }
      if (isDatabaseUnavailable(error)) {
        report.errorCodes = ['SERVICE_UNAVAILABLE'];
        log.child({ requestId }).warn({ err: error }, 'database unavailable');
        throw unavailableError(requestId);
      }
      report.errorCodes = ['INTERNAL_SERVER_ERROR'];
      log.child({ requestId }).error({ err: error }, 'unexpected error');
      throw new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } } });
    }
  };

  /**
   * Every request to `/graphql` (and below it, as Express's `app.use('/graphql')` matched), in the order
   * the Express middleware chain had: CORS (a preflight is answered there), the request id, GraphiQL for
   * a browser, the log line, the rate limiter's base cost and in-flight place, the JSON body, Apollo.
   * One function instead of Express's router and Apollo's Express integration, which cost about 6 % of
   * a `node` look-up's CPU (bench/RESULTS.md, "Lever: the HTTP layer"). `req` and `res` get Express's
   * prototypes first, as Express itself gives them, so `req.accepts`, `res.json` and `res.send` (its
   * ETag and 304 for a fresh GET) behave as before.
   */
  const serveGraphQL = async (req: express.Request, res: express.Response, pathname: string): Promise<void> => {
    let passed = false;
    // With fixed options `cors` decides synchronously: it calls back at once, or has answered a preflight.
    corsHandler(req, res, () => {
      passed = true;
    });
    if (!passed) return;
    const requestId = String(req.headers['x-request-id'] ?? randomUUID()).slice(0, 100);
    res.setHeader('X-Request-Id', requestId);
    if ((req.method === 'GET' || req.method === 'HEAD') && GRAPHIQL_PATH.test(pathname)) {
      const wantsHtml = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
      if (wantsHtml && req.query.query === undefined) return graphiql(req, res);
    }
    // One log line per GraphQL request, written once it is answered, whoever answered it: Apollo refuses
    // some requests (CSRF, a wrong method or media type) before any plugin hook runs.
    const started = process.hrtime.bigint();
    const report: RequestReport = { operationName: null, errorCodes: [] };
    res.on('close', () => {
      const asked: unknown = req.body?.operationName ?? req.query.operationName;
      const failed = res.statusCode >= 400 || report.errorCodes.length > 0;
      log.info(
        {
          requestId,
          operationName: report.operationName ?? (typeof asked === 'string' ? asked : null),
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          outcome: !res.writableFinished ? 'aborted' : failed ? 'error' : 'ok',
          ...(report.errorCodes.length && { errorCodes: report.errorCodes }),
        },
        'graphql',
      );
    });
    try {
      // Every request spends the base cost before its body is read, so a client over its budget costs
      // almost nothing; its operation's cost is spent once known (requestGuardPlugin).
      const { policy, key } = requestKey(tokenFromHeaders(req.headers), req.socket.remoteAddress);
      let release: (() => void) | undefined;
      let rate: ServerContext['rate'];
      try {
        release = rateLimiter.enter(key);
        res.once('close', release);
        const state = await rateLimiter.spend(policy, key, limits.rate.baseCost);
        rate = { policy, key, states: [state], release };
        res.set(rateLimitHeaders([state], limits.rate.windowSeconds));
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        // A refusal waits for its answer without holding one of its client's in-flight places: held, they
        // turned every other connection of a flood into an immediate concurrency refusal, about 80 a
        // second from 100 connections, where waiting for the budget's reset leaves about 10.
        release?.();
        report.errorCodes = ['RATE_LIMITED'];
        await error.pace(limits.rate.refusalDelayMs);
        if (res.destroyed) return;
        res.status(429).set(rateLimitHeaders([error.state], limits.rate.windowSeconds, error.retryAfterSeconds));
        res.json({ errors: [{ message: error.message, extensions: { code: 'RATE_LIMITED', policy: error.state.policy, retryAfterSeconds: error.retryAfterSeconds } }] });
        return;
      }
      await readBody(req, res);
      // What Apollo's Express integration (@as-integrations/express5) did, without its middleware.
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: parseUrl(req.url).search ?? '', body: req.body },
        context: () => contextFor(req, requestId, report, rate),
      });
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.statusCode = answer.status || 200;
      if (answer.body.kind === 'complete') {
        res.send(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (res.headersSent) res.destroy(error instanceof Error ? error : undefined);
      else answerError(error, res, requestId, report);
    }
  };

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pathname = parseUrl(req.url ?? '/').pathname ?? '';
    if (!GRAPHQL_PATH.test(pathname)) return app(req, res);
    // What Express's app.handle does before its router (X-Powered-By is disabled; res.locals is not used).
    const request = Object.setPrototypeOf(req, app.request) as express.Request;
    const response = Object.setPrototypeOf(res, app.response) as express.Response;
    request.res = response;
    response.req = request;
    serveGraphQL(request, response, pathname).catch((error: unknown) => {
      // Only a fault of this handler itself lands here (every answer's own errors are answered above).
      log.error({ err: error }, 'unexpected error');
      response.destroy();
    });
  });

  let stopped: Promise<void> | null = null;
  return {
    app,
    httpServer,
    apollo,
    schema,
    rateLimiter,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    stop: () => (stopped ??= apollo.stop()),
  };
}
