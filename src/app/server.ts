import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createContext, type Context } from './context.js';
import { serveGraphiQL } from './graphiql.js';

/** Error codes that reach clients unmasked; anything else becomes INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST',
]);

export interface KairosServer {
  app: express.Express;
  httpServer: http.Server;
  /** Listens on `port` (0 picks a free one); answers the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections, lets in-flight requests finish, then stops Apollo. */
  stop(): Promise<void>;
}

function isPublic(error: unknown): boolean {
  const original = unwrapResolverError(error);
  return original instanceof GraphQLError && PUBLIC_CODES.has(String(original.extensions?.code));
}

/** Logs every operation (request id, operation name, duration, outcome) and every unexpected error. */
function loggingPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      let failed = false;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isPublic(error) || error.extensions?.code) continue;
            failed = true;
            contextValue.log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error');
          }
        },
        async willSendResponse({ operationName, errors, response }) {
          const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
          if (response.body.kind === 'single' && failed) {
            for (const error of response.body.singleResult.errors ?? []) {
              if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          contextValue.log.info({ operationName, durationMs: Math.round(durationMs * 10) / 10, outcome: errors?.length ? 'error' : 'ok' }, 'graphql');
        },
      };
    },
  };
}

/**
 * Builds the HTTP server: `POST|GET /graphql` (Apollo Server 5 on Express 5, CSRF prevention on),
 * GraphiQL for browsers at `GET /graphql`, `GET /healthz` (database reachable) and `GET /readyz`
 * (database reachable and no pending migration).
 */
export async function createServer(options: { orm: MikroORM; schema: GraphQLSchema; log: Logger; graphiqlHeaders?: string }): Promise<KairosServer> {
  const { orm, schema, log } = options;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), loggingPlugin()],
    formatError(formatted, error) {
      if (isPublic(error) || (formatted.extensions?.code && formatted.extensions.code !== 'INTERNAL_SERVER_ERROR')) return formatted;
      return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
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

  const graphiql = serveGraphiQL(options.graphiqlHeaders);
  app.get('/graphql', (req, res, next) => {
    const wantsHtml = req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
    if (wantsHtml && req.query.query === undefined) return graphiql(req, res);
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(req.headers['x-request-id'] ?? randomUUID()).slice(0, 100);
        res.setHeader('X-Request-Id', requestId);
        try {
          return await createContext({ orm, headers: req.headers, log, requestId });
        } catch (error) {
          if (error instanceof GraphQLError) {
            const status = error.extensions.code === 'UNAUTHENTICATED' ? 401 : 403;
            throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
          }
          throw error;
        }
      },
    }),
  );

  let stopped: Promise<void> | null = null;
  return {
    app,
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    stop: () => (stopped ??= apollo.stop()),
  };
}
