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

it('serves GraphiQL from localhost only and runs a typed query with the token from the Headers editor', async () => {
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

    // One fixed file, overwritten by every run, for a human to check that the page looks right.
    const shot = path.join(os.tmpdir(), 'kairos-graphiql.png');
    await page.screenshot({ path: shot });
    console.log(`GraphiQL: page, query and result in ${Date.now() - started} ms; screenshot ${shot}`);

    const offsite = requests.map((r) => r.url()).filter((url) => !/^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/.test(url));
    expect(offsite).toEqual([]);
    expect(requests.length).toBeGreaterThan(1);
  } finally {
    await context.close();
  }
}, 240_000);
