import { Field, ID, InputType, Int } from 'type-graphql';

/** Input of `createWebhookEndpoint`. */
@InputType({ description: 'A new webhook endpoint (OWNER or ADMIN only).' })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'Where events are POSTed: an absolute https: URL (http: only where the operator allows it), at most 2000 characters, no credentials, not a loopback, private or link-local address unless the operator allows it.' })
  url!: string;

  @Field(() => [String], { description: 'Event types to deliver (e.g. `appointment.created`, `customer.updated`; docs/subscriptions.md lists them); empty: every type.' })
  eventTypes!: string[];

  @Field(() => String, { nullable: true, description: 'A note to tell endpoints apart, 1–500 characters.' })
  description?: string | null;
}

/** Input of `updateWebhookEndpoint`. */
@InputType({ description: 'Changes to a webhook endpoint; a field left out keeps its value. Any update enables a disabled endpoint again.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'Global id of the WebhookEndpoint.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new URL, under the same rules as at creation.' })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'New event types; empty: every type.' })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new note, 1–500 characters.' })
  description?: string | null;
}

/** Input of `rotateWebhookSecret`. */
@InputType({ description: 'The webhook endpoint whose signing secret to replace, and how long the old one keeps signing.' })
export class RotateWebhookSecretInput {
  @Field(() => ID, { description: 'Global id of the WebhookEndpoint.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Seconds, 0 to 604,800 (7 days), during which every attempt also carries a signature made with the current secret, so the receiver can switch to the new one without refusing deliveries. 0 (e.g. when the current secret leaked): the new secret only, at once. Left out: the operator\'s default (WEBHOOK_SECRET_GRACE_SECONDS, 86,400: 24 hours).' })
  previousSecretValidSeconds?: number | null;
}

/** Input of `deleteWebhookEndpoint`. */
@InputType({ description: 'A webhook endpoint.' })
export class WebhookEndpointIdInput {
  @Field(() => ID, { description: 'Global id of the WebhookEndpoint.' })
  id!: string;
}

/** Input of `redeliverWebhook`. */
@InputType({ description: 'A webhook delivery to send again.' })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'Global id of the WebhookDelivery (from `webhookDeliveries`).' })
  deliveryId!: string;
}
