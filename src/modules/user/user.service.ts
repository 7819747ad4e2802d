import { randomBytes } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { Context } from '../../app/context.js';
import { requireAdmin, requireViewer } from '../../app/context.js';
import { graphQLError, notFound, UserError, UserErrorCode, UserErrorList, UserErrorsException } from '../../shared/errors.js';
import { filterIdOf, fromGlobalId } from '../../shared/global-id.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { retiredRefusal } from '../../shared/retired.js';
import { issueApiToken } from '../auth/api-token.service.js';
import { hashToken, type Viewer } from '../auth/auth.service.js';
import { Invitation, InvitationStatus } from './invitation.entity.js';
import { isDeactivated, Membership } from './membership.entity.js';
import { mayGrant, UserRole } from './user-role.js';
import { User } from './user.entity.js';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/**
 * Finds the user with `email` (case-insensitive) or creates one, and makes it a member of
 * `organisationId` with `role` (an existing membership keeps its role). Does not flush. For the
 * operator's paths only (the CLI, the demo): through the API, people join by invitation.
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

/** How long an invitation stays open. */
export const INVITATION_LIFETIME_DAYS = 14;
const INVITATION_CODE_PREFIX = 'kinv_';

/** A new invitation code: `kinv_` + 43 base64url characters (256 bits); only its hash is stored. */
function generateInvitationCode(): string {
  return INVITATION_CODE_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * `createUser`: invites a person, by e-mail address, to the caller's organisation with `role`. It
 * answers the same way whether or not the address has a Kairos account (an invitation holding only
 * what was typed, and its code once), so it tells the organisation nothing about who uses Kairos, and
 * nobody becomes a member without accepting. Inviting an address again renews its invitation (new
 * code, role and expiry; the old code stops working).
 * @throws GraphQLError FORBIDDEN unless the caller is OWNER or ADMIN, or when `role` is above the
 *   caller's. userErrors: VALIDATION, ALREADY_MEMBER (the address belongs to a member already).
 */
export async function createUser(ctx: Context, input: NewUser) {
  const viewer = requireAdmin(ctx);
  if (!mayGrant(viewer.role, input.role)) throw graphQLError('FORBIDDEN', `The ${viewer.role} role cannot grant the ${input.role} role.`);
  let code: string | null = null;
  const payload = await runMutation(ctx, (em) =>
    idempotent(em, ctx, 'createUser', input, Invitation, async () => {
      validateUser(input.name, input.email).throwIfAny();
      const email = input.email.trim().toLowerCase();
      const existing = await em.findOne(Membership, { user: { email } });
      if (existing) {
        const hint = isDeactivated(existing) ? ' (deactivated: reactivate them with reactivateMember)' : '';
        new UserErrorList().add(UserErrorCode.ALREADY_MEMBER, `${email} is already a member of this organisation${hint}.`, ['input', 'email']).throwIfAny();
      }
      const secret = generateInvitationCode();
      const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_DAYS * 86_400_000);
      // One row per organisation and address; concurrent invitations of one address meet in the
      // unique key and the later one renews the row instead of failing.
      const [row] = await em.execute<{ id: string }[]>(
        `insert into invitation (id, created_at, updated_at, organisation_id, email, name, role, status, expires_at, code_hash, invited_by_id)
         values (?, now(), now(), ?, ?, ?, ?, 'PENDING', ?, ?, ?)
         on conflict (organisation_id, email) do update
           set name = excluded.name, role = excluded.role, status = 'PENDING', expires_at = excluded.expires_at,
               code_hash = excluded.code_hash, invited_by_id = excluded.invited_by_id, accepted_by_id = null,
               accepted_at = null, updated_at = now()
         returning id`,
        [uuidv7(), viewer.organisationId, email, input.name.trim(), input.role, expiresAt, hashToken(secret), viewer.userId],
      );
      code = secret;
      return em.findOneOrFail(Invitation, { id: row!.id });
    }),
  );
  return { ...payload, user: null, invitationCode: payload.result && !payload.replayed ? code : null };
}

/** userErrors unless the invitation can still be accepted. */
function assertPending(invitation: Invitation): void {
  if (invitation.status !== InvitationStatus.PENDING) {
    new UserErrorList()
      .add(UserErrorCode.INVITATION_NOT_PENDING, `The invitation is ${invitation.status.toLowerCase()}: ask the organisation to invite you again.`, ['input', 'id'])
      .throwIfAny();
  }
}

export interface AcceptInvitation {
  id: string;
  code?: string | null;
  name?: string | null;
}

/**
 * `acceptInvitation`: the invitee joins the organisation with the invitation's role.
 * - With an API token (the invitee's own, not one issued by someone else): the invitation must be
 *   addressed to the token user's e-mail; no code is needed.
 * - Without a token, with the invitation's code: for a person with no Kairos account yet. Creates the
 *   user (named `name`, else the name the organisation typed) and answers their first API token.
 * @throws GraphQLError NOT_FOUND for an id that is not an invitation to the caller (or whose code does
 *   not match); UNAUTHENTICATED with neither a token nor a code; FORBIDDEN with a delegated token.
 *   userErrors: INVITATION_NOT_PENDING, ALREADY_MEMBER, ACCOUNT_EXISTS, VALIDATION.
 */
export async function acceptInvitation(ctx: Context, input: AcceptInvitation) {
  if (ctx.viewer?.delegated) throw graphQLError('FORBIDDEN', 'This token was issued by an organisation for you: accept invitations with a token of your own.');
  if (!ctx.viewer && !input.code) throw graphQLError('UNAUTHENTICATED', 'Send your own API token, or the invitation code if you have no Kairos account yet.');
  let secret: string | null = null;
  const payload = await runMutation(
    ctx,
    async (em) => {
      const decoded = fromGlobalId(input.id);
      const invitation = decoded?.type === 'Invitation'
        ? await em.findOne(Invitation, { id: decoded.id }, { filters: false, lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      const me = ctx.viewer ? await em.findOneOrFail(User, { id: ctx.viewer.userId }) : null;
      const addressedToCaller = invitation && (me ? invitation.email === me.email : invitation.codeHash === hashToken(input.code!));
      if (!addressedToCaller) throw notFound('Invitation', input.id, 'id');
      assertPending(invitation);
      let user = me;
      if (user) {
        if (await em.findOne(Membership, { user, organisation: invitation.organisation }, { filters: false })) {
          new UserErrorList().add(UserErrorCode.ALREADY_MEMBER, 'You are already a member of this organisation.', ['input', 'id']).throwIfAny();
        }
      } else {
        if (await em.findOne(User, { email: invitation.email })) {
          new UserErrorList()
            .add(UserErrorCode.ACCOUNT_EXISTS, `${invitation.email} already has a Kairos account: accept with that account's own API token.`, ['input', 'code'])
            .throwIfAny();
        }
        const name = input.name ?? invitation.name;
        validateUser(name, invitation.email).throwIfAny();
        user = em.create(User, { name: name.trim(), email: invitation.email });
        secret = issueApiToken(em, { user, organisation: invitation.organisation, createdBy: user }).secret;
      }
      em.create(Membership, { user, organisation: invitation.organisation, role: invitation.role });
      invitation.storedStatus = InvitationStatus.ACCEPTED;
      invitation.acceptedBy = user;
      invitation.acceptedAt = new Date();
      await em.flush();
      return { result: invitation };
    },
    // Two people accepting invitations of one new address at once: the second meets the unique e-mail.
    async (error) =>
      error instanceof UniqueConstraintViolationException
        ? new UserErrorsException([UserError.of(UserErrorCode.ACCOUNT_EXISTS, 'This address already has a Kairos account: accept with that account\'s own API token.', ['input', 'code'])])
        : null,
    { caller: 'anyone' },
  );
  return { ...payload, token: payload.result ? secret : null };
}

/**
 * `revokeInvitation`: withdraws a pending invitation; its code stops working.
 * @throws GraphQLError FORBIDDEN unless the caller is OWNER or ADMIN with a role not below the
 *   invitation's; NOT_FOUND for an id that is not an invitation of this organisation.
 *   userErrors: INVITATION_NOT_PENDING.
 */
export function revokeInvitation(ctx: Context, input: { id: string }) {
  const viewer = requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const invitation = await em.findOne(Invitation, { id: filterIdOf(input.id, 'Invitation') }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!invitation) throw notFound('Invitation', input.id, 'id');
    if (!mayGrant(viewer.role, invitation.role)) throw graphQLError('FORBIDDEN', `The ${viewer.role} role cannot revoke an invitation for the ${invitation.role} role.`);
    if (invitation.storedStatus !== InvitationStatus.PENDING) assertPending(invitation);
    invitation.storedStatus = InvitationStatus.REVOKED;
    await em.flush();
    return { result: invitation };
  });
}

/**
 * `myInvitations`: the open invitations addressed to the caller's e-mail, in every organisation,
 * oldest first.
 * @throws GraphQLError FORBIDDEN with a delegated token (issued by an organisation, not the user).
 */
export async function myInvitations(ctx: Context): Promise<Invitation[]> {
  const viewer = requireViewer(ctx);
  if (viewer.delegated) throw graphQLError('FORBIDDEN', 'This token was issued by an organisation for you: read your invitations with a token of your own.');
  const me = await ctx.loaders.byId(User).load(viewer.userId);
  return ctx.em.find(
    Invitation,
    { email: me!.email, storedStatus: InvitationStatus.PENDING, expiresAt: { $gt: new Date() } },
    { filters: false, orderBy: { id: 'asc' } },
  );
}

/**
 * Resolves a member of the caller's organisation (practitioner, assistant, representative, author)
 * by global id, for a new link. Users are shared between organisations, so membership
 * (tenant-filtered) decides.
 * @throws GraphQLError NOT_FOUND when the id is not a User who is a member of this organisation.
 * @throws UserErrorsException VALIDATION ({@link retiredRefusal}) for a member deactivated here.
 */
export async function findMember(em: EntityManager, globalId: string, field: string): Promise<User> {
  const [user] = await findMemberUsers(em, [globalId], field);
  return user!;
}

/**
 * {@link findMember} for a list, in one statement: the users in the order given, each once.
 * @throws GraphQLError NOT_FOUND for the first id that is not a User who is a member of this organisation.
 * @throws UserErrorsException VALIDATION for the first member deactivated here.
 */
export async function findMemberUsers(em: EntityManager, globalIds: readonly string[], field: string): Promise<User[]> {
  const unique = [...new Set(globalIds)];
  const ids = unique.map((globalId) => {
    const decoded = fromGlobalId(globalId);
    if (decoded?.type !== 'User') throw notFound('User', globalId, field);
    return decoded.id;
  });
  if (ids.length === 0) return [];
  const memberships = new Map((await em.find(Membership, { user: { $in: ids } }, { populate: ['user'] })).map((m) => [m.user.id, m]));
  const users = ids.map((id, i) => {
    const membership = memberships.get(id);
    if (!membership) throw notFound('User', unique[i]!, field);
    return membership.user;
  });
  const deactivated = ids.findIndex((id) => isDeactivated(memberships.get(id)!));
  if (deactivated >= 0) throw retiredRefusal('User', unique[deactivated]!, field);
  return users;
}

/**
 * The membership of the User `globalId` in the caller's organisation, locked (`FOR UPDATE`) for the
 * mutation's transaction. OWNER or ADMIN acts on a member whose role is not above their own.
 * @throws GraphQLError NOT_FOUND (not a member here, another organisation's user, not a User id);
 *   FORBIDDEN when the member's role is above the caller's.
 */
async function lockMembership(em: EntityManager, viewer: Viewer, globalId: string): Promise<Membership> {
  const decoded = fromGlobalId(globalId);
  const membership = decoded?.type === 'User' ? await em.findOne(Membership, { user: decoded.id }, { populate: ['user'], lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
  if (!membership) throw notFound('User', globalId, 'id');
  if (!mayGrant(viewer.role, membership.role)) throw graphQLError('FORBIDDEN', `The ${viewer.role} role cannot change a member whose role is ${membership.role}.`);
  return membership;
}

/**
 * `deactivateMember`: the member's API tokens stop authenticating in this organisation (other
 * organisations of the same user are not touched), and new bookings and links cannot name them; the
 * appointments, history and lists that hold them keep them (`User.deactivatedAt` is set). Deactivating
 * a deactivated member changes nothing and answers them as they are.
 *
 * The organisation's OWNER memberships are locked first, in id order, so that concurrent
 * deactivations of two owners take turns and the later one sees the earlier: an organisation never
 * loses its last active OWNER, whatever the concurrency.
 * @throws GraphQLError FORBIDDEN unless the caller is OWNER or ADMIN with a role not below the
 *   member's; NOT_FOUND for a user who is not a member here. userErrors: LAST_OWNER.
 */
export function deactivateMember(ctx: Context, input: { id: string }) {
  const viewer = requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const owners = await em.find(Membership, { role: UserRole.OWNER }, { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
    const membership = await lockMembership(em, viewer, input.id);
    if (isDeactivated(membership)) return { result: membership.user };
    if (membership.role === UserRole.OWNER && !owners.some((o) => o.id !== membership.id && !isDeactivated(o))) {
      const who = membership.user.id === viewer.userId ? 'You are' : `${membership.user.name} is`;
      new UserErrorList().add(UserErrorCode.LAST_OWNER, `${who} the last active OWNER of the organisation: invite another OWNER (or reactivate one) first.`, ['input', 'id']).throwIfAny();
    }
    membership.deactivatedAt = new Date();
    return { result: membership.user };
  });
}

/**
 * `reactivateMember`: undoes {@link deactivateMember}; the member's tokens for this organisation work
 * again (those not revoked or expired meanwhile) and they can be booked. Reactivating an active member
 * changes nothing.
 * @throws GraphQLError FORBIDDEN unless the caller is OWNER or ADMIN with a role not below the
 *   member's; NOT_FOUND for a user who is not a member here.
 */
export function reactivateMember(ctx: Context, input: { id: string }) {
  const viewer = requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const membership = await lockMembership(em, viewer, input.id);
    membership.deactivatedAt = null;
    return { result: membership.user };
  });
}
