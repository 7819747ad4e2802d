import { expect } from 'vitest';
import type { GraphQLResponse, TestApp, TestOrg } from '../harness/app.js';
import { makeUser } from '../appointment/fixtures.js';
import { issueToken } from '../../src/modules/organisation/organisation.service.js';
import { User } from '../../src/modules/user/user.entity.js';
import { fromGlobalId } from '../../src/shared/global-id.js';

/** The payload of a mutation that must have succeeded (no GraphQL errors, no userErrors). */
export function payload(res: GraphQLResponse, mutation: string): any {
  expect(res.errors).toBeUndefined();
  const result = res.data[mutation];
  expect(result.userErrors).toEqual([]);
  return result;
}

/** The userErrors of a mutation that must have been refused with userErrors (and answered no object). */
export function userErrors(res: GraphQLResponse, mutation: string, objectField: string): { code: string; field: string[]; message: string }[] {
  expect(res.errors).toBeUndefined();
  const result = res.data[mutation];
  expect(result[objectField]).toBeNull();
  expect(result.userErrors.length).toBeGreaterThan(0);
  return result.userErrors;
}

/** The `extensions.code` of the single GraphQL error of a response. */
export function errorCode(res: GraphQLResponse): string | undefined {
  expect(res.errors?.length).toBe(1);
  return res.errors![0]!.extensions?.code;
}

/** An API token of a new member of `org` with `role` (OWNER's createUser, then a token issued directly). */
export async function memberToken(app: TestApp, org: TestOrg, role: 'ADMIN' | 'STAFF' | 'READ_ONLY'): Promise<string> {
  const member = await makeUser(app, org, `${role} member`, role);
  const em = app.kairos.orm.em.fork();
  const token = issueToken(em, em.getReference(User, fromGlobalId(member.id)!.id), org.organisationId);
  await em.flush();
  return token;
}

/** `<mutation>(input:) { <objectField> { <fields> } userErrors }` as `token`. */
export function mutate(app: TestApp, token: string, mutation: string, objectField: string, input: Record<string, unknown>, fields = 'id version') {
  const type = mutation[0]!.toUpperCase() + mutation.slice(1) + 'Input';
  return app.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${objectField} { ${fields} } userErrors { code field message } } }`, { input }, { token });
}

/**
 * The rules every `update…` shares, checked on one record: a change answers version + 1 and the new
 * values; a stale expectedVersion is STALE_VERSION and writes nothing; another organisation's token
 * gets NOT_FOUND; a READ_ONLY member gets FORBIDDEN; clearing a required field is VALIDATION.
 */
export async function checkUpdateRules(
  app: TestApp,
  spec: { org: TestOrg; other: TestOrg; readOnly: string; mutation: string; objectField: string; id: string; change: Record<string, unknown>; expected: Record<string, unknown>; required: string; fields?: string },
): Promise<void> {
  const { org, other, readOnly, mutation, objectField, id, change, expected, required } = spec;
  const fields = `id version ${spec.fields ?? Object.keys(expected).join(' ')}`;
  const updated = payload(await mutate(app, org.token, mutation, objectField, { id, expectedVersion: 1, ...change }, fields), mutation)[objectField];
  expect(updated).toMatchObject({ id, version: 2, ...expected });

  const stale = userErrors(await mutate(app, org.token, mutation, objectField, { id, expectedVersion: 1, ...change }, fields), mutation, objectField);
  expect(stale).toEqual([expect.objectContaining({ code: 'STALE_VERSION', field: ['input', 'expectedVersion'] })]);

  expect(errorCode(await mutate(app, other.token, mutation, objectField, { id, ...change }))).toBe('NOT_FOUND');
  expect(errorCode(await mutate(app, readOnly, mutation, objectField, { id, ...change }))).toBe('FORBIDDEN');
  const cleared = userErrors(await mutate(app, org.token, mutation, objectField, { id, [required]: null }), mutation, objectField);
  expect(cleared).toEqual([expect.objectContaining({ code: 'VALIDATION', field: ['input', required] })]);

  // Nothing of the refused attempts was written.
  const read = await app.gql(`query($id: ID!) { node(id: $id) { ... on ${objectField[0]!.toUpperCase() + objectField.slice(1)} { ${fields} } } }`, { id }, { token: org.token });
  expect(read.data.node).toMatchObject({ version: 2, ...expected });
}
