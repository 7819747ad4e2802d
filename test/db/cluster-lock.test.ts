import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TS_LOADER } from '../harness/main-process.js';
import { acquireClusterLock, DataDirInUse, lockFileOf, stopOrphanPostgres } from '../../src/db/cluster-lock.js';

let dir: string;
let n = 0;
const dataDir = () => path.join(dir, `data-${++n}`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kairos-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Linux start time of a process, as the lock records it. */
function startOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
  } catch {
    return null;
  }
}

/** A process that stays alive until killed. */
async function sleeper() {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  await once(child, 'spawn');
  return child;
}

describe('the data folder lock', () => {
  it('is taken, refuses a second holder while the first lives, and goes on release', async () => {
    const data = dataDir();
    const lock = await acquireClusterLock(data, 5432);
    expect(JSON.parse(readFileSync(lockFileOf(data), 'utf8'))).toMatchObject({ pid: process.pid, port: 5432 });
    const holder = await sleeper();
    try {
      await writeFile(lockFileOf(data), JSON.stringify({ pid: holder.pid, port: 6543, bootId: null, started: startOf(holder.pid!) }));
      const refused = await acquireClusterLock(data, 5432).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DataDirInUse);
      expect((refused as DataDirInUse).owner).toMatchObject({ pid: holder.pid, port: 6543 });
      expect((refused as Error).message).toBe(`another Kairos (pid ${holder.pid}) is using ${data}; stop it first, or set KAIROS_DATA_DIR to another folder`);
      // Not ours any more: release leaves the other holder's lock alone.
      await lock.release();
      expect(existsSync(lockFileOf(data))).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it.each([
    ['a dead pid (a crash)', async () => ({ pid: 2 ** 22 - 7, port: 1, bootId: null, started: null })],
    ['our own pid (a restarted container)', async () => ({ pid: process.pid, port: 1, bootId: null, started: null })],
    ['a live pid with another start time (reused after a reboot)', async () => ({ pid: 1, port: 1, bootId: null, started: 'not-its-start' })],
    ['another boot (a power cut)', async () => ({ pid: 1, port: 1, bootId: 'an-earlier-boot', started: null })],
    ['a torn file', async () => null],
  ])('takes over a stale lock: %s', async (_case, owner) => {
    const data = dataDir();
    const stale = await owner();
    if (stale?.pid === 1 && !existsSync('/proc/1/stat')) return;
    await mkdir(path.dirname(data), { recursive: true });
    await writeFile(lockFileOf(data), stale ? JSON.stringify(stale) : '{"pid":');
    const lock = await acquireClusterLock(data, 7777);
    expect(JSON.parse(readFileSync(lockFileOf(data), 'utf8'))).toMatchObject({ pid: process.pid, port: 7777 });
    await lock.release();
    expect(existsSync(lockFileOf(data))).toBe(false);
  });

  it('processes racing for a stale lock: exactly one takes it, the others are told its pid', async () => {
    const data = dataDir();
    await mkdir(path.dirname(data), { recursive: true });
    await writeFile(lockFileOf(data), JSON.stringify({ pid: 2 ** 22 - 7, port: 1, bootId: null, started: null }));
    // Each racer takes the lock, holds it for a while (alive, so the others must see a live owner) and exits.
    const script = `import { acquireClusterLock } from ${JSON.stringify(new URL('../../src/db/cluster-lock.ts', import.meta.url).href)};
      try { await acquireClusterLock(${JSON.stringify(data)}, 1); console.log('won'); await new Promise((r) => setTimeout(r, 3000)); }
      catch (error) { console.log(error.owner ? 'refused ' + error.owner.pid : 'error ' + error.message); }`;
    const racers = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', TS_LOADER, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    const outputs = await Promise.all(
      racers.map(async (child) => {
        let out = '';
        child.stdout!.on('data', (chunk) => (out += String(chunk)));
        await once(child, 'exit');
        return { pid: child.pid, out: out.trim() };
      }),
    );
    const winners = outputs.filter((o) => o.out === 'won');
    expect(winners, JSON.stringify(outputs)).toHaveLength(1);
    for (const loser of outputs.filter((o) => o.out !== 'won')) expect(loser.out).toBe(`refused ${winners[0]!.pid}`);
  });
});

describe('a postmaster.pid left behind', () => {
  it('naming a dead pid is left to PostgreSQL (it recovers by itself)', async () => {
    const data = dataDir();
    await mkdir(data, { recursive: true });
    await writeFile(path.join(data, 'postmaster.pid'), `${2 ** 22 - 7}\n${data}\n`);
    await stopOrphanPostgres(data, () => {});
    expect(existsSync(path.join(data, 'postmaster.pid'))).toBe(true);
  });

  it.runIf(existsSync('/proc/self/cwd'))('naming a live process that is not a PostgreSQL of the folder is removed, and that process is not signalled', async () => {
    const data = dataDir();
    await mkdir(data, { recursive: true });
    const other = await sleeper();
    try {
      await writeFile(path.join(data, 'postmaster.pid'), `${other.pid}\n${data}\n`);
      const notices: string[] = [];
      await stopOrphanPostgres(data, (msg) => notices.push(msg));
      expect(existsSync(path.join(data, 'postmaster.pid'))).toBe(false);
      expect(other.exitCode).toBeNull();
      expect(other.signalCode).toBeNull();
      expect(notices).toEqual([`postmaster.pid names pid ${other.pid}, which is not a PostgreSQL of ${data}: removing the stale file`]);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
