import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.js';
import { ConfigError, loadConfig } from '../../src/config/env.js';
import { createTestDatabase, startTestApp, type TestApp } from '../harness/app.js';
import { ROOT, TS_LOADER } from '../harness/main-process.js';

/** Every line the server logged, as written (JSON text). */
const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, any>);
/** The request's log lines with this `msg`, once there is one: the request line is written as the answer goes out. */
async function linesOf(requestId: string, msg: string) {
  await expect.poll(() => logged().filter((l) => l.requestId === requestId && l.msg === msg).length).toBeGreaterThan(0);
  return logged().filter((l) => l.requestId === requestId && l.msg === msg);
}

let app: TestApp;
let token: string;
let url: string;

beforeAll(async () => {
  app = await startTestApp({ log: createLogger('info', logStream) });
  token = (await app.createOrg('Ops Clinic')).token;
  url = `http://127.0.0.1:${app.kairos.port}/graphql`;
});
afterAll(async () => {
  await app?.stop();
});

function post(body: object, headers: Record<string, string>) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('logs', () => {
  it('log each request as one JSON line with request id, operation name, status, duration and outcome, and never the token', async () => {
    const res = await post(
      { query: 'query WhoAmI { viewer { name } }', operationName: 'WhoAmI' },
      { authorization: `Bearer ${token}`, 'x-session-token': token, 'api_access_token': token, 'x-request-id': 'ops-ok-1' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('ops-ok-1');
    const denied = await post({ query: 'query Denied { viewer { name } }', operationName: 'Denied' }, { 'x-session-token': `${token}x`, 'x-request-id': 'ops-denied-1' });
    expect(denied.status).toBe(401);
    const forged = await fetch(`${url}?query=${encodeURIComponent('query Forged { __typename }')}&operationName=Forged`, { headers: { 'x-request-id': 'ops-csrf-1' } });
    expect(forged.status).toBe(400);

    expect(await linesOf('ops-ok-1', 'graphql')).toEqual([
      { level: 30, time: expect.any(Number), service: 'kairos', requestId: 'ops-ok-1', operationName: 'WhoAmI', status: 200, durationMs: expect.any(Number), outcome: 'ok', msg: 'graphql' },
    ]);
    expect(await linesOf('ops-denied-1', 'graphql')).toEqual([
      expect.objectContaining({ operationName: 'Denied', status: 401, durationMs: expect.any(Number), outcome: 'error', errorCodes: ['UNAUTHENTICATED'] }),
    ]);
    // Refused by Apollo before any plugin runs, and still logged.
    expect(await linesOf('ops-csrf-1', 'graphql')).toEqual([expect.objectContaining({ operationName: 'Forged', status: 400, outcome: 'error' })]);
    expect(logLines.join('\n')).not.toContain(token.slice('kairos_'.length));
  });

  it('mask an unexpected error for the client (INTERNAL_SERVER_ERROR + requestId) and log it with its cause under that id', async () => {
    // A genuine database failure no resolver expects, as after a botched manual schema change: the
    // column createCustomer writes is renamed away (in this file's own database) for one request.
    await app.sql('alter table customer rename column first_name to first_name_gone');
    const res = await post(
      { query: 'mutation { createCustomer(input: { firstName: "Ada" }) { customer { id } } }' },
      { authorization: `Bearer ${token}`, 'x-session-token': token },
    ).finally(() => app.sql('alter table customer rename column first_name_gone to first_name'));
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const body = await res.json();
    expect(body.errors).toEqual([{ message: 'Internal server error', path: ['createCustomer'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }]);

    const errorLines = await linesOf(requestId!, 'unexpected error');
    expect(errorLines).toEqual([expect.objectContaining({ level: 50, path: ['createCustomer'], err: expect.objectContaining({ stack: expect.any(String) }) })]);
    expect(errorLines[0]!.err).toMatchObject({ code: '42703' });
    expect(await linesOf(requestId!, 'graphql')).toEqual([expect.objectContaining({ status: 200, outcome: 'error', errorCodes: ['INTERNAL_SERVER_ERROR'] })]);
    expect(logLines.join('\n')).not.toContain(token.slice('kairos_'.length));
  });
});

describe('health and readiness', () => {
  it('GET /healthz answers 200 while the database is reachable', async () => {
    const res = await fetch(`http://127.0.0.1:${app.kairos.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when every migration is applied', async () => {
    const res = await fetch(`http://127.0.0.1:${app.kairos.port}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });
});

describe('configuration', () => {
  it('names the limit a number breaks', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow('Invalid configuration: PORT: Too big: expected number to be <=65535');
  });

  it('has working defaults and treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ PORT: 4000, HOST: '0.0.0.0', LOG_LEVEL: 'info', DB_POOL_MAX: 10, KAIROS_SEED_DEMO: true });
    expect(loadConfig({ PORT: '8080', LOG_LEVEL: 'debug', KAIROS_SEED_DEMO: 'false' })).toMatchObject({ PORT: 8080, LOG_LEVEL: 'debug', KAIROS_SEED_DEMO: false });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', ' '],
    ['PORT', '70000'],
    ['KAIROS_PG_PORT', '0'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://db/kairos'],
    ['DB_POOL_MAX', '0'],
    ['KAIROS_SEED_DEMO', 'yes'],
  ])('refuses %s=%s with one line naming the variable', (name, value) => {
    const error = (() => {
      try {
        loadConfig({ [name]: value });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${name}: [^\\n]+$`));
  });

  it('stops `npm start` before anything starts: one line on stderr, exit code 2', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', TS_LOADER, 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc', DATABASE_URL: '', LOG_LEVEL: 'info' },
      timeout: 60_000,
    });
    await expect(run).rejects.toMatchObject({ code: 2, stdout: '', stderr: 'Invalid configuration: PORT: expected a whole number from 0 to 65535\n' });
  });
});

describe('shutdown', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('`npm start` stops on %s: drains, closes the pool and exits 0', async (signal) => {
    // Without NODE_ENV=test, as npm start runs: Apollo installs its own signal handlers unless told not to.
    const { NODE_ENV: _test, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', TS_LOADER, 'src/main.ts'], {
      cwd: ROOT,
      env: { ...env, DATABASE_URL: await createTestDatabase('kairos_shutdown'), PORT: '0', HOST: '127.0.0.1', KAIROS_SEED_DEMO: 'false', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const exited = once(child, 'exit');
    try {
      await expect.poll(() => /Kairos GraphiQL: (\S+)/.exec(stderr)?.[1], { timeout: 60_000 }).toBeDefined();
      const graphql = /Kairos GraphiQL: (\S+)/.exec(stderr)![1]!;
      expect((await fetch(graphql.replace('/graphql', '/readyz'))).status).toBe(200);

      child.kill(signal);
      const timeout = new Promise((resolve) => setTimeout(resolve, 20_000, ['still running']));
      expect(await Promise.race([exited, timeout])).toEqual([0, null]);
      // The banner is the person's, on stderr; stdout is JSON log lines only, so it can be piped to a collector.
      const messages = stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages).toEqual(expect.arrayContaining(['Kairos is listening', 'shutting down', 'stopped']));
      expect(stderr).toBe(`\nKairos GraphiQL: ${graphql}\n\n`);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
