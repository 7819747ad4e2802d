import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { BookableType } from './working-hours.entity.js';

/** An absolute interval in which a member or resource cannot be booked (leave, training, repair). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'Time off of a member or resource (TIME_OFF) or a location (LOCATION_CLOSED): `[startsAt, endsAt)` in which it cannot be booked.' })
@Entity()
@Index({ properties: ['organisation', 'bookableId', 'startsAt'] })
@Check({ name: 'time_off_ends_after_start', expression: 'ends_at > starts_at' })
export class TimeOff extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId';

  /** The member or resource (its uuid). */
  @Property({ type: 'uuid' })
  bookableId!: string;

  @Property({ type: 'text' })
  bookableType!: BookableType;

  @Field({ description: 'Start, inclusive (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field({ description: 'End, exclusive (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why, e.g. `Annual leave`; at most 1,000 characters.' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
