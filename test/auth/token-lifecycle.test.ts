import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { ROOT, TS_LOADER } from '../harness/main-process.js';
import { gid, makeUser, ok } from '../appointment/fixtures.js';
import { issueToken } from '../../src/modules/organisation/organisation.service.js';
import { parseDuration } from '../../src/modules/auth/api-token.service.js';
import { User } from '../../src/modules/user/user.entity.js';
import { fromGlobalId } from '../../src/shared/global-id.js';

let app: TestApp;
let org: TestOrg;
let url: string;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Token org');
  url = `http://127.0.0.1:${app.kairos.port}/graphql`;
});
afterAll(() => app?.stop());

const VIEWER = JSON.stringify({ query: '{ viewer { id } }' });
async function viewerWith(headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: VIEWER });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
}

async function tokenFor(userGlobalId: string): Promise<string> {
  const em = app.kairos.orm.em.fork();
  const token = issueToken(em, em.getReference(User, fromGlobalId(userGlobalId)!.id), org.organisationId);
  await em.flush();
  return token;
}

const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name expiresAt lastUsedAt revokedAt user { id } createdBy { id } } userErrors { code field message } } }`;
const REVOKE_TOKEN = `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { apiToken { id revokedAt } userErrors { code } } }`;

describe('the Authorization header', () => {
  const malformed: [string, (token: string) => string][] = [
    ['a token followed by junk', (token) => `Bearer ${token} junk`],
    ['the scheme without a token', () => 'Bearer'],
    ['the scheme and blanks', () => 'Bearer   '],
    ['a token without the scheme', (token) => token],
  ];
  it.each(malformed)('answers 401 UNAUTHENTICATED for a malformed one: %s', async (_case, value) => {
    const res = await viewerWith({ authorization: value(org.token) });
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors?.[0]?.message).toMatch(/malformed/);
  });

  it('a valid token followed by junk is refused even when another header carries a valid token', async () => {
    const res = await viewerWith({ authorization: `Bearer ${org.token} junk`, 'x-session-token': org.token });
    expect(res.status).toBe(401);
  });

  it('another scheme (a proxy\'s Basic credential) is not ours: the token header next to it still counts', async () => {
    const res = await viewerWith({ authorization: 'Basic dXNlcjpwYXNz', 'x-session-token': org.token });
    expect(res.status).toBe(200);
    expect(res.body.data.viewer.id).toBe(gid('User', org.userId));
  });
});

describe('expiry, revocation and lastUsedAt', () => {
  it('an expired token answers 401 saying it expired; a revoked one says it was revoked', async () => {
    const expiring = await tokenFor(gid('User', org.userId));
    await app.sql(`update api_token set expires_at = now() - interval '1 second' where token_hash = encode(sha256($1::bytea), 'hex')`, [expiring]);
    const expired = await viewerWith({ authorization: `Bearer ${expiring}` });
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0]?.message).toMatch(/^The API token expired at \d{4}-/);

    const revoking = await tokenFor(gid('User', org.userId));
    await app.sql(`update api_token set revoked_at = now() where token_hash = encode(sha256($1::bytea), 'hex')`, [revoking]);
    const revoked = await viewerWith({ authorization: `Bearer ${revoking}` });
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors?.[0]?.message).toBe('The API token has been revoked.');
  });

  it('createApiToken issues a working token with an expiry; revokeApiToken stops it at once; apiTokens lists metadata only', async () => {
    const staff = await makeUser(app, org, 'Token Staff', 'STAFF');
    const created = ok(await app.gql(CREATE_TOKEN, { input: { userId: staff.id, name: 'kiosk', expiresInSeconds: 3600 } }, { token: org.token }), 'createApiToken');
    expect(created.token).toMatch(/^kairos_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({ name: 'kiosk', lastUsedAt: null, revokedAt: null, user: { id: staff.id }, createdBy: { id: gid('User', org.userId) } });
    expect(Math.abs(Date.parse(created.apiToken.expiresAt) - Date.now() - 3600_000)).toBeLessThan(60_000);

    expect((await viewerWith({ authorization: `Bearer ${created.token}` })).body.data.viewer.id).toBe(staff.id);
    // lastUsedAt is stamped after the answer, without the request waiting for it.
    await expect
      .poll(async () => (await app.gql(`query($id: ID!) { apiToken(id: $id) { lastUsedAt } }`, { id: created.apiToken.id }, { token: org.token })).data.apiToken.lastUsedAt)
      .not.toBeNull();

    const list = await app.gql(`{ apiTokens(first: 100) { totalCount edges { node { id name user { id } expiresAt lastUsedAt revokedAt } } } }`, {}, { token: org.token });
    expect(list.errors).toBeUndefined();
    expect(list.data.apiTokens.edges.map((e: any) => e.node.id)).toContain(created.apiToken.id);
    expect(JSON.stringify(list)).not.toContain(created.token);

    const revoked = ok(await app.gql(REVOKE_TOKEN, { id: created.apiToken.id }, { token: org.token }), 'revokeApiToken');
    expect(revoked.apiToken.revokedAt).not.toBeNull();
    expect((await viewerWith({ authorization: `Bearer ${created.token}` })).status).toBe(401);
    const again = ok(await app.gql(REVOKE_TOKEN, { id: created.apiToken.id }, { token: org.token }), 'revokeApiToken');
    expect(again.apiToken.revokedAt).toBe(revoked.apiToken.revokedAt);
  });

  it('lastUsedAt is written at most once a minute per token, not once per request', async () => {
    const token = await tokenFor(gid('User', org.userId));
    const hash = `encode(sha256($1::bytea), 'hex')`;
    await viewerWith({ authorization: `Bearer ${token}` });
    await expect.poll(async () => (await app.sql(`select last_used_at from api_token where token_hash = ${hash}`, [token]))[0].last_used_at).not.toBeNull();
    const [first] = await app.sql(`select last_used_at, xmin::text from api_token where token_hash = ${hash}`, [token]);
    for (let i = 0; i < 5; i++) await viewerWith({ authorization: `Bearer ${token}` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [after] = await app.sql(`select last_used_at, xmin::text from api_token where token_hash = ${hash}`, [token]);
    expect(after).toEqual(first);
  });

  it('createApiToken refuses a bad expiry and both expiry fields with VALIDATION, writing nothing', async () => {
    const [{ n: before }] = await app.sql(`select count(*)::int as n from api_token`);
    for (const input of [{ expiresInSeconds: 10 }, { expiresAt: '2020-01-01T00:00:00Z' }, { expiresInSeconds: 3600, expiresAt: '2099-01-01T00:00:00Z' }, { expiresAt: '2150-01-01T00:00:00Z' }]) {
      const res = await app.gql(CREATE_TOKEN, { input: { userId: gid('User', org.userId), ...input } }, { token: org.token });
      expect(res.data.createApiToken.userErrors.map((e: any) => e.code), JSON.stringify(input)).toEqual(['VALIDATION']);
      expect(res.data.createApiToken.token).toBeNull();
    }
    const [{ n: after }] = await app.sql(`select count(*)::int as n from api_token`);
    expect(after).toBe(before);
  });
});

describe('who may manage tokens', () => {
  it('STAFF may not create or list tokens, but may revoke their own', async () => {
    const staff = await makeUser(app, org, 'Token Self', 'STAFF');
    const token = await tokenFor(staff.id);
    expect((await app.gql(CREATE_TOKEN, { input: { userId: staff.id } }, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(`{ apiTokens { totalCount } }`, {}, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [{ id }] = await app.sql(`select id from api_token where token_hash = encode(sha256($1::bytea), 'hex')`, [token]);
    ok(await app.gql(REVOKE_TOKEN, { id: gid('ApiToken', id) }, { token }), 'revokeApiToken');
    expect((await viewerWith({ authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('an ADMIN may not issue or revoke a token of an OWNER (it would act above the ADMIN\'s role)', async () => {
    const admin = await makeUser(app, org, 'Token Admin', 'ADMIN');
    const adminToken = await tokenFor(admin.id);
    const res = await app.gql(CREATE_TOKEN, { input: { userId: gid('User', org.userId) } }, { token: adminToken });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [{ id }] = await app.sql(`select id from api_token where token_hash = encode(sha256($1::bytea), 'hex')`, [org.token]);
    expect((await app.gql(REVOKE_TOKEN, { id: gid('ApiToken', id) }, { token: adminToken })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await viewerWith({ authorization: `Bearer ${org.token}` })).status).toBe(200);
  });

  it('another organisation\'s token id answers NOT_FOUND, and node() answers null for it', async () => {
    const other = await app.createOrg('Token other');
    const [{ id }] = await app.sql(`select id from api_token where token_hash = encode(sha256($1::bytea), 'hex')`, [other.token]);
    expect((await app.gql(REVOKE_TOKEN, { id: gid('ApiToken', id) }, { token: org.token })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('ApiToken', id) }, { token: org.token })).data.node).toBeNull();
    expect((await viewerWith({ authorization: `Bearer ${other.token}` })).status).toBe(200);
  });

  it('a token issued by an ADMIN for a member acts only in the organisation: X-Tenant naming another is FORBIDDEN', async () => {
    const other = await app.createOrg('Token elsewhere');
    const staff = await makeUser(app, org, 'Token Two Orgs', 'STAFF');
    // The member also belongs to `other` (accepted there).
    const [{ email }] = await app.sql(`select email from app_user where id = $1`, [fromGlobalId(staff.id)!.id]);
    const invited = ok(await app.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { invitation { id } userErrors { code } } }`, { input: { name: 'x', email, role: 'STAFF' } }, { token: other.token }), 'createUser');
    const own = await tokenFor(staff.id);
    ok(await app.gql(`mutation($id: ID!) { acceptInvitation(input: { id: $id }) { invitation { status } userErrors { code } } }`, { id: invited.invitation.id }, { token: own }), 'acceptInvitation');
    expect((await viewerWith({ authorization: `Bearer ${own}`, 'x-tenant': gid('Organisation', other.organisationId) })).status).toBe(200);

    const delegated = ok(await app.gql(CREATE_TOKEN, { input: { userId: staff.id } }, { token: org.token }), 'createApiToken').token;
    expect((await viewerWith({ authorization: `Bearer ${delegated}` })).status).toBe(200);
    const elsewhere = await viewerWith({ authorization: `Bearer ${delegated}`, 'x-tenant': gid('Organisation', other.organisationId) });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});

describe('CLI', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', TS_LOADER, 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: app.databaseUrl },
      timeout: 60_000,
    });

  it('token create --expires-in, token list (metadata only), token revoke', async () => {
    const created = JSON.parse((await cli('token', 'create', '--user', gid('User', org.userId), '--name', 'ci', '--expires-in', '2h')).stdout);
    expect(created.token).toMatch(/^kairos_/);
    expect(created.apiToken).toMatchObject({ name: 'ci', user: gid('User', org.userId), organisation: gid('Organisation', org.organisationId), revokedAt: null });
    expect(Math.abs(Date.parse(created.apiToken.expiresAt) - Date.now() - 7_200_000)).toBeLessThan(120_000);
    expect((await viewerWith({ authorization: `Bearer ${created.token}` })).status).toBe(200);

    const listed = JSON.parse((await cli('token', 'list', '--org', org.organisationId)).stdout);
    const entry = listed.tokens.find((t: any) => t.id === created.apiToken.id);
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'organisation', 'revokedAt', 'user']);
    expect(JSON.stringify(listed)).not.toMatch(/kairos_|[0-9a-f]{64}/);

    const revoked = JSON.parse((await cli('token', 'revoke', '--id', created.apiToken.id)).stdout);
    expect(revoked.apiToken.revokedAt).not.toBeNull();
    expect((await viewerWith({ authorization: `Bearer ${created.token}` })).status).toBe(401);
  });

  it('refuses a malformed --expires-in and an unknown --id with one line on stderr and exit 1', async () => {
    await expect(cli('token', 'create', '--user', gid('User', org.userId), '--expires-in', '1.5d')).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'kairos: --expires-in: "1.5d" is not a duration: use a whole number and m, h, d or w, e.g. 30d, 12h, 45m\n',
    });
    await expect(cli('token', 'revoke', '--id', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^kairos: --id: token .* not found\n$/) });
  });
});

describe('parseDuration', () => {
  it('reads m, h, d and w and nothing else', () => {
    expect(parseDuration('45m')).toBe(45 * 60_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('30d')).toBe(30 * 86_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    for (const bad of ['', '0d', '1.5d', '1d2h', ' 1d', '1D', 'P1D', '-1d', '10s']) expect(() => parseDuration(bad), bad).toThrow(/not a duration/);
  });
});
