import http from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

/**
 * The PostGraphile peer (issue 14): PostGraphile 5 with the amber preset over Kairos's own tables in
 * the bench database, serving the nested read through the bench-only function
 * `bench_practitioner_appointments` (`PEER_FUNCTION` of bench/scenarios.ts, created by bench/run.ts
 * before this starts). Production-like settings: no GraphiQL, no watch mode, no explain. It does
 * not check a token: PostGraphile would hand that to PostgreSQL roles and RLS, which the bench
 * database does not have, so the peer does less per request than Kairos and the baseline.
 *
 * Env: DATABASE_URL, PORT, DB_POOL_MAX (default 10, as Kairos). Binds 127.0.0.1 only.
 */
async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphiql: false, watch: false, graphqlPath: '/graphql' },
    grafast: { explain: false },
  });
  const serv = pgl.createServ(grafserv);
  const graphql = serv.createHandler();
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200).end('ok');
      return;
    }
    graphql(req, res);
  });
  // Build the schema (introspection of the database) before the first request and before /healthz says yes.
  await pgl.getSchemaResult();
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`);
  });
  const stop = () => server.close(() => void Promise.resolve(pgl.release()).then(() => pool.end()).then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`postgraphile peer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
