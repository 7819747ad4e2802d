import { OptionalProps } from '@mikro-orm/core';
import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { TenantEntity } from '../../shared/tenant.entity.js';

/**
 * Where an organisation wants its outbox events POSTed, signed per Standard Webhooks (docs/webhooks.md).
 * The signing secret is stored as issued (it must be, to sign) and shown only once, by
 * `createWebhookEndpoint` and `rotateWebhookSecret`. Visible to the organisation's OWNERs and ADMINs.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A webhook endpoint: a URL that receives the organisation\'s events, signed per Standard Webhooks. OWNER or ADMIN only; never shows its secret.' })
@Entity()
export class WebhookEndpoint extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | 'consecutiveFailures' | 'disabledAt' | 'description' | 'previousSecret' | 'previousSecretExpiresAt';

  @Field(() => String, { description: 'The URL events are POSTed to (https:, or http: where the operator allows it).' })
  @Property({ type: 'text' })
  url!: string;

  @Field(() => [String], { description: 'The event types delivered (e.g. `appointment.created`); empty: every type.' })
  @Property({ type: 'text[]' })
  eventTypes!: string[];

  @Field(() => String, { nullable: true, description: 'A note to tell endpoints apart, up to 500 characters; null when none.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /** `whsec_` + base64 of 32 random bytes (Standard Webhooks); never in the graph. */
  @Property({ type: 'text' })
  secret!: string;

  /** The secret before the last `rotateWebhookSecret`: attempts are signed with it too until {@link previousSecretExpiresAt}. Never in the graph. */
  @Property({ type: 'text', nullable: true })
  previousSecret?: string | null;

  @Field(() => Date, { nullable: true, description: 'Until when attempts also carry a signature made with the secret before the last rotation (RFC 3339, UTC), so a receiver can switch to the new secret without refusing deliveries; null when never rotated or rotated without a grace period; a time in the past once the period is over (the previous secret signs nothing then).' })
  @Property({ type: 'datetime', nullable: true })
  previousSecretExpiresAt?: Date | null;

  @Field(() => Int, { description: 'Failed attempts in a row (any delivery); reset by a success or by updateWebhookEndpoint.' })
  @Property({ type: 'integer', default: 0 })
  consecutiveFailures: number = 0;

  @Field(() => Date, { nullable: true, description: 'When the endpoint was disabled after WEBHOOK_DISABLE_AFTER_FAILURES failures in a row; null while enabled. Disabled endpoints get no new deliveries; updateWebhookEndpoint enables it again and resumes the pending ones.' })
  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date | null;
}
