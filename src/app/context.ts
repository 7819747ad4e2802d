import { randomUUID } from 'node:crypto';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { authenticate, type Viewer } from '../modules/auth/auth.service.js';
import { ADMIN_ROLES, WRITE_ROLES } from '../modules/user/user-role.js';
import { graphQLError } from '../shared/errors.js';
import { TENANT_FILTER } from '../shared/tenant.entity.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything a resolver or service needs for one request. Built only by {@link createContext}. */
export interface Context {
  requestId: string;
  /** The request's own EntityManager (a fork), tenant filter bound to the viewer's organisation. */
  em: EntityManager;
  /** The authenticated caller, or null (then only introspection answers). */
  viewer: Viewer | null;
  loaders: Loaders;
  log: Logger;
}

export interface ContextOptions {
  orm: MikroORM;
  headers: Record<string, string | string[] | undefined>;
  log: Logger;
  requestId?: string;
}

/**
 * Builds a request context: forks the EntityManager, authenticates the token headers (and `X-Tenant`),
 * binds the tenant filter and creates the DataLoaders. The HTTP server and the tests both use it.
 * @throws GraphQLError UNAUTHENTICATED / FORBIDDEN from {@link authenticate}.
 */
export async function createContext(options: ContextOptions): Promise<Context> {
  const requestId = options.requestId ?? randomUUID();
  const em = options.orm.em.fork({ clear: true, useContext: false });
  const viewer = await authenticate(em, options.headers, options.log);
  if (viewer) em.setFilterParams(TENANT_FILTER, { organisationId: viewer.organisationId });
  return {
    requestId,
    em,
    viewer,
    loaders: createLoaders(em, viewer?.organisationId ?? null),
    log: options.log.child({ requestId }),
  };
}

/** The caller. @throws GraphQLError UNAUTHENTICATED when no token was sent. */
export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) {
    throw graphQLError('UNAUTHENTICATED', 'Send an API token: `Authorization: Bearer <token>`, `X-Session-Token` or `api_access_token`.');
  }
  return ctx.viewer;
}

/** The caller, who must be allowed to write. @throws GraphQLError UNAUTHENTICATED / FORBIDDEN (READ_ONLY). */
export function requireWriter(ctx: Context): Viewer {
  const viewer = requireViewer(ctx);
  if (!WRITE_ROLES.has(viewer.role)) throw graphQLError('FORBIDDEN', `The ${viewer.role} role cannot change data.`);
  return viewer;
}

/** The caller, who must be OWNER or ADMIN. @throws GraphQLError UNAUTHENTICATED / FORBIDDEN. */
export function requireAdmin(ctx: Context): Viewer {
  const viewer = requireViewer(ctx);
  if (!ADMIN_ROLES.has(viewer.role)) throw graphQLError('FORBIDDEN', `The ${viewer.role} role cannot do this; OWNER or ADMIN can.`);
  return viewer;
}
