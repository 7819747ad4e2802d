import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { BookableType } from './working-hours.entity.js';

/** A bookable a hold takes: its uuid and whether it is a member or a resource. */
export interface HeldBookable {
  id: string;
  type: BookableType.User | BookableType.Resource;
}

/**
 * A short reservation of bookables for `[startsAt, endsAt)` (plus buffers) until `expiresAt`, while a
 * customer completes a booking. Its allocation rows sit in `appointment_allocation`, under the same
 * exclusion constraint as appointments; an expired hold's rows are deleted by the next write that
 * meets them (migration `availability`), and searches ignore them, so no booking waits for a sweeper.
 * The hold sweeper (src/modules/scheduling/hold-sweeper.ts) then ends an expired hold: `sweptAt`,
 * a `hold.expired` event and its range offered to the waitlist.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A short reservation of bookables while a booking is completed. Blocks everybody else until `expiresAt`; `createAppointment(input: { holdId })` turns it into the appointment.' })
@Entity()
@Unique({ properties: ['organisation', 'idempotencyKey'] })
@Check({ name: 'hold_ends_after_start', expression: 'ends_at > starts_at' })
@Index({ name: 'hold_sweep_index', properties: ['expiresAt'], where: { sweptAt: null } })
@Check({ name: 'hold_buffers', expression: 'buffer_before_minutes >= 0 and buffer_after_minutes >= 0' })
export class Hold extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'sweptAt';

  @Field({ description: 'Start, inclusive (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field({ description: 'End, exclusive (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  endsAt!: Date;

  /** Minutes blocked before `startsAt` (the treatments' largest before-buffer). */
  @Property({ type: 'integer' })
  bufferBeforeMinutes: number = 0;

  /** Minutes blocked after `endsAt`. */
  @Property({ type: 'integer' })
  bufferAfterMinutes: number = 0;

  @Field({ description: 'When the hold stops blocking (RFC 3339, UTC); at that instant the slot is free again.' })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** The held members and resources, in the order given. */
  @Property({ type: 'json' })
  bookables!: HeldBookable[];

  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'cascade' })
  customer?: Customer | null;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  /**
   * When the hold's expiry was processed (its `hold.expired` event written and its range offered to
   * the waitlist), by the sweeper or by a write that frees slots; null before, and for a hold that
   * was released or consumed before it expired (those rows are deleted).
   */
  @Property({ type: 'datetime', nullable: true })
  sweptAt?: Date | null = null;
}
