import { Field, ID, InputType } from 'type-graphql';

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

/** Input of `rotateWebhookSecret` and `deleteWebhookEndpoint`. */
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
