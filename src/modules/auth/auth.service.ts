import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedRows } from '../../db/prepared.js';
import { graphQLError } from '../../shared/errors.js';
import { fromGlobalId } from '../../shared/global-id.js';
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

/** The token in the first header that carries one; `Authorization` must use the Bearer scheme. */
export function tokenFromHeaders(headers: Headers): string | undefined {
  const authorization = header(headers, 'authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (match) return match[1];
  }
  return header(headers, 'x-session-token') ?? header(headers, 'api_access_token') ?? header(headers, 'api-access-token');
}

/**
 * Authenticates a request by its token headers and `X-Tenant` in one SQL statement (prepared: every
 * request runs it).
 * @returns null when no token was sent.
 * @throws GraphQLError `UNAUTHENTICATED` for an unknown or revoked token; `FORBIDDEN` when `X-Tenant`
 *   names an organisation the user is not a member of (or is not an organisation id at all).
 */
export async function authenticate(em: EntityManager, headers: Headers): Promise<Viewer | null> {
  const token = tokenFromHeaders(headers);
  if (!token) return null;
  const tenantHeader = header(headers, 'x-tenant');
  let tenantId: string | null = null;
  if (tenantHeader) {
    tenantId = fromGlobalId(tenantHeader)?.id ?? (/^[0-9a-f-]{36}$/i.test(tenantHeader) ? tenantHeader.toLowerCase() : null);
    if (!tenantId) throw graphQLError('FORBIDDEN', 'X-Tenant must be the id of an organisation you are a member of.');
  }
  const rows = await preparedRows<{ user_id: string; organisation_id: string; role: UserRole; time_zone: string; currency: string }>(
    em,
    `select t.user_id, m.organisation_id, m.role, o.time_zone, o.currency
       from api_token t
       join app_user u on u.id = t.user_id and u.is_active
       join membership m on m.user_id = t.user_id and m.organisation_id = coalesce($1::uuid, t.organisation_id)
       join organisation o on o.id = m.organisation_id
      where t.token_hash = $2 and t.revoked_at is null`,
    [tenantId, hashToken(token)],
  );
  const row = rows[0];
  if (!row) {
    if (!tenantId) throw graphQLError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
    const valid = await preparedRows(em, `select 1 from api_token where token_hash = $1 and revoked_at is null`, [hashToken(token)]);
    throw valid.length
      ? graphQLError('FORBIDDEN', 'X-Tenant names an organisation you are not a member of.')
      : graphQLError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
  }
  return { userId: row.user_id, organisationId: row.organisation_id, role: row.role, timeZone: row.time_zone, currency: row.currency };
}
