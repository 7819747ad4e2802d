import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin, requireViewer, type Context } from '../../app/context.js';
import { graphQLError, notFound, UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { filterIdOf, fromGlobalId, toGlobalId } from '../../shared/global-id.js';
import { runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { Membership } from '../user/membership.entity.js';
import { mayGrant } from '../user/user-role.js';
import type { User } from '../user/user.entity.js';
import { findMember } from '../user/user.service.js';
import { ApiToken } from './api-token.entity.js';
import { generateToken, hashToken } from './auth.service.js';

/** The longest a token may be issued for: ten years. */
export const MAX_TOKEN_LIFETIME_MS = 3650 * 24 * 3600 * 1000;
/** The shortest: one minute (anything shorter expires before it can be handed over). */
export const MIN_TOKEN_LIFETIME_MS = 60 * 1000;
/** Longest `name` of a token. */
export const MAX_TOKEN_NAME_LENGTH = 200;

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * Parses the CLI's `--expires-in`: a whole number followed by `m` (minutes), `h` (hours), `d` (days)
 * or `w` (weeks), e.g. `90d`, `12h`, `30m`. Strict: no spaces, no fractions, no combinations.
 * @returns milliseconds. @throws Error naming the accepted form.
 */
export function parseDuration(text: string): number {
  const match = /^([1-9][0-9]{0,6})([mhdw])$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a duration: use a whole number and m, h, d or w, e.g. 30d, 12h, 45m`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Why `expiresAt` is not a valid expiry for a token issued `now`, or null when it is. */
export function expiryProblem(expiresAt: Date, now = new Date()): string | null {
  const lifetime = expiresAt.getTime() - now.getTime();
  if (lifetime < MIN_TOKEN_LIFETIME_MS) return 'The expiry must be at least one minute from now.';
  if (lifetime > MAX_TOKEN_LIFETIME_MS) return 'The expiry must be at most ten years from now.';
  return null;
}

export interface NewApiToken {
  user: User | string;
  organisation: Organisation | string;
  name?: string | null;
  expiresAt?: Date | null;
  /** Who issues it through the API; null or absent for the CLI (an operator). */
  createdBy?: User | string | null;
}

/** Persists a new API token (not flushed); answers its secret (shown once) and the row. */
export function issueApiToken(em: EntityManager, input: NewApiToken): { secret: string; apiToken: ApiToken } {
  const secret = generateToken();
  const apiToken = em.create(ApiToken, {
    user: input.user as User,
    organisation: input.organisation as Organisation,
    tokenHash: hashToken(secret),
    name: input.name?.trim() || null,
    expiresAt: input.expiresAt ?? null,
    createdBy: (input.createdBy ?? null) as User | null,
  });
  return { secret, apiToken };
}

/** A token's metadata as the CLI prints it (never the hash). */
export function tokenJson(token: ApiToken) {
  return {
    id: toGlobalId('ApiToken', token.id),
    name: token.name ?? null,
    user: toGlobalId('User', token.user.id),
    organisation: toGlobalId('Organisation', token.organisation.id),
    createdBy: token.createdBy ? toGlobalId('User', token.createdBy.id) : null,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}

/** The role `userId` holds in `organisationId`, or null when not a member. */
async function roleIn(em: EntityManager, userId: string, organisationId: string) {
  const membership = await em.findOne(Membership, { user: userId, organisation: organisationId }, { filters: false });
  return membership?.role ?? null;
}

export interface CreateApiTokenArgs {
  userId: string;
  name?: string | null;
  expiresAt?: Date | null;
  expiresInSeconds?: number | null;
}

/**
 * `createApiToken`: issues a token for a member of the caller's organisation, acting in it. A token
 * for someone else is delegated: it acts only in this organisation and cannot answer invitations.
 * @throws GraphQLError FORBIDDEN unless the caller is OWNER or ADMIN, or when the member's role is above
 *   the caller's; NOT_FOUND for a user who is not a member. userErrors: VALIDATION (name length, both
 *   or a bad expiry).
 */
export async function createApiToken(ctx: Context, input: CreateApiTokenArgs) {
  const viewer = requireAdmin(ctx);
  let secret: string | null = null;
  const payload = await runMutation(ctx, async (em) => {
    const user = await findMember(em, input.userId, 'userId');
    const role = await roleIn(em, user.id, viewer.organisationId);
    if (!role || !mayGrant(viewer.role, role)) throw graphQLError('FORBIDDEN', `The ${viewer.role} role cannot issue a token for a member whose role is ${role}.`);
    const errors = new UserErrorList();
    if (input.name != null && (!input.name.trim() || input.name.length > MAX_TOKEN_NAME_LENGTH)) {
      errors.add(UserErrorCode.VALIDATION, `name must be 1–${MAX_TOKEN_NAME_LENGTH} characters.`, ['input', 'name']);
    }
    const expiresAt = input.expiresInSeconds != null ? new Date(Date.now() + input.expiresInSeconds * 1000) : (input.expiresAt ?? null);
    const field = input.expiresInSeconds != null ? 'expiresInSeconds' : 'expiresAt';
    if (input.expiresAt != null && input.expiresInSeconds != null) {
      errors.add(UserErrorCode.VALIDATION, 'Give expiresAt or expiresInSeconds, not both.', ['input', field]);
    } else {
      const problem = expiresAt && expiryProblem(expiresAt);
      if (problem) errors.add(UserErrorCode.VALIDATION, problem, ['input', field]);
    }
    errors.throwIfAny();
    const issued = issueApiToken(em, { user: user.id, organisation: viewer.organisationId, name: input.name, expiresAt, createdBy: viewer.userId });
    await em.flush();
    secret = issued.secret;
    return { result: issued.apiToken };
  });
  return { ...payload, token: payload.result ? secret : null };
}

/**
 * Loads a token the caller may manage: their own, or (for an OWNER or ADMIN) one issued for their
 * organisation to a member whose role is not above theirs.
 * @throws GraphQLError NOT_FOUND when the id is not such a token (another organisation's looks the
 *   same); FORBIDDEN for a token of a member whose role is above the caller's.
 */
async function manageableToken(ctx: Context, em: EntityManager, globalId: string): Promise<ApiToken> {
  const viewer = requireViewer(ctx);
  const decoded = fromGlobalId(globalId);
  const token = decoded?.type === 'ApiToken' ? await em.findOne(ApiToken, { id: decoded.id }) : null;
  if (!token) throw notFound('ApiToken', globalId, 'id');
  if (token.user.id === viewer.userId) return token;
  if (token.organisation.id !== viewer.organisationId) throw notFound('ApiToken', globalId, 'id');
  requireAdmin(ctx);
  const role = await roleIn(em, token.user.id, viewer.organisationId);
  if (role && !mayGrant(viewer.role, role)) throw graphQLError('FORBIDDEN', `The ${viewer.role} role cannot revoke a token of a member whose role is ${role}.`);
  return token;
}

/**
 * `revokeApiToken`: the token stops working at once. Revoking a revoked token changes nothing and
 * answers it with its first `revokedAt`. Any member may revoke their own tokens.
 * @throws GraphQLError NOT_FOUND / FORBIDDEN from {@link manageableToken}.
 */
export function revokeApiToken(ctx: Context, input: { id: string }) {
  return runMutation(
    ctx,
    async (em) => {
      const token = await manageableToken(ctx, em, input.id);
      token.revokedAt ??= new Date();
      await em.flush();
      return { result: token };
    },
    undefined,
    { caller: 'member' },
  );
}

/**
 * `apiTokens`: the tokens issued for the caller's organisation, oldest first, optionally of one user.
 * @throws GraphQLError FORBIDDEN unless the caller is OWNER or ADMIN.
 */
export function listApiTokens(ctx: Context, args: ConnectionArgs, userId?: string | null) {
  const viewer = requireAdmin(ctx);
  const where: Record<string, unknown> = { organisation: viewer.organisationId };
  if (userId != null) where.user = filterIdOf(userId, 'User');
  return paginate(ctx.em, ApiToken, where, args, ['id']);
}
