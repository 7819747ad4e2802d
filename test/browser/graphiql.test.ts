import os from 'node:os';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.js';
import { launchChromium } from './chromium.js';

let app: TestApp;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('serves GraphiQL from localhost only and runs a typed query, then a subscription, with the token from the Headers editor', async () => {
  const started = Date.now();
  const org = await app.createOrg('Browser Clinic');
  const created = await app.gql(`mutation { createCustomer(input: { firstName: "Zenobia", lastName: "Quill" }) { customer { id } } }`, {}, { token: org.token });
  expect(created.errors).toBeUndefined();

  const context = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    // 'load', then the editor itself: 'networkidle' (500 ms without a request) never came in two full
    // runs beside the other suites, in 60 and in 150 s, while the page works in 5 s alone.
    await page.goto(`http://127.0.0.1:${app.kairos.port}/graphql`, { waitUntil: 'load', timeout: 90_000 });
    const queryEditor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await queryEditor.waitFor({ timeout: 90_000 });

    // insertText, not type(): the editor would auto-close every bracket and quote that type() sends.
    await queryEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('query Customers { viewer { name } customers(first: 5) { edges { node { name } } } }');

    await page.getByRole('button', { name: 'Headers' }).click();
    const headersEditor = page.locator('.graphiql-editor-tool .monaco-editor').last();
    await headersEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${org.token}` }));

    const sent = page.waitForRequest((r) => r.method() === 'POST' && (r.postData() ?? '').includes('query Customers'), { timeout: 30_000 });
    await page.getByRole('button', { name: /^Execute query/ }).click();
    expect((await sent).headers().authorization).toBe(`Bearer ${org.token}`);

    // The result pane is an editor too: it renders spaces as no-break spaces.
    const resultText = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(resultText, { timeout: 30_000 }).toContain('"name": "Zenobia Quill"');
    expect(await resultText()).toContain('"name": "Browser Clinic Owner"');

    // A subscription from the same page, over WebSocket, with the token of the Headers tab in connection_init.
    const sentFrames: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (frame) => sentFrames.push(String(frame.payload))));
    const [{ id: mark }] = await app.sql<{ id: string }>('select coalesce(max(id), 0)::text as id from outbox_event where organisation_id = $1', [org.organisationId]);
    await queryEditor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(`subscription Live { appointmentEvents(resumeAfter: "${mark}") { eventId type appointment { code } } }`);
    await page.getByRole('button', { name: /^Execute query/ }).click();
    await expect.poll(() => sentFrames.some((f) => f.includes('"type":"subscribe"')), { timeout: 30_000 }).toBe(true);
    expect(JSON.parse(sentFrames.find((f) => f.includes('connection_init'))!).payload).toMatchObject({ Authorization: `Bearer ${org.token}` });
    const booked = await app.gql(`mutation { createAppointment(input: { startsAt: "2035-03-01T10:00:00Z", endsAt: "2035-03-01T11:00:00Z" }) { appointment { code } userErrors { code } } }`, {}, { token: org.token });
    expect(booked.errors).toBeUndefined();
    const code = booked.data.createAppointment.appointment.code;
    await expect.poll(resultText, { timeout: 30_000 }).toContain(`"code": "${code}"`);
    expect(await resultText()).toContain('"type": "CREATED"');

    // One fixed file, overwritten by every run, for a human to check that the page looks right.
    const shot = path.join(os.tmpdir(), 'kairos-graphiql.png');
    await page.screenshot({ path: shot });
    console.log(`GraphiQL: page, query, subscription and results in ${Date.now() - started} ms; screenshot ${shot}`);

    const offsite = requests.map((r) => r.url()).filter((url) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(url));
    expect(offsite).toEqual([]);
    expect(requests.length).toBeGreaterThan(1);
  } finally {
    await context.close();
  }
}, 240_000);
