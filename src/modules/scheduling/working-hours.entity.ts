import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars.js';
import { TenantEntity } from '../../shared/tenant.entity.js';

/** ISO weekday names, Monday first (Luxon's `weekday` 1–7 is the index + 1). */
export enum DayOfWeek {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}
registerEnumType(DayOfWeek, {
  name: 'DayOfWeek',
  description: 'A day of the week, read in the schedule\'s time zone.',
  valuesConfig: {
    MONDAY: { description: 'Monday.' }, TUESDAY: { description: 'Tuesday.' }, WEDNESDAY: { description: 'Wednesday.' },
    THURSDAY: { description: 'Thursday.' }, FRIDAY: { description: 'Friday.' }, SATURDAY: { description: 'Saturday.' }, SUNDAY: { description: 'Sunday.' },
  },
});
/** The days in Luxon's weekday order (1 = Monday). */
export const DAYS = Object.values(DayOfWeek);

/** What a schedule belongs to. */
export enum BookableType {
  User = 'User',
  Resource = 'Resource',
  Location = 'Location',
}

/** One weekly opening: local `HH:MM`–`HH:MM`; an end at or before the start runs past midnight. */
@ObjectType({ description: 'A weekly interval of working hours, in the schedule\'s time zone.' })
export class WeeklyRule {
  @Field(() => DayOfWeek, { description: 'The local day the interval starts on.' })
  dayOfWeek!: DayOfWeek;

  @Field({ description: 'Local start, `HH:MM` (00:00–23:59).' })
  startTime!: string;

  @Field({ description: 'Local end, `HH:MM`; at or before `startTime` it is on the next day (22:00–02:00).' })
  endTime!: string;
}

/** A local interval of a dated override. */
@ObjectType({ description: 'A local interval of a dated override.' })
export class LocalInterval {
  @Field({ description: 'Local start, `HH:MM`.' })
  startTime!: string;

  @Field({ description: 'Local end, `HH:MM`; at or before `startTime` it is on the next day.' })
  endTime!: string;
}

/** The hours of one local date, replacing the weekly rules of that date. */
@ObjectType({ description: 'Hours of one local date that replace the weekly rules of that date; no intervals = closed.' })
export class DateOverride {
  @Field(() => DateScalar, { description: 'The local date, `YYYY-MM-DD`, in the schedule\'s time zone.' })
  date!: string;

  @Field(() => [LocalInterval], { description: 'The hours of that date; empty when closed (a holiday).' })
  intervals!: LocalInterval[];

  @Field(() => String, { nullable: true, description: 'Why, e.g. `Public holiday`.' })
  reason?: string | null;
}

/**
 * The working-hours schedule of one bookable (member or resource) or one location's opening hours.
 * Rules and overrides are stored as JSON on the one row, so a search reads every schedule it needs
 * with one statement. A bookable without a row is always available.
 */
@ObjectType({ simpleResolvers: true, description: 'Working hours of a member or resource, or opening hours of a location: weekly rules and dated overrides in an IANA time zone.' })
@Entity()
@Unique({ properties: ['organisation', 'bookableId'] })
@Check({ name: 'working_hours_bookable_type', expression: `bookable_type in ('User', 'Resource', 'Location')` })
export class WorkingHours extends TenantEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId';

  /** The member, resource or location (its uuid). */
  @Property({ type: 'uuid' })
  bookableId!: string;

  @Property({ type: 'text' })
  bookableType!: BookableType;

  @Field({ description: 'IANA time zone the rules and overrides are read in, e.g. `Europe/Berlin`.' })
  @Property({ type: 'text' })
  timeZone!: string;

  @Field(() => [WeeklyRule], { description: 'Weekly rules; several on one day add up (a lunch break is two rules).' })
  @Property({ type: 'json' })
  rules!: WeeklyRule[];

  @Field(() => [DateOverride], { description: 'Dated overrides, by date.' })
  @Property({ type: 'json' })
  overrides!: DateOverride[];
}
