import { readFileSync } from 'node:fs';
import { link, open, readFile, readlink, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Who holds an embedded data folder: the Kairos process (`npm start`, a CLI command, the test setup)
 * that started PostgreSQL on it. Kept in `<data folder>.kairos.pid`, beside the folder (initdb wants the
 * folder itself empty).
 */
export interface LockOwner {
  pid: number;
  /** TCP port of the PostgreSQL the owner started (a CLI command connects to it instead of starting its own). */
  port: number;
  /** Linux only: the kernel's boot id and the process's start time, which tell a live owner from a reused pid. */
  bootId: string | null;
  started: string | null;
}

/** The data folder is held by another live Kairos process. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(`another Kairos (pid ${owner.pid}) is using ${dataDir}; stop it first, or set KAIROS_DATA_DIR to another folder`);
  }
}

export function lockFileOf(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.kairos.pid`);
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Linux: the boot id, which changes at every boot (a lock from before a power cut is stale). */
function bootId(): string | null {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

/** Linux: when process `pid` started, in clock ticks since boot (field 22 of /proc/<pid>/stat). */
function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the lock's owner is still running. A pid alone is not enough: after a reboot or in a
 * restarted container the same pid may belong to another process (or to us), so on Linux the boot id
 * and the process start time must match too.
 */
function ownerAlive(owner: LockOwner): boolean {
  if (owner.pid === process.pid || !isAlive(owner.pid)) return false;
  const boot = bootId();
  if (boot && owner.bootId && boot !== owner.bootId) return false;
  const started = processStart(owner.pid);
  return !(started && owner.started && started !== owner.started);
}

function parseOwner(text: string): LockOwner | null {
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null;
  }
}

/** A held data folder lock; {@link release} removes it. */
export interface ClusterLock {
  release(): Promise<void>;
}

/**
 * Takes the data folder's lock for this process (exclusive create). A lock whose owner is gone (a
 * crash, a kill -9, a power cut) is moved aside and taken; when two starts race for it, the rename
 * lets only one of them move it, and the other finds the winner's lock.
 * @throws DataDirInUse when a live Kairos process holds it.
 */
export async function acquireClusterLock(dataDir: string, port: number): Promise<ClusterLock> {
  const file = lockFileOf(dataDir);
  const mine: LockOwner = { pid: process.pid, port, bootId: bootId(), started: processStart(process.pid) };
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o644);
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      return {
        async release() {
          const text = await readFile(file, 'utf8').catch(() => null);
          if (text && parseOwner(text)?.pid === process.pid) await unlink(file).catch(() => {});
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) continue;
    const owner = parseOwner(text);
    // An empty or torn lock is one whose writer died between creating and writing it.
    if (owner && ownerAlive(owner)) throw new DataDirInUse(dataDir, owner);
    const aside = `${file}.stale-${process.pid}`;
    try {
      await rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    if ((await readFile(aside, 'utf8')) !== text) {
      // A racing start replaced the stale lock between our read and our rename: put its lock back.
      await link(aside, file).catch(() => {});
    }
    await unlink(aside);
  }
  throw new Error(`could not take the lock ${file}: it keeps changing`);
}

/** PostgreSQL's own lock in the data folder: its first line is the postmaster's pid. */
function postmasterPid(dataDir: string): number | null {
  const text = readText(path.join(dataDir, 'postmaster.pid'));
  const pid = Number(text?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Whether `pid` is the postmaster of `dataDir`: the postmaster's working directory is its data folder.
 * Null when that cannot be read (not Linux).
 */
async function isPostmasterOf(pid: number, dataDir: string): Promise<boolean | null> {
  try {
    return (await readlink(`/proc/${pid}/cwd`)) === (await realpath(dataDir));
  } catch {
    return null;
  }
}

/** Waits until `pid` has exited or the postmaster.pid file is gone; answers whether it did in time. */
async function waitForExit(pid: number, dataDir: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || postmasterPid(dataDir) !== pid) return true;
    await sleep(50);
  }
  return false;
}

/**
 * Called with the lock held, before PostgreSQL starts. After a crash of the Kairos that held the
 * folder (kill -9, an OOM kill), the PostgreSQL it started keeps running and holds the folder and the
 * port: stop it (fast shutdown: it rolls back open transactions and writes a checkpoint; committed
 * data is kept), escalating to an immediate shutdown if it does not stop in time. A postmaster.pid
 * whose pid is dead (a power cut) is left to PostgreSQL, which recovers from its WAL; one whose pid now
 * belongs to another process is removed, as PostgreSQL would otherwise take that process for a
 * running postmaster.
 * @throws Error when the orphan does not stop.
 */
export async function stopOrphanPostgres(dataDir: string, log: (msg: string) => void): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid || !isAlive(pid)) return;
  const ours = await isPostmasterOf(pid, dataDir);
  if (ours === false) {
    log(`postmaster.pid names pid ${pid}, which is not a PostgreSQL of ${dataDir}: removing the stale file`);
    await unlink(path.join(dataDir, 'postmaster.pid')).catch(() => {});
    return;
  }
  log(`stopping the PostgreSQL (pid ${pid}) that a previous Kairos left running on ${dataDir}`);
  for (const [signal, ms] of [['SIGINT', 30_000], ['SIGQUIT', 10_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitForExit(pid, dataDir, ms)) return;
  }
  throw new Error(`the PostgreSQL (pid ${pid}) left running on ${dataDir} by a previous Kairos did not stop; stop it and start again`);
}
