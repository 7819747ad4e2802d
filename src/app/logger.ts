import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * The process logger: JSON lines on stdout (or on `destination`, which the tests read); tokens never
 * logged (headers are redacted).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'kairos' },
    redact: { paths: ['req.headers.authorization', 'req.headers["x-session-token"]', 'req.headers.api_access_token', 'req.headers["api-access-token"]', 'token'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
