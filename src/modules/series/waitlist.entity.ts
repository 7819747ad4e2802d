import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Hold } from '../scheduling/hold.entity.js';

/** Where a waitlist entry stands. */
export enum WaitlistStatus {
  WAITING = 'WAITING',
  OFFERED = 'OFFERED',
  BOOKED = 'BOOKED',
  LEFT = 'LEFT',
}
registerEnumType(WaitlistStatus, {
  name: 'WaitlistStatus',
  description: 'Where a waitlist entry stands.',
  valuesConfig: {
    WAITING: { description: 'Waiting for a slot (until `expiresAt`).' },
    OFFERED: { description: 'A freed slot is held for the customer (`offer`); `createAppointment(input: { holdId })` accepts it. A lapsed offer passes to the next entry and this one waits again.' },
    BOOKED: { description: 'The offer was booked.' },
    LEFT: { description: 'Left the waitlist (`leaveWaitlist`).' },
  },
});

/**
 * A customer waiting for a slot: the treatments and bookables wanted, in a window of at most 90 days.
 * When a matching slot is freed, the first waiting entry in join order (`id`, a UUIDv7) gets a hold on
 * it. Its row lock decides who gets an offer, so concurrent frees never offer one entry two slots.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A customer waiting for a slot; offered the first matching freed slot, in join order.' })
@Entity()
@Index({ properties: ['organisation', 'status', 'id'] })
@Check({ name: 'waitlist_entry_window', expression: 'window_ends_at > window_starts_at' })
export class WaitlistEntry extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | 'status';

  @ManyToOne({ entity: () => Customer, deleteRule: 'cascade', index: true })
  customer!: Customer;

  /** The treatments wanted, as global ids (the search reads them). */
  @Property({ type: 'json' })
  treatmentIds!: string[];

  /** The requirement groups, as global ids. */
  @Property({ type: 'json' })
  requirements!: { anyOf: string[]; count: number }[];

  @Field({ description: 'Earliest start wanted (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  windowStartsAt!: Date;

  @Field({ description: 'Latest end wanted, exclusive (RFC 3339, UTC); at most 90 days after windowStartsAt.' })
  @Property({ type: 'datetime' })
  windowEndsAt!: Date;

  @Field({ description: 'When the entry stops waiting (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => WaitlistStatus, { description: 'Where the entry stands.' })
  @Enum({ items: () => WaitlistStatus, nativeEnumName: 'waitlist_status' })
  status: WaitlistStatus = WaitlistStatus.WAITING;

  /** The hold offered (status OFFERED); null otherwise. */
  @ManyToOne({ entity: () => Hold, nullable: true, deleteRule: 'set null', index: true })
  offer?: Hold | null;
}
