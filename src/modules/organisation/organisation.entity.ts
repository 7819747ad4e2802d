import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';

/** A tenant: every other record belongs to exactly one organisation (seeds' `org_id`, `X-Tenant`, `account_id`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A tenant. Every record belongs to exactly one organisation (Ctrl-Hub `org_id`, Flextell `X-Tenant`, One-link `account_id`).' })
@Entity()
@Check({ name: 'organisation_currency_iso4217', expression: "currency ~ '^[A-Z]{3}$'" })
export class Organisation extends BaseEntity {
  declare [OptionalProps]?: 'timeZone' | 'currency' | 'createdAt' | 'updatedAt' | 'globalId';

  @Field({ description: 'Display name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'IANA time zone (e.g. `Europe/London`) in which time bands and local dates are read.' })
  @Property({ type: 'text' })
  timeZone: string = 'UTC';

  @Field({ description: 'ISO 4217 currency code of every money amount (e.g. `GBP`, `KZT`).' })
  @Property({ type: 'text' })
  currency: string = 'USD';
}
