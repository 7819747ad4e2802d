import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { guardedLookup, UnsafeAddressError, type Resolver, type UrlPolicy } from './url-guard.js';

/** What one attempt found: a status (2xx is success), or why no answer came. */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  /** `timeout`, `unsafe address: …`, or the connection error; null when an answer came. */
  error: string | null;
  responseMs: number;
}

/**
 * POSTs `body` (JSON text) to `url`, signed per Standard Webhooks with `secret`: `webhook-id` (the outbox
 * event id), `webhook-timestamp` (Unix seconds, now) and `webhook-signature` (`v1,<base64 HMAC-SHA256>`,
 * and a second one, space-separated, made with `previousSecret` when given: a rotation's grace period).
 * The host is resolved and checked against `policy` before any connection ({@link guardedLookup}); the
 * answer's headers must come within `timeoutMs`. Never throws: every failure is an outcome.
 */
export function sendWebhook(options: { url: string; secret: string; previousSecret?: string | null; messageId: string; body: string; timeoutMs: number; policy: UrlPolicy; resolve: Resolver }): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timestamp = new Date();
  // Standard Webhooks: several signatures, space-separated; a verifier accepts the message if any matches.
  const signature = [options.secret, options.previousSecret]
    .filter((secret): secret is string => !!secret)
    .map((secret) => new Webhook(secret).sign(options.messageId, timestamp, options.body))
    .join(' ');
  const url = new URL(options.url);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<AttemptOutcome, 'responseMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, responseMs: elapsed() });
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        // A fresh connection per attempt: every attempt resolves and checks the host again.
        agent: false,
        lookup: guardedLookup(options.policy, options.resolve),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Kairos-Webhooks/1',
          'webhook-id': options.messageId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signature,
        },
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        response.resume();
        finish({ ok: statusCode >= 200 && statusCode < 300, statusCode, error: null });
        response.on('error', () => undefined);
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, error: 'timeout' });
      request.destroy();
    }, options.timeoutMs);
    request.on('error', (error) => {
      const message = error instanceof UnsafeAddressError ? `unsafe address: ${error.message}` : error.message || (error as NodeJS.ErrnoException).code || 'connection failed';
      finish({ ok: false, statusCode: null, error: message });
    });
    request.end(options.body);
  });
}
