import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Result as AutocannonResult } from 'autocannon';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js';
import { initOrm, migrate } from '../src/db/orm.js';
import { createOrganisation } from '../src/modules/organisation/organisation.service.js';
import { toGlobalId } from '../src/shared/global-id.js';
import { NESTED_QUERY, nestedParams, nestedRows, PEER_FUNCTION, scenarios, type Outcome, type Scenario, type Target } from './scenarios.js';
import { DATASET, seedDataset, type Seeded } from './seed.js';
import { liveEvents, liveEventsReport, type LiveEventsResult } from './subscriptions.js';

/**
 * `npm run bench [-- --quick] [-- --only nested,create] [-- --label TEXT] [-- --soak SECONDS] [-- --profile] [-- --workers 1,2,3]`
 * (`--workers`: only the nested read and the create, against Kairos started with each WORKERS in turn; RESULTS.md is left alone)
 * (`--kairos-env KEY=VALUE`, repeatable: extra environment for Kairos, e.g. NODE_OPTIONS or MALLOC_ARENA_MAX;
 * `--kairos PATH/dist/src/main.js`: measure that build of Kairos instead; `--profile`: Kairos writes a V8 CPU profile to bench/out/profiles; summarise it with bench/profile-summary.ts): seeds the issue-5 dataset
 * into a dedicated database of its own embedded PostgreSQL (pg_stat_statements loaded), starts
 * Kairos (dist/src/main.js), the raw-pg baseline (dist/bench/baseline.js) and, for the nested read,
 * the PostGraphile peer (dist/bench/postgraphile.js) as child processes, and drives them over
 * loopback with autocannon, one after the other, at 1 and 8 connections; then times weekly series creates
 * (`series`, issue 16: 13 and 52 occurrences) one request at a time, and measures bookings with and
 * without 500 graphql-ws subscribers (`subscriptions`, issue 15: bench/subscriptions.ts).
 * Writes bench/out/<time>.json and, for a run of every scenario, the generated block of bench/RESULTS.md.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATABASE = 'kairos_bench';
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54339);
const POOL_MAX = '10';
const CONNECTIONS = [1, 8];
/** USER_HZ of /proc/<pid>/stat: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false }, only: { type: 'string' }, label: { type: 'string' }, soak: { type: 'string' }, profile: { type: 'boolean', default: false },
    'kairos-env': { type: 'string', multiple: true }, kairos: { type: 'string' }, workers: { type: 'string' },
  },
});
/** `--workers 1,2,3`: instead of the scenarios, nested read and create against Kairos started with each WORKERS (docs/operations.md). */
const WORKER_COUNTS = args.workers?.split(',').map(Number) ?? null;
if (WORKER_COUNTS?.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--workers takes whole numbers from 1, comma-separated: ${args.workers}`);
/** Scenarios of the `--workers` comparison. */
const WORKER_SCENARIOS = ['nested', 'create'];
const QUICK = args.quick!;
/** Seconds of unmeasured warm-up per target and scenario, of measurement per connection count, of soak. */
const WARM = QUICK ? 1 : 3;
const MEASURE = QUICK ? 3 : 10;
const SOAK = args.soak !== undefined ? Number(args.soak) : QUICK ? 0 : 60;
/** The Kairos entry point; `--kairos` runs another build (e.g. a worktree of the previous commit) for before/after. */
const KAIROS_MAIN = path.resolve(args.kairos ?? path.join(ROOT, 'dist/src/main.js'));
/** Node's flags from `npm start` (the heap cap), so the bench measures Kairos as it is started. */
const KAIROS_NODE_ARGS: string[] = (() => {
  const start = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  return /node((?: --\S+)*) dist\/src\/main\.js/.exec(start)?.[1]?.trim().split(' ').filter(Boolean) ?? [];
})();
/** Upper bound of requests per measurement (the run is bounded in time and in count). */
const MAX_REQUESTS = 200_000;

interface Measurement {
  scenario: string;
  target: Target['name'];
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  refused: number;
  errors: number;
  statementsPerRequest: number;
  /** CPU time (user + system) the server process (with its cluster's workers) spent per request: steadier than req/s on a busy machine. */
  cpuMsPerRequest: number;
  /** CPU time of PostgreSQL (postmaster and backends) per request; `--workers` runs only. */
  postgresCpuMsPerRequest?: number;
  /** WORKERS of the Kairos measured; `--workers` runs only. */
  workers?: number;
  /**
   * Writes only: the bench database's active backends by what they wait for (`Lock:advisory` is the
   * outbox's per-organisation lock, `Lock:transactionid` a row lock such as the code counter's, `CPU` none;
   * `idle in transaction`: a transaction waiting for its client's next statement), averaged over samples
   * every 50 ms of the measurement.
   */
  waits?: Record<string, number>;
  /** Response size, headers included (autocannon's byte count ÷ responses). */
  kbPerResponse: number;
  peakRssMb: number;
}

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A child process started by the bench; `stop` sends SIGTERM and waits for it to exit. */
interface Child {
  proc: ChildProcess;
  port: number;
  output: string[];
  stop(): Promise<void>;
}

async function startChild(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Child> {
  const proc = spawn(process.execPath, [...nodeArgs, script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line) output.push(line);
    if (output.length > 20_000) output.splice(0, output.length - 10_000);
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const port = Number(env.PORT);
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${script} exited ${proc.exitCode}:\n${output.slice(-20).join('\n')}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`${script} did not answer /healthz within 600 s`);
    await sleep(200);
  }
  return {
    proc,
    port,
    output,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000).then(() => proc.kill('SIGKILL'))]);
    },
  };
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** `pid` and every process below it (a cluster's workers, a PostgreSQL's backends), from the parent pids in /proc. */
async function processTree(pid: number): Promise<number[]> {
  const children = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(') ') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}
/** CPU time (user + system, ms) used so far by each process of `pids` still running. */
const cpuOf = async (pids: number[]) => new Map(await Promise.all(pids.map(async (pid) => [pid, await cpuMs(pid).catch(() => 0)] as const)));
/**
 * CPU time the tree of `root` used since `before` ({@link cpuOf} of the tree then): per process, so that
 * one that ended meanwhile (a PostgreSQL backend) does not subtract its whole life; one that started
 * meanwhile counts whole (what it used after ending is lost either way).
 */
const treeCpuSince = async (root: number, before: Map<number, number>) => {
  let used = 0;
  for (const [pid, ms] of await cpuOf(await processTree(root))) used += ms - (before.get(pid) ?? 0);
  return used;
};

const procStatus = async (pid: number, field: string) => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(await readFile(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};
/** CPU time (user + system, ms) the process has used so far, from /proc/<pid>/stat. */
const cpuMs = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
};
/** Resets the kernel's peak-RSS mark (VmHWM) of `pid`, so the next reading is this measurement's peak. */
const resetPeak = (pid: number) => writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => {});

/** Statements the database executed for the bench database since the last reset (the bench's own excluded). */
async function statements(admin: pg.Client): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    `select coalesce(sum(calls), 0)::int as n from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database()) and query not ilike '%pg_stat_statements%'`,
  );
  return rows[0]!.n;
}
const resetStatements = (admin: pg.Client) => admin.query('select pg_stat_statements_reset()');

async function drive(url: string, token: string, scenario: Scenario, target: Target, connections: number, seconds: number) {
  let i = 0;
  const outcomes: Record<Outcome, number> = { ok: 0, refused: 0, error: 0 };
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    maxOverallRequests: MAX_REQUESTS,
    timeout: 30,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        method: 'POST',
        path: target.path,
        setupRequest: (req) => ({ ...req, body: target.body(i++) }),
        onResponse: (status, body) => void outcomes[status === 200 ? scenario.outcome(body) : 'error']++,
      },
    ],
  });
  return { result, outcomes };
}

async function measure(admin: pg.Client, child: Child, token: string, scenario: Scenario, target: Target, connections: number, postgresPid?: number): Promise<Measurement> {
  const url = `http://127.0.0.1:${child.port}`;
  await resetStatements(admin);
  // The server's process and, with WORKERS > 1, its workers: CPU and peak RSS are their sums.
  const pids = await processTree(child.proc.pid!);
  const postgresPids = postgresPid ? await processTree(postgresPid) : [];
  await Promise.all(pids.map(resetPeak));
  const cpuBefore = await cpuOf(pids);
  const postgresBefore = await cpuOf(postgresPids);
  const sampling = scenario.name === 'create' ? sampleWaits(admin) : null;
  const { result, outcomes } = await drive(url, token, scenario, target, connections, MEASURE);
  const waits = await sampling?.stop();
  const cpu = await treeCpuSince(child.proc.pid!, cpuBefore);
  const postgresCpu = postgresPid ? await treeCpuSince(postgresPid, postgresBefore) : 0;
  const executed = await statements(admin);
  const requests = outcomes.ok + outcomes.refused + outcomes.error;
  return {
    scenario: scenario.name,
    target: target.name,
    connections,
    requests,
    rps: Math.round((requests / result.duration) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: outcomes.ok,
    refused: outcomes.refused,
    errors: outcomes.error + result.errors + result.timeouts,
    statementsPerRequest: requests ? Math.round((executed / requests) * 100) / 100 : NaN,
    cpuMsPerRequest: requests ? Math.round((cpu / requests) * 100) / 100 : NaN,
    ...(postgresPid ? { postgresCpuMsPerRequest: requests ? Math.round((postgresCpu / requests) * 100) / 100 : NaN } : {}),
    kbPerResponse: requests ? Math.round((result.throughput.total / requests / 1024) * 10) / 10 : NaN,
    peakRssMb: Math.round((await Promise.all(pids.map((pid) => procStatus(pid, 'VmHWM').catch(() => 0)))).reduce((a, b) => a + b, 0)),
    ...(waits ? { waits } : {}),
  };
}

/** Samples `pg_stat_activity` of the bench database every 50 ms until `stop`, which answers {@link Measurement.waits}. */
function sampleWaits(admin: pg.Client) {
  const counts: Record<string, number> = {};
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await admin.query<{ wait: string; n: number }>(
        `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU') else 'idle in transaction' end as wait, count(*)::int as n
           from pg_stat_activity
          where datname = current_database() and state in ('active', 'idle in transaction') and pid <> pg_backend_pid() and backend_type = 'client backend' group by 1`,
      );
      samples++;
      for (const r of rows) counts[r.wait] = (counts[r.wait] ?? 0) + r.n;
      await sleep(50);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return Object.fromEntries(Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v / Math.max(samples, 1)) * 100) / 100]));
    },
  };
}

/**
 * The availability baseline must offer what Kairos offers: the slots (times and chosen bookables)
 * of request 0 of each availability scenario are compared before anything is measured.
 */
async function sameAnswers(list: Scenario[], childOf: (t: Target) => Child, token: string) {
  for (const scenario of list) {
    const answers = await Promise.all(scenario.targets.map(async (t) => {
      const res = await fetch(`http://127.0.0.1:${childOf(t).port}${t.path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: t.body(0) });
      return JSON.stringify(JSON.parse(await res.text()).data?.availability?.slots);
    }));
    if (new Set(answers).size !== 1 || answers[0] === undefined) throw new Error(`${scenario.name}: Kairos and the baseline offer different slots: ${answers.map((a) => a?.slice(0, 300)).join(' / ')}`);
    log(`${scenario.name}: Kairos and the baseline offer the same ${(JSON.parse(answers[0]!) as unknown[]).length} slots`);
  }
}

/**
 * Kairos, the baseline and the PostGraphile peer must answer the nested read with the same rows:
 * requests 0–4 of the scenario, compared in one normal form (`nestedRows`).
 */
async function sameRows(scenario: Scenario, childOf: (t: Target) => Child, token: string) {
  for (let i = 0; i < 5; i++) {
    const answers = await Promise.all(scenario.targets.map(async (t) => {
      const res = await fetch(`http://127.0.0.1:${childOf(t).port}${t.path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: t.body(i) });
      const text = await res.text();
      const rows = nestedRows(text);
      if (!rows.length) throw new Error(`${t.name} answered no rows for nested read ${i}: ${text.slice(0, 500)}`);
      return JSON.stringify(rows);
    }));
    for (const [k, answer] of answers.entries()) {
      if (answer !== answers[0]) throw new Error(`nested read ${i}: ${scenario.targets[k]!.name} and ${scenario.targets[0]!.name} answer different rows:\n${answer.slice(0, 600)}\n${answers[0]!.slice(0, 600)}`);
    }
  }
  log(`nested: Kairos, the baseline and PostGraphile answer the same rows (5 requests, ${scenario.targets.map((t) => t.name).join(', ')})`);
}

/** Statements for one nested read of `first` appointments, Kairos and baseline: must not depend on `first`. */
async function rowCountCheck(admin: pg.Client, kairos: Child, baseline: Child, token: string, seeded: Seeded) {
  const out: Record<string, Record<number, number>> = { kairos: {}, baseline: {} };
  for (const first of [5, 50]) {
    const p = nestedParams(seeded, 3, first);
    for (const [name, child, reqPath, body] of [
      ['kairos', kairos, '/graphql', JSON.stringify({ query: NESTED_QUERY, variables: { ...p, practitionerId: toGlobalId('User', p.practitionerId) } })],
      ['baseline', baseline, '/nested', JSON.stringify(p)],
    ] as const) {
      await resetStatements(admin);
      const res = await fetch(`http://127.0.0.1:${child.port}${reqPath}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const text = await res.text();
      const edges = (JSON.parse(text).data?.appointments?.edges as unknown[] | undefined)?.length;
      if (edges !== first) throw new Error(`${name}: asked for ${first} appointments, got ${edges}: ${text.slice(0, 500)}`);
      out[name]![first] = await statements(admin);
    }
  }
  return out;
}

const SERIES_MUTATION = `mutation($input: CreateAppointmentSeriesInput!) { createAppointmentSeries(input: $input) {
  series { id occurrenceCount } userErrors { code message } occurrences { occurrence userErrors { code message } }
} }`;
/** Occurrences of the weekly series created (issue 16: the 52-week one, and a 13-week one to show the growth is linear). */
const SERIES_WEEKS = [13, 52];
/** Series created per size; the median time is reported. */
const SERIES_RUNS = 3;

interface SeriesResult {
  weeks: number;
  runs: number;
  /** Median wall time of one createAppointmentSeries request, ms. */
  msMedian: number;
  msPerOccurrence: number;
  /** Statements of one create (every run executes the same number; the largest is kept). */
  statements: number;
  statementsPerOccurrence: number;
}

/**
 * The series scenario (issue 16): `createAppointmentSeries` of `FREQ=WEEKLY;COUNT=n` in Europe/London
 * (BEST_EFFORT, 30 minutes, one seeded practitioner and customer), one request at a time, in 2034 where
 * nothing else is booked, so every occurrence is checked and booked; a create that leaves one out fails
 * the run. Reports the median time and the statements per occurrence (pg_stat_statements; nothing else
 * touches the bench database meanwhile). Runs in a few seconds, so it is part of the default list.
 */
async function seriesCreate(admin: pg.Client, kairos: Child, token: string, seeded: Seeded): Promise<SeriesResult[]> {
  const results: SeriesResult[] = [];
  let run = 0;
  for (const weeks of SERIES_WEEKS) {
    const times: number[] = [];
    let most = 0;
    for (let k = 0; k < SERIES_RUNS; k++, run++) {
      // Each run on an hour of its own (Mondays from 2034-01-02, 08:00 London on), so no two series meet.
      const input = {
        rrule: `FREQ=WEEKLY;COUNT=${weeks}`, timeZone: 'Europe/London', startsAt: new Date(Date.UTC(2034, 0, 2, 8 + run)).toISOString(), durationMinutes: 30, mode: 'BEST_EFFORT',
        practitionerId: toGlobalId('User', seeded.practitionerIds[seeded.practitionerIds.length - 1]!), customerId: toGlobalId('Customer', seeded.customerIds[run]!),
      };
      await resetStatements(admin);
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${kairos.port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: SERIES_MUTATION, variables: { input } }) });
      const text = await res.text();
      times.push(performance.now() - started);
      most = Math.max(most, await statements(admin));
      const payload = JSON.parse(text).data?.createAppointmentSeries as { series: { occurrenceCount: number } | null; userErrors: unknown[]; occurrences: { userErrors: unknown[] }[] } | undefined;
      if (!payload || payload.userErrors.length || payload.series?.occurrenceCount !== weeks || payload.occurrences.some((o) => o.userErrors.length)) {
        throw new Error(`series of ${weeks}: not every occurrence was booked: ${text.slice(0, 600)}`);
      }
    }
    const msMedian = Math.round([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!);
    results.push({ weeks, runs: SERIES_RUNS, msMedian, msPerOccurrence: Math.round((msMedian / weeks) * 10) / 10, statements: most, statementsPerOccurrence: Math.round((most / weeks) * 100) / 100 });
  }
  return results;
}

/**
 * The soak: `SOAK` seconds of nested reads at 8 connections against a Kairos started with
 * `--trace-gc`, which prints the heap size after every collection on stdout. Heap is read from those
 * lines and RSS from /proc, both from outside the process, so Kairos carries no debug endpoint.
 */
/** The neighbour's paced read: 20 requests a second, well inside its own budget. */
const NEIGHBOUR_QUERY = JSON.stringify({ query: '{ viewer { id name } currentOrganisation { name timeZone } }' });
const NEIGHBOUR_RATE = 20;
/** Seconds the isolation step measures, in quick runs too: a whole rate-limit window and more. */
const ISOLATION_SECONDS = 12;

/**
 * Tenant isolation under the default rate limits (issue 11): a neighbouring organisation's p50 for a
 * paced small read, alone and while one token of the bench organisation hammers the nested read on
 * 100 connections. The target is a loaded p50 at most twice the unloaded one.
 */
async function isolation(limitedEnv: Record<string, string>, abuserToken: string, neighbourToken: string, scenario: Scenario) {
  const child = await startChild(KAIROS_MAIN, { ...limitedEnv, PORT: String(await freePort()) }, KAIROS_NODE_ARGS);
  try {
    const url = `http://127.0.0.1:${child.port}/graphql`;
    // The neighbour's load generator runs in a process of its own: in the bench's process its
    // latencies would include the time the flood's 100 connections keep that event loop busy.
    const neighbour = () =>
      new Promise<AutocannonResult>((resolve, reject) => {
        const args = ['-c', '1', '-R', String(NEIGHBOUR_RATE), '-d', String(ISOLATION_SECONDS), '-t', '30', '-m', 'POST', '-b', NEIGHBOUR_QUERY,
          '-H', 'content-type=application/json', '-H', `authorization=Bearer ${neighbourToken}`, '-j', url];
        const proc = spawn(process.execPath, [path.join(ROOT, 'node_modules/autocannon/autocannon.js'), ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        proc.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        proc.once('error', reject);
        proc.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as AutocannonResult) : reject(new Error(`autocannon exited ${code}`))));
      });
    await neighbour();
    const pid = child.proc.pid!;
    const cpuShare = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
      const before = await cpuMs(pid);
      const started = Date.now();
      const out = await run();
      return [out, Math.round(((await cpuMs(pid)) - before) / (Date.now() - started) * 100)];
    };
    const [alone, cpuAlonePercent] = await cpuShare(neighbour);
    const target = scenario.targets.find((t) => t.name === 'kairos')!;
    let i = 0;
    const abuse = autocannon({
      url: `http://127.0.0.1:${child.port}`,
      connections: 100,
      duration: ISOLATION_SECONDS + 2,
      maxOverallRequests: MAX_REQUESTS,
      timeout: 30,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${abuserToken}` },
      requests: [{ method: 'POST', path: target.path, setupRequest: (req) => ({ ...req, body: target.body(i++) }) }],
    });
    await sleep(1000);
    const [loaded, cpuLoadedPercent] = await cpuShare(neighbour);
    const abuser = await abuse;
    const result = {
      neighbourP50AloneMs: alone.latency.p50,
      neighbourP50LoadedMs: loaded.latency.p50,
      neighbourP99AloneMs: alone.latency.p99,
      neighbourP99LoadedMs: loaded.latency.p99,
      kairosCpuAlonePercent: cpuAlonePercent,
      kairosCpuLoadedPercent: cpuLoadedPercent,
      ratio: Math.round((loaded.latency.p50 / Math.max(alone.latency.p50, 0.5)) * 100) / 100,
      neighbour2xx: loaded['2xx'],
      neighbourNon2xx: loaded.non2xx,
      neighbourErrors: loaded.errors + loaded.timeouts,
      abuser2xx: abuser['2xx'],
      abuser429: abuser.statusCodeStats['429']?.count ?? 0,
    };
    log(`\nIsolation: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await child.stop();
  }
}

async function soak(kairosEnv: Record<string, string>, token: string, scenario: Scenario) {
  const child = await startChild(KAIROS_MAIN, { ...kairosEnv, PORT: String(await freePort()) }, [...KAIROS_NODE_ARGS, '--trace-gc']);
  try {
    const target = scenario.targets.find((t) => t.name === 'kairos')!;
    await drive(`http://127.0.0.1:${child.port}`, token, scenario, target, 8, WARM);
    child.output.splice(0);
    const rss: { t: number; mb: number }[] = [];
    const heap: { t: number; mb: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => {
      const t = (Date.now() - started) / 1000;
      void procStatus(child.proc.pid!, 'VmRSS').then((mb) => rss.push({ t, mb }));
      for (const line of child.output.splice(0)) {
        const m = /(Scavenge|Mark-Compact|Mark-sweep)[^\d]*[\d.]+ \([\d.]+\) -> ([\d.]+) \(/.exec(line);
        if (m) heap.push({ t, mb: Number(m[2]) });
      }
    }, 1000);
    await resetPeak(child.proc.pid!);
    const { result } = await drive(`http://127.0.0.1:${child.port}`, token, scenario, target, 8, SOAK);
    clearInterval(sampler);
    const window = (xs: { t: number; mb: number }[], from: number, to: number) => xs.filter((x) => x.t >= from && x.t < to).map((x) => x.mb);
    const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1)) * 10) / 10;
    const min = (xs: number[]) => Math.round(Math.min(...xs) * 10) / 10;
    const tenth = SOAK / 6;
    return {
      seconds: SOAK,
      requests: result.requests.total,
      rps: Math.round(result.requests.total / result.duration),
      peakRssMb: Math.round(await procStatus(child.proc.pid!, 'VmHWM')),
      rssFirstMb: avg(window(rss, 0, tenth)),
      rssLastMb: avg(window(rss, SOAK - tenth, SOAK + 1)),
      heapAfterGcFirstMb: min(window(heap, 0, tenth)),
      heapAfterGcLastMb: min(window(heap, SOAK - tenth, SOAK + 1)),
      collections: heap.length,
    };
  } finally {
    await child.stop();
  }
}

/**
 * `--workers 1,2,3`: the baseline once, then Kairos started with each WORKERS in turn (`npm start`'s
 * cluster, docs/operations.md), each through the nested read and the create at 1 and 8 connections after
 * its warm-up. Kairos's CPU and peak RSS are summed over the primary and its workers; PostgreSQL's CPU
 * (postmaster and backends) is measured beside it, since both share the machine's cores.
 */
async function workersComparison(admin: pg.Client, kairosEnv: Record<string, string>, baseline: Child, token: string, list: Scenario[], postgresPid: number): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const run = async (child: Child, workers: number | undefined, targets: (s: Scenario) => Target[]) => {
    for (const scenario of list) for (const t of targets(scenario)) {
      await drive(`http://127.0.0.1:${child.port}`, token, scenario, t, 8, WARM);
      for (const connections of CONNECTIONS) {
        const m = { ...(await measure(admin, child, token, scenario, t, connections, postgresPid)), ...(workers ? { workers } : {}) };
        out.push(m);
        log(`  ${scenario.name.padEnd(7)} ${(workers ? `kairos ×${workers}` : t.name).padEnd(10)} c=${connections}  ${String(m.rps).padStart(8)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ${m.cpuMsPerRequest} CPU ms/req  PostgreSQL ${m.postgresCpuMsPerRequest} CPU ms/req  peak RSS ${m.peakRssMb} MB  ok ${m.ok} refused ${m.refused} errors ${m.errors}${m.waits ? `  waits ${JSON.stringify(m.waits)}` : ''}`);
      }
    }
  };
  log('\nWorkers comparison: the baseline');
  await run(baseline, undefined, (s) => s.targets.filter((t) => t.name.startsWith('baseline')));
  for (const workers of WORKER_COUNTS!) {
    log(`\nWorkers comparison: Kairos with WORKERS=${workers}`);
    const child = await startChild(KAIROS_MAIN, { ...kairosEnv, WORKERS: String(workers), PORT: String(await freePort()) }, KAIROS_NODE_ARGS);
    try {
      await run(child, workers, (s) => s.targets.filter((t) => t.name === 'kairos'));
    } finally {
      await child.stop();
    }
  }
  return out;
}

/** The `--workers` table: per scenario and connection count, the baseline and Kairos with each WORKERS. */
function workersReport(data: { machine: Awaited<ReturnType<typeof machine>>; label?: string; measurements: Measurement[]; wallSeconds: number }): string {
  const m = data.machine;
  const store = (args['kairos-env'] ?? []).find((kv) => kv.startsWith('RATE_LIMIT_STORE='));
  const lines = [
    `Run ${m.date} (workers ${WORKER_COUNTS!.join(', ')}${data.label ? `, ${data.label}` : ''}): ${m.cpu}, ${m.memoryGb} GB, ${m.kernel}, Node ${m.node}, ${m.postgres}; load average at start ${m.loadAverage}. ` +
      `${MEASURE} s per measurement after ${WARM} s warm-up; ${store ?? 'RATE_LIMIT_STORE as npm start picks it (memory with 1 worker, postgres with more)'}; wall time ${data.wallSeconds} s.`,
    '',
    '| scenario | target | conns | req/s | p50 ms | p99 ms | Kairos CPU ms/req | PostgreSQL CPU ms/req | peak RSS MB | ok / refused / errors | ÷ 1 worker | ÷ raw (nested: baseline; create: baseline-cte) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const scenario of WORKER_SCENARIOS) {
    for (const connections of CONNECTIONS) {
      const at = data.measurements.filter((x) => x.scenario === scenario && x.connections === connections);
      // The issue's targets: the nested read against the one-statement read, the create against the one-statement create.
      const base = at.find((x) => x.target === (scenario === 'create' ? 'baseline-cte' : 'baseline'));
      const one = at.find((x) => x.workers === 1);
      for (const x of at) {
        const name = x.workers ? `kairos, ${x.workers} worker${x.workers > 1 ? 's' : ''}` : x.target;
        const perOne = x.workers && one ? (x.rps / one.rps).toFixed(2) : '';
        const perBase = x.workers && base ? (x.rps / base.rps).toFixed(2) : '';
        lines.push(`| ${scenario} | ${name} | ${connections} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.cpuMsPerRequest} | ${x.postgresCpuMsPerRequest} | ${x.peakRssMb} | ${x.ok} / ${x.refused} / ${x.errors} | ${perOne} | ${perBase} |`);
      }
    }
  }
  return lines.join('\n');
}

async function machine(admin: pg.Client) {
  const cpus = os.cpus();
  const { rows } = await admin.query<{ version: string }>('select version()');
  return {
    date: new Date().toISOString(),
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: rows[0]!.version.split(',')[0]!,
    loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  };
}

function report(data: { machine: Awaited<ReturnType<typeof machine>>; mode: string; label?: string; measurements: Measurement[]; rowCount: Awaited<ReturnType<typeof rowCountCheck>>; soak?: Awaited<ReturnType<typeof soak>>; isolation?: Awaited<ReturnType<typeof isolation>>; series?: SeriesResult[]; subscriptions?: LiveEventsResult; seedSeconds: number; wallSeconds: number }, all: Scenario[]): string {
  const m = data.machine;
  const lines = [
    `Run ${m.date} (${data.mode}${data.label ? `, ${data.label}` : ''}): ${m.cpu}, ${m.memoryGb} GB, ${m.kernel}, Node ${m.node}, ${m.postgres}; load average at start ${m.loadAverage}. Kairos runs as \`npm start\` does: \`node ${[...KAIROS_NODE_ARGS, 'dist/src/main.js'].join(' ')}\`.`,
    `Dataset: ${DATASET.customers} customers, ${DATASET.practitioners} practitioners, ${DATASET.rooms} rooms, ${DATASET.treatments} treatments, ${DATASET.appointments} appointments over ${DATASET.days} days (seeded in ${data.seedSeconds} s). ${MEASURE} s per measurement after ${WARM} s warm-up; wall time ${data.wallSeconds} s.`,
    '',
    '| scenario | target | conns | req/s | p50 ms | p99 ms | statements/req | server CPU ms/req | KB/response | peak RSS MB | ok / refused / errors | ÷ baseline | ÷ PostGraphile |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const s of all) {
    for (const x of data.measurements.filter((y) => y.scenario === s.name)) {
      const base = data.measurements.find((y) => y.scenario === x.scenario && y.connections === x.connections && y.target === 'baseline');
      const peer = data.measurements.find((y) => y.scenario === x.scenario && y.connections === x.connections && y.target === 'postgraphile');
      const ratio = x.target !== 'baseline' && base ? (x.rps / base.rps).toFixed(2) : '';
      const peerRatio = x.target !== 'postgraphile' && peer ? (x.rps / peer.rps).toFixed(2) : '';
      lines.push(`| ${s.name} | ${x.target} | ${x.connections} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.statementsPerRequest} | ${x.cpuMsPerRequest} | ${x.kbPerResponse} | ${x.peakRssMb} | ${x.ok} / ${x.refused} / ${x.errors} | ${ratio} | ${peerRatio} |`);
    }
  }
  const rc = data.rowCount;
  lines.push('', `Statements for one nested read, first 5 → first 50 appointments: Kairos ${rc.kairos[5]} → ${rc.kairos[50]}, baseline ${rc.baseline[5]} → ${rc.baseline[50]}.`);
  if (data.isolation) {
    const x = data.isolation;
    lines.push(
      '',
      `Isolation under the default rate limits: a neighbouring organisation's paced read (${NEIGHBOUR_RATE}/s) answered at p50 ${x.neighbourP50AloneMs} ms (p99 ${x.neighbourP99AloneMs} ms) alone and ${x.neighbourP50LoadedMs} ms (p99 ${x.neighbourP99LoadedMs} ms; ${x.ratio}×, target ≤ 2×) while one token of the bench organisation sent nested reads on 100 connections for ${ISOLATION_SECONDS} s (${x.abuser2xx} answered, ${x.abuser429} refused with 429; the neighbour got ${x.neighbour2xx} answers, ${x.neighbourNon2xx} non-2xx and ${x.neighbourErrors} errors or time-outs). Kairos used ${x.kairosCpuAlonePercent} % of a core alone and ${x.kairosCpuLoadedPercent} % under the flood.`,
    );
  }
  for (const x of data.series ?? []) {
    lines.push('', `Series create (createAppointmentSeries, weekly, ${x.weeks} occurrences, every one checked and booked): ${x.msMedian} ms (median of ${x.runs}; ${x.msPerOccurrence} ms per occurrence), ${x.statements} statements (${x.statementsPerOccurrence} per occurrence).`);
  }
  if (data.subscriptions) lines.push(...liveEventsReport(data.subscriptions));
  if (data.soak) {
    const s = data.soak;
    lines.push(
      `Soak: ${s.seconds} s of nested reads at 8 connections, ${s.requests} requests (${s.rps} req/s); peak RSS ${s.peakRssMb} MB; ` +
        `RSS ${s.rssFirstMb} MB (first sixth) → ${s.rssLastMb} MB (last sixth); heap after GC (lowest) ${s.heapAfterGcFirstMb} → ${s.heapAfterGcLastMb} MB over ${s.collections} collections.`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const wallStart = Date.now();
  const only = args.only ? new Set(args.only.split(',')) : null;
  const dataDir = path.join(ROOT, '.data/bench');
  log(`Starting PostgreSQL (${dataDir}, port ${PG_PORT}) with pg_stat_statements`);
  const db: EmbeddedDatabase = await startEmbeddedPostgres(dataDir, PG_PORT, () => {}, ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.max=5000', '-c', 'track_commit_timestamp=on']);
  const children: Child[] = [];
  try {
    const root = new pg.Client({ connectionString: db.urlFor('postgres') });
    await root.connect();
    await root.query(`drop database if exists ${DATABASE} with (force)`);
    await root.query(`create database ${DATABASE}`);
    await root.end();
    const databaseUrl = db.urlFor(DATABASE);

    const seedStart = Date.now();
    const orm = await initOrm({ clientUrl: databaseUrl });
    let token: string;
    let organisationId: string;
    let victimToken: string;
    try {
      await migrate(orm);
      const created = await createOrganisation(orm.em.fork(), { name: 'Bench Clinic', timeZone: 'Europe/London', currency: 'GBP', owner: { name: 'Bench Owner', email: 'owner@bench.example' } });
      token = created.token;
      organisationId = created.organisation.id;
      victimToken = (await createOrganisation(orm.em.fork(), { name: 'Bench Neighbour', owner: { name: 'Neighbour Owner', email: 'owner@neighbour.example' } })).token;
    } finally {
      await orm.close();
    }
    const admin = new pg.Client({ connectionString: databaseUrl });
    // PostgreSQL stopping at the end of a failed run must not hide the failure behind this client's error.
    admin.on('error', () => {});
    await admin.connect();
    await admin.query('create extension if not exists pg_stat_statements');
    const seeded = await seedDataset(admin, organisationId);
    await admin.query(PEER_FUNCTION);
    const seedSeconds = Math.round((Date.now() - seedStart) / 100) / 10;
    log(`Seeded in ${seedSeconds} s`);

    const limitedEnv = {
      DATABASE_URL: databaseUrl, HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAIROS_SEED_DEMO: 'false', DB_POOL_MAX: POOL_MAX,
      ...Object.fromEntries((args['kairos-env'] ?? []).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
    };
    // The scenarios measure throughput from one token: the default rate limits (docs/security.md) would cap it;
    // the in-flight cap (4 per token by default) would refuse half of the 8 connections' requests.
    const kairosEnv = { ...limitedEnv, RATE_LIMIT_TOKEN_POINTS: '100000000', RATE_LIMIT_ORGANISATION_POINTS: '100000000', RATE_LIMIT_CONCURRENCY: '10000' };
    const profileArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench/out/profiles')}`] : [];
    const kairos = await startChild(KAIROS_MAIN, { ...kairosEnv, PORT: String(await freePort()) }, [...KAIROS_NODE_ARGS, ...profileArgs]);
    children.push(kairos);
    const baseline = await startChild(path.join(ROOT, 'dist/bench/baseline.js'), { DATABASE_URL: databaseUrl, DB_POOL_MAX: POOL_MAX, PORT: String(await freePort()) });
    children.push(baseline);

    const rowCount = await rowCountCheck(admin, kairos, baseline, token, seeded);
    log(`Statements per nested read (5 → 50 rows): Kairos ${rowCount.kairos[5]} → ${rowCount.kairos[50]}, baseline ${rowCount.baseline[5]} → ${rowCount.baseline[50]}`);
    // Started after the statement count, which counts every statement of the bench database: the peer's own would join it.
    const peer = await startChild(path.join(ROOT, 'dist/bench/postgraphile.js'), { DATABASE_URL: databaseUrl, DB_POOL_MAX: POOL_MAX, PORT: String(await freePort()), NODE_ENV: 'production' });
    children.push(peer);
    const childOf = (t: Target) => (t.name === 'kairos' ? kairos : t.name === 'postgraphile' ? peer : baseline);

    const all = scenarios(seeded);
    await sameAnswers(all.filter((s) => s.name.startsWith('availability-')), childOf, token);
    await sameRows(all.find((s) => s.name === 'nested')!, childOf, token);
    const measurements: Measurement[] = [];
    if (WORKER_COUNTS) {
      await kairos.stop();
      const postgresPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
      measurements.push(...(await workersComparison(admin, kairosEnv, baseline, token, all.filter((s) => WORKER_SCENARIOS.includes(s.name)), postgresPid)));
    }
    for (const scenario of WORKER_COUNTS ? [] : all.filter((s) => !only || only.has(s.name))) {
      log(`\n${scenario.title}`);
      for (const target of scenario.targets) {
        const child = childOf(target);
        await drive(`http://127.0.0.1:${child.port}`, token, scenario, target, 8, WARM);
        for (const connections of CONNECTIONS) {
          const m = await measure(admin, child, token, scenario, target, connections);
          measurements.push(m);
          log(`  ${target.name.padEnd(12)} c=${connections}  ${String(m.rps).padStart(8)} req/s  p50 ${m.p50} ms  p99 ${m.p99} ms  ${m.statementsPerRequest} stmt/req  ${m.cpuMsPerRequest} CPU ms/req  ${m.kbPerResponse} KB/resp  peak RSS ${m.peakRssMb} MB  ok ${m.ok} refused ${m.refused} errors ${m.errors}${m.waits ? `  waits ${JSON.stringify(m.waits)}` : ''}`);
        }
      }
      for (const connections of CONNECTIONS) {
        const base = measurements.find((x) => x.scenario === scenario.name && x.target === 'baseline' && x.connections === connections)!;
        for (const x of measurements.filter((y) => y.scenario === scenario.name && y.target !== 'baseline' && y.connections === connections)) {
          log(`  ${x.target} ÷ baseline at ${connections} connection(s): ${(x.rps / base.rps).toFixed(2)}`);
        }
        const peerAt = measurements.find((x) => x.scenario === scenario.name && x.target === 'postgraphile' && x.connections === connections);
        const kairosAt = measurements.find((x) => x.scenario === scenario.name && x.target === 'kairos' && x.connections === connections);
        if (peerAt && kairosAt) log(`  kairos ÷ postgraphile at ${connections} connection(s): ${(kairosAt.rps / peerAt.rps).toFixed(2)}`);
      }
    }
    const seriesResult = !WORKER_COUNTS && (!only || only.has('series')) ? await seriesCreate(admin, kairos, token, seeded) : undefined;
    for (const x of seriesResult ?? []) log(`\nSeries of ${x.weeks} weeks: ${x.msMedian} ms (median of ${x.runs}; ${x.msPerOccurrence} ms per occurrence), ${x.statements} statements (${x.statementsPerOccurrence} per occurrence)`);
    if (kairos.output.length) log(`\nKairos wrote ${kairos.output.length} lines on stdout/stderr; the last: ${kairos.output.at(-1)!.slice(0, 400)}`);
    await kairos.stop();
    let subscriptionsResult: LiveEventsResult | undefined;
    if (!only || only.has('subscriptions')) {
      log(`\nLive events (issue 15): bookings at 8 connections without and with 500 graphql-ws subscribers`);
      subscriptionsResult = await liveEvents({
        startKairos: async () => startChild(KAIROS_MAIN, { ...kairosEnv, PORT: String(await freePort()) }, KAIROS_NODE_ARGS),
        admin, token, seeded, root: ROOT, warmSeconds: WARM, measureSeconds: MEASURE, cpuMs, procStatus, resetPeak,
        statements: () => statements(admin), resetStatements: () => resetStatements(admin), log,
      });
    }
    const nested = all.find((s) => s.name === 'nested')!;
    const soakResult = SOAK > 0 && !WORKER_COUNTS && (!only || only.has('soak')) ? await soak(kairosEnv, token, nested) : undefined;
    if (soakResult) log(`\nSoak: ${JSON.stringify(soakResult)}`);
    const isolationResult = !WORKER_COUNTS && (!only || only.has('isolation')) ? await isolation(limitedEnv, token, victimToken, nested) : undefined;

    const data = {
      machine: await machine(admin),
      mode: QUICK ? 'quick' : 'full',
      label: args.label,
      measurements,
      rowCount,
      soak: soakResult,
      isolation: isolationResult,
      series: seriesResult,
      subscriptions: subscriptionsResult,
      seedSeconds,
      wallSeconds: Math.round((Date.now() - wallStart) / 1000),
    };
    await admin.end();
    const text = WORKER_COUNTS ? workersReport(data) : report(data, all);
    log(`\n${text}`);
    const outDir = path.join(ROOT, 'bench/out');
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, `${data.machine.date.replaceAll(':', '-')}.json`), JSON.stringify(data, null, 2));
    if (!only && !WORKER_COUNTS) await writeResults(text);
    log(`\nWall time ${Math.round((Date.now() - wallStart) / 1000)} s`);
  } finally {
    for (const child of children) await child.stop();
    await db.stop();
  }
}

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';

/** Replaces the generated block of bench/RESULTS.md, keeping the hand-written text around it. */
async function writeResults(text: string): Promise<void> {
  const file = path.join(ROOT, 'bench/RESULTS.md');
  const current = existsSync(file) ? await readFile(file, 'utf8') : `# Benchmark results\n\n${BEGIN}\n${END}\n`;
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next = start >= 0 && end > start ? `${current.slice(0, start + BEGIN.length)}\n${text}\n${current.slice(end)}` : `${current}\n${BEGIN}\n${text}\n${END}\n`;
  await writeFile(file, next);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
