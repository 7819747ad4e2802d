import { Field, ID, InputType, Int } from 'type-graphql';
import { UpdateInputBase } from '../../shared/crud.inputs.js';
import { DecimalScalar, JSONObjectScalar } from '../../shared/scalars.js';
import { SessionType } from './treatment.entity.js';

/** One step of the session plan in `createTreatment`. */
@InputType({ description: 'One step of a treatment\'s session plan (Flextell `sessions[]`).' })
export class TreatmentSessionInput {
  @Field(() => Int, { description: 'Position in the plan, from 1; unique within the treatment.' })
  sessionOrder!: number;

  @Field(() => SessionType, { defaultValue: SessionType.TREATMENT, description: 'Treatment or control session (Flextell `session_type`); default TREATMENT.' })
  sessionType!: SessionType;

  @Field(() => Int, { nullable: true, description: 'Days to wait after this session before the next one, ≥ 0.' })
  nextGapDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days from the first session to this one, ≥ 0.' })
  offsetDays?: number | null;
}

/** Input of `createTreatment`. */
@InputType({ description: 'A new bookable service (Flextell treatment, One-link `service_id`, Caspen `service_id`).' })
export class CreateTreatmentInput {
  @Field({ description: 'Name, 1–200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description, at most 1,000 characters.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length of one session in minutes, > 0; appointments without `endsAt` add these up.' })
  durationMinutes?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price in major units of the organisation\'s currency (Flextell `price`), ≥ 0, at most 4 decimals.' })
  price?: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of sessions the treatment takes (Flextell `session`), ≥ 1; default the number of `sessions` given, or 1.' })
  sessionCount?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'False when the treatment can no longer be booked (Flextell `is_active`); default true.' })
  isActive?: boolean | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Free-form extras (Flextell `extra_info`).' })
  extraInfo?: Record<string, unknown> | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of the Products the treatment uses (Flextell `products[]`).' })
  productIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Global ids of the Users (members of the organisation) who may perform it (Flextell `users[]`).' })
  userIds?: string[] | null;

  @Field(() => [TreatmentSessionInput], { nullable: true, description: 'The session plan (Flextell `sessions[]`).' })
  sessions?: TreatmentSessionInput[] | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same treatment (`replayed: true`).' })
  idempotencyKey?: string | null;

  @Field(() => Int, { nullable: true, description: 'Minutes blocked before each appointment, 0–1,440; default 0.' })
  bufferBeforeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes blocked after each appointment, 0–1,440; default 0.' })
  bufferAfterMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes of notice a booking needs, ≥ 0; default 0.' })
  minimumNoticeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days ahead it can be booked, ≥ 0 (the last day is today + this in the organisation\'s zone); null: no limit.' })
  bookingHorizonDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between candidate starts in `availability`, > 0; null: the duration.' })
  slotIntervalMinutes?: number | null;
}

/** Input of `updateTreatment`: only the fields present change. */
@InputType({ description: 'Changes a treatment: only the fields present change; existing appointments keep the buffers they were booked with.' })
export class UpdateTreatmentInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Name, 1–200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Description, at most 1,000 characters; null clears it.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'Length of one session in minutes, > 0; null clears it.' })
  durationMinutes?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Price, ≥ 0; null clears it.' })
  price?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False when the treatment can no longer be booked.' })
  isActive?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Minutes blocked before each appointment, 0–1,440; default 0.' })
  bufferBeforeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes blocked after each appointment, 0–1,440; default 0.' })
  bufferAfterMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes of notice a booking needs, ≥ 0; default 0.' })
  minimumNoticeMinutes?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days ahead it can be booked, ≥ 0 (the last day is today + this in the organisation\'s zone); null: no limit.' })
  bookingHorizonDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes between candidate starts in `availability`, > 0; null: the duration.' })
  slotIntervalMinutes?: number | null;
}
