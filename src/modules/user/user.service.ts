import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../app/context.js';
import { requireAdmin } from '../../app/context.js';
import { notFound, UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { fromGlobalId } from '../../shared/global-id.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { Membership } from './membership.entity.js';
import { UserRole } from './user-role.js';
import { User } from './user.entity.js';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/**
 * Finds the user with `email` (case-insensitive) or creates one, and makes it a member of
 * `organisationId` with `role` (an existing membership keeps its role). Does not flush.
 */
export async function addMember(em: EntityManager, organisationId: string, name: string, email: string, role: UserRole): Promise<User> {
  const normalised = email.trim().toLowerCase();
  const user = (await em.findOne(User, { email: normalised })) ?? em.create(User, { name: name.trim(), email: normalised });
  const existing = await em.findOne(Membership, { user, organisation: organisationId }, { filters: false });
  if (!existing) em.create(Membership, { user, organisation: organisationId, role });
  return user;
}

/** Checks a user's name and e-mail. @returns userErrors with code VALIDATION. */
export function validateUser(name: string, email: string): UserErrorList {
  const errors = new UserErrorList();
  if (!name.trim() || name.length > 200) errors.add(UserErrorCode.VALIDATION, 'name must be 1–200 characters.', ['input', 'name']);
  if (!EMAIL.test(email.trim())) errors.add(UserErrorCode.VALIDATION, 'email must be an e-mail address.', ['input', 'email']);
  return errors;
}

export interface NewUser {
  name: string;
  email: string;
  role: UserRole;
  idempotencyKey?: string | null;
}

/**
 * `createUser`: adds a staff member to the caller's organisation.
 * @throws GraphQLError FORBIDDEN unless the caller is OWNER or ADMIN. userErrors: VALIDATION.
 */
export function createUser(ctx: Context, input: NewUser) {
  requireAdmin(ctx);
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createUser', input, User, async () => {
      validateUser(input.name, input.email).throwIfAny();
      return addMember(em, ctx.viewer!.organisationId, input.name, input.email, input.role);
    }),
  );
}

/**
 * Resolves a member of the caller's organisation (practitioner, assistant, representative, author)
 * by global id. Users are shared between organisations, so membership (tenant-filtered) decides.
 * @throws GraphQLError NOT_FOUND when the id is not a User who is a member of this organisation.
 */
export async function findMember(em: EntityManager, globalId: string, field: string): Promise<User> {
  const decoded = fromGlobalId(globalId);
  const membership = decoded?.type === 'User' ? await em.findOne(Membership, { user: decoded.id }, { populate: ['user'] }) : null;
  if (!membership) throw notFound('User', globalId, field);
  return membership.user;
}

/**
 * {@link findMember} for a list, in one statement: the users in the order given, each once.
 * @throws GraphQLError NOT_FOUND for the first id that is not a User who is a member of this organisation.
 */
export async function findMemberUsers(em: EntityManager, globalIds: readonly string[], field: string): Promise<User[]> {
  const unique = [...new Set(globalIds)];
  const ids = unique.map((globalId) => {
    const decoded = fromGlobalId(globalId);
    if (decoded?.type !== 'User') throw notFound('User', globalId, field);
    return decoded.id;
  });
  if (ids.length === 0) return [];
  const memberships = await em.find(Membership, { user: { $in: ids } }, { populate: ['user'] });
  const members = new Map(memberships.map((m) => [m.user.id, m.user]));
  return ids.map((id, i) => {
    const user = members.get(id);
    if (!user) throw notFound('User', unique[i]!, field);
    return user;
  });
}
