import { Field, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors.js';
import { payloadBase } from '../../shared/mutation.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { BookingConflict } from '../appointment/appointment.payloads.js';
import { UnavailabilityReason } from '../scheduling/scheduling.reason.js';
import { SessionType } from '../treatment/treatment.entity.js';
import { AppointmentSeries, TreatmentPlan } from './series.entity.js';

/** The outcome of one attempted booking of a series or plan. */
@ObjectType({ description: 'The outcome of one booking attempt of a series or plan.' })
abstract class BookingAttempt {
  @Field(() => Appointment, { nullable: true, description: 'The appointment booked; null when it could not be booked, and for every attempt of a refused ALL_OR_NOTHING request (nothing was written).' })
  appointment!: Appointment | null;

  @Field(() => [UserError], { description: 'Why it could not be booked (the codes of createAppointment: OUTSIDE_AVAILABILITY, RESOURCE_UNAVAILABLE, VALIDATION…); empty when it could.' })
  userErrors!: UserError[];

  @Field(() => [BookingConflict], { description: 'With RESOURCE_UNAVAILABLE: the busy bookables and the appointments or holds that take them.' })
  conflicts!: BookingConflict[];

  @Field(() => [UnavailabilityReason], { description: 'Every reason the availability engine gave, with the blocking bookable, appointment or hold.' })
  unavailability!: UnavailabilityReason[];
}

/** One occurrence of a series. */
@ObjectType({ description: 'One occurrence of a series and whether it was booked.' })
export class SeriesOccurrence extends BookingAttempt {
  @Field(() => Int, { description: 'Occurrence number, from 1, in the order the rule gives.' })
  occurrence!: number;

  @Field({ description: 'Its start (RFC 3339, UTC): the first start\'s local wall-clock time in the series\' zone.' })
  startsAt!: Date;
}

/** One session of a treatment plan. */
@ObjectType({ description: 'One session of a treatment plan and where it was placed.' })
export class PlanSession extends BookingAttempt {
  @Field(() => Int, { description: 'The session\'s position in the plan, from 1.' })
  sessionOrder!: number;

  @Field(() => SessionType, { description: 'TREATMENT or CONTROL, from the treatment\'s plan.' })
  sessionType!: SessionType;

  @Field(() => Date, { nullable: true, description: 'Start of the window it was searched in: local midnight (organisation\'s zone) of its target day, or later when the previous session ends later; null for a session updateTreatmentPlan did not place.' })
  windowStartsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of that window (exclusive): target day + toleranceDays + 1, local midnight.' })
  windowEndsAt!: Date | null;
}

const SeriesPayloadBase = payloadBase('series', AppointmentSeries);

/** Result of `createAppointmentSeries`. */
@ObjectType('CreateAppointmentSeriesPayload', { description: 'Result of createAppointmentSeries: the series and the outcome of every occurrence.' })
export class CreateAppointmentSeriesPayload extends SeriesPayloadBase {
  @Field({ description: 'True when the idempotency key was seen before with the same input: nothing new was created.' })
  replayed!: boolean;

  @Field(() => [SeriesOccurrence], { description: 'Every occurrence in order, booked or with its reasons; empty after a VALIDATION of the input. A replay answers the same list as the first call (appointments as they are now).' })
  occurrences!: SeriesOccurrence[];
}

const PlanPayloadBase = payloadBase('treatmentPlan', TreatmentPlan);

/** Result of `bookTreatmentPlan`. */
@ObjectType('BookTreatmentPlanPayload', { description: 'Result of bookTreatmentPlan: the plan and where every session was placed.' })
export class BookTreatmentPlanPayload extends PlanPayloadBase {
  @Field({ description: 'True when the idempotency key was seen before with the same input: nothing new was created.' })
  replayed!: boolean;

  @Field(() => [PlanSession], { description: 'Every session in order, booked or with its reasons; empty after a VALIDATION of the input. A replay answers the same list as the first call (appointments as they are now).' })
  sessions!: PlanSession[];
}

const UpdatePlanPayloadBase = payloadBase('treatmentPlan', TreatmentPlan);

/** Result of `updateTreatmentPlan`. */
@ObjectType('UpdateTreatmentPlanPayload', { description: 'Result of updateTreatmentPlan: the plan and every session as it now stands.' })
export class UpdateTreatmentPlanPayload extends UpdatePlanPayloadBase {
  @Field(() => [PlanSession], { description: 'Every session of the plan in order, with its appointment, or (after a refused shift) the reasons a later session could not be placed.' })
  sessions!: PlanSession[];
}
