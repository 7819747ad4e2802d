import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TS_LOADER } from '../harness/main-process.js';

/**
 * The start path as `npm start` runs it, killed the hard way: `npm start` builds, then runs
 * `node --max-old-space-size=256 dist/src/main.js`; the build is done once here, and each start runs
 * that command in a real process, with the embedded PostgreSQL in its own data folder. Finding 6 of
 * issue 11: after a kill -9 the next start failed with `Kairos failed to start: undefined` until an
 * operator stopped the orphaned PostgreSQL.
 */

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kairos-crash-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter the folder.
  await chmod(dir, 0o755);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, timeout: 170_000 });
}, 180_000);
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) killGroup(child, 'SIGKILL');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => { stdout: string; stderr: string };
}

/** Runs the start command in its own process group (so a test can kill it together with its PostgreSQL). */
function start(env: Record<string, string>): Started {
  const { NODE_ENV: _test, DATABASE_URL: _url, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--max-old-space-size=256', 'dist/src/main.js'], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'warn', KAIROS_SEED_DEMO: 'true', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  return { child, output: () => ({ stdout, stderr }) };
}

function killGroup(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/** Milliseconds until /readyz answers 200; fails after `limit`. */
async function untilReady(port: number, started: Started, limit: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < limit) {
    if (await ready(port)) return Date.now() - t0;
    if (started.child.exitCode !== null) throw new Error(`Kairos exited ${started.child.exitCode}: ${started.output().stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not ready after ${limit} ms: ${JSON.stringify(started.output())}`);
}

async function exitOf(child: ChildProcessWithoutNullStreams, ms: number): Promise<[number | null, string | null]> {
  if (child.exitCode !== null || child.signalCode !== null) return [child.exitCode, child.signalCode];
  const timeout = new Promise<[string]>((resolve) => setTimeout(resolve, ms, ['still running']));
  return (await Promise.race([once(child, 'exit'), timeout])) as [number | null, string | null];
}

/** The pid in the data folder's postmaster.pid, or null when there is none. */
function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function gql(port: number, token: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id } userErrors { code } } }`;

describe('a start after the server was killed (finding 6)', () => {
  it.each([
    ['kill -9 of the Node process (its PostgreSQL keeps running)', 'node'],
    ['kill -9 of Node and PostgreSQL together (as a power cut leaves it)', 'group'],
  ] as const)('%s: the same start command serves within 15 s with every acknowledged booking', async (_name, target) => {
    const dataDir = path.join(dir, `data-${target}`);
    const env = { KAIROS_DATA_DIR: dataDir, KAIROS_PG_PORT: String(await freePort()), PORT: String(await freePort()) };
    const port = Number(env.PORT);
    const first = start(env);
    await untilReady(port, first, 120_000);
    // The banner with the demo token goes to stderr just after the server starts listening.
    await expect.poll(() => /Demo API token:\s+(\S+)/.exec(first.output().stderr)).toBeTruthy();
    const token = /Demo API token:\s+(\S+)/.exec(first.output().stderr)![1]!;

    // Booking load: every answered booking is acknowledged and must survive.
    const acknowledged: string[] = [];
    let stop = false;
    let slot = 0;
    const worker = async () => {
      while (!stop) {
        const minute = slot++;
        const startsAt = new Date(Date.UTC(2031, 0, 1) + minute * 3_600_000);
        try {
          const res = await gql(port, token, BOOK, { input: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 1_800_000).toISOString() } });
          const id = res.data?.createAppointment?.appointment?.id;
          if (id) acknowledged.push(id);
        } catch {
          // The server died under this request: not acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(20);
    const orphan = postmasterPid(dataDir);
    if (target === 'node') process.kill(first.child.pid!, 'SIGKILL');
    else killGroup(first.child, 'SIGKILL');
    await exitOf(first.child, 10_000);
    stop = true;
    await Promise.all(workers);
    if (target === 'node') expect(alive(orphan!), 'the killed Kairos left its PostgreSQL running').toBe(true);
    expect(acknowledged.length).toBeGreaterThan(20);

    const second = start(env);
    const ms = await untilReady(port, second, 15_000);
    expect(ms).toBeLessThan(15_000);
    expect(second.output().stderr).not.toContain('failed to start');

    const found = await gql(port, token, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: acknowledged });
    expect(found.errors).toBeUndefined();
    expect(found.data.nodes.filter((n: unknown) => n === null)).toHaveLength(0);

    // A clean stop leaves no PostgreSQL and no lock behind.
    const pg = postmasterPid(dataDir);
    killGroup(second.child, 'SIGTERM');
    expect(await exitOf(second.child, 30_000)).toEqual([0, null]);
    expect(postmasterPid(dataDir)).toBeNull();
    expect(alive(pg!)).toBe(false);
    expect(existsSync(`${dataDir}.kairos.pid`)).toBe(false);
  });
});

describe('a start that cannot proceed says why (finding 6: never `undefined`)', () => {
  it('a second start on the same data folder names the pid of the Kairos using it, exits 1, and the first keeps serving', async () => {
    const dataDir = path.join(dir, 'data-twice');
    const env = { KAIROS_DATA_DIR: dataDir, KAIROS_PG_PORT: String(await freePort()), PORT: String(await freePort()), KAIROS_SEED_DEMO: 'false' };
    const first = start(env);
    await untilReady(Number(env.PORT), first, 120_000);

    const second = start({ ...env, PORT: String(await freePort()) });
    expect(await exitOf(second.child, 60_000)).toEqual([1, null]);
    expect(second.output().stderr).toBe(
      `Kairos failed to start: another Kairos (pid ${first.child.pid}) is using ${dataDir}; stop it first, or set KAIROS_DATA_DIR to another folder\n`,
    );
    expect(await ready(Number(env.PORT))).toBe(true);

    // The CLI is not refused: it uses the running server's PostgreSQL (and leaves it running).
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', TS_LOADER, 'src/cli/main.ts', 'token', 'list'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual({ tokens: [] });
    expect(await ready(Number(env.PORT))).toBe(true);

    killGroup(first.child, 'SIGTERM');
    expect(await exitOf(first.child, 30_000)).toEqual([0, null]);
  });

  it('a taken KAIROS_PG_PORT is named, with the fix', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const pgPort = (blocker.address() as net.AddressInfo).port;
    try {
      const run = start({ KAIROS_DATA_DIR: path.join(dir, 'data-port'), KAIROS_PG_PORT: String(pgPort), PORT: String(await freePort()), KAIROS_SEED_DEMO: 'false' });
      expect(await exitOf(run.child, 120_000)).toEqual([1, null]);
      expect(run.output().stderr).toBe(`Kairos failed to start: KAIROS_PG_PORT ${pgPort} is in use by another program on 127.0.0.1: stop it, or set KAIROS_PG_PORT to a free port\n`);
    } finally {
      blocker.close();
    }
  });

  it.runIf(process.getuid?.() === 0)('as root: a data folder the postgres user cannot reach is named, with the fix', async () => {
    const closed = path.join(dir, 'closed');
    await mkdir(closed, { mode: 0o700 });
    await chmod(closed, 0o700);
    const run = start({ KAIROS_DATA_DIR: path.join(closed, 'data'), KAIROS_PG_PORT: String(await freePort()), PORT: String(await freePort()), KAIROS_SEED_DEMO: 'false' });
    expect(await exitOf(run.child, 60_000)).toEqual([1, null]);
    expect(run.output().stderr).toBe(
      `Kairos failed to start: the embedded PostgreSQL runs as the "postgres" user because Kairos runs as root, and that user cannot enter ${closed} on the way to its data folder ${path.join(closed, 'data')}. ` +
        `Set KAIROS_DATA_DIR to a folder it can reach (e.g. /var/lib/kairos/postgres), or let it through with \`chmod o+x ${closed}\`, or run Kairos as a user other than root.\n`,
    );
  });
});
