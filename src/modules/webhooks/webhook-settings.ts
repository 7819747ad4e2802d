import type { EntityManager } from '@mikro-orm/postgresql';
import { systemResolver, type Resolver, type UrlPolicy } from './url-guard.js';

/** Webhook settings (src/config/env.ts `webhookSettings`, docs/webhooks.md). */
export interface WebhookSettings {
  /** WEBHOOK_TIMEOUT_MS: one attempt's limit. */
  timeoutMs: number;
  /** WEBHOOK_DISABLE_AFTER_FAILURES. */
  disableAfterFailures: number;
  /** WEBHOOK_CONCURRENCY: attempts one instance runs at once. */
  concurrency: number;
  /** WEBHOOK_SECRET_GRACE_SECONDS: how long after `rotateWebhookSecret` attempts are signed with the previous secret too (unless the rotation says otherwise). */
  secretGraceSeconds: number;
  /** WEBHOOK_RECOVERY_CHECK_MS: milliseconds between sweeps for jobs of dead instances (src/modules/webhooks/worker-liveness.ts). */
  recoveryCheckMs: number;
  /** WEBHOOK_ALLOW_HTTP / _LOOPBACK / _PRIVATE. */
  policy: UrlPolicy;
  /** Seconds after each failed attempt before the next; default {@link RETRY_SCHEDULE_SECONDS}. */
  retrySeconds?: number[];
  /** Resolves host names at delivery; default the system resolver (tests give their own). */
  resolve?: Resolver;
}

/**
 * Seconds to wait after the 1st, 2nd, … failed attempt: the Standard Webhooks schedule (5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h): eight attempts over 27 h 35 min 5 s, after which the delivery is FAILED.
 */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];

/** The default settings, as src/config/env.ts documents them. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  timeoutMs: 10_000,
  disableAfterFailures: 50,
  concurrency: 10,
  recoveryCheckMs: 10_000,
  secretGraceSeconds: 86_400,
  policy: { allowHttp: false, allowLoopback: false, allowPrivate: false },
};

/** Settings per running instance, keyed by its ORM configuration (two instances in one process may differ). */
const byInstance = new WeakMap<object, Required<WebhookSettings>>();

/** Records the settings of the instance whose EntityManagers share `em`'s configuration. */
export function registerWebhookSettings(em: EntityManager, settings: WebhookSettings): Required<WebhookSettings> {
  const full = { retrySeconds: RETRY_SCHEDULE_SECONDS, resolve: systemResolver, ...settings };
  byInstance.set(em.config, full);
  return full;
}

/** The settings of `em`'s instance (the defaults when none were registered). */
export function webhookSettingsOf(em: EntityManager): Required<WebhookSettings> {
  return byInstance.get(em.config) ?? { retrySeconds: RETRY_SCHEDULE_SECONDS, resolve: systemResolver, ...DEFAULT_WEBHOOK_SETTINGS };
}
