import { Field, ID, InputType, Int } from 'type-graphql';
import { AppointmentFieldsInput } from '../appointment/appointment.inputs.js';
import { BookableRequirement } from '../scheduling/scheduling.inputs.js';
import { BookingMode } from './series.entity.js';

/** Input of `createAppointmentSeries`: the appointment's fields, the first start and the rule. */
@InputType({ description: 'A recurring appointment: the fields of createAppointment for every occurrence, the first start, and an RFC 5545 RRULE expanded in timeZone.' })
export class CreateAppointmentSeriesInput extends AppointmentFieldsInput {
  @Field({ description: 'The RRULE value, e.g. `FREQ=WEEKLY;BYDAY=MO` (an `RRULE:` prefix is accepted; no DTSTART: the start is `startsAt`). It must end: COUNT or UNTIL here, or `count` or `until`. At most SERIES_MAX_OCCURRENCES (500) occurrences within SERIES_MAX_SPAN_MONTHS (24) months; else VALIDATION.' })
  rrule!: string;

  @Field(() => String, { nullable: true, description: 'IANA zone the rule runs in: every occurrence keeps the local wall-clock time of `startsAt` in it, across DST changes. Default the organisation\'s.' })
  timeZone?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of occurrences, when the rule has no COUNT or UNTIL.' })
  count?: number | null;

  @Field(() => Date, { nullable: true, description: 'Last possible start (inclusive, RFC 3339), when the rule has no COUNT or UNTIL.' })
  until?: Date | null;

  @Field(() => BookingMode, { defaultValue: BookingMode.ALL_OR_NOTHING, description: 'ALL_OR_NOTHING (default): every occurrence or none; BEST_EFFORT: those that fit.' })
  mode!: BookingMode;

  @Field(() => String, { nullable: true, description: 'Idempotency key, unique in the organisation: a replay with the same input answers the series created then with `replayed: true` and the same occurrences, reasons included; another input is IDEMPOTENCY_KEY_REUSED.' })
  idempotencyKey?: string | null;
}

/** Input of `bookTreatmentPlan`. */
@InputType({ description: 'Books a treatment\'s session plan for a customer: one appointment per session, each at the first slot the availability engine offers within its tolerance window.' })
export class BookTreatmentPlanInput {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => ID, { description: 'A treatment with a session plan (`sessions`); one without is VALIDATION.' })
  treatmentId!: string;

  @Field({ description: 'Earliest start of the first session (RFC 3339); its local date in the organisation\'s zone is session 1\'s target day.' })
  firstStartsAt!: Date;

  @Field(() => [BookableRequirement], { description: 'Who and what each session needs, as in `availability`: the first User chosen becomes the practitioner (others assistants), the first ROOM the room, the first VEHICLE the vehicle, other resources `resources`.' })
  requirements!: BookableRequirement[];

  @Field(() => ID, { nullable: true, description: 'Location of every session; its opening hours apply.' })
  locationId?: string | null;

  @Field(() => Int, { defaultValue: 7, description: 'Days after its target day a session may still be placed: the window is the target day through target + toleranceDays, in the organisation\'s zone (0 to PLAN_MAX_TOLERANCE_DAYS, 60).' })
  toleranceDays!: number;

  @Field(() => BookingMode, { defaultValue: BookingMode.ALL_OR_NOTHING, description: 'ALL_OR_NOTHING (default): every session or none; BEST_EFFORT: those that fit.' })
  mode!: BookingMode;

  @Field(() => String, { nullable: true, description: 'Staff notes copied onto every appointment, ≤ 1,000 characters.' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key, unique in the organisation: a replay with the same input answers the plan created then with `replayed: true` and the same sessions, reasons included; another input is IDEMPOTENCY_KEY_REUSED.' })
  idempotencyKey?: string | null;
}

/** Input of `updateTreatmentPlan`: move or cancel one session, and say whether the later ones follow. */
@InputType({ description: 'Moves or cancels one session of a treatment plan. `shiftFollowing` says whether the later sessions are placed again by the plan\'s rule; they never move silently.' })
export class UpdateTreatmentPlanInput {
  @Field(() => ID, { description: 'The TreatmentPlan.' })
  id!: string;

  @Field(() => Int, { description: 'The session to change (its `sessionOrder`).' })
  sessionOrder!: number;

  @Field(() => Date, { nullable: true, description: 'New start of the session (its duration is kept). Give this or `cancel`.' })
  startsAt?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Cancel the session\'s appointment instead of moving it.' })
  cancel?: boolean | null;

  @Field(() => Boolean, { description: 'True: every later open session is placed again from this one by the plan\'s gaps and tolerance (the first slot the engine offers), all or nothing. False: only this session changes; the payload\'s `sessions` shows the later ones where they are.' })
  shiftFollowing!: boolean;

  @Field(() => Int, { nullable: true, description: 'The plan\'s `version` you last read; a different current version answers STALE_VERSION.' })
  expectedVersion?: number | null;
}
