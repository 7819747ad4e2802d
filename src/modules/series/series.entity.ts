import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';

/** How a series or a plan books when some occurrences cannot be placed. */
export enum BookingMode {
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  BEST_EFFORT = 'BEST_EFFORT',
}
registerEnumType(BookingMode, {
  name: 'BookingMode',
  description: 'What happens when some occurrences (or sessions) cannot be booked.',
  valuesConfig: {
    ALL_OR_NOTHING: { description: 'Book every one or none: one failure answers OCCURRENCES_UNAVAILABLE and nothing is written.' },
    BEST_EFFORT: { description: 'Book those that fit; the payload reports why each other one could not be booked.' },
  },
});

/** Which appointments of a series an update or a cancellation applies to. */
export enum SeriesScope {
  THIS = 'THIS',
  THIS_AND_FOLLOWING = 'THIS_AND_FOLLOWING',
  ALL = 'ALL',
}
registerEnumType(SeriesScope, {
  name: 'SeriesScope',
  description: 'Which appointments of a series a change applies to. Each changed appointment keeps its own `version` and history event.',
  valuesConfig: {
    THIS: { description: 'Only the appointment named (the default; the only scope for an appointment outside a series).' },
    THIS_AND_FOLLOWING: { description: 'The appointment named and every later open (PENDING or APPROVED) occurrence of its series.' },
    ALL: { description: 'Every open (PENDING or APPROVED) occurrence of the series, earlier ones included.' },
  },
});

/** Status of a treatment plan. */
export enum TreatmentPlanStatus {
  BOOKED = 'BOOKED',
  PARTIALLY_BOOKED = 'PARTIALLY_BOOKED',
}
registerEnumType(TreatmentPlanStatus, {
  name: 'TreatmentPlanStatus',
  description: 'Whether every session of the plan has an appointment.',
  valuesConfig: {
    BOOKED: { description: 'Every session of the treatment\'s plan has an appointment.' },
    PARTIALLY_BOOKED: { description: 'Booked BEST_EFFORT: some sessions could not be placed and have no appointment.' },
  },
});

/**
 * A recurring appointment: an RFC 5545 RRULE expanded in `timeZone` from the first occurrence's local
 * wall-clock time. Its appointments carry `series` and their `occurrence` number (from 1).
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A recurring appointment: an RRULE expanded in a time zone, one appointment per booked occurrence.' })
@Entity()
@Unique({ properties: ['organisation', 'idempotencyKey'] })
export class AppointmentSeries extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId';

  @Field({ description: 'The RFC 5545 RRULE as given, e.g. `FREQ=WEEKLY;BYDAY=MO`.' })
  @Property({ type: 'text' })
  rrule!: string;

  @Field({ description: 'IANA zone the rule is expanded in: every occurrence keeps the first one\'s local wall-clock time across DST changes.' })
  @Property({ type: 'text' })
  timeZone!: string;

  @Field({ description: 'Start of the first occurrence (RFC 3339, UTC): the rule\'s DTSTART.' })
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => Int, { description: 'Number of occurrences the rule expanded to (booked or not).' })
  @Property({ type: 'integer' })
  occurrenceCount!: number;

  @Field(() => BookingMode, { description: 'The mode it was booked with.' })
  @Enum({ items: () => BookingMode, nativeEnumName: 'booking_mode' })
  mode!: BookingMode;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;
}

/**
 * A treatment's session plan (Flextell `sessions[]`) booked for a customer: one appointment per placed
 * session, carrying `treatmentPlan`, `sessionOrder` and `sessionType`; follow-ups point at the first
 * through `parentAppointment`.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A treatment\'s session plan booked for a customer: appointments in session order.' })
@Entity()
@Unique({ properties: ['organisation', 'idempotencyKey'] })
@Check({ name: 'treatment_plan_tolerance', expression: 'tolerance_days >= 0' })
export class TreatmentPlan extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | 'version';

  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'set null', index: true })
  customer?: Customer | null;

  @ManyToOne({ entity: () => Treatment, deleteRule: 'restrict', index: true })
  treatment!: Treatment;

  @Field(() => TreatmentPlanStatus, { description: 'Whether every session has an appointment.' })
  @Enum({ items: () => TreatmentPlanStatus, nativeEnumName: 'treatment_plan_status' })
  status!: TreatmentPlanStatus;

  @Field(() => BookingMode, { description: 'The mode it was booked with.' })
  @Enum({ items: () => BookingMode, nativeEnumName: 'booking_mode' })
  mode!: BookingMode;

  @Field(() => Int, { description: 'Days after its target day a session may be placed (0–60).' })
  @Property({ type: 'integer' })
  toleranceDays!: number;

  /** The requirement groups as given (global ids), for shifting later sessions by the same rule. */
  @Property({ type: 'json' })
  requirements!: { anyOf: string[]; count: number }[];

  /** The location given, as a global id (its opening hours apply to every session). */
  @Property({ type: 'text', nullable: true })
  locationId?: string | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: 1 on create, +1 on every updateTreatmentPlan.' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;
}
