import { Field, InputType } from 'type-graphql';
import { archiveInputType, UpdateInputBase } from '../../shared/crud.inputs.js';

/** Input of `createLocation`. */
@InputType({ description: 'A new place where appointments happen (Caspen `location_id`).' })
export class CreateLocationInput {
  @Field({ description: 'Name, e.g. `Central clinic`, 1–200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address, at most 1,000 characters.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the location, e.g. `Asia/Almaty`; null means the organisation\'s. An unknown zone is VALIDATION.' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same location (`replayed: true`).' })
  idempotencyKey?: string | null;
}

/** Input of `updateLocation`: only the fields present change. */
@InputType({ description: 'Changes a location: only the fields present change.' })
export class UpdateLocationInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Name, 1–200 characters; cannot be cleared.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Street address, at most 1,000 characters; null clears it.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. `Asia/Almaty`; null means the organisation\'s. An unknown zone is VALIDATION.' })
  timeZone?: string | null;
}

export const ArchiveLocationInput = archiveInputType('Location');
export type ArchiveLocationInput = InstanceType<typeof ArchiveLocationInput>;
