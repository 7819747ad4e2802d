import { expect } from 'vitest';
import type { GraphQLResponse, TestApp, TestOrg } from '../harness/app.js';
import { toGlobalId } from '../../src/shared/global-id.js';

export const gid = (type: string, uuid: string) => toGlobalId(type, uuid);

/** The payload of a mutation that must have succeeded. */
export function ok(res: GraphQLResponse, mutation: string): any {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const result = res.data[mutation];
  expect(result.userErrors, JSON.stringify(result.userErrors)).toEqual([]);
  return result;
}

/** Runs `mutation(input:)` and answers the created object's fields. */
export async function make(app: TestApp, org: TestOrg, mutation: string, objectField: string, input: Record<string, unknown>, fields = 'id'): Promise<any> {
  const type = mutation[0]!.toUpperCase() + mutation.slice(1) + 'Input';
  const res = await app.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${objectField} { ${fields} } userErrors { code field message } } }`, { input }, { token: org.token });
  return ok(res, mutation)[objectField];
}

/**
 * A new member of `org`, added as a client would: `createUser` invites a new address, and the invitee
 * accepts with the invitation code. Answers the member's `{ id, name }` as `org` sees them.
 */
export async function makeUser(app: TestApp, org: TestOrg, name: string, role = 'STAFF'): Promise<{ id: string; name: string }> {
  const email = `${name.replace(/\W/g, '').toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const invited = ok(
    await app.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { invitation { id } invitationCode userErrors { code field message } } }`, { input: { name, email, role } }, { token: org.token }),
    'createUser',
  );
  ok(
    await app.gql(`mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { invitation { id } userErrors { code field message } } }`, {
      input: { id: invited.invitation.id, code: invited.invitationCode },
    }),
    'acceptInvitation',
  );
  const member = await app.gql(`query($id: ID!) { invitation(id: $id) { user { id name } } }`, { id: invited.invitation.id }, { token: org.token });
  return member.data.invitation.user;
}
export const makeCustomer = (app: TestApp, org: TestOrg, name: string, extra: Record<string, unknown> = {}) => make(app, org, 'createCustomer', 'customer', { name, ...extra }, 'id name');
export const makeResource = (app: TestApp, org: TestOrg, name: string, kind: string) => make(app, org, 'createResource', 'resource', { name, kind, status: 'active' }, 'id name kind');
export const makeTreatment = (app: TestApp, org: TestOrg, name: string, extra: Record<string, unknown> = {}) => make(app, org, 'createTreatment', 'treatment', { name, durationMinutes: 30, ...extra }, 'id name');

export const APPOINTMENT_FIELDS = `id code startsAt endsAt durationMinutes status version confirmed confirmedAt cancelledAt cancellationNote notes`;
export const CREATE = (fields = APPOINTMENT_FIELDS) =>
  `mutation($input: CreateAppointmentInput!) { createAppointment(input: $input) { appointment { ${fields} } replayed userErrors { code field message } conflicts { kind bookable { __typename ... on User { id } ... on Resource { id } } appointment { id } } } }`;
export const UPDATE = (fields = APPOINTMENT_FIELDS) =>
  `mutation($input: UpdateAppointmentInput!) { updateAppointment(input: $input) { appointment { ${fields} } userErrors { code field message } conflicts { kind bookable { __typename ... on User { id } ... on Resource { id } } appointment { id } } } }`;
export const CANCEL = (fields = APPOINTMENT_FIELDS) =>
  `mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) { appointment { ${fields} } userErrors { code field message } } }`;

export async function createAppointment(app: TestApp, org: TestOrg, input: Record<string, unknown>, fields?: string) {
  return app.gql(CREATE(fields), { input }, { token: org.token });
}

export async function appointmentCount(app: TestApp, org: TestOrg): Promise<number> {
  const [row] = await app.sql<{ n: number }>('select count(*)::int as n from appointment where organisation_id = $1', [org.organisationId]);
  return row!.n;
}

/** Expects the mutation to have been refused with exactly one userError code; answers the whole payload. */
export function refused(res: GraphQLResponse, mutation: string, code: string): any {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  const result = res.data[mutation];
  expect(result.appointment ?? null).toBeNull();
  expect(result.userErrors.map((e: any) => e.code)).toContain(code);
  return result;
}
