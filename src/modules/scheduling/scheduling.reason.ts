import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UnavailabilityCode, type Rejection } from './scheduling.rules.js';

registerEnumType(UnavailabilityCode, {
  name: 'UnavailabilityCode',
  description: 'Why a time is not available (docs/availability.md).',
  valuesConfig: {
    OUTSIDE_WORKING_HOURS: { description: 'Outside the bookable\'s working hours (with buffers).' },
    CLOSED: { description: 'The bookable\'s schedule is closed that local date by an override.' },
    TIME_OFF: { description: 'The bookable has time off then.' },
    LOCATION_CLOSED: { description: 'Outside the location\'s opening hours.' },
    BOOKED: { description: 'The bookable holds an overlapping appointment.' },
    BUFFER: { description: 'Only a buffer (this one\'s or the neighbour\'s) overlaps another appointment.' },
    HELD: { description: 'An unexpired hold of somebody else takes the bookable.' },
    TOO_SOON: { description: 'Starts before now + the treatments\' minimum notice (past times always).' },
    TOO_FAR: { description: 'Starts after the treatments\' booking horizon.' },
    NOT_QUALIFIED: { description: 'The member is not among the users of a treatment that names users.' },
  },
});

/** One reason a time is not available, with the object that causes it. */
@ObjectType({ description: 'One reason a time is not available, with the bookable, appointment or hold that causes it.' })
export class UnavailabilityReason {
  @Field(() => UnavailabilityCode, { description: 'Stable code.' })
  code!: UnavailabilityCode;

  @Field({ description: 'Human-readable explanation.' })
  message!: string;

  /** The rule engine's rejection; the field resolvers load its objects. */
  rejection!: Rejection;

  static of(rejection: Rejection): UnavailabilityReason {
    return Object.assign(new UnavailabilityReason(), { code: rejection.code, message: rejection.message, rejection });
  }
}

