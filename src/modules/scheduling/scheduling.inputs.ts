import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../shared/scalars.js';
import { DayOfWeek } from './working-hours.entity.js';

@InputType({ description: 'A weekly interval of working hours.' })
export class WeeklyRuleInput {
  @Field(() => DayOfWeek, { description: 'The local day the interval starts on.' })
  dayOfWeek!: DayOfWeek;

  @Field({ description: 'Local start, `HH:MM` (00:00–23:59).' })
  startTime!: string;

  @Field({ description: 'Local end, `HH:MM`; at or before `startTime` it runs past midnight into the next day.' })
  endTime!: string;
}

@InputType({ description: 'A local interval of a dated override.' })
export class LocalIntervalInput {
  @Field({ description: 'Local start, `HH:MM`.' })
  startTime!: string;

  @Field({ description: 'Local end, `HH:MM`; at or before `startTime` it is on the next day.' })
  endTime!: string;
}

@InputType({ description: 'The hours of one local date, replacing the weekly rules of that date.' })
export class DateOverrideInput {
  @Field(() => DateScalar, { description: 'The local date, `YYYY-MM-DD`, in the schedule\'s time zone.' })
  date!: string;

  @Field(() => [LocalIntervalInput], { description: 'The hours of that date; empty = closed (a holiday).' })
  intervals!: LocalIntervalInput[];

  @Field(() => String, { nullable: true, description: 'Why, at most 200 characters.' })
  reason?: string | null;
}

@InputType({ description: 'Replaces the working-hours schedule of a member or resource, or the opening hours of a location.' })
export class SetWorkingHoursInput {
  @Field(() => ID, { description: 'A User (member), Resource or Location.' })
  bookableId!: string;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. `Europe/Berlin`; default the location\'s (for a location), else the organisation\'s.' })
  timeZone?: string | null;

  @Field(() => [WeeklyRuleInput], { description: 'Weekly rules; several on one day add up, but may not overlap. `[]` with no overrides removes the schedule (always available).' })
  rules!: WeeklyRuleInput[];

  @Field(() => [DateOverrideInput], { nullable: true, description: 'Dated overrides, one per date.' })
  overrides?: DateOverrideInput[] | null;
}

@InputType({ description: 'Time off of a member, resource or location.' })
export class CreateTimeOffInput {
  @Field(() => ID, { description: 'A User (member), Resource or Location.' })
  bookableId!: string;

  @Field({ description: 'Start, inclusive (RFC 3339).' })
  startsAt!: Date;

  @Field({ description: 'End, exclusive (RFC 3339), after startsAt.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why, at most 1,000 characters.' })
  reason?: string | null;
}

@InputType({ description: 'Deletes time off.' })
export class DeleteTimeOffInput {
  @Field(() => ID, { description: 'The TimeOff.' })
  id!: string;
}

@InputType({ description: 'A requirement group: `count` of the bookables in `anyOf` must be free at once.' })
export class BookableRequirement {
  @Field(() => [ID], { description: 'Users (members) or Resources, in order of preference.' })
  anyOf!: string[];

  @Field(() => Int, { defaultValue: 1, description: 'How many of `anyOf` are needed, 1 to the length of `anyOf`.' })
  count!: number;
}

@InputType({ description: 'What to search: a range, what is booked, who or what is needed.' })
export class AvailabilityInput {
  @Field({ description: 'Earliest start (RFC 3339).' })
  from!: Date;

  @Field({ description: 'Latest end (RFC 3339); at most 62 days after `from`.' })
  to!: Date;

  @Field(() => [ID], { nullable: true, description: 'Treatments: their durations add up; their buffers, notice, horizon, interval and performers apply.' })
  treatmentIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Length in minutes when no treatment gives one (positive whole number); overrides the treatments\' total.' })
  durationMinutes?: number | null;

  @Field(() => ID, { nullable: true, description: 'A Location: its opening hours apply (LOCATION_CLOSED).' })
  locationId?: string | null;

  @Field(() => [BookableRequirement], { description: 'Requirement groups; all must hold at once.' })
  requirements!: BookableRequirement[];

  @Field(() => Int, { nullable: true, description: 'Minutes between candidate starts; default the treatments\' interval, else the duration.' })
  slotIntervalMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'IANA zone of the slot grid; default the location\'s, else the organisation\'s.' })
  timeZone?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Also answer every rejected candidate with its reasons.' })
  includeUnavailable!: boolean;

  @Field(() => ID, { nullable: true, description: 'Rescheduling: this appointment\'s own slot does not block.' })
  excludeAppointmentId?: string | null;
}

@InputType({ description: 'A hold on bookables while a booking is completed.' })
export class CreateHoldInput {
  @Field({ description: 'Start, inclusive (RFC 3339).' })
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'End, exclusive; default startsAt + the treatments\' durations.' })
  endsAt?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Treatments: duration, buffers, notice, horizon and performers apply.' })
  treatmentIds?: string[] | null;

  @Field(() => [ID], { description: 'The Users (members) and Resources to hold.' })
  bookableIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The customer the hold is for.' })
  customerId?: string | null;

  @Field(() => Int, { defaultValue: 300, description: 'Seconds until the hold expires, 30–3,600; default 300.' })
  ttlSeconds!: number;

  @Field(() => ID, { nullable: true, description: 'A Location: its opening hours apply.' })
  locationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same hold (`replayed: true`).' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Releases a hold at once.' })
export class ReleaseHoldInput {
  @Field(() => ID, { description: 'The Hold.' })
  id!: string;
}
