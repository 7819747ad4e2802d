import { ConnectionException } from '@mikro-orm/core';

/**
 * SQLSTATEs that mean "PostgreSQL cannot serve this now; the same request may succeed later":
 * class 08 (connection exception), 53300 too_many_connections, 57P01 admin_shutdown (the session was
 * terminated), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down).
 */
const UNAVAILABLE_STATES = new Set(['53300', '57P01', '57P02', '57P03']);

/** Node socket errors of a connection that cannot be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/** Messages of pg and pg-pool for a connection that ended or could not be had in time. */
const UNAVAILABLE_MESSAGES = /Connection terminated|connection to PostgreSQL ended|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether `error` (or anything in its `cause` chain) says the database is unreachable or refused the
 * session, rather than that the request was wrong: such failures answer SERVICE_UNAVAILABLE (HTTP 503,
 * `Retry-After`), a retry with the same idempotency key being safe.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; current = (current as { cause?: unknown }).cause, depth++) {
    if (current instanceof ConnectionException) return true;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** Seconds a client is told to wait (`Retry-After`) when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
