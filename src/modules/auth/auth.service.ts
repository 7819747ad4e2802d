import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { preparedRows } from '../../db/prepared.js';
import { graphQLError } from '../../shared/errors.js';
import { fromGlobalId } from '../../shared/global-id.js';
import { deactivatedSql } from '../user/membership.entity.js';
import { UserRole } from '../user/user-role.js';

/** Who is calling: the token's user, the organisation the request acts in, and the role there. */
export interface Viewer {
  userId: string;
  organisationId: string;
  role: UserRole;
  /** The organisation's IANA time zone (time bands are read in it). */
  timeZone: string;
  /** The organisation's ISO 4217 currency. */
  currency: string;
  /** The API token the request authenticated with. */
  tokenId: string;
  /**
   * True when someone other than the user issued the token (an OWNER or ADMIN, through
   * `createApiToken`): it acts only in its organisation and cannot answer the user's invitations.
   */
  delegated: boolean;
}

/** The headers a token may arrive in (seeds 000/004 `X-Session-Token`, 001 `Authorization: Bearer`, 002 `api_access_token`). */
export const TOKEN_HEADERS = ['authorization', 'x-session-token', 'api_access_token'] as const;

const TOKEN_PREFIX = 'kairos_';

/** A new random API token secret (`kairos_` + 43 base64url characters, 256 bits). */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The stored form of a token: hex SHA-256 (tokens are high-entropy, so a fast hash suffices). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
}

const MALFORMED_AUTHORIZATION = 'The Authorization header is malformed: send `Authorization: Bearer <token>`.';

/**
 * Reads the token headers. `Authorization` must be `Bearer <token>`: a Bearer credential of any other
 * shape (none, two words) and a bare Kairos token without the scheme are `malformed`, so that
 * {@link authenticate} refuses them rather than reading them as "no token". Another scheme (`Basic …`,
 * say from a proxy in front) is not ours and is skipped.
 */
function readTokenHeaders(headers: Headers): { token?: string; malformed: boolean } {
  const authorization = header(headers, 'authorization');
  if (authorization) {
    const [scheme, ...rest] = authorization.split(/\s+/);
    if (/^bearer$/i.test(scheme!)) return rest.length === 1 ? { token: rest[0], malformed: false } : { malformed: true };
    if (scheme!.startsWith(TOKEN_PREFIX)) return { malformed: true };
  }
  return { token: header(headers, 'x-session-token') ?? header(headers, 'api_access_token') ?? header(headers, 'api-access-token'), malformed: false };
}

/**
 * The token in the first header that carries one, or undefined (none, or a malformed `Authorization`
 * header, which {@link authenticate} refuses). Never throws: the rate limiter reads it before
 * authentication.
 */
export function tokenFromHeaders(headers: Headers): string | undefined {
  return readTokenHeaders(headers).token;
}

interface TokenRow {
  token_id: string;
  user_id: string;
  revoked: boolean;
  expired: boolean;
  /** As the pool's type parser leaves a timestamptz (a string). */
  expires_at: string | Date | null;
  user_active: boolean;
  delegated: boolean;
  stale_use: boolean;
  organisation_id: string | null;
  /** The membership exists but an OWNER or ADMIN deactivated it (`deactivateMember`). */
  member_deactivated: boolean;
  role: UserRole | null;
  time_zone: string | null;
  currency: string | null;
}

/**
 * How often `lastUsedAt` is written for one token. Authentication runs on every request, so it
 * reads whether the stamp is older than this and writes only then: at most one small update per
 * token per interval, never one per request.
 */
const LAST_USED_RESOLUTION = '1 minute';

/**
 * Authenticates a request by its token headers and `X-Tenant` in one SQL statement (prepared: every
 * request runs it). When the token's `lastUsedAt` is older than a minute, stamps it with a second
 * statement that the request does not wait for.
 * @returns null when no token was sent.
 * @throws GraphQLError `UNAUTHENTICATED` for a malformed `Authorization` header, an unknown, revoked or
 *   expired token, a deactivated user, or a user who is no longer (or no longer an active) member of
 *   the token's organisation; `FORBIDDEN` when `X-Tenant` names an organisation the user is not an
 *   active member of (or is not an organisation id at all), or another organisation than a delegated
 *   token's.
 */
export async function authenticate(em: EntityManager, headers: Headers, log?: Logger): Promise<Viewer | null> {
  const { token, malformed } = readTokenHeaders(headers);
  if (malformed) throw graphQLError('UNAUTHENTICATED', MALFORMED_AUTHORIZATION);
  if (!token) return null;
  const tenantHeader = header(headers, 'x-tenant');
  let tenantId: string | null = null;
  if (tenantHeader) {
    tenantId = fromGlobalId(tenantHeader)?.id ?? (/^[0-9a-f-]{36}$/i.test(tenantHeader) ? tenantHeader.toLowerCase() : null);
    if (!tenantId) throw graphQLError('FORBIDDEN', 'X-Tenant must be the id of an organisation you are a member of.');
  }
  // A delegated token (issued by someone else) may act only in its own organisation: X-Tenant naming
  // another one finds no membership row.
  const rows = await preparedRows<TokenRow>(
    em,
    `select t.id as token_id, t.user_id, t.revoked_at is not null as revoked, t.expires_at,
            coalesce(t.expires_at <= now(), false) as expired, u.is_active as user_active,
            coalesce(t.created_by_id <> t.user_id, false) as delegated,
            coalesce(t.last_used_at < now() - interval '${LAST_USED_RESOLUTION}', true) as stale_use,
            m.organisation_id, ${deactivatedSql('m')} as member_deactivated, m.role, o.time_zone, o.currency
       from api_token t
       join app_user u on u.id = t.user_id
       left join membership m on m.user_id = t.user_id and m.organisation_id = coalesce($1::uuid, t.organisation_id)
            and (t.created_by_id is null or t.created_by_id = t.user_id or m.organisation_id = t.organisation_id)
       left join organisation o on o.id = m.organisation_id
      where t.token_hash = $2`,
    [tenantId, hashToken(token)],
  );
  const row = rows[0];
  if (!row) throw graphQLError('UNAUTHENTICATED', 'The API token is unknown.');
  if (row.revoked) throw graphQLError('UNAUTHENTICATED', 'The API token has been revoked.');
  if (row.expired) throw graphQLError('UNAUTHENTICATED', `The API token expired at ${new Date(row.expires_at!).toISOString()}.`);
  if (!row.user_active) throw graphQLError('UNAUTHENTICATED', 'The API token\'s user is deactivated.');
  // A deactivated membership answers as no membership (same codes), with a message that says why.
  if (row.member_deactivated) {
    throw tenantId
      ? graphQLError('FORBIDDEN', 'X-Tenant names an organisation where your membership is deactivated.')
      : graphQLError('UNAUTHENTICATED', 'The API token\'s user is deactivated in its organisation.');
  }
  if (!row.organisation_id) {
    throw tenantId
      ? graphQLError('FORBIDDEN', row.delegated ? 'This token was issued by your organisation and acts only in it: X-Tenant cannot pick another.' : 'X-Tenant names an organisation you are not a member of.')
      : graphQLError('UNAUTHENTICATED', 'The API token\'s user is no longer a member of its organisation.');
  }
  if (row.stale_use) stampLastUsed(em, row.token_id, log);
  return {
    userId: row.user_id,
    organisationId: row.organisation_id,
    role: row.role!,
    timeZone: row.time_zone!,
    currency: row.currency!,
    tokenId: row.token_id,
    delegated: row.delegated,
  };
}

/**
 * Sets the token's `lastUsedAt` unless another request did within the last minute; not awaited, so
 * the request does not wait for the write. A failure (the pool closing at shutdown, say) costs only the
 * stamp and is logged.
 */
function stampLastUsed(em: EntityManager, tokenId: string, log?: Logger): void {
  em.getConnection()
    .execute(
      `update api_token set last_used_at = now()
        where id = ? and (last_used_at is null or last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
      [tokenId],
    )
    .catch((error: unknown) => log?.warn({ err: error, tokenId }, 'could not stamp the token\'s lastUsedAt'));
}
