import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AppointmentAction } from '../appointment/appointment-event.entity.js';

/** What a {@link ScheduleChange} was: an appointment change or a hold taken, released or expired. */
export enum ScheduleChangeKind {
  APPOINTMENT_CREATED = 'appointment.created',
  APPOINTMENT_UPDATED = 'appointment.updated',
  APPOINTMENT_RESCHEDULED = 'appointment.rescheduled',
  APPOINTMENT_STATUS_CHANGED = 'appointment.status_changed',
  APPOINTMENT_CANCELLED = 'appointment.cancelled',
  HOLD_CREATED = 'hold.created',
  HOLD_RELEASED = 'hold.released',
  HOLD_EXPIRED = 'hold.expired',
}
registerEnumType(ScheduleChangeKind, {
  name: 'ScheduleChangeKind',
  description: 'What changed a schedule (the outbox event type, docs/subscriptions.md).',
  valuesConfig: {
    APPOINTMENT_CREATED: { description: 'An appointment was booked (`appointment.created`).' },
    APPOINTMENT_UPDATED: { description: 'An appointment\'s other fields changed (`appointment.updated`).' },
    APPOINTMENT_RESCHEDULED: { description: 'An appointment\'s times changed (`appointment.rescheduled`).' },
    APPOINTMENT_STATUS_CHANGED: { description: 'An appointment\'s status changed, other than to CANCELLED (`appointment.status_changed`).' },
    APPOINTMENT_CANCELLED: { description: 'An appointment was cancelled (`appointment.cancelled`).' },
    HOLD_CREATED: { description: 'A hold was taken (`hold.created`).' },
    HOLD_RELEASED: { description: 'A hold was released, or consumed by the booking it was taken for (`hold.released`).' },
    HOLD_EXPIRED: { description: 'A hold reached its `expiresAt` unused, and its slot was offered to the waitlist (`hold.expired`, written by the hold sweeper within HOLD_SWEEP_SECONDS).' },
  },
});

/** Which appointments `appointmentEvents` reports; every given condition must hold (by the state before or after the change). */
@InputType({ description: 'Which appointment changes to receive. Every given condition must hold, either before or after the change (so a calendar hears of an appointment that moves away from it). Nothing given: every change of the organisation.' })
export class AppointmentEventFilter {
  @Field(() => ID, { nullable: true, description: 'A member: the appointment\'s practitioner or one of its assistants.' })
  practitionerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A resource: the appointment\'s room, vehicle or one of its resources.' })
  resourceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The appointment\'s location.' })
  locationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The appointment\'s customer.' })
  customerId?: string | null;

  @Field(() => Date, { nullable: true, description: 'The appointment ends after this instant (RFC 3339).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'The appointment starts before this instant (RFC 3339).' })
  to?: Date | null;
}

/** One change of an appointment, as `appointmentEvents` sends it. */
@ObjectType({ description: 'A committed change of an appointment, from the outbox (docs/subscriptions.md).' })
export class AppointmentChange {
  @Field(() => ID, { description: 'The outbox event id: increases in commit order within the organisation. Give the last one received as `resumeAfter` when subscribing again.' })
  eventId!: string;

  @Field(() => AppointmentAction, { description: 'What the change did.' })
  type!: AppointmentAction;

  @Field({ description: 'When the change was written (RFC 3339, UTC).' })
  occurredAt!: Date;

  /** The changed appointment's uuid, for the field resolver. */
  appointmentUuid!: string;

  @Field(() => Int, { description: 'The appointment\'s `version` after this change.' })
  version!: number;

  @Field(() => [String], { description: 'The fields this change changed (`changes` keys of the appointment\'s history); empty for a creation.' })
  changedFields!: string[];
}

/** One change of the watched schedules, as `scheduleChanged` sends it. */
@ObjectType({ description: 'A committed change that touches the watched bookables in the watched period: an appointment or a hold.' })
export class ScheduleChange {
  @Field(() => ID, { description: 'The outbox event id (see `AppointmentChange.eventId`).' })
  eventId!: string;

  @Field(() => ScheduleChangeKind, { description: 'What changed.' })
  type!: ScheduleChangeKind;

  @Field({ description: 'When the change was written (RFC 3339, UTC).' })
  occurredAt!: Date;

  @Field(() => [ID], { description: 'The watched bookables the change touches (before or after it).' })
  bookableIds!: string[];

  @Field({ description: 'Start of the changed booking or hold after the change (for a release or cancellation, the range it freed); RFC 3339, UTC.' })
  startsAt!: Date;

  @Field({ description: 'End of the changed booking or hold (see `startsAt`).' })
  endsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'For a rescheduled appointment: its start before the change.' })
  previousStartsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'For a rescheduled appointment: its end before the change.' })
  previousEndsAt?: Date | null;

  /** The changed appointment's uuid, for the field resolver. */
  appointmentUuid?: string | null;

  /** The changed hold's uuid, for the field resolver. */
  holdUuid?: string | null;
}
