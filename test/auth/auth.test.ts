import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { appointmentCount, createAppointment, gid, makeUser, ok } from '../appointment/fixtures.js';
import { issueToken } from '../../src/modules/organisation/organisation.service.js';
import { User } from '../../src/modules/user/user.entity.js';
import { UserRole } from '../../src/modules/user/user-role.js';
import { addMember } from '../../src/modules/user/user.service.js';
import { fromGlobalId } from '../../src/shared/global-id.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;

const CREATE = `mutation { createAppointment(input: { startsAt: "2033-01-01T10:00:00Z", endsAt: "2033-01-01T11:00:00Z" }) { appointment { id } userErrors { code } } }`;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Auth org');
  other = await app.createOrg('Other org');
});
afterAll(() => app?.stop());

async function tokenFor(userGlobalId: string, organisationId: string): Promise<string> {
  const em = app.kairos.orm.em.fork();
  const token = issueToken(em, em.getReference(User, fromGlobalId(userGlobalId)!.id), organisationId);
  await em.flush();
  return token;
}

describe('authentication', () => {
  it('answers UNAUTHENTICATED without a token, on a query and on a mutation, writing nothing', async () => {
    const q = await app.gql(`{ viewer { id } }`);
    expect(q.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const m = await app.gql(CREATE);
    expect(m.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await appointmentCount(app, org)).toBe(0);
  });

  it('answers UNAUTHENTICATED for a wrong token in every header', async () => {
    for (const headers of <Record<string, string>[]>[{ authorization: 'Bearer nope' }, { 'X-Session-Token': 'nope' }, { api_access_token: 'nope' }]) {
      const res = await app.gql(`{ viewer { id } }`, {}, { headers });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const m = await app.gql(CREATE, {}, { token: 'wrong-token' });
    expect(m.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await appointmentCount(app, org)).toBe(0);
  });

  it('accepts the token in each of the three seed headers', async () => {
    for (const headers of <Record<string, string>[]>[{ authorization: `Bearer ${org.token}` }, { 'X-Session-Token': org.token }, { api_access_token: org.token }]) {
      const res = await app.gql(`{ viewer { id role } }`, {}, { headers });
      expect(res.errors, JSON.stringify(headers)).toBeUndefined();
      expect(res.data.viewer).toEqual({ id: gid('User', org.userId), role: 'OWNER' });
    }
  });

  it('answers introspection without a token', async () => {
    const res = await app.gql(`{ __schema { queryType { name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});

describe('X-Tenant', () => {
  it('answers FORBIDDEN for an organisation the user is not a member of, writing nothing', async () => {
    const headers = { authorization: `Bearer ${org.token}`, 'X-Tenant': gid('Organisation', other.organisationId) };
    const q = await app.gql(`{ viewer { id } }`, {}, { headers });
    expect(q.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const m = await app.gql(CREATE, {}, { headers });
    expect(m.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await appointmentCount(app, other)).toBe(0);
  });

  it('currentOrganisation is the token organisation, or the one X-Tenant picks for a member of several', async () => {
    const own = await app.gql(`{ currentOrganisation { id name } }`, {}, { token: org.token });
    expect(own.errors).toBeUndefined();
    expect(own.data.currentOrganisation).toEqual({ id: gid('Organisation', org.organisationId), name: 'Auth org' });

    const em = app.kairos.orm.em.fork();
    const owner = await em.findOneOrFail(User, { id: org.userId });
    await addMember(em, other.organisationId, owner.name, owner.email, UserRole.STAFF);
    await em.flush();
    const picked = await app.gql(`{ currentOrganisation { id name } viewer { role } }`, {}, {
      headers: { authorization: `Bearer ${org.token}`, 'X-Tenant': gid('Organisation', other.organisationId) },
    });
    expect(picked.errors).toBeUndefined();
    expect(picked.data).toEqual({ currentOrganisation: { id: gid('Organisation', other.organisationId), name: 'Other org' }, viewer: { role: 'STAFF' } });
  });

  it('accepts X-Tenant naming the token organisation', async () => {
    const res = await app.gql(`{ viewer { id } }`, {}, { headers: { authorization: `Bearer ${org.token}`, 'X-Tenant': gid('Organisation', org.organisationId) } });
    expect(res.errors).toBeUndefined();
  });
});

describe('roles', () => {
  it('a READ_ONLY member reads but every mutation answers FORBIDDEN and writes nothing', async () => {
    const reader = await makeUser(app, org, 'Reader', 'READ_ONLY');
    const token = await tokenFor(reader.id, org.organisationId);
    const before = await appointmentCount(app, org);
    const m = await app.gql(CREATE, {}, { token });
    expect(m.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const c = await app.gql(`mutation { createCustomer(input: { name: "x" }) { customer { id } } }`, {}, { token });
    expect(c.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await appointmentCount(app, org)).toBe(before);
    const r = await app.gql(`{ viewer { id role } appointments { totalCount } }`, {}, { token });
    expect(r.errors).toBeUndefined();
    expect(r.data.viewer).toEqual({ id: reader.id, role: 'READ_ONLY' });
  });

  it('a STAFF member may book but may not name another author or create users', async () => {
    const staff = await makeUser(app, org, 'Staffer', 'STAFF');
    const token = await tokenFor(staff.id, org.organisationId);
    const own = ok(await app.gql(`mutation { createAppointment(input: { startsAt: "2033-02-01T10:00:00Z", endsAt: "2033-02-01T11:00:00Z" }) { appointment { id author { id } } userErrors { code } } }`, {}, { token }), 'createAppointment');
    expect(own.appointment.author.id).toBe(staff.id);
    const before = await appointmentCount(app, org);
    const named = await createAppointment(app, { ...org, token }, { startsAt: '2033-02-02T10:00:00Z', endsAt: '2033-02-02T11:00:00Z', authorId: gid('User', org.userId) });
    expect(named.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await appointmentCount(app, org)).toBe(before);
    const u = await app.gql(`mutation { createUser(input: { name: "X", email: "x-staff@example.com", role: STAFF }) { user { id } } }`, {}, { token });
    expect(u.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
