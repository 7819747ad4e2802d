import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { CreateWebhookEndpointInput, RedeliverWebhookInput, RotateWebhookSecretInput, UpdateWebhookEndpointInput, WebhookEndpointIdInput } from './webhooks.inputs.js';
import { DeleteWebhookEndpointPayload, RedeliverWebhookPayload, UpdateWebhookEndpointPayload, WebhookEndpointSecretPayload } from './webhooks.payloads.js';
import {
  createWebhookEndpoint, deleteWebhookEndpoint, listWebhookDeliveries, listWebhookEndpoints, redeliverWebhook, rotateWebhookSecret, updateWebhookEndpoint,
} from './webhooks.service.js';

export const WebhookEndpointConnection = connectionType(WebhookEndpoint);
export const WebhookDeliveryConnection = connectionType(WebhookDelivery);

/** Webhook endpoints and their deliveries (docs/webhooks.md); everything here is OWNER or ADMIN only. */
@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Query(() => WebhookEndpointConnection, { description: 'The organisation\'s webhook endpoints, oldest first. OWNER or ADMIN only.' })
  webhookEndpoints(@Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    return listWebhookEndpoints(ctx, args);
  }

  @Query(() => WebhookDeliveryConnection, { description: 'Deliveries to one webhook endpoint, oldest first, with their attempts, last status code, response time and next retry. OWNER or ADMIN only; NOT_FOUND for an endpoint of another organisation.' })
  webhookDeliveries(@Ctx() ctx: Context, @Arg('endpointId', () => ID, { description: 'Global id of the WebhookEndpoint.' }) endpointId: string, @Args() args: ConnectionArgs) {
    return listWebhookDeliveries(ctx, endpointId, args);
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'Adds a webhook endpoint; its signing secret is answered this once. OWNER or ADMIN only. userErrors: VALIDATION, UNSAFE_WEBHOOK_URL.' })
  createWebhookEndpoint(@Ctx() ctx: Context, @Arg('input', () => CreateWebhookEndpointInput, { description: 'The mutation input.' }) input: CreateWebhookEndpointInput) {
    return createWebhookEndpoint(ctx, input);
  }

  @Mutation(() => UpdateWebhookEndpointPayload, { description: 'Changes a webhook endpoint and enables it again if it was disabled (its pending deliveries resume). OWNER or ADMIN only. userErrors: VALIDATION, UNSAFE_WEBHOOK_URL.' })
  updateWebhookEndpoint(@Ctx() ctx: Context, @Arg('input', () => UpdateWebhookEndpointInput, { description: 'The mutation input.' }) input: UpdateWebhookEndpointInput) {
    return updateWebhookEndpoint(ctx, input);
  }

  @Mutation(() => WebhookEndpointSecretPayload, { description: 'Replaces an endpoint\'s signing secret; the new one is answered this once and signs every attempt from now on. During the grace period (`previousSecretValidSeconds`, default 24 hours) every attempt also carries a signature made with the previous secret (`webhook-signature` holds both, space-separated, as Standard Webhooks allows), so receivers can rotate without losing deliveries. A second rotation within the period keeps only the secret it replaces. OWNER or ADMIN only. userErrors: VALIDATION (`previousSecretValidSeconds` out of range).' })
  rotateWebhookSecret(@Ctx() ctx: Context, @Arg('input', () => RotateWebhookSecretInput, { description: 'The mutation input.' }) input: RotateWebhookSecretInput) {
    return rotateWebhookSecret(ctx, input);
  }

  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Removes a webhook endpoint and its deliveries; answers it as it was. OWNER or ADMIN only.' })
  deleteWebhookEndpoint(@Ctx() ctx: Context, @Arg('input', () => WebhookEndpointIdInput, { description: 'The mutation input.' }) input: WebhookEndpointIdInput) {
    return deleteWebhookEndpoint(ctx, input);
  }

  @Mutation(() => RedeliverWebhookPayload, { description: 'Sends a delivery\'s event again (same `webhook-id`) as a new delivery, after the endpoint\'s earlier pending ones of that object. OWNER or ADMIN only.' })
  redeliverWebhook(@Ctx() ctx: Context, @Arg('input', () => RedeliverWebhookInput, { description: 'The mutation input.' }) input: RedeliverWebhookInput) {
    return redeliverWebhook(ctx, input);
  }
}
