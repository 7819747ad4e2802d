import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { ROOT, TS_LOADER } from './main-process.js';

/** A `src/main.ts` process started as `npm start` starts it (same heap cap), on loopback. */
export interface KairosProcess {
  child: ChildProcessWithoutNullStreams;
  /** `http://localhost:PORT/graphql`. */
  url: string;
  /** The demo organisation's OWNER token, when the demo was seeded. */
  token: string | null;
  /** Resident set size of the process now, in MiB (from /proc). */
  rssMiB(): number;
  /** SIGTERM, then SIGKILL if it has not exited within 20 s. */
  stop(): Promise<void>;
}

/** Starts `src/main.ts` with `--max-old-space-size=256` (as `npm start`) and waits for its banner. */
export async function spawnKairos(env: Record<string, string>): Promise<KairosProcess> {
  const { NODE_ENV: _test, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--max-old-space-size=256', '--import', TS_LOADER, 'src/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 90_000;
  while (!/http:\/\/localhost:\d+\/graphql/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Kairos did not start: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    url: /http:\/\/localhost:\d+\/graphql/.exec(output)![0].replace('localhost', '127.0.0.1'),
    token: /kairos_[A-Za-z0-9_-]{43}/.exec(output)?.[0] ?? null,
    rssMiB: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
