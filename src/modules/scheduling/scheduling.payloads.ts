import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors.js';
import { payloadBase } from '../../shared/mutation.js';
import { Node } from '../../shared/node.js';
import { BookingConflict } from '../appointment/appointment.payloads.js';
import { Hold } from './hold.entity.js';
import { UnavailabilityReason } from './scheduling.reason.js';
import { TimeOff } from './time-off.entity.js';
import { WorkingHours } from './working-hours.entity.js';

/** An offered slot. */
@ObjectType({ description: 'A time that can be booked, with the chosen bookables.' })
export class AvailableSlot {
  @Field({ description: 'Start, inclusive (RFC 3339, UTC).' })
  startsAt!: Date;

  @Field({ description: 'End, exclusive (RFC 3339, UTC).' })
  endsAt!: Date;

  @Field(() => [Node], { description: 'The first free choice per requirement, in requirement and `anyOf` order.' })
  bookables!: object[];
}

/** A rejected candidate. */
@ObjectType({ description: 'A candidate that is not offered, and why.' })
export class UnavailableSlot {
  @Field({ description: 'Start, inclusive (RFC 3339, UTC).' })
  startsAt!: Date;

  @Field({ description: 'End, exclusive (RFC 3339, UTC).' })
  endsAt!: Date;

  @Field(() => [UnavailabilityReason], { description: 'Every reason, at least one.' })
  reasons!: UnavailabilityReason[];
}

/** The answer of `availability`. */
@ObjectType({ description: 'The answer of `availability`.' })
export class Availability {
  @Field(() => [AvailableSlot], { description: 'Offered slots, by start.' })
  slots!: AvailableSlot[];

  @Field(() => [UnavailableSlot], { description: 'Rejected candidates with reasons, by start; empty unless `includeUnavailable`.' })
  unavailable!: UnavailableSlot[];

  @Field({ description: 'The IANA zone of the slot grid.' })
  timeZone!: string;

  @Field(() => [UserError], { description: 'VALIDATION errors of the input (naming the field); when not empty, no slots are given.' })
  userErrors!: UserError[];
}

@ObjectType('SetWorkingHoursPayload', { description: 'Result of setWorkingHours.' })
export class SetWorkingHoursPayload extends payloadBase('workingHours', WorkingHours) {}

@ObjectType('CreateTimeOffPayload', { description: 'Result of createTimeOff.' })
export class CreateTimeOffPayload extends payloadBase('timeOff', TimeOff) {}

@ObjectType('DeleteTimeOffPayload', { description: 'Result of deleteTimeOff.' })
export class DeleteTimeOffPayload extends payloadBase('timeOff', TimeOff) {}

@ObjectType('CreateHoldPayload', { description: 'Result of createHold.' })
export class CreateHoldPayload extends payloadBase('hold', Hold) {
  @Field(() => [BookingConflict], { description: 'With RESOURCE_UNAVAILABLE: every busy bookable and the appointment or hold that takes it.' })
  conflicts!: BookingConflict[];

  @Field(() => [UnavailabilityReason], { description: 'With OUTSIDE_AVAILABILITY or RESOURCE_UNAVAILABLE: why the time is not available.' })
  unavailability!: UnavailabilityReason[];

  @Field({ description: 'True when the idempotency key was seen before with the same input: the hold is the one created then.' })
  replayed!: boolean;
}

@ObjectType('ReleaseHoldPayload', { description: 'Result of releaseHold.' })
export class ReleaseHoldPayload extends payloadBase('hold', Hold) {}
