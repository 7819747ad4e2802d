import { Field, ObjectType } from 'type-graphql';
import { payloadBase, payloadType } from '../../shared/mutation.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/** Result of `createWebhookEndpoint` and `rotateWebhookSecret`: the endpoint and, this once, its secret. */
@ObjectType({ description: 'Result of the mutation: the WebhookEndpoint and its signing secret, or the userErrors that stopped it.' })
export class WebhookEndpointSecretPayload extends payloadBase('webhookEndpoint', WebhookEndpoint) {
  @Field(() => String, { nullable: true, description: 'The signing secret (`whsec_` + base64, Standard Webhooks), shown this once; give it to the receiver\'s verifier. Null when userErrors is not empty.' })
  secret!: string | null;
}

export const UpdateWebhookEndpointPayload = payloadType('UpdateWebhookEndpointPayload', 'webhookEndpoint', WebhookEndpoint, { idempotent: false });
export const DeleteWebhookEndpointPayload = payloadType('DeleteWebhookEndpointPayload', 'webhookEndpoint', WebhookEndpoint, { idempotent: false });
export const RedeliverWebhookPayload = payloadType('RedeliverWebhookPayload', 'webhookDelivery', WebhookDelivery, { idempotent: false });
