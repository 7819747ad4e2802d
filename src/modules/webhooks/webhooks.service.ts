import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin, type Context } from '../../app/context.js';
import { notFound, UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { filterIdOf, fromGlobalId } from '../../shared/global-id.js';
import { runMutation } from '../../shared/mutation.js';
import { paginate, type ConnectionArgs } from '../../shared/pagination.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { OutboxEventType } from '../events/outbox.js';
import { WebhookDelivery, WebhookDeliveryStatus } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { webhookSettingsOf } from './webhook-settings.js';
import { urlProblem } from './url-guard.js';
import { DELIVER_TASK } from './webhook-worker.js';

/** Longest `description` of an endpoint. */
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;

const EVENT_TYPES = new Set<string>(Object.values(OutboxEventType));

/** A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Queues the delivery job of every object with PENDING deliveries of endpoint `?` (and of object `?`
 * when `oneObject`); `preserve_run_at` leaves a job waiting for its back-off where it is.
 */
function queuePendingSql(oneObject: boolean): string {
  return `select graphile_worker.add_job('${DELIVER_TASK}', json_build_object('endpointId', d.endpoint_id::text, 'objectId', d.object_id),
    queue_name => 'webhook:' || d.endpoint_id || ':' || d.object_id, job_key => 'webhook:' || d.endpoint_id || ':' || d.object_id, job_key_mode => 'preserve_run_at')
    from (select distinct endpoint_id, object_id from webhook_delivery where endpoint_id = ? and status = 'PENDING'${oneObject ? ' and object_id = ?' : ''}) d`;
}

interface EndpointFields {
  url?: string | null;
  eventTypes?: string[] | null;
  description?: string | null;
}

/** Checks the fields given; adds userErrors (VALIDATION, UNSAFE_WEBHOOK_URL). */
function checkFields(em: EntityManager, input: EndpointFields, errors: UserErrorList): void {
  if (input.url != null) {
    const problem = urlProblem(input.url, webhookSettingsOf(em).policy);
    if (problem) errors.add(UserErrorCode[problem.code], problem.message, ['input', 'url']);
  }
  for (const [i, type] of (input.eventTypes ?? []).entries()) {
    if (!EVENT_TYPES.has(type)) errors.add(UserErrorCode.VALIDATION, `"${type}" is not an event type; use one of ${[...EVENT_TYPES].join(', ')}.`, ['input', 'eventTypes', String(i)]);
  }
  if (input.description != null && (!input.description.trim() || input.description.length > MAX_WEBHOOK_DESCRIPTION_LENGTH)) {
    errors.add(UserErrorCode.VALIDATION, `description must be 1–${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters.`, ['input', 'description']);
  }
}

/**
 * Loads an endpoint of the caller's organisation.
 * @throws GraphQLError NOT_FOUND when `globalId` is not one (another organisation's looks the same).
 */
async function findEndpoint(em: EntityManager, organisationId: string, globalId: string, field = 'id'): Promise<WebhookEndpoint> {
  const endpoint = await em.findOne(WebhookEndpoint, { id: filterIdOf(globalId, 'WebhookEndpoint'), organisation: organisationId });
  if (!endpoint) throw notFound('WebhookEndpoint', globalId, field);
  return endpoint;
}

/**
 * `createWebhookEndpoint`: the endpoint and its secret (answered once).
 * @throws GraphQLError FORBIDDEN unless OWNER or ADMIN. userErrors: VALIDATION (URL form or scheme,
 *   unknown event type, description length), UNSAFE_WEBHOOK_URL (a loopback, private or link-local address).
 */
export async function createWebhookEndpoint(ctx: Context, input: { url: string; eventTypes: string[]; description?: string | null }) {
  const viewer = requireAdmin(ctx);
  const secret = newSecret();
  const payload = await runMutation(ctx, async (em) => {
    const errors = new UserErrorList();
    checkFields(em, input, errors);
    errors.throwIfAny();
    const endpoint = em.create(WebhookEndpoint, {
      organisation: viewer.organisationId as unknown as Organisation,
      url: input.url,
      eventTypes: [...new Set(input.eventTypes)],
      description: input.description?.trim() || null,
      secret,
    });
    await em.flush();
    return { result: endpoint };
  });
  return { ...payload, secret: payload.result ? secret : null };
}

/**
 * `updateWebhookEndpoint`: changes the fields given, and enables the endpoint again (failure count 0),
 * queueing its PENDING deliveries.
 * @throws GraphQLError FORBIDDEN unless OWNER or ADMIN; NOT_FOUND. userErrors: as {@link createWebhookEndpoint}.
 */
export function updateWebhookEndpoint(ctx: Context, input: EndpointFields & { id: string }) {
  const viewer = requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const endpoint = await findEndpoint(em, viewer.organisationId, input.id);
    const errors = new UserErrorList();
    checkFields(em, input, errors);
    errors.throwIfAny();
    if (input.url != null) endpoint.url = input.url;
    if (input.eventTypes != null) endpoint.eventTypes = [...new Set(input.eventTypes)];
    if (input.description != null) endpoint.description = input.description.trim();
    endpoint.disabledAt = null;
    endpoint.consecutiveFailures = 0;
    await em.flush();
    await em.execute(queuePendingSql(false), [endpoint.id]);
    return { result: endpoint };
  });
}

/** Longest grace period a rotation may give the previous secret: 7 days, in seconds. */
export const MAX_SECRET_GRACE_SECONDS = 604_800;

/**
 * `rotateWebhookSecret`: a new secret, answered once; every attempt from then on is signed with it,
 * and for `previousSecretValidSeconds` (default: the instance's WEBHOOK_SECRET_GRACE_SECONDS) with the
 * replaced secret too. A rotation within another's grace period drops the older secret.
 * @throws GraphQLError FORBIDDEN unless OWNER or ADMIN; NOT_FOUND. userErrors: VALIDATION
 *   (`previousSecretValidSeconds` not 0–{@link MAX_SECRET_GRACE_SECONDS}).
 */
export async function rotateWebhookSecret(ctx: Context, input: { id: string; previousSecretValidSeconds?: number | null }) {
  const viewer = requireAdmin(ctx);
  const secret = newSecret();
  const payload = await runMutation(ctx, async (em) => {
    const endpoint = await findEndpoint(em, viewer.organisationId, input.id);
    const grace = input.previousSecretValidSeconds ?? webhookSettingsOf(em).secretGraceSeconds;
    const errors = new UserErrorList();
    if (grace < 0 || grace > MAX_SECRET_GRACE_SECONDS) errors.add(UserErrorCode.VALIDATION, `previousSecretValidSeconds must be 0–${MAX_SECRET_GRACE_SECONDS}.`, ['input', 'previousSecretValidSeconds']);
    errors.throwIfAny();
    endpoint.previousSecret = grace > 0 ? endpoint.secret : null;
    endpoint.previousSecretExpiresAt = grace > 0 ? new Date(Date.now() + grace * 1000) : null;
    endpoint.secret = secret;
    await em.flush();
    return { result: endpoint };
  });
  return { ...payload, secret: payload.result ? secret : null };
}

/**
 * `deleteWebhookEndpoint`: removes the endpoint and its deliveries (queued jobs find it gone and end).
 * @throws GraphQLError FORBIDDEN unless OWNER or ADMIN; NOT_FOUND.
 */
export function deleteWebhookEndpoint(ctx: Context, input: { id: string }) {
  const viewer = requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const endpoint = await findEndpoint(em, viewer.organisationId, input.id);
    await em.nativeDelete(WebhookEndpoint, { id: endpoint.id });
    return { result: endpoint };
  });
}

/**
 * `redeliverWebhook`: a new PENDING delivery of the same event (same `webhook-id`) to the same endpoint,
 * sent after the endpoint's earlier pending deliveries of that object.
 * @throws GraphQLError FORBIDDEN unless OWNER or ADMIN; NOT_FOUND.
 */
export function redeliverWebhook(ctx: Context, input: { deliveryId: string }) {
  const viewer = requireAdmin(ctx);
  return runMutation(ctx, async (em) => {
    const decoded = fromGlobalId(input.deliveryId);
    const original = decoded?.type === 'WebhookDelivery' ? await em.findOne(WebhookDelivery, { id: decoded.id, organisation: viewer.organisationId }) : null;
    if (!original) throw notFound('WebhookDelivery', input.deliveryId, 'deliveryId');
    const delivery = em.create(WebhookDelivery, {
      organisation: original.organisation,
      endpoint: original.endpoint,
      eventId: original.eventId,
      eventType: original.eventType,
      objectId: original.objectId,
      body: original.body,
      status: WebhookDeliveryStatus.PENDING,
      nextAttemptAt: new Date(),
    });
    await em.flush();
    await em.execute(queuePendingSql(true), [original.endpoint.id, original.objectId]);
    return { result: delivery };
  });
}

/**
 * `webhookEndpoints`: the organisation's endpoints, oldest first.
 * @throws GraphQLError FORBIDDEN unless OWNER or ADMIN.
 */
export function listWebhookEndpoints(ctx: Context, args: ConnectionArgs) {
  const viewer = requireAdmin(ctx);
  return paginate(ctx.em, WebhookEndpoint, { organisation: viewer.organisationId }, args, ['id']);
}

/**
 * `webhookDeliveries(endpointId)`: the endpoint's deliveries, oldest first.
 * @throws GraphQLError FORBIDDEN unless OWNER or ADMIN; NOT_FOUND for an endpoint not in the organisation.
 */
export async function listWebhookDeliveries(ctx: Context, endpointId: string, args: ConnectionArgs) {
  const viewer = requireAdmin(ctx);
  const endpoint = await findEndpoint(ctx.em, viewer.organisationId, endpointId, 'endpointId');
  return paginate(ctx.em, WebhookDelivery, { endpoint: endpoint.id, organisation: viewer.organisationId }, args, ['id']);
}
