import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../harness/app.js';
import { ROOT, TS_LOADER } from '../harness/main-process.js';
import { launchChromium } from './chromium.js';

/**
 * A booking app as a frontend on another origin would have it: read the viewer, a customer and a
 * treatment, book an appointment, and show the code and the answer's X-Request-Id, or the error.
 * Each request sends an X-Request-Id naming the page's port, which the server's log lines repeat.
 * `?api=` and `?token=` tell it where Kairos is and what to send.
 */
const BOOKING_PAGE = `<!doctype html>
<meta charset="utf-8"><title>Booking app</title>
<p id="status">working</p>
<script type="module">
  const params = new URLSearchParams(location.search);
  const status = document.getElementById('status');
  let sent = 0;
  async function gql(query, variables) {
    const res = await fetch(params.get('api'), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json', Authorization: 'Bearer ' + params.get('token'),
        'X-Request-Id': 'booking-app-' + location.port + '-' + ++sent,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(body.errors.map((e) => e.extensions?.code + ' ' + e.message).join('; '));
    return { data: body.data, requestId: res.headers.get('X-Request-Id') };
  }
  try {
    const { data } = await gql('{ viewer { id } customers(first: 1) { edges { node { id } } } treatments(first: 1) { edges { node { id } } } }');
    const booked = await gql(
      'mutation Book($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id code } userErrors { code message } } }',
      { input: {
        customerId: data.customers.edges[0].node.id, practitionerId: data.viewer.id, treatmentIds: [data.treatments.edges[0].node.id],
        startsAt: '2031-03-03T09:00:00Z', idempotencyKey: 'booking-app-' + location.port,
      } },
    );
    const payload = booked.data.createAppointment;
    if (payload.userErrors.length) throw new Error(payload.userErrors.map((e) => e.code).join(', '));
    status.textContent = ['booked', payload.appointment.code, payload.appointment.id, booked.requestId].join(' ');
  } catch (error) {
    status.textContent = 'failed ' + error.name + ': ' + error.message;
  }
</script>
`;

/** Serves the booking page on 127.0.0.1 at a free port: one web origin. */
async function servePage(): Promise<{ origin: string; server: http.Server }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(BOOKING_PAGE));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let allowed: Awaited<ReturnType<typeof servePage>>;
let refused: Awaited<ReturnType<typeof servePage>>;
let kairos: ChildProcess;
let stdout = '';
let api: string;
let token: string;
let browser: Browser;

beforeAll(async () => {
  [allowed, refused] = await Promise.all([servePage(), servePage()]);
  // npm start as a user runs it (src/main.ts, demo data and all), allowing the first page's origin only.
  kairos = spawn(process.execPath, ['--import', TS_LOADER, 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: await createTestDatabase('kairos_cors'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info',
      KAIROS_SEED_DEMO: 'true', CORS_ORIGINS: allowed.origin,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  kairos.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  // The banner on stderr gives the port and the demo token, as it does to a person.
  const [, port, demoToken] = await new Promise<RegExpExecArray>((resolve, reject) => {
    let stderr = '';
    const banner = /Kairos GraphiQL: http:\/\/localhost:(\d+)\/graphql\nDemo API token: +(kairos_\S+)/;
    kairos.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
      const match = banner.exec(stderr);
      if (match) resolve(match);
    });
    kairos.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
  });
  api = `http://127.0.0.1:${port}/graphql`;
  token = demoToken!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (kairos && kairos.exitCode === null) {
    const exited = once(kairos, 'exit');
    kairos.kill('SIGTERM');
    await exited;
  }
  allowed?.server.close();
  refused?.server.close();
});

/** Opens the booking page of `origin` and answers what it shows once done, and the browser's console. */
async function runBookingPage(origin: string): Promise<{ status: string; console: string[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const console: string[] = [];
    page.on('console', (message) => console.push(message.text()));
    await page.goto(`${origin}/?${new URLSearchParams({ api, token })}`);
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 30_000 }).not.toBe('working');
    return { status: await page.locator('#status').innerText(), console };
  } finally {
    await context.close();
  }
}

/** The request ids of the `graphql` log lines npm start has written for the page of `origin`. */
const loggedRequests = (origin: string) =>
  stdout.split('\n').filter((line) => line.includes('"msg":"graphql"')).map((line) => (JSON.parse(line) as { requestId: string }).requestId)
    .filter((id) => id.startsWith(`booking-app-${new URL(origin).port}-`));

it('a page on an allowed origin books an appointment and reads X-Request-Id', async () => {
  const { status } = await runBookingPage(allowed.origin);
  const match = /^booked (APT-\d{6}) (\S+) (\S+)$/.exec(status);
  expect(match, status).not.toBeNull();
  expect(match![3]).toBe(`booking-app-${new URL(allowed.origin).port}-2`);
  await expect.poll(() => loggedRequests(allowed.origin)).toHaveLength(2);

  const res = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'query($id: ID!) { node(id: $id) { ... on Appointment { code startsAt } } }', variables: { id: match![2] } }),
  });
  expect(await res.json()).toEqual({ data: { node: { code: match![1], startsAt: '2031-03-03T09:00:00.000Z' } } });
}, 120_000);

it('a page on another origin is refused by the browser: the preflight gets no Access-Control-Allow-Origin, nothing runs', async () => {
  const { status, console } = await runBookingPage(refused.origin);
  expect(status).toBe('failed TypeError: Failed to fetch');
  expect(console.join('\n')).toContain(`from origin '${refused.origin}' has been blocked by CORS policy`);
  // The preflight is answered before the request logger; the POST itself never left the browser.
  expect(loggedRequests(refused.origin)).toEqual([]);
}, 120_000);
