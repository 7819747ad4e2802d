import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar, JSONObjectScalar } from '../../shared/scalars.js';
import { InteractionMethod } from '../interaction/interaction-enums.js';
import { SessionType } from '../treatment/treatment.entity.js';
import { SeriesScope } from '../series/series.entity.js';
import { AppointmentStatus } from './appointment-status.js';
import { PaymentStatus } from './payment-status.js';

/** A customer given inline on `createAppointment` (One-link `client_*`). */
@InputType({ description: 'A customer given inline (One-link `client_name`, `client_phone`, `client_identifier`, `client_birth_date`, `client_gender`): matched to an existing customer of the organisation by identityNumber, then phoneNumber, else created.' })
export class InlineCustomerInput {
  @Field(() => String, { nullable: true, description: 'Full name (One-link `client_name`); required unless firstName/lastName are given.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Given name.' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Family name.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone number (One-link `client_phone`).' })
  phoneNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Identity number (One-link `client_identifier`); 12 digits must pass the Kazakh IIN checksum.' })
  identityNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth, YYYY-MM-DD (One-link `client_birth_date`).' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'Gender as given (One-link `client_gender`).' })
  gender?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail address.' })
  email?: string | null;

  @Field(() => InteractionMethod, { nullable: true, description: 'Preferred contact channel.' })
  preferredContactMethod?: InteractionMethod | null;
}

/** Fields shared by create and update. Links are global ids. */
@InputType({ description: 'Fields of an appointment shared by create and update.' })
export abstract class AppointmentFieldsInput {
  @Field(() => Date, { nullable: true, description: 'Start, inclusive (RFC 3339). Ctrl-Hub `start_time`, Flextell `scheduled_at`, One-link/Caspen `starts_at`.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'End, exclusive (RFC 3339). May be left out when durationMinutes is given or the treatments have durations.' })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes (One-link `duration_min`); sets endsAt = startsAt + durationMinutes. Must agree with endsAt when both are given.' })
  durationMinutes?: number | null;

  @Field(() => AppointmentStatus, { nullable: true, description: 'Status (Flextell `status`). On update only the moves of `AppointmentStatus` are allowed.' })
  status?: AppointmentStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'The customer confirmed (Caspen `confirmed`); becoming true stamps confirmedAt.' })
  confirmed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Free-form type (One-link `appointment_type`).' })
  appointmentType?: string | null;

  @Field(() => String, { nullable: true, description: 'Origin (One-link `source`).' })
  source?: string | null;

  @Field(() => SessionType, { nullable: true, description: 'For a follow-up: treatment or control session (Flextell `relation_type`).' })
  sessionType?: SessionType | null;

  @Field(() => String, { nullable: true, description: 'Id in your own system (One-link `external_ref`).' })
  externalRef?: string | null;

  @Field(() => String, { nullable: true, description: 'Staff notes, ≤ 1,000 characters (Ctrl-Hub `notes`, Flextell `description`, Caspen `note`).' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'The customer\'s comment, ≤ 1,000 characters (One-link `client_comment`).' })
  clientComment?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Medical dependency on site (Ctrl-Hub `medical_dependency`).' })
  medicalDependency?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'On the extra-care register (Ctrl-Hub `on_ecr`).' })
  onEcr?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Extra-care notes, ≤ 1,000 characters (Ctrl-Hub `on_ecr_notes`).' })
  onEcrNotes?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Animals on site (Ctrl-Hub `animals`).' })
  animals?: boolean | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Free-form extras (One-link `custom_attributes`).' })
  customAttributes?: Record<string, unknown> | null;

  @Field(() => ID, { nullable: true, description: 'Customer (Flextell `customer_id`, One-link `contact_id`, Caspen `client_id`).' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Practitioner, a member User (Flextell `user_id`, Caspen `practitioner_id`).' })
  practitionerId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Assistants, member Users (Flextell `assistant_id`). On update, replaces the list.' })
  assistantIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Location (Caspen `location_id`).' })
  locationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Room, a Resource of kind ROOM (Flextell/Caspen `room_id`).' })
  roomId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Vehicle, a Resource of kind VEHICLE (Caspen `vehicle_id`).' })
  vehicleId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Other resources (One-link `resource_id`, Caspen `resource_ids`). On update, replaces the list.' })
  resourceIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Treatments (Flextell `treatments`, One-link/Caspen `service_id`); when given, at least one. On update, replaces the list.' })
  treatmentIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Interaction it came from (Ctrl-Hub `interaction`, One-link `conversation_id`).' })
  interactionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Work order (Ctrl-Hub `operation`).' })
  operationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Time band the visit must lie in (Ctrl-Hub `time_band`), checked in the organisation\'s time zone.' })
  timeBandId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Case (Caspen `case_id`).' })
  caseId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Client package (Caspen `client_package_id`).' })
  clientPackageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Company (One-link `company_id`).' })
  companyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Parent appointment of a follow-up (Flextell `parent_appointment_id`).' })
  parentAppointmentId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Agreed price, ≥ 0, major units of the organisation\'s currency (One-link `service_amount`).' })
  serviceAmount?: string | null;

  @Field(() => ID, { nullable: true, description: 'Cancellation reason (Caspen `cancellation_reason_id`).' })
  cancellationReasonId?: string | null;

  @Field(() => String, { nullable: true, description: 'Cancellation note, ≤ 1,000 characters (Flextell `cancellation_reason`, Caspen `cancellation_note`).' })
  cancellationNote?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'OWNER and ADMIN only (else FORBIDDEN): book outside working hours, closures, time off, notice and horizon (recorded in the history); never over another booking, hold or buffer.' })
  overrideAvailability?: boolean | null;
}

/** Input of `createAppointment`: every field of Ctrl-Hub's, Flextell's and One-link's create operations. */
@InputType({ description: 'A new appointment. Unites Ctrl-Hub (seed 000), Flextell (001) and One-link (002) create operations.' })
export class CreateAppointmentInput extends AppointmentFieldsInput {
  @Field(() => InlineCustomerInput, { nullable: true, description: 'The customer inline, instead of customerId (One-link `client_*`).' })
  customer?: InlineCustomerInput | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount paid in advance, ≥ 0: recorded as a PREPAYMENT payment (One-link `prepaid_amount`).' })
  prepaidAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Method of the prepayment (One-link `prepaid_payment_method`).' })
  prepaidPaymentMethod?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Amount settled, ≥ 0: recorded as a SETTLEMENT payment (One-link `settlement_amount`).' })
  settlementAmount?: string | null;

  @Field(() => String, { nullable: true, description: 'Method of the settlement (One-link `settlement_payment_method`).' })
  settlementPaymentMethod?: string | null;

  @Field(() => PaymentStatus, { nullable: true, description: 'One-link `payment_status`. Kairos derives the status from serviceAmount and payments; when given it must equal the derived one (else VALIDATION).' })
  paymentStatus?: PaymentStatus | null;

  @Field(() => ID, { nullable: true, description: 'Author (One-link `created_by_id`); defaults to the token\'s user; only OWNER/ADMIN may name another member.' })
  authorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A Hold to turn into this appointment in the same transaction: the appointment must have its times and bookables (else VALIDATION).' })
  holdId?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key, unique in the organisation (One-link `idempotency_key`): a replay with the same input answers the original appointment with `replayed: true`; another input is IDEMPOTENCY_KEY_REUSED.' })
  idempotencyKey?: string | null;
}

/** Input of `updateAppointment`: Caspen's update (seed 003), a partial update of any field. */
@InputType({ description: 'A partial update (Caspen, seed 003): only the fields present change; null clears a field. Every rule of create is checked again.' })
export class UpdateAppointmentInput extends AppointmentFieldsInput {
  @Field(() => ID, { description: 'The appointment (Caspen path `appointment`).' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a different current version answers STALE_VERSION.' })
  expectedVersion?: number | null;

  @Field(() => SeriesScope, { nullable: true, defaultValue: SeriesScope.THIS, description: 'For an appointment of a series: THIS (default), THIS_AND_FOLLOWING or ALL. The other open occurrences get the same change, a new start moved by the same local days and time of day in the series\' zone; each keeps its own version and history. Any other scope for an appointment outside a series is VALIDATION.' })
  scope?: SeriesScope | null;
}

/** Input of `cancelAppointment`. */
@InputType({ description: 'Cancels an appointment: status CANCELLED, which releases its practitioner and resources.' })
export class CancelAppointmentInput {
  @Field(() => ID, { description: 'The appointment.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Reason from the catalogue (Caspen `cancellation_reason_id`).' })
  cancellationReasonId?: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text note, ≤ 1,000 characters (Flextell `cancellation_reason`, Caspen `cancellation_note`).' })
  cancellationNote?: string | null;

  @Field(() => Int, { nullable: true, description: 'The `version` you last read; a different current version answers STALE_VERSION.' })
  expectedVersion?: number | null;

  @Field(() => SeriesScope, { nullable: true, defaultValue: SeriesScope.THIS, description: 'For an appointment of a series: THIS (default), THIS_AND_FOLLOWING or ALL. The other open (PENDING or APPROVED) occurrences in scope are cancelled too, each with its own version and history event. Any other scope for an appointment outside a series is VALIDATION.' })
  scope?: SeriesScope | null;
}

/** Filter of the `appointments` connection. */
@InputType({ description: 'Filters of `appointments`; all given conditions must hold.' })
export class AppointmentFilter {
  @Field(() => Date, { nullable: true, description: 'Only appointments that end after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only appointments that start before this instant.' })
  to?: Date | null;

  @Field(() => [AppointmentStatus], { nullable: true, description: 'Only these statuses.' })
  status?: AppointmentStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this practitioner\'s appointments.' })
  practitionerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer\'s appointments.' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only appointments holding this resource (as room, vehicle or resource).' })
  resourceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only appointments at this location.' })
  locationId?: string | null;
}
