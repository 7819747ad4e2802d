import 'reflect-metadata';
import http from 'node:http';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execute, parse, validate, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { jitExecutor, localGateway } from '../src/app/jit-executor.js';
import { limitValidationRules } from '../src/app/query-limits.js';
import { RateLimiter } from '../src/app/rate-limit.js';
import { requestGuardPlugin } from '../src/app/request-guard.js';
import pg from 'pg';
import pino from 'pino';
import { startKairos } from '../src/app/bootstrap.js';
import { createContext } from '../src/app/context.js';
import { requestKey } from '../src/app/rate-limit.js';
import type { ServerContext } from '../src/app/server.js';
import { loadConfig, serverLimits } from '../src/config/env.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { initOrm, migrate } from '../src/db/orm.js';
import { createOrganisation } from '../src/modules/organisation/organisation.service.js';
import { toGlobalId } from '../src/shared/global-id.js';
import { NESTED_QUERY, nestedParams } from './scenarios.js';
import { seedDataset } from './seed.js';

/**
 * `node dist/bench/decompose.js [--rounds 3] [--requests 300] [--layers 1,2]` (after `tsc -p bench/tsconfig.json`, on
 * Node 22): where one nested read's CPU goes, layer by layer, in one process on the bench dataset
 * (issue 14). Every layer answers the same document (bench/scenarios.ts NESTED_QUERY) for the same
 * sequence of variables, one request at a time, with a fresh request context each time:
 *
 * 0. `createContext` alone (EntityManager fork, token check, loaders): part of every layer below;
 * 1. graphql-js `execute` on Kairos's built schema with that context, then `JSON.stringify`;
 * 2. the same document compiled once by graphql-jit (`compileQuery`), then `JSON.stringify`;
 * 3. Apollo's `executeOperation` with Kairos's plugins and the context the HTTP layer builds;
 * 4. the full HTTP path: POST /graphql over loopback to Kairos listening in this process (the
 *    client's CPU included, so also measured: 5, the same client against a bare node:http server
 *    answering a body of the same size);
 * 6, 7. the executor alone under Apollo: two Apollo servers built here with the same options and
 *    the query-limit guard, one executing with graphql-js, one with Kairos's graphql-jit executor.
 *
 * CPU is `process.cpuUsage()` (every thread of the process: V8's GC helpers, libuv) per request;
 * PostgreSQL runs in its own process, so its time is not counted. Layers take turns in every round,
 * so a change in the machine's load reaches all of them; the table gives each layer's median over
 * the rounds. Writes bench/out/decompose-<time>.json.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, requests: { type: 'string', default: '300' }, layers: { type: 'string' } } });
const ROUNDS = Number(args.rounds);
const REQUESTS = Number(args.requests);
const PG_PORT = Number(process.env.DECOMPOSE_PG_PORT ?? 54349);
const DATABASE = 'kairos_decompose';

const log = (msg: string) => process.stdout.write(`${msg}\n`);

async function main(): Promise<void> {
  const db = await startEmbeddedPostgres(path.join(ROOT, '.data/decompose'), PG_PORT, () => {});
  let stopKairos: (() => Promise<void>) | undefined;
  try {
    const root = new pg.Client({ connectionString: db.urlFor('postgres') });
    await root.connect();
    await root.query(`drop database if exists ${DATABASE} with (force)`);
    await root.query(`create database ${DATABASE}`);
    await root.end();
    const databaseUrl = db.urlFor(DATABASE);
    const setupOrm = await initOrm({ clientUrl: databaseUrl });
    let token: string;
    let organisationId: string;
    try {
      await migrate(setupOrm);
      const created = await createOrganisation(setupOrm.em.fork(), { name: 'Decompose Clinic', timeZone: 'Europe/London', currency: 'GBP', owner: { name: 'Owner', email: 'owner@decompose.example' } });
      token = created.token;
      organisationId = created.organisation.id;
    } finally {
      await setupOrm.close();
    }
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const seeded = await seedDataset(admin, organisationId);
    await admin.end();
    log('Seeded');

    const defaults = serverLimits(loadConfig({}));
    const limits = { ...defaults, rate: { ...defaults.rate, tokenPoints: 1e9, organisationPoints: 1e9, concurrency: 10_000 } };
    const quiet = pino({ level: 'warn' });
    const kairos = await startKairos({ databaseUrl, log: quiet, port: 0, host: '127.0.0.1', poolMax: 10, limits });
    stopKairos = () => kairos.stop();
    const { orm } = kairos;
    const { schema, apollo } = kairos.server;
    const headers = { authorization: `Bearer ${token}` };
    const variables = (i: number) => {
      const p = nestedParams(seeded, i);
      return { ...p, practitionerId: toGlobalId('User', p.practitionerId) };
    };
    const document = parse(NESTED_QUERY);
    const invalid = validate(schema, document);
    if (invalid.length) throw new Error(`NESTED_QUERY does not validate: ${invalid.join('; ')}`);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit cannot compile NESTED_QUERY: ${JSON.stringify(compiled)}`);

    const context = () => createContext({ orm, headers, log: quiet });
    const requireData = (result: ExecutionResult, layer: string) => {
      if (result.errors?.length || !result.data) throw new Error(`${layer}: ${JSON.stringify(result.errors)}`);
      return JSON.stringify(result);
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (port: number, body: string) =>
      new Promise<string>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    const sample = requireData((await execute({ schema, document, contextValue: await context(), variableValues: variables(0) })) as ExecutionResult, 'graphql-js');
    const floorServer = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(sample));
    });
    const floorPort = await new Promise<number>((resolve) => floorServer.listen(0, '127.0.0.1', () => resolve((floorServer.address() as { port: number }).port)));

    // The executor alone under Apollo: two servers with the same options and the guard plugin, graphql-js or graphql-jit.
    const apolloWith = async (jit: boolean) => {
      const server = new ApolloServer<ServerContext>({
        ...(jit
          ? { gateway: localGateway(schema, jitExecutor(schema, async ({ document, operationName, request, context }) => execute({ schema, document, operationName, variableValues: request.variables, contextValue: context }))) }
          : { schema }),
        validationRules: limitValidationRules(limits.query),
        parseOptions: { maxTokens: limits.query.maxTokens },
        plugins: [ApolloServerPluginCacheControlDisabled(), requestGuardPlugin(limits.query, new RateLimiter(limits.rate))],
      });
      await server.start();
      return server;
    };
    const apolloJs = await apolloWith(false);
    const apolloJit = await apolloWith(true);
    const viaApollo = (server: ApolloServer<ServerContext>) => async (i: number) => {
      const contextValue: ServerContext = { ...(await context()), legacyJson: false, report: { operationName: null, errorCodes: [] }, rate: { ...requestKey(token, '127.0.0.1'), states: [], release: () => {} } };
      const response = await server.executeOperation({ query: NESTED_QUERY, variables: variables(i) }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('Apollo answered incrementally');
      return requireData(response.body.singleResult as ExecutionResult, 'apollo');
    };

    const layers: { name: string; run(i: number): Promise<string> }[] = [
      { name: '0. createContext alone (fork, token check, loaders)', run: async () => (await context(), '') },
      {
        name: '1. graphql-js execute + JSON.stringify',
        run: async (i) => requireData((await execute({ schema, document, contextValue: await context(), variableValues: variables(i) })) as ExecutionResult, 'graphql-js'),
      },
      { name: '2. graphql-jit compiled query + JSON.stringify', run: async (i) => requireData(await compiled.query(undefined, await context(), variables(i)), 'graphql-jit') },
      {
        name: "3. Apollo executeOperation (Kairos's plugins and executor) + JSON.stringify",
        run: async (i) => {
          const rate = requestKey(token, '127.0.0.1');
          const contextValue: ServerContext = { ...(await context()), legacyJson: false, report: { operationName: null, errorCodes: [] }, rate: { ...rate, states: [], release: () => {} } };
          const response = await apollo.executeOperation({ query: NESTED_QUERY, variables: variables(i) }, { contextValue });
          if (response.body.kind !== 'single') throw new Error('Apollo answered incrementally');
          return requireData(response.body.singleResult as ExecutionResult, 'apollo');
        },
      },
      { name: '6. Apollo executeOperation, guard plugin, graphql-js executor (A/B with 7)', run: viaApollo(apolloJs) },
      { name: '7. Apollo executeOperation, guard plugin, graphql-jit executor (src/app/jit-executor.ts)', run: viaApollo(apolloJit) },
      { name: '4. full HTTP path (POST /graphql, client in the same process)', run: (i) => post(kairos.port, JSON.stringify({ query: NESTED_QUERY, variables: variables(i) })) },
      { name: '5. HTTP floor: the same client, a bare node:http server answering the same bytes', run: (i) => post(floorPort, JSON.stringify({ query: NESTED_QUERY, variables: variables(i) })) },
    ];

    // Every layer must answer what graphql-js answers, byte for byte (but a final newline), before anything is measured.
    for (let i = 0; i < 5; i++) {
      const expected = requireData((await execute({ schema, document, contextValue: await context(), variableValues: variables(i) })) as ExecutionResult, 'graphql-js');
      for (const layer of layers.filter((l) => !/^[05]\./.test(l.name))) {
        // Apollo's HTTP answer ends with a newline.
        const answer = (await layer.run(i)).trimEnd();
        if (answer !== expected) throw new Error(`${layer.name} answers differently from graphql-js for request ${i}:\n${answer.slice(0, 400)}\n${expected.slice(0, 400)}`);
      }
    }
    log('Layers 1–4, 6 and 7 answer byte for byte what graphql-js answers (5 requests)');

    // `--layers 1,2`: only those (e.g. under `node --cpu-prof`, to profile one layer).
    const chosen = args.layers ? layers.filter((l) => args.layers!.split(',').includes(l.name[0]!)) : layers;
    const results = new Map<string, { cpu: number[]; wall: number[] }>(chosen.map((l) => [l.name, { cpu: [], wall: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const layer of chosen) {
        for (let i = 0; i < REQUESTS / 3; i++) await layer.run(i);
        const cpu0 = process.cpuUsage();
        const wall0 = process.hrtime.bigint();
        for (let i = 0; i < REQUESTS; i++) await layer.run(i);
        const cpu = process.cpuUsage(cpu0);
        const wall = Number(process.hrtime.bigint() - wall0) / 1e6;
        results.get(layer.name)!.cpu.push((cpu.user + cpu.system) / 1000 / REQUESTS);
        results.get(layer.name)!.wall.push(wall / REQUESTS);
        log(`round ${round + 1} ${layer.name}: ${((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(3)} CPU ms/req, ${(wall / REQUESTS).toFixed(2)} ms wall`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const rows = chosen.map((l) => ({ layer: l.name, cpuMs: median(results.get(l.name)!.cpu), wallMs: median(results.get(l.name)!.wall) }));
    const table = [
      `| layer | CPU ms/req | wall ms/req |`,
      `|---|---:|---:|`,
      ...rows.map((r) => `| ${r.layer} | ${r.cpuMs.toFixed(2)} | ${r.wallMs.toFixed(2)} |`),
    ].join('\n');
    log(`\n${ROUNDS} rounds of ${REQUESTS} sequential nested reads per layer (medians), ${new Date().toISOString()}, Node ${process.version}:\n\n${table}`);
    const outDir = path.join(ROOT, 'bench/out');
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, `decompose-${new Date().toISOString().replaceAll(':', '-')}.json`), JSON.stringify({ rounds: ROUNDS, requests: REQUESTS, rows, results: Object.fromEntries(results) }, null, 2));
    agent.destroy();
    await apolloJs.stop();
    await apolloJit.stop();
    await new Promise((resolve) => floorServer.close(resolve));
  } finally {
    await stopKairos?.();
    await db.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`decompose failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
