import { Field, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { payloadBase } from '../../shared/mutation.js';
import { Resource } from '../resource/resource.entity.js';
import { Hold } from '../scheduling/hold.entity.js';
import { UnavailabilityReason } from '../scheduling/scheduling.reason.js';
import { User } from '../user/user.entity.js';
import { Appointment } from './appointment.entity.js';

/** The role in which a bookable is busy. */
export enum BookingConflictKind {
  PRACTITIONER = 'PRACTITIONER',
  ASSISTANT = 'ASSISTANT',
  ROOM = 'ROOM',
  VEHICLE = 'VEHICLE',
  RESOURCE = 'RESOURCE',
}
registerEnumType(BookingConflictKind, {
  name: 'BookingConflictKind',
  description: 'The role, in the refused request, of the busy bookable.',
  valuesConfig: {
    PRACTITIONER: { description: 'The `practitionerId` is busy.' },
    ASSISTANT: { description: 'One of the `assistantIds` is busy.' },
    ROOM: { description: 'The `roomId` is busy.' },
    VEHICLE: { description: 'The `vehicleId` is busy.' },
    RESOURCE: { description: 'One of the `resourceIds` is busy.' },
  },
});

/** Something that can be booked: a member (practitioner, assistant) or a resource. */
export const Bookable = createUnionType({
  name: 'Bookable',
  description: 'A User (practitioner, assistant) or a Resource (room, vehicle, equipment).',
  // No resolveType: type-graphql's default picks the type by `instanceof`, synchronously; a custom
  // one is wrapped in an async function, which graphql-jit cannot resolve a union with.
  types: () => [User, Resource] as const,
});

/** One reason for RESOURCE_UNAVAILABLE: `bookable` already holds `appointment` (or an unexpired `hold`) at an overlapping time. */
@ObjectType({ description: 'A bookable already taken by an overlapping appointment or unexpired hold, buffers included (RESOURCE_UNAVAILABLE).' })
export class BookingConflict {
  @Field(() => BookingConflictKind, { description: 'The role the bookable had in the refused request.' })
  kind!: BookingConflictKind;

  @Field(() => Bookable, { description: 'The busy User or Resource.' })
  bookable!: User | Resource;

  @Field(() => Appointment, { nullable: true, description: 'The appointment that holds it; null when a hold does.' })
  appointment!: Appointment | null;

  @Field(() => Hold, { nullable: true, description: 'The unexpired hold that takes it; null when an appointment does.' })
  hold!: Hold | null;
}

/** The fields every appointment payload has. */
const AppointmentPayloadBase = payloadBase('appointment', Appointment);

@ObjectType()
abstract class BookingPayloadBase extends AppointmentPayloadBase {
  @Field(() => [BookingConflict], { description: 'With RESOURCE_UNAVAILABLE: every busy bookable and the appointment holding it; empty otherwise.' })
  conflicts!: BookingConflict[];

  @Field(() => [UnavailabilityReason], { description: 'With OUTSIDE_AVAILABILITY (and RESOURCE_UNAVAILABLE when known): every reason the time is not available; empty otherwise.' })
  unavailability!: UnavailabilityReason[];
}

@ObjectType('CreateAppointmentPayload', { description: 'Result of createAppointment.' })
export class CreateAppointmentPayload extends BookingPayloadBase {
  @Field({ description: 'True when the idempotency key was seen before with the same input: the appointment is the one created then, and nothing new was created.' })
  replayed!: boolean;
}

/** updateAppointment takes no idempotency key: `expectedVersion` guards a retried change instead. */
@ObjectType('UpdateAppointmentPayload', { description: 'Result of updateAppointment.' })
export class UpdateAppointmentPayload extends BookingPayloadBase {
  @Field(() => [Appointment], { description: 'Every appointment changed, in occurrence order: the one named alone for scope THIS; empty when userErrors is not empty.' })
  appointments!: Appointment[];
}

/** A cancellation only releases bookables, so it never conflicts. */
@ObjectType('CancelAppointmentPayload', { description: 'Result of cancelAppointment.' })
export class CancelAppointmentPayload extends AppointmentPayloadBase {
  @Field(() => [Appointment], { description: 'Every appointment cancelled, in occurrence order: the one named alone for scope THIS; empty when userErrors is not empty.' })
  appointments!: Appointment[];
}
