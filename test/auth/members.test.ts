import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestOrg } from '../harness/app.js';
import { makeResource, makeTreatment, makeUser } from '../appointment/fixtures.js';
import { SEARCH } from '../scheduling/helpers.js';
import { issueToken } from '../../src/modules/organisation/organisation.service.js';
import { User } from '../../src/modules/user/user.entity.js';
import { UserRole } from '../../src/modules/user/user-role.js';
import { addMember } from '../../src/modules/user/user.service.js';
import { fromGlobalId, toGlobalId } from '../../src/shared/global-id.js';

let app: TestApp;
let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  app = await startTestApp();
  org = await app.createOrg('Members org');
  other = await app.createOrg('Other org');
});
afterAll(() => app?.stop());

interface Member {
  id: string;
  name: string;
  token: string;
}

/** A member of `org` with `role` who joined by invitation, and an operator-issued token of theirs for `org`. */
async function member(target: TestOrg, name: string, role: 'ADMIN' | 'STAFF' | 'READ_ONLY'): Promise<Member> {
  const user = await makeUser(app, target, name, role);
  const em = app.kairos.orm.em.fork();
  const token = issueToken(em, em.getReference(User, fromGlobalId(user.id)!.id), target.organisationId);
  await em.flush();
  return { ...user, token };
}

/** Another OWNER of `target` (added by the operator's path), with a token. */
async function owner(target: TestOrg, name: string): Promise<Member> {
  const em = app.kairos.orm.em.fork();
  const user = await addMember(em, target.organisationId, name, `${name.replace(/\W/g, '').toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.com`, UserRole.OWNER);
  await em.flush();
  const token = issueToken(em, user, target.organisationId);
  await em.flush();
  return { id: toGlobalId('User', user.id), name, token };
}

const ownerOf = (target: TestOrg) => ({ id: toGlobalId('User', target.userId), token: target.token });

function setStatus(mutation: 'deactivateMember' | 'reactivateMember', token: string, id: string) {
  const type = mutation === 'deactivateMember' ? 'DeactivateMemberInput' : 'ReactivateMemberInput';
  return app.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { user { id name role deactivatedAt } userErrors { code field message } } }`, { input: { id } }, { token });
}

async function deactivate(token: string, id: string) {
  const res = await setStatus('deactivateMember', token, id);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.deactivateMember as { user: { id: string; role: string; deactivatedAt: string | null } | null; userErrors: { code: string; field: string[]; message: string }[] };
}

async function reactivate(token: string, id: string) {
  const res = await setStatus('reactivateMember', token, id);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.reactivateMember as { user: { id: string; deactivatedAt: string | null } | null; userErrors: unknown[] };
}

const viewer = (token: string, headers: Record<string, string> = {}) => app.gql(`{ viewer { id } currentOrganisation { id } }`, {}, { headers: { authorization: `Bearer ${token}`, ...headers } });
const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

async function listed(includeDeactivated?: boolean): Promise<{ id: string; deactivatedAt: string | null }[]> {
  const res = await app.gql(`query($d: Boolean) { users(first: 100, includeDeactivated: $d) { totalCount edges { node { id deactivatedAt } } } }`, { d: includeDeactivated }, { token: org.token });
  expect(res.errors).toBeUndefined();
  expect(res.data.users.totalCount).toBe(res.data.users.edges.length);
  return res.data.users.edges.map((e: any) => e.node);
}

describe('deactivateMember and reactivateMember', () => {
  it('deactivates idempotently, hides the member from users unless asked, keeps them readable, and reactivates', async () => {
    const staff = await member(org, 'Stacey Staff', 'STAFF');
    expect(code(await viewer(staff.token))).toBeUndefined();

    const done = await deactivate(org.token, staff.id);
    expect(done.userErrors).toEqual([]);
    expect(done.user).toMatchObject({ id: staff.id, role: 'STAFF' });
    expect(new Date(done.user!.deactivatedAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const again = await deactivate(org.token, staff.id);
    expect(again).toEqual(done);

    expect((await listed()).map((u) => u.id)).not.toContain(staff.id);
    expect(await listed(true)).toContainEqual({ id: staff.id, deactivatedAt: done.user!.deactivatedAt });
    const byId = await app.gql(`query($id: ID!) { node(id: $id) { ... on User { name deactivatedAt } } }`, { id: staff.id }, { token: org.token });
    expect(byId.data.node).toEqual({ name: 'Stacey Staff', deactivatedAt: done.user!.deactivatedAt });

    const back = await reactivate(org.token, staff.id);
    expect(back).toEqual({ user: { id: staff.id, name: 'Stacey Staff', role: 'STAFF', deactivatedAt: null }, userErrors: [] });
    expect(await reactivate(org.token, staff.id)).toEqual(back);
    expect(code(await viewer(staff.token))).toBeUndefined();
    expect((await listed()).map((u) => u.id)).toContain(staff.id);
  });

  it('a deactivated member\'s tokens stop working in that organisation only', async () => {
    const staff = await member(org, 'Two Orgs', 'STAFF');
    const em = app.kairos.orm.em.fork();
    const user = await em.findOneOrFail(User, { id: fromGlobalId(staff.id)!.id });
    await addMember(em, other.organisationId, user.name, user.email, UserRole.STAFF);
    await em.flush();
    const otherToken = issueToken(em, user, other.organisationId);
    await em.flush();
    const inOther = { 'X-Tenant': toGlobalId('Organisation', other.organisationId) };
    const inOrg = { 'X-Tenant': toGlobalId('Organisation', org.organisationId) };
    expect(code(await viewer(staff.token, inOther))).toBeUndefined();

    expect((await deactivate(org.token, staff.id)).userErrors).toEqual([]);
    const refused = await viewer(staff.token);
    expect(code(refused)).toBe('UNAUTHENTICATED');
    expect(refused.errors![0]!.message).toContain('deactivated in its organisation');
    expect(code(await viewer(staff.token, inOrg))).toBe('FORBIDDEN');
    expect(code(await viewer(otherToken, inOrg))).toBe('FORBIDDEN');
    const write = await app.gql(`mutation { createCustomer(input: { name: "Nobody" }) { customer { id } } }`, {}, { token: staff.token });
    expect(code(write)).toBe('UNAUTHENTICATED');

    // The same user in the other organisation: unaffected, with either token.
    const there = await viewer(staff.token, inOther);
    expect(there.errors).toBeUndefined();
    expect(there.data.currentOrganisation.id).toBe(toGlobalId('Organisation', other.organisationId));
    expect(code(await viewer(otherToken))).toBeUndefined();
    const otherList = await app.gql(`{ users(first: 100) { edges { node { id deactivatedAt } } } }`, {}, { token: other.token });
    expect(otherList.data.users.edges.map((e: any) => e.node)).toContainEqual({ id: staff.id, deactivatedAt: null });
  });

  it('is for OWNER and ADMIN only, never above their own role; other organisations\' users are NOT_FOUND', async () => {
    const target = await member(org, 'Target', 'STAFF');
    const staff = await member(org, 'Other Staff', 'STAFF');
    const reader = await member(org, 'Reader', 'READ_ONLY');
    const admin = await member(org, 'Ada Admin', 'ADMIN');
    const admin2 = await member(org, 'Second Admin', 'ADMIN');
    for (const token of [staff.token, reader.token]) {
      expect(code(await setStatus('deactivateMember', token, target.id))).toBe('FORBIDDEN');
      expect(code(await setStatus('reactivateMember', token, target.id))).toBe('FORBIDDEN');
    }
    expect(code(await setStatus('deactivateMember', admin.token, ownerOf(org).id))).toBe('FORBIDDEN');
    expect(code(await setStatus('reactivateMember', admin.token, ownerOf(org).id))).toBe('FORBIDDEN');

    expect(code(await setStatus('deactivateMember', other.token, target.id))).toBe('NOT_FOUND');
    expect(code(await setStatus('deactivateMember', org.token, ownerOf(other).id))).toBe('NOT_FOUND');
    expect(code(await setStatus('deactivateMember', org.token, toGlobalId('Customer', fromGlobalId(target.id)!.id)))).toBe('NOT_FOUND');
    expect(code(await setStatus('reactivateMember', other.token, target.id))).toBe('NOT_FOUND');
    const rows = await app.sql(`select count(*)::int as n from membership where deactivated_at is not null and user_id = $1`, [fromGlobalId(target.id)!.id]);
    expect(rows[0].n).toBe(0);

    // An ADMIN may deactivate a STAFF member and another ADMIN (same role), and themselves.
    expect((await deactivate(admin.token, target.id)).userErrors).toEqual([]);
    expect((await deactivate(admin.token, admin2.id)).userErrors).toEqual([]);
    expect((await deactivate(admin.token, admin.id)).userErrors).toEqual([]);
    expect(code(await viewer(admin.token))).toBe('UNAUTHENTICATED');
  });

  it('every caller role against every member role: OWNER and ADMIN act up to their own role, everyone else is FORBIDDEN', async () => {
    const roles = ['OWNER', 'ADMIN', 'STAFF', 'READ_ONLY'] as const;
    const rank = { OWNER: 4, ADMIN: 3, STAFF: 2, READ_ONLY: 1 };
    const make = (role: (typeof roles)[number], name: string) => (role === 'OWNER' ? owner(org, name) : member(org, name, role));
    for (const callerRole of roles) {
      for (const targetRole of roles) {
        const caller = await make(callerRole, `${callerRole} caller`);
        const target = await make(targetRole, `${targetRole} target`);
        const allowed = rank[callerRole] >= rank.ADMIN && rank[targetRole] <= rank[callerRole];
        for (const mutation of ['deactivateMember', 'reactivateMember'] as const) {
          const res = await setStatus(mutation, caller.token, target.id);
          if (allowed) {
            expect(res.errors, `${callerRole} ${mutation} ${targetRole}`).toBeUndefined();
            expect(res.data[mutation].user.deactivatedAt === null, `${callerRole} ${mutation} ${targetRole}`).toBe(mutation === 'reactivateMember');
          } else {
            expect(code(res), `${callerRole} ${mutation} ${targetRole}`).toBe('FORBIDDEN');
          }
        }
      }
    }
  });

  it('never deactivates the last active OWNER, the caller included', async () => {
    const solo = await app.createOrg('Solo owner');
    const alone = await deactivate(solo.token, ownerOf(solo).id);
    expect(alone.user).toBeNull();
    expect(alone.userErrors).toEqual([{ code: 'LAST_OWNER', field: ['input', 'id'], message: expect.stringContaining('You are the last active OWNER') }]);

    const second = await owner(solo, 'Second Owner');
    expect((await deactivate(solo.token, second.id)).userErrors).toEqual([]);
    expect((await deactivate(solo.token, ownerOf(solo).id)).userErrors).toEqual([expect.objectContaining({ code: 'LAST_OWNER' })]);
    expect((await reactivate(solo.token, second.id)).userErrors).toEqual([]);
    // With another active OWNER, an OWNER may deactivate themselves.
    expect((await deactivate(solo.token, ownerOf(solo).id)).userErrors).toEqual([]);
    expect((await deactivate(second.token, second.id)).userErrors).toEqual([expect.objectContaining({ code: 'LAST_OWNER' })]);
  });

  it('two OWNERs deactivating each other at once leave exactly one active OWNER', async () => {
    for (let round = 0; round < 6; round++) {
      const pair = await app.createOrg(`Pair ${round}`);
      const a = { ...ownerOf(pair), name: 'first' };
      const b = await owner(pair, `Partner ${round}`);
      const results = await Promise.all([setStatus('deactivateMember', a.token, b.id), setStatus('deactivateMember', b.token, a.id)]);
      const succeeded = results.filter((r) => r.data?.deactivateMember?.user);
      expect(succeeded).toHaveLength(1);
      // The loser was either refused LAST_OWNER, or (its request authenticated after the winner committed) UNAUTHENTICATED.
      const loser = results.find((r) => !r.data?.deactivateMember?.user)!;
      expect(loser.errors ? code(loser) : loser.data.deactivateMember.userErrors[0].code).toMatch(/^(LAST_OWNER|UNAUTHENTICATED)$/);
      const [active] = await app.sql(`select count(*)::int as n from membership where organisation_id = $1 and role = 'OWNER' and deactivated_at is null`, [pair.organisationId]);
      expect(active.n).toBe(1);
    }
  });
});

describe('a deactivated member cannot be booked or linked, and stays on old appointments', () => {
  const BOOK = `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { id practitioner { id name deactivatedAt } assistants { id } } userErrors { code field message } } }`;

  it('refuses them in booking, holds, search, tokens and links; old appointments still read them', async () => {
    const doctor = await member(org, 'Dr Gone', 'STAFF');
    const nurse = await member(org, 'Nurse Stays', 'STAFF');
    const old = await app.gql(BOOK, { input: { startsAt: '2031-06-02T09:00:00Z', endsAt: '2031-06-02T09:30:00Z', practitionerId: doctor.id, assistantIds: [nurse.id] } }, { token: org.token });
    expect(old.data.createAppointment.userErrors).toEqual([]);
    const appointmentId = old.data.createAppointment.appointment.id;

    const { user } = await deactivate(org.token, doctor.id);

    const asPractitioner = await app.gql(BOOK, { input: { startsAt: '2031-06-03T09:00:00Z', endsAt: '2031-06-03T09:30:00Z', practitionerId: doctor.id } }, { token: org.token });
    expect(asPractitioner.data.createAppointment).toEqual({
      appointment: null,
      userErrors: [{ code: 'VALIDATION', field: ['input', 'practitionerId'], message: `User ${doctor.id} is deactivated in this organisation and cannot be booked or linked.` }],
    });
    const asAssistant = await app.gql(BOOK, { input: { startsAt: '2031-06-03T09:00:00Z', endsAt: '2031-06-03T09:30:00Z', practitionerId: nurse.id, assistantIds: [doctor.id] } }, { token: org.token });
    expect(asAssistant.data.createAppointment.userErrors).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', 'assistantIds'] })]);
    const moved = await app.gql(`mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { appointment { id } userErrors { code field } } }`, {
      input: { id: appointmentId, practitionerId: doctor.id, notes: 'again' },
    }, { token: org.token });
    expect(moved.data.updateAppointment.userErrors).toEqual([{ code: 'VALIDATION', field: ['input', 'practitionerId'] }]);

    const held = await app.gql(`mutation($input: CreateHoldInput!) { createHold(input: $input) { hold { id } userErrors { code field } } }`, {
      input: { startsAt: '2031-06-03T10:00:00Z', endsAt: '2031-06-03T10:30:00Z', bookableIds: [doctor.id], ttlSeconds: 60 },
    }, { token: org.token });
    expect(held.data.createHold.userErrors).toEqual([{ code: 'VALIDATION', field: ['input', 'bookableIds'] }]);

    const searched = await app.gql(SEARCH, {
      input: { from: '2031-06-03T08:00:00Z', to: '2031-06-03T12:00:00Z', durationMinutes: 30, requirements: [{ anyOf: [nurse.id, doctor.id], count: 1 }] },
    }, { token: org.token });
    expect(searched.errors).toBeUndefined();
    expect(searched.data.availability.slots).toEqual([]);
    expect(searched.data.availability.userErrors).toEqual([{ code: 'VALIDATION', field: ['input', 'requirements', '0', 'anyOf'], message: expect.stringContaining('deactivated') }]);

    const token = await app.gql(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token userErrors { code field } } }`, { input: { userId: doctor.id } }, { token: org.token });
    expect(token.data.createApiToken).toEqual({ token: null, userErrors: [{ code: 'VALIDATION', field: ['input', 'userId'] }] });
    const performer = await app.gql(`mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { treatment { id } userErrors { code field } } }`, {
      input: { name: 'Consult', durationMinutes: 30, userIds: [nurse.id, doctor.id] },
    }, { token: org.token });
    expect(performer.data.createTreatment.userErrors).toEqual([{ code: 'VALIDATION', field: ['input', 'userIds'] }]);
    const related = await app.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code field } } }`, {
      input: { name: 'Linked customer', relatedUserId: doctor.id },
    }, { token: org.token });
    expect(related.data.createCustomer.userErrors).toEqual([{ code: 'VALIDATION', field: ['input', 'relatedUserId'] }]);
    const reinvited = await app.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { invitation { id } userErrors { code message } } }`, {
      input: { name: 'Dr Gone', email: (await app.sql(`select email from app_user where id = $1`, [fromGlobalId(doctor.id)!.id]))[0].email },
    }, { token: org.token });
    expect(reinvited.data.createUser.userErrors).toEqual([{ code: 'ALREADY_MEMBER', message: expect.stringContaining('reactivateMember') }]);

    const read = await app.gql(`query($id: ID!) { node(id: $id) { ... on Appointment { practitioner { id name deactivatedAt } assistants { id } } } }`, { id: appointmentId }, { token: org.token });
    expect(read.data.node).toEqual({ practitioner: { id: doctor.id, name: 'Dr Gone', deactivatedAt: user!.deactivatedAt }, assistants: [{ id: nurse.id }] });
    // Other changes to the old appointment are still possible: it keeps its practitioner.
    const noted = await app.gql(`mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { appointment { notes practitioner { id } } userErrors { code } } }`, {
      input: { id: appointmentId, notes: 'kept' },
    }, { token: org.token });
    expect(noted.data.updateAppointment).toEqual({ appointment: { notes: 'kept', practitioner: { id: doctor.id } }, userErrors: [] });

    // Reactivated, they can be booked again.
    await reactivate(org.token, doctor.id);
    const booked = await app.gql(BOOK, { input: { startsAt: '2031-06-03T09:00:00Z', endsAt: '2031-06-03T09:30:00Z', practitionerId: doctor.id } }, { token: org.token });
    expect(booked.data.createAppointment.userErrors).toEqual([]);
  });
});

describe('the availability search refuses archived records as booking does', () => {
  it('answers VALIDATION naming each archived treatment, resource or location, with no slots', async () => {
    const treatment = await makeTreatment(app, org, 'Old service');
    const room = await makeResource(app, org, 'Old room', 'ROOM');
    const free = await makeResource(app, org, 'Open room', 'ROOM');
    const location = (await app.gql(`mutation { createLocation(input: { name: "Old site" }) { location { id } } }`, {}, { token: org.token })).data.createLocation.location;
    const input = { from: '2031-07-01T08:00:00Z', to: '2031-07-01T12:00:00Z', treatmentIds: [treatment.id], locationId: location.id, requirements: [{ anyOf: [free.id, room.id], count: 1 }] };
    const before = await app.gql(SEARCH, { input }, { token: org.token });
    expect(before.data.availability.userErrors).toEqual([]);
    expect(before.data.availability.slots.length).toBeGreaterThan(0);

    for (const [mutation, id] of [['archiveTreatment', treatment.id], ['archiveResource', room.id], ['archiveLocation', location.id]] as const) {
      const type = mutation[0]!.toUpperCase() + mutation.slice(1) + 'Input';
      const res = await app.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input: { id } }, { token: org.token });
      expect(res.data[mutation].userErrors).toEqual([]);
    }
    const after = await app.gql(SEARCH, { input }, { token: org.token });
    expect(after.errors).toBeUndefined();
    expect(after.data.availability.slots).toEqual([]);
    expect(after.data.availability.userErrors).toEqual([
      { code: 'VALIDATION', field: ['input', 'requirements', '0', 'anyOf'], message: `Resource ${room.id} is archived and cannot be booked.` },
      { code: 'VALIDATION', field: ['input', 'treatmentIds'], message: `Treatment ${treatment.id} is archived and cannot be booked.` },
      { code: 'VALIDATION', field: ['input', 'locationId'], message: `Location ${location.id} is archived and cannot be booked.` },
    ]);
    // Booking answers the same refusal for the same record.
    const booked = await app.gql(`mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { userErrors { code field message } } }`, {
      input: { startsAt: '2031-07-01T09:00:00Z', treatmentIds: [treatment.id] },
    }, { token: org.token });
    expect(booked.data.createAppointment.userErrors).toEqual([after.data.availability.userErrors[1]]);
  });
});
