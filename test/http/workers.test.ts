import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/app.js';
import { ROOT, TS_LOADER } from '../harness/main-process.js';

/**
 * `npm start` with WORKERS=2 (docs/operations.md, "Several workers"): the primary migrates once and
 * forks two workers that share the port; requests reach both; a signal to the primary stops both
 * workers (each drains) and then the primary, exit 0.
 */
describe('WORKERS=2', () => {
  it.each([
    ['SIGTERM to the primary (a service manager)', (pid: number) => process.kill(pid, 'SIGTERM')],
    ['SIGINT to the process group (Ctrl-C)', (pid: number) => process.kill(-pid, 'SIGINT')],
  ])('answers from both workers on one port and stops cleanly on %s', async (_name, stop) => {
    const { NODE_ENV: _test, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', TS_LOADER, 'src/main.ts'], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: await createTestDatabase('kairos_workers'), WORKERS: '2', PORT: '0', HOST: '127.0.0.1', KAIROS_SEED_DEMO: 'true', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const lines = () => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>);
    const exited = once(child, 'exit');
    try {
      // Each process compiles the TypeScript sources on start: slow on a busy machine.
      await expect.poll(() => /Kairos GraphiQL: (\S+)/.exec(stderr)?.[1], { timeout: 180_000 }).toBeDefined();
      const graphql = /Kairos GraphiQL: (\S+)/.exec(stderr)![1]!.replace('localhost', '127.0.0.1');
      const token = /Demo API token:\s+(\S+)/.exec(stderr)![1]!;
      const listening = lines().find((l) => l.msg === 'Kairos is listening')!;
      expect(listening).toMatchObject({ workers: 2, rateLimitStore: 'postgres' });
      expect(listening.worker).toBeUndefined();

      // Several connections at once (4: a worker's in-flight cap per token): the cluster hands connections to the workers in turn.
      const workersSeen = () => new Set(lines().filter((l) => l.msg === 'graphql').map((l) => l.worker));
      await expect
        .poll(async () => {
          const answers = await Promise.all(Array.from({ length: 4 }, () =>
            fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ currentOrganisation { name } }' }) }).then((r) => r.json()),
          ));
          for (const answer of answers) expect(answer).toMatchObject({ data: { currentOrganisation: { name: expect.any(String) } } });
          return [...workersSeen()].sort();
        }, { timeout: 30_000 })
        .toEqual([1, 2]);
      // The demo seed ran once, in the primary: one organisation, whichever worker answers.
      expect(lines().filter((l) => l.msg === 'Kairos is listening')).toHaveLength(1);

      stop(child.pid!);
      const timeout = new Promise((resolve) => setTimeout(resolve, 30_000, ['still running']));
      expect(await Promise.race([exited, timeout])).toEqual([0, null]);
      const stopped = lines().filter((l) => l.msg === 'stopped');
      expect(stopped.map((l) => l.worker ?? 'primary').sort()).toEqual([1, 2, 'primary']);
      // The primary says it stopped last, after both workers drained.
      expect(stopped.at(-1)!.worker).toBeUndefined();
      expect(lines().filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }, 300_000);
});
