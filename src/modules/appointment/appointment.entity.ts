import { Collection, OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Node } from '../../shared/node.js';
import { DecimalScalar, JSONObjectScalar } from '../../shared/scalars.js';
import { CancellationReason, Case, ClientPackage } from '../care/care.entities.js';
import { Company } from '../company/company.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { TimeBand } from '../field-service/field-service.entities.js';
import { Operation } from '../field-service/operation.entity.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Location } from '../location/location.entity.js';
import { Resource } from '../resource/resource.entity.js';
import { AppointmentSeries, TreatmentPlan } from '../series/series.entity.js';
import { SessionType, Treatment } from '../treatment/treatment.entity.js';
import { User } from '../user/user.entity.js';
import { AppointmentStatus } from './appointment-status.js';

/**
 * The booking. Its practitioner, assistants, room, vehicle and resources are allocated for
 * `[startsAt, endsAt)` in `appointment_allocation`, whose exclusion constraint makes double booking
 * impossible (migrations/, spec "RESOURCE_UNAVAILABLE").
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A booking of a customer with practitioners and resources for `[startsAt, endsAt)`. Unites Ctrl-Hub, Flextell, One-link and Caspen appointments.' })
@Entity()
@Unique({ properties: ['organisation', 'code'] })
@Unique({ properties: ['organisation', 'idempotencyKey'] })
@Index({ properties: ['organisation', 'startsAt'] })
// A practitioner's window (the calendar read): without it PostgreSQL walks the organisation's
// appointments by startsAt and filters (EXPLAIN in bench/RESULTS.md, 0.92 → 0.16 ms on 20,000 rows).
@Index({ properties: ['organisation', 'practitioner', 'startsAt', 'id'] })
@Check({ name: 'appointment_ends_after_start', expression: 'ends_at > starts_at' })
@Check({ name: 'appointment_text_lengths', expression: 'char_length(notes) <= 1000 and char_length(cancellation_note) <= 1000 and char_length(client_comment) <= 1000 and char_length(on_ecr_notes) <= 1000' })
@Check({ name: 'appointment_service_amount_non_negative', expression: 'service_amount >= 0' })
@Check({ name: 'appointment_version_positive', expression: 'version >= 1' })
@Check({ name: 'appointment_buffers', expression: 'buffer_before_minutes >= 0 and buffer_after_minutes >= 0' })
export class Appointment extends TenantEntity {
  declare [OptionalProps]?: 'status' | 'confirmed' | 'medicalDependency' | 'onEcr' | 'animals' | 'version' | 'createdAt' | 'updatedAt' | 'globalId' | 'bufferBeforeMinutes' | 'bufferAfterMinutes';

  @Field({ description: 'Human-friendly reference, unique in the organisation (Flextell `code`), e.g. `APT-000042`.' })
  @Property({ type: 'text' })
  code!: string;

  @Field({ description: 'Start, inclusive (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field({ description: 'End, exclusive (RFC 3339, UTC): back-to-back appointments do not overlap.' })
  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Field(() => Int, { description: 'Minutes blocked before `startsAt` for every bookable: the largest before-buffer of its treatments when booked; later treatment edits do not change it.' })
  @Property({ type: 'integer' })
  bufferBeforeMinutes: number = 0;

  @Field(() => Int, { description: 'Minutes blocked after `endsAt` for every bookable, kept from when it was booked.' })
  @Property({ type: 'integer' })
  bufferAfterMinutes: number = 0;

  @Field(() => AppointmentStatus, { description: 'Status (Flextell enum); see `AppointmentStatus` for the allowed moves.' })
  @Enum({ items: () => AppointmentStatus, nativeEnumName: 'appointment_status' })
  status: AppointmentStatus = AppointmentStatus.PENDING;

  @Field({ description: 'Whether the customer confirmed (Caspen `confirmed`); separate from status.' })
  @Property({ type: 'boolean' })
  confirmed: boolean = false;

  @Field(() => Date, { nullable: true, description: 'When `confirmed` last became true (Caspen `confirmed_at`).' })
  @Property({ type: 'datetime', nullable: true })
  confirmedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Free-form type (One-link `appointment_type`).' })
  @Property({ type: 'text', nullable: true })
  appointmentType?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the booking came from (One-link `source`, Flextell `creation_type`), e.g. `api`.' })
  @Property({ type: 'text', nullable: true })
  source?: string | null;

  @Field(() => SessionType, { nullable: true, description: 'For a follow-up: whether it is a treatment or a control session (Flextell `relation_type`).' })
  @Enum({ items: () => SessionType, nativeEnumName: 'session_type', nullable: true })
  sessionType?: SessionType | null;

  @Field(() => String, { nullable: true, description: 'Id in the caller\'s own system (One-link `external_ref`).' })
  @Property({ type: 'text', nullable: true })
  externalRef?: string | null;

  @Field(() => String, { nullable: true, description: 'The idempotency key it was created with (One-link `idempotency_key`), unique in the organisation.' })
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Staff notes, at most 1,000 characters (Ctrl-Hub `notes`, Flextell `description`, Caspen `note`).' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'The customer\'s own comment, at most 1,000 characters (One-link `client_comment`).' })
  @Property({ type: 'text', nullable: true })
  clientComment?: string | null;

  @Field({ description: 'Someone on site depends on powered medical equipment (Ctrl-Hub `medical_dependency`).' })
  @Property({ type: 'boolean' })
  medicalDependency: boolean = false;

  @Field({ description: 'The customer is on the extra-care register (Ctrl-Hub `on_ecr`).' })
  @Property({ type: 'boolean' })
  onEcr: boolean = false;

  @Field(() => String, { nullable: true, description: 'Extra-care notes, at most 1,000 characters (Ctrl-Hub `on_ecr_notes`).' })
  @Property({ type: 'text', nullable: true })
  onEcrNotes?: string | null;

  @Field({ description: 'Animals on site (Ctrl-Hub `animals`).' })
  @Property({ type: 'boolean' })
  animals: boolean = false;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Free-form extras (One-link `custom_attributes`).' })
  @Property({ type: 'json', nullable: true })
  customAttributes?: Record<string, unknown> | null;

  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'restrict', index: true })
  customer?: Customer | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'restrict', index: true })
  practitioner?: User | null;

  @ManyToMany({ entity: () => User, pivotTable: 'appointment_assistant' })
  assistants = new Collection<User>(this);

  @ManyToOne({ entity: () => Location, nullable: true, deleteRule: 'restrict', index: true })
  location?: Location | null;

  @ManyToOne({ entity: () => Resource, nullable: true, deleteRule: 'restrict', index: true })
  room?: Resource | null;

  @ManyToOne({ entity: () => Resource, nullable: true, deleteRule: 'restrict', index: true })
  vehicle?: Resource | null;

  @ManyToMany({ entity: () => Resource, pivotTable: 'appointment_resource' })
  resources = new Collection<Resource>(this);

  @ManyToMany({ entity: () => Treatment, pivotTable: 'appointment_treatment' })
  treatments = new Collection<Treatment>(this);

  @ManyToOne({ entity: () => Interaction, nullable: true, deleteRule: 'set null', index: true })
  interaction?: Interaction | null;

  @ManyToOne({ entity: () => Operation, nullable: true, deleteRule: 'set null', index: true })
  operation?: Operation | null;

  @ManyToOne({ entity: () => TimeBand, nullable: true, deleteRule: 'restrict' })
  timeBand?: TimeBand | null;

  @ManyToOne({ entity: () => Case, nullable: true, deleteRule: 'set null', index: true })
  case?: Case | null;

  @ManyToOne({ entity: () => ClientPackage, nullable: true, deleteRule: 'set null', index: true })
  clientPackage?: ClientPackage | null;

  @ManyToOne({ entity: () => Company, nullable: true, deleteRule: 'set null' })
  company?: Company | null;

  @ManyToOne({ entity: () => Appointment, nullable: true, deleteRule: 'set null', index: true })
  parentAppointment?: Appointment | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price agreed for the appointment, major units of the organisation\'s currency (One-link `service_amount`).' })
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  serviceAmount?: string | null;

  @ManyToOne({ entity: () => CancellationReason, nullable: true, deleteRule: 'restrict' })
  cancellationReason?: CancellationReason | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled, at most 1,000 characters (Flextell `cancellation_reason`, Caspen `cancellation_note`).' })
  @Property({ type: 'text', nullable: true })
  cancellationNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the status became CANCELLED (Caspen `cancelled_at`).' })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the appointment was soft-deleted (Flextell `deleted_at`); null while it exists.' })
  @Property({ type: 'datetime', nullable: true })
  deletedAt?: Date | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  author?: User | null;

  /** The recurring series it belongs to (src/modules/series); its GraphQL field is resolved there. */
  @ManyToOne({ entity: () => AppointmentSeries, nullable: true, deleteRule: 'set null', index: true })
  series?: AppointmentSeries | null;

  @Field(() => Int, { nullable: true, description: 'Position in its series, from 1 (the RRULE\'s occurrence number); null outside a series.' })
  @Property({ type: 'integer', nullable: true })
  occurrence?: number | null;

  /** The treatment plan it belongs to (src/modules/series). */
  @ManyToOne({ entity: () => TreatmentPlan, nullable: true, deleteRule: 'set null', index: true })
  treatmentPlan?: TreatmentPlan | null;

  @Field(() => Int, { nullable: true, description: 'Its session\'s position in the treatment plan, from 1 (Flextell `session_order`); null outside a plan.' })
  @Property({ type: 'integer', nullable: true })
  sessionOrder?: number | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: 1 on create, +1 on every change. Send it back as `expectedVersion`.' })
  @Property({ type: 'integer' })
  version: number = 1;
}
