import pino, { type Logger } from 'pino';

/** The process logger: JSON lines on stdout; tokens never logged (headers are redacted). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'kairos' },
    redact: { paths: ['req.headers.authorization', 'req.headers["x-session-token"]', 'req.headers.api_access_token', 'token'], censor: '[redacted]' },
  });
}
