import { auditServer, serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../harness/app.js';

/**
 * Audits that may answer other than `ok`, by id, with the status they answer. Each is listed with its
 * reason in docs/graphql-over-http.md; anything not listed here must pass, so a new warning fails.
 */
const DOCUMENTED_NOT_OK: Record<string, AuditResult['status']> = {};

/** The same for a client that sends no token (docs/graphql-over-http.md explains each). */
const DOCUMENTED_NOT_OK_WITHOUT_TOKEN: Record<string, AuditResult['status']> = { '5A70': 'notice', D6D5: 'notice', '6A70': 'notice' };

let app: TestApp;
let token: string;
let url: string;

beforeAll(async () => {
  app = await startTestApp();
  token = (await app.createOrg('Audit Clinic')).token;
  url = `http://127.0.0.1:${app.kairos.port}/graphql`;
});
afterAll(async () => {
  await app?.stop();
});

describe('graphql-http server audit', () => {
  // Every Kairos client authenticates, so the audit's requests carry a token like theirs do.
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  const audits = serverAudits({ url: () => url, fetchFn });
  const results: AuditResult[] = [];

  afterAll(() => {
    const count = (status: AuditResult['status']) => results.filter((r) => r.status === status).length;
    console.log(`graphql-http audit of ${audits.length}: ${count('ok')} ok / ${count('warn')} warn / ${count('notice')} notice / ${count('error')} error`);
  });

  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      results.push(result);
      const reason = result.status === 'ok' ? '' : `${audit.id}: ${result.reason} (HTTP ${result.response.status})`;
      if (result.status === 'error') throw new Error(`MUST failure ${reason}`);
      expect(result.status, reason).toBe(DOCUMENTED_NOT_OK[audit.id] ?? 'ok');
    });
  }
});

describe('graphql-http server audit without a token', () => {
  it('passes too, except the GETs that CSRF prevention refuses (no token header, no preflight header)', async () => {
    const results = await auditServer({ url });
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
    expect(Object.fromEntries(results.filter((r) => r.status !== 'ok').map((r) => [r.id, r.status]))).toEqual(DOCUMENTED_NOT_OK_WITHOUT_TOKEN);
  });
});

describe('GET, POST and CSRF rules', () => {
  const get = (query: string, headers: Record<string, string> = {}) =>
    fetch(`${url}?${new URLSearchParams({ query })}`, { headers: { accept: 'application/graphql-response+json', ...headers } });

  it('runs a query sent with GET and a token header, with no other header needed', async () => {
    const res = await get('{ viewer { name } }', { 'x-session-token': token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/graphql-response+json');
    expect(await res.json()).toEqual({ data: { viewer: { name: 'Audit Clinic Owner' } } });
  });

  it('answers JSON, not a page, to a browser GET that carries a query', async () => {
    const res = await get('{ viewer { name } }', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ data: { viewer: { name: 'Audit Clinic Owner' } } });
  });

  it('refuses a mutation sent with GET: 405, Allow: POST, nothing written', async () => {
    const res = await get('mutation { createCustomer(input: { firstName: "Via GET" }) { customer { id } } }', { authorization: `Bearer ${token}` });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await app.sql(`select 1 from customer where first_name = 'Via GET'`)).toEqual([]);
  });

  it('blocks, as a possible CSRF, a GET with neither a token header nor a preflight header', async () => {
    const res = await get('{ __typename }');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Cross-Site Request Forgery');
    const preflighted = await get('{ __typename }', { 'apollo-require-preflight': 'true' });
    expect(preflighted.status).toBe(200);
  });

  it('blocks a POST with a form content type (a browser sends it cross-site without preflight)', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Cross-Site Request Forgery');
  });

  it('answers a parse error 400 for application/graphql-response+json and 200 for application/json', async () => {
    const post = (accept: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer {' }) });
    const modern = await post('application/graphql-response+json');
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toContain('application/graphql-response+json');
    expect((await modern.json()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const legacy = await post('application/json');
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get('content-type')).toContain('application/json');
    expect((await legacy.json()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a body that is not JSON, or over 1 MB, with a JSON error and no stack', async () => {
    const send = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    for (const [res, status] of [[await send('{"query": '), 400], [await send(JSON.stringify({ query: `{ __typename }${' '.repeat(1_100_000)}` })), 413]] as const) {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(res.headers.get('x-request-id')).toBeTruthy();
      const body = await res.json();
      expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
      expect(body.errors[0].message).not.toMatch(/node_modules|\bat /);
    }
  });

  it('refuses a batch (a JSON array of operations): 400 BAD_REQUEST, nothing runs', async () => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: 'mutation { createCustomer(input: { firstName: "Batched" }) { customer { id } } }' }, { query: '{ viewer { id } }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
    expect(await app.sql(`select 1 from customer where first_name = 'Batched'`)).toEqual([]);
  });

  it('keeps 401 for an unknown token whatever the media type', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: 'Bearer kairos_unknown' },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
