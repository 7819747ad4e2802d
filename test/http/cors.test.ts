import 'reflect-metadata';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORS_EXPOSED_HEADERS, CORS_REQUEST_HEADERS } from '../../src/app/cors.js';
import { ConfigError, corsOrigin, loadConfig, type CorsOrigin } from '../../src/config/env.js';
import { startTestApp, type TestApp } from '../harness/app.js';

/** Whether a browser page of `origin` is allowed by these CORS_ORIGINS rules (as the cors middleware decides). */
function allows(rules: CorsOrigin[], origin: string): boolean {
  return rules.some((rule) => rule === '*' || (typeof rule === 'string' ? rule === origin : rule.test(origin)));
}
const rulesOf = (list: string) => loadConfig({ CORS_ORIGINS: list }).CORS_ORIGINS;

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const port = fc.integer({ min: 1, max: 65535 });

describe('CORS_ORIGINS', () => {
  it('defaults to no cross-origin access, no credentials and a 600 s preflight cache', () => {
    expect(loadConfig({})).toMatchObject({ CORS_ORIGINS: [], CORS_CREDENTIALS: false, CORS_MAX_AGE: 600 });
    expect(loadConfig({ CORS_ORIGINS: '', CORS_MAX_AGE: '' })).toMatchObject({ CORS_ORIGINS: [], CORS_MAX_AGE: 600 });
  });

  it('reads exact origins as browsers send them: lower case, without the default port', () => {
    expect(rulesOf(' HTTPS://App.Example.com:443 , http://localhost:3000,http://[::1]:8080 ')).toEqual([
      'https://app.example.com', 'http://localhost:3000', 'http://[::1]:8080',
    ]);
    expect(rulesOf('*')).toEqual(['*']);
  });

  it('https://*.example.com allows every subdomain, at any depth, and nothing else', () => {
    const rules = rulesOf('https://*.example.com');
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), (labels) => allows(rules, `https://${labels.join('.')}.example.com`)));
    // Anything else: the apex, another scheme or port, a look-alike suffix, a longer host.
    fc.assert(
      fc.property(label, (name) =>
        [`https://example.com`, `http://${name}.example.com`, `https://${name}.example.com:8443`, `https://${name}example.com`,
          `https://${name}.example.com.${name}.net`, `https://${name}.example.co`, `https://${name}-example.com`].every((origin) => !allows(rules, origin)),
      ),
    );
  });

  it('http://localhost:* allows localhost on any port, or none, and nothing else', () => {
    const rules = rulesOf('http://localhost:*');
    expect(allows(rules, 'http://localhost')).toBe(true);
    fc.assert(fc.property(port, (p) => allows(rules, `http://localhost:${p}`)));
    fc.assert(
      fc.property(port, label, (p, name) =>
        [`https://localhost:${p}`, `http://127.0.0.1:${p}`, `http://localhost.${name}:${p}`, `http://${name}.localhost:${p}`, `http://localhost:${p}/`].every((origin) => !allows(rules, origin)),
      ),
    );
  });

  it('allows exactly the listed origins when there is no pattern', () => {
    const rules = rulesOf('http://localhost:3000,https://app.example.com');
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: false, withFragments: false }), (url) => {
        const origin = new URL(url).origin;
        return allows(rules, origin) === ['http://localhost:3000', 'https://app.example.com'].includes(origin);
      }),
    );
  });

  it.each([
    ['a path', 'https://app.example.com/'],
    ['no scheme', 'app.example.com'],
    ['another scheme', 'ftp://files.example.com'],
    ['a wildcard inside the host', 'https://app.*.com'],
    ['a partial wildcard', 'https://app*.example.com'],
    ['a port out of range', 'http://localhost:70000'],
    ['the opaque origin', 'null'],
  ])('refuses an entry with %s (%s) with one line naming the variable', (_what, entry) => {
    expect(corsOrigin(entry)).toBeNull();
    expect(() => rulesOf(`http://localhost:3000,${entry}`)).toThrow(ConfigError);
    expect(() => rulesOf(`http://localhost:3000,${entry}`)).toThrow(new RegExp(`^Invalid configuration: CORS_ORIGINS: "${entry.replace(/[.*]/g, '\\$&')}" is not an origin [^\\n]+$`));
  });

  it('refuses CORS_CREDENTIALS=true with the * origin, which browsers would refuse', () => {
    expect(() => loadConfig({ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'true' })).toThrow(/^Invalid configuration: CORS_CREDENTIALS: true needs CORS_ORIGINS to list the origins/);
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com', CORS_CREDENTIALS: 'true' }).CORS_CREDENTIALS).toBe(true);
  });

  it('refuses a CORS_MAX_AGE beyond a day', () => {
    expect(() => loadConfig({ CORS_MAX_AGE: '86401' })).toThrow(/^Invalid configuration: CORS_MAX_AGE: /);
  });
});

describe('cross-origin requests to /graphql', () => {
  let app: TestApp;
  let open: TestApp;
  let closed: TestApp;
  let token: string;

  beforeAll(async () => {
    [app, open, closed] = await Promise.all([
      startTestApp({ cors: { origins: rulesOf('http://localhost:3000,https://*.example.com'), credentials: false, maxAgeSeconds: 600 } }),
      startTestApp({ cors: { origins: ['*'], credentials: false, maxAgeSeconds: 0 } }),
      startTestApp(),
    ]);
    token = (await app.createOrg('Cors Clinic')).token;
  });
  afterAll(async () => {
    await Promise.all([app?.stop(), open?.stop(), closed?.stop()]);
  });

  const urlOf = (server: TestApp) => `http://127.0.0.1:${server.kairos.port}/graphql`;
  /** The preflight a browser sends before a JSON POST with a Bearer token. */
  const preflight = (server: TestApp, origin: string) =>
    fetch(urlOf(server), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-tenant' },
    });
  const post = (server: TestApp, origin: string, headers: Record<string, string> = {}) =>
    fetch(urlOf(server), {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });

  it('answers the preflight of an allowed origin: 204, the origin, the methods, the headers, the cache time', async () => {
    for (const origin of ['http://localhost:3000', 'https://app.example.com', 'https://a.b.example.com']) {
      const res = await preflight(app, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
      expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
      expect(res.headers.get('access-control-allow-headers')!.split(',')).toEqual(CORS_REQUEST_HEADERS);
      expect(res.headers.get('access-control-max-age')).toBe('600');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
      expect(await res.text()).toBe('');
    }
  });

  it('lets every token header through the preflight', () => {
    expect(CORS_REQUEST_HEADERS).toEqual(expect.arrayContaining([
      'content-type', 'authorization', 'x-session-token', 'api_access_token', 'api-access-token', 'x-tenant', 'x-request-id',
      'apollo-require-preflight', 'x-apollo-operation-name',
    ]));
  });

  it('gives the preflight of any other origin no Access-Control-Allow-Origin, so the browser sends nothing', async () => {
    for (const origin of ['http://localhost:3001', 'https://example.com', 'https://app.example.com.evil.test', 'http://app.example.com', 'null']) {
      const res = await preflight(app, origin);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
    const res = await preflight(closed, 'http://localhost:3000');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an allowed origin with its origin and the readable headers, and executes the operation', async () => {
    const res = await post(app, 'https://app.example.com', { 'x-request-id': 'cors-1' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(res.headers.get('access-control-expose-headers')!.split(',')).toEqual(CORS_EXPOSED_HEADERS);
    expect(res.headers.get('x-request-id')).toBe('cors-1');
    expect(await res.json()).toEqual({ data: { viewer: { name: 'Cors Clinic Owner' } } });
  });

  it('answers another origin without Access-Control-Allow-Origin (a browser hides the answer from the page)', async () => {
    const res = await post(app, 'https://elsewhere.test');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with CORS_ORIGINS=* answers every origin with *, and Max-Age 0 as configured', async () => {
    const res = await preflight(open, 'https://anywhere.test');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-max-age')).toBe('0');
  });

  it('keeps CSRF prevention for simple requests, from an allowed origin too', async () => {
    const simple = await fetch(urlOf(app), {
      method: 'POST',
      headers: { origin: 'https://app.example.com', 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const get = await fetch(`${urlOf(app)}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: 'https://app.example.com' } });
    expect(get.status).toBe(400);
  });
});
