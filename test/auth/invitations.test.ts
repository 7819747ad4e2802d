import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { gid, makeUser, ok } from '../appointment/fixtures.js';
import { issueToken } from '../../src/modules/organisation/organisation.service.js';
import { User } from '../../src/modules/user/user.entity.js';
import { fromGlobalId } from '../../src/shared/global-id.js';

let app: TestApp;
let a: TestOrg;
let b: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  a = await app.createOrg('Clinic A');
  b = await app.createOrg('Clinic B');
});
afterAll(() => app?.stop());

async function tokenFor(userGlobalId: string, organisationId: string): Promise<string> {
  const em = app.kairos.orm.em.fork();
  const token = issueToken(em, em.getReference(User, fromGlobalId(userGlobalId)!.id), organisationId);
  await em.flush();
  return token;
}

const INVITE = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { user { id name email } invitation { id email role status expiresAt organisationName user { id } } invitationCode replayed userErrors { code field message } }
}`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { invitation { id status acceptedAt } token userErrors { code field message } } }`;

/** A staff member of A with a private name, their e-mail and their own token. */
async function staffOfA(name: string) {
  const member = await makeUser(app, a, name, 'STAFF');
  const [{ email }] = await app.sql(`select email from app_user where id = $1`, [fromGlobalId(member.id)!.id]);
  return { ...member, email: email as string, token: await tokenFor(member.id, a.organisationId) };
}

/** Replaces the values that differ between two invitations (ids, codes, times, the address typed). */
function shape(payload: unknown, email: string): string {
  return JSON.stringify(payload)
    .replaceAll(email, '<email>')
    .replace(/"(id|invitationCode|expiresAt)":"[^"]+"/g, '"$1":"<$1>"');
}

describe('finding 4: createUser of an address that belongs to another organisation\'s staff', () => {
  it('answers only what B typed, the same way as for an unknown address, and makes nobody a member', async () => {
    const alice = await staffOfA('Alice Private-Name');
    const res = await app.gql(INVITE, { input: { email: alice.email, name: 'Anyone' } }, { token: b.token });
    const payload = ok(res, 'createUser');
    expect(payload.user).toBeNull();
    expect(payload.invitation).toMatchObject({ email: alice.email, role: 'STAFF', status: 'PENDING', organisationName: 'Clinic B', user: null });
    const text = JSON.stringify(res);
    expect(text).not.toContain('Alice Private-Name');
    expect(text).not.toContain(alice.id);

    const unknown = `nobody-${Date.now()}@example.com`;
    const fresh = ok(await app.gql(INVITE, { input: { email: unknown, name: 'Anyone' } }, { token: b.token }), 'createUser');
    expect(shape(fresh, unknown)).toBe(shape(payload, alice.email));

    // Not a member of B: B can neither list nor resolve Alice.
    const users = await app.gql(`{ users(first: 100) { edges { node { id name } } } }`, {}, { token: b.token });
    expect(JSON.stringify(users.data)).not.toContain(alice.id);
    const node = await app.gql(`query($id: ID!) { node(id: $id) { id } user(id: $id) { name } }`, { id: alice.id }, { token: b.token });
    expect(node.data).toEqual({ node: null, user: null });
    const [{ n }] = await app.sql(`select count(*)::int as n from membership where user_id = $1 and organisation_id = $2`, [fromGlobalId(alice.id)!.id, b.organisationId]);
    expect(n).toBe(0);
  });

  it('the invitee sees the invitation with their own token and joins B by accepting it', async () => {
    const bob = await staffOfA('Bob Invitee');
    const invited = ok(await app.gql(INVITE, { input: { email: bob.email.toUpperCase(), name: 'Bobby', role: 'ADMIN' } }, { token: b.token }), 'createUser');
    const mine = await app.gql(`{ myInvitations { id email role status organisationName } }`, {}, { token: bob.token });
    expect(mine.data.myInvitations).toEqual([{ id: invited.invitation.id, email: bob.email, role: 'ADMIN', status: 'PENDING', organisationName: 'Clinic B' }]);

    const accepted = ok(await app.gql(ACCEPT, { input: { id: invited.invitation.id } }, { token: bob.token }), 'acceptInvitation');
    expect(accepted.invitation.status).toBe('ACCEPTED');
    expect(accepted.token).toBeNull();

    const asB = await app.gql(`{ viewer { id name role } currentOrganisation { id } }`, {}, { headers: { authorization: `Bearer ${bob.token}`, 'x-tenant': gid('Organisation', b.organisationId) } });
    expect(asB.data).toEqual({ viewer: { id: bob.id, name: 'Bob Invitee', role: 'ADMIN' }, currentOrganisation: { id: gid('Organisation', b.organisationId) } });
    const seen = await app.gql(`query($id: ID!) { invitation(id: $id) { status user { id name } } }`, { id: invited.invitation.id }, { token: b.token });
    expect(seen.data.invitation).toEqual({ status: 'ACCEPTED', user: { id: bob.id, name: 'Bob Invitee' } });
    expect((await app.gql(`{ myInvitations { id } }`, {}, { token: bob.token })).data.myInvitations).toEqual([]);
  });

  it('nobody else can accept: not B with its own token, not B with the code (the address has an account)', async () => {
    const carol = await staffOfA('Carol Unwilling');
    const invited = ok(await app.gql(INVITE, { input: { email: carol.email, name: 'Anyone' } }, { token: b.token }), 'createUser');
    const withBToken = await app.gql(ACCEPT, { input: { id: invited.invitation.id } }, { token: b.token });
    expect(withBToken.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const withCode = await app.gql(ACCEPT, { input: { id: invited.invitation.id, code: invited.invitationCode } });
    expect(withCode.data.acceptInvitation.userErrors.map((e: any) => e.code)).toEqual(['ACCOUNT_EXISTS']);
    expect(withCode.data.acceptInvitation.token).toBeNull();
    const wrongCode = await app.gql(ACCEPT, { input: { id: invited.invitation.id, code: 'kinv_wrong' } });
    expect(wrongCode.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const neither = await app.gql(ACCEPT, { input: { id: invited.invitation.id } });
    expect(neither.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [{ n }] = await app.sql(`select count(*)::int as n from membership where user_id = $1 and organisation_id = $2`, [fromGlobalId(carol.id)!.id, b.organisationId]);
    expect(n).toBe(0);
  });

  it('a person without an account accepts with the code, gets a token, and the code works once', async () => {
    const email = `new-${Date.now()}@example.com`;
    const invited = ok(await app.gql(INVITE, { input: { email, name: 'Dana New', role: 'READ_ONLY' } }, { token: b.token }), 'createUser');
    expect(invited.invitationCode).toMatch(/^kinv_[A-Za-z0-9_-]{43}$/);
    const accepted = ok(await app.gql(ACCEPT, { input: { id: invited.invitation.id, code: invited.invitationCode } }), 'acceptInvitation');
    const me = await app.gql(`{ viewer { name email role } currentOrganisation { id } }`, {}, { token: accepted.token });
    expect(me.data).toEqual({ viewer: { name: 'Dana New', email, role: 'READ_ONLY' }, currentOrganisation: { id: gid('Organisation', b.organisationId) } });
    const again = await app.gql(ACCEPT, { input: { id: invited.invitation.id, code: invited.invitationCode } });
    expect(again.data.acceptInvitation.userErrors.map((e: any) => e.code)).toEqual(['INVITATION_NOT_PENDING']);
    const member = await app.gql(INVITE, { input: { email, name: 'Dana' } }, { token: b.token });
    expect(member.data.createUser).toMatchObject({ invitation: null, invitationCode: null, userErrors: [{ code: 'ALREADY_MEMBER', field: ['input', 'email'] }] });
  });
});

describe('invitation lifecycle', () => {
  it('an expired or revoked invitation cannot be accepted; inviting again renews it with a new code', async () => {
    const erin = await staffOfA('Erin Late');
    const first = ok(await app.gql(INVITE, { input: { email: erin.email, name: 'Erin' } }, { token: b.token }), 'createUser');
    await app.sql(`update invitation set expires_at = now() - interval '1 second' where id = $1`, [fromGlobalId(first.invitation.id)!.id]);
    expect((await app.gql(`{ myInvitations { id } }`, {}, { token: erin.token })).data.myInvitations).toEqual([]);
    const late = await app.gql(ACCEPT, { input: { id: first.invitation.id } }, { token: erin.token });
    expect(late.data.acceptInvitation.userErrors.map((e: any) => e.code)).toEqual(['INVITATION_NOT_PENDING']);

    const renewed = ok(await app.gql(INVITE, { input: { email: erin.email, name: 'Erin', role: 'READ_ONLY' } }, { token: b.token }), 'createUser');
    expect(renewed.invitation).toMatchObject({ id: first.invitation.id, status: 'PENDING', role: 'READ_ONLY' });
    expect(renewed.invitationCode).not.toBe(first.invitationCode);
    const revoked = ok(await app.gql(`mutation($id: ID!) { revokeInvitation(input: { id: $id }) { invitation { status } userErrors { code } } }`, { id: first.invitation.id }, { token: b.token }), 'revokeInvitation');
    expect(revoked.invitation.status).toBe('REVOKED');
    const refused = await app.gql(ACCEPT, { input: { id: first.invitation.id } }, { token: erin.token });
    expect(refused.data.acceptInvitation.userErrors.map((e: any) => e.code)).toEqual(['INVITATION_NOT_PENDING']);
  });

  it('B\'s OWNERs and ADMINs list B\'s invitations; STAFF may not, and A sees none of them', async () => {
    ok(await app.gql(INVITE, { input: { email: `listed-${Date.now()}@example.com`, name: 'Listed' } }, { token: b.token }), 'createUser');
    const list = await app.gql(`{ invitations(first: 100) { totalCount edges { node { email status } } } }`, {}, { token: b.token });
    expect(list.data.invitations.totalCount).toBeGreaterThan(0);
    const staff = await makeUser(app, b, 'B staff', 'STAFF');
    const forbidden = await app.gql(`{ invitations { totalCount } }`, {}, { token: await tokenFor(staff.id, b.organisationId) });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const fromA = await app.gql(`{ invitations(first: 100) { edges { node { organisationName } } } }`, {}, { token: a.token });
    expect(fromA.data.invitations.edges.every((e: any) => e.node.organisationName === 'Clinic A')).toBe(true);
  });

  it('concurrent invitations of one address leave one invitation; concurrent code acceptances admit one', async () => {
    const email = `race-${Date.now()}@example.com`;
    const invites = await Promise.all(Array.from({ length: 8 }, () => app.gql(INVITE, { input: { email, name: 'Race' } }, { token: b.token })));
    for (const res of invites) expect(res.data?.createUser?.userErrors, JSON.stringify(res)).toEqual([]);
    const ids = new Set(invites.map((res) => res.data.createUser.invitation.id));
    expect(ids.size).toBe(1);
    const [{ n, code_hash }] = await app.sql(`select count(*)::int as n, max(code_hash) as code_hash from invitation where email = $1`, [email]);
    expect(n).toBe(1);
    // Only the code of the invitation that was written last works.
    const live = invites.find((res) => createHash('sha256').update(res.data.createUser.invitationCode).digest('hex') === code_hash)!;
    const accepts = await Promise.all(Array.from({ length: 6 }, () => app.gql(ACCEPT, { input: { id: [...ids][0], code: live.data.createUser.invitationCode } })));
    const codes = accepts.map((res) => res.data?.acceptInvitation?.userErrors?.[0]?.code ?? (res.errors ? res.errors[0]!.extensions!.code : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'INVITATION_NOT_PENDING')).toBe(true);
    const [{ m }] = await app.sql(`select count(*)::int as m from app_user where email = $1`, [email]);
    expect(m).toBe(1);
  });
});

describe('role hierarchy: nobody grants a role above their own', () => {
  it('an ADMIN may invite ADMIN, STAFF and READ_ONLY but not OWNER (FORBIDDEN, nothing written)', async () => {
    const admin = await makeUser(app, b, 'B admin', 'ADMIN');
    const token = await tokenFor(admin.id, b.organisationId);
    const [{ n: before }] = await app.sql(`select count(*)::int as n from invitation`);
    const owner = await app.gql(INVITE, { input: { email: `would-be-owner-${Date.now()}@example.com`, name: 'X', role: 'OWNER' } }, { token });
    expect(owner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [{ n: after }] = await app.sql(`select count(*)::int as n from invitation`);
    expect(after).toBe(before);
    for (const role of ['ADMIN', 'STAFF', 'READ_ONLY']) {
      ok(await app.gql(INVITE, { input: { email: `${role.toLowerCase()}-${Date.now()}@example.com`, name: 'X', role } }, { token }), 'createUser');
    }
  });

  it('an OWNER may invite an OWNER', async () => {
    ok(await app.gql(INVITE, { input: { email: `owner2-${Date.now()}@example.com`, name: 'X', role: 'OWNER' } }, { token: b.token }), 'createUser');
  });
});

describe('a token an organisation issued for someone', () => {
  it('cannot read or accept that person\'s invitations', async () => {
    const fay = await staffOfA('Fay Delegated');
    const delegated = ok(
      await app.gql(`mutation($id: ID!) { createApiToken(input: { userId: $id }) { token userErrors { code } } }`, { id: fay.id }, { token: a.token }),
      'createApiToken',
    ).token;
    const invited = ok(await app.gql(INVITE, { input: { email: fay.email, name: 'Fay' } }, { token: b.token }), 'createUser');
    expect((await app.gql(`{ myInvitations { id } }`, {}, { token: delegated })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(ACCEPT, { input: { id: invited.invitation.id } }, { token: delegated })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    ok(await app.gql(ACCEPT, { input: { id: invited.invitation.id } }, { token: fay.token }), 'acceptInvitation');
  });
});
