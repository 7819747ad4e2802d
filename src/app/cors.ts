import cors from 'cors';
import type { RequestHandler } from 'express';
import type { CorsOrigin } from '../config/env.js';
import { TOKEN_HEADERS } from '../modules/auth/auth.service.js';

/** Cross-origin access to `/graphql` (docs/cors.md); the defaults of `CORS_*` in src/config/env.ts. */
export interface CorsSettings {
  /** Origins whose pages may call the API: `*`, exact origins, or patterns as RegExps. Empty: none. */
  origins: CorsOrigin[];
  /** Send `Access-Control-Allow-Credentials: true` (never with `*`; the config refuses that). */
  credentials: boolean;
  /** `Access-Control-Max-Age` of a preflight's answer, in seconds. */
  maxAgeSeconds: number;
}

/** No cross-origin access: what `npm start` does without CORS_ORIGINS. */
export const NO_CORS: CorsSettings = { origins: [], credentials: false, maxAgeSeconds: 600 };

/**
 * Request headers a cross-origin page may send: the body's media type, the token headers, the tenant
 * and request id, Apollo's CSRF-prevention headers, and the client-awareness headers Apollo Client
 * sends when given a name and version.
 */
export const CORS_REQUEST_HEADERS = [
  'content-type', ...TOKEN_HEADERS, 'api-access-token', 'x-tenant', 'x-request-id',
  'apollo-require-preflight', 'x-apollo-operation-name', 'apollographql-client-name', 'apollographql-client-version',
];

/** Answer headers a cross-origin page may read beyond the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After'];

/**
 * The `cors` middleware for `/graphql`. An allowed `Origin` gets `Access-Control-Allow-Origin` (its
 * own value, with `Vary: Origin`; `*` when every origin is allowed); any other origin gets none, so the
 * browser refuses the answer, or the request after a preflight. Preflights (`OPTIONS`) are answered
 * here with 204 and never reach Apollo. Requests without `Origin` (same-origin pages, servers) pass
 * untouched: Apollo's CSRF prevention still guards the simple requests no preflight precedes.
 */
export function corsMiddleware(settings: CorsSettings): RequestHandler {
  return cors({
    origin: settings.origins.includes('*') ? '*' : settings.origins,
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: settings.credentials,
    maxAge: settings.maxAgeSeconds,
  });
}
