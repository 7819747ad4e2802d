import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/** Where a delivery stands. */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet: waiting for its first attempt, a retry (`nextAttemptAt`), an earlier event of the same object, or a disabled endpoint.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Every attempt of the retry schedule failed; `redeliverWebhook` sends it again.' },
  },
});

/**
 * One event for one endpoint: written in the transaction of the change by the outbox trigger
 * (migration `webhooks`), then attempted by the worker until the receiver answers 2xx or the retry
 * schedule runs out. The body is kept here, so a delivery outlives the outbox's retention.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'One event sent (or to be sent) to one webhook endpoint, with its attempts. OWNER or ADMIN only.' })
@Entity()
@Index({ properties: ['endpoint', 'objectId', 'eventId'] })
export class WebhookDelivery extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | 'attempts' | 'status' | 'nextAttemptAt' | 'lastStatusCode' | 'lastResponseMs' | 'lastError' | 'deliveredAt';

  @ManyToOne({ entity: () => WebhookEndpoint, deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @Field(() => String, { description: 'The outbox event id, sent as `webhook-id`: the same on every attempt and redelivery, so receivers can drop duplicates.' })
  @Property({ type: 'bigint' })
  eventId!: string;

  @Field(() => String, { description: 'The event type, e.g. `appointment.created`.' })
  @Property({ type: 'text' })
  eventType!: string;

  @Field(() => String, { description: 'Global id of the changed object; deliveries of one object reach an endpoint in event order.' })
  @Property({ type: 'text' })
  objectId!: string;

  /** The JSON body sent: `{ type, timestamp, data }`. */
  @Property({ type: 'jsonb' })
  body!: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  @Enum({ items: () => WebhookDeliveryStatus, nativeEnumName: 'webhook_delivery_status', default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts made so far.' })
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (RFC 3339, UTC); null once delivered or failed.' })
  @Property({ type: 'datetime', nullable: true, defaultRaw: 'now()' })
  nextAttemptAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null before the first or when no answer came (timeout, refused, connection error: see lastError).' })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Field(() => Int, { nullable: true, description: 'Milliseconds the last attempt took until the answer (or the failure).' })
  @Property({ type: 'integer', nullable: true })
  lastResponseMs?: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed without a status: `timeout`, `unsafe address: …`, or the connection error; null otherwise.' })
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the receiver answered 2xx; null until then.' })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;
}
