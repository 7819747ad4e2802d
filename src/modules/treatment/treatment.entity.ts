import { Collection, OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToMany, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { ArchivableEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';
import { DecimalScalar, JSONObjectScalar } from '../../shared/scalars.js';
import { Product } from '../product/product.entity.js';
import { User } from '../user/user.entity.js';

/** Kind of a planned session (Flextell `session_type`). */
export enum SessionType {
  TREATMENT = 'TREATMENT',
  CONTROL = 'CONTROL',
}
registerEnumType(SessionType, {
  name: 'SessionType',
  description: 'Kind of step in a treatment plan (Flextell `session_type`).',
  valuesConfig: {
    TREATMENT: { description: 'A treatment session.' },
    CONTROL: { description: 'A check-up after treatment sessions.' },
  },
});

/** A bookable service (Flextell treatment, One-link service, Caspen service). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A bookable service (Flextell treatment, One-link `service_id`, Caspen `service_id`).' })
@Entity()
@Check({ name: 'treatment_values', expression: '(price is null or price >= 0) and (duration_minutes is null or duration_minutes > 0) and session_count >= 1' })
@Check({ name: 'treatment_service_rules', expression: 'buffer_before_minutes >= 0 and buffer_after_minutes >= 0 and minimum_notice_minutes >= 0 and (booking_horizon_days is null or booking_horizon_days >= 0) and (slot_interval_minutes is null or slot_interval_minutes > 0)' })
export class Treatment extends ArchivableEntity {
  declare [OptionalProps]?: 'sessionCount' | 'isActive' | 'createdAt' | 'updatedAt' | 'globalId' | 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'minimumNoticeMinutes';

  @Field({ description: 'Name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length of one session in minutes; appointments without `endsAt` add these up.' })
  @Property({ type: 'integer', nullable: true })
  durationMinutes?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price in major units of the organisation\'s currency (Flextell `price`).' })
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  price?: string | null;

  @Field(() => Int, { description: 'Number of sessions the treatment takes (Flextell `session`).' })
  @Property({ type: 'integer' })
  sessionCount: number = 1;

  @Field({ description: 'False when the treatment can no longer be booked.' })
  @Property({ type: 'boolean' })
  isActive: boolean = true;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Free-form extras (Flextell `extra_info`).' })
  @Property({ type: 'json', nullable: true })
  extraInfo?: Record<string, unknown> | null;

  @Field(() => Int, { description: 'Minutes blocked before each appointment of this treatment (cleaning, preparation); enforced by PostgreSQL with the appointment. Default 0.' })
  @Property({ type: 'integer' })
  bufferBeforeMinutes: number = 0;

  @Field(() => Int, { description: 'Minutes blocked after each appointment of this treatment. Default 0.' })
  @Property({ type: 'integer' })
  bufferAfterMinutes: number = 0;

  @Field(() => Int, { description: 'Minutes of notice a booking needs: a start before now + this is TOO_SOON. Default 0.' })
  @Property({ type: 'integer' })
  minimumNoticeMinutes: number = 0;

  @Field(() => Int, { nullable: true, description: 'How many days ahead it can be booked: the last bookable day is today + this in the organisation\'s time zone, up to its local midnight (TOO_FAR beyond). Null: no limit.' })
  @Property({ type: 'integer', nullable: true })
  bookingHorizonDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between candidate starts in `availability`; null: the duration.' })
  @Property({ type: 'integer', nullable: true })
  slotIntervalMinutes?: number | null;

  @ManyToMany({ entity: () => Product, pivotTable: 'treatment_product' })
  products = new Collection<Product>(this);

  @ManyToMany({ entity: () => User, pivotTable: 'treatment_user' })
  users = new Collection<User>(this);

  @OneToMany({ entity: () => TreatmentSession, mappedBy: 'treatment', orderBy: { sessionOrder: 'asc' } })
  sessions = new Collection<TreatmentSession>(this);
}

/** One step of a treatment's session plan (Flextell `sessions[]`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'One step of a treatment\'s session plan (Flextell `sessions[]`).' })
@Entity()
@Check({ name: 'treatment_session_values', expression: 'session_order >= 1 and (next_gap_days is null or next_gap_days >= 0) and (offset_days is null or offset_days >= 0)' })
export class TreatmentSession extends TenantEntity {
  @ManyToOne({ entity: () => Treatment, deleteRule: 'cascade', index: true })
  treatment!: Treatment;

  @Field(() => Int, { description: 'Position in the plan, from 1.' })
  @Property({ type: 'integer' })
  sessionOrder!: number;

  @Field(() => SessionType, { description: 'Treatment or control session.' })
  @Enum({ items: () => SessionType, nativeEnumName: 'session_type' })
  sessionType!: SessionType;

  @Field(() => Int, { nullable: true, description: 'Days to wait after this session before the next one.' })
  @Property({ type: 'integer', nullable: true })
  nextGapDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days from the first session to this one.' })
  @Property({ type: 'integer', nullable: true })
  offsetDays?: number | null;
}
