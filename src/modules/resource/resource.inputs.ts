import { Field, ID, InputType } from 'type-graphql';
import { archiveInputType, UpdateInputBase } from '../../shared/crud.inputs.js';
import { ResourceKind } from './resource.entity.js';

/** Input of `createResource`. */
@InputType({ description: 'A new bookable thing: a room (Flextell `room_id`, Caspen `room_id`), a vehicle (Caspen `vehicle_id`), equipment (One-link `resource_id`).' })
export class CreateResourceInput {
  @Field({ description: 'Name, e.g. `Room 1`, 1–200 characters.' })
  name!: string;

  @Field(() => ResourceKind, { description: 'Kind of resource: ROOM goes in `roomId`, VEHICLE in `vehicleId`.' })
  kind!: ResourceKind;

  @Field(() => String, { nullable: true, description: 'Operational status as given (Flextell room `status`), 1–200 characters; default `active`.' })
  status?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Location the resource belongs to.' })
  locationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same resource (`replayed: true`).' })
  idempotencyKey?: string | null;
}

/** Input of `updateResource`: only the fields present change. */
@InputType({ description: 'Changes a resource: rename it, change its status (e.g. close a room), or move it to another location. Only the fields present change.' })
export class UpdateResourceInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Name, 1–200 characters; cannot be cleared.' })
  name?: string | null;

  @Field(() => ResourceKind, { nullable: true, description: 'Kind of resource; cannot be cleared. Appointments already booked keep the resource where they hold it.' })
  kind?: ResourceKind | null;

  @Field(() => String, { nullable: true, description: 'Operational status as given (Flextell room `status`), e.g. `closed`, 1–200 characters; cannot be cleared. Only archiving stops bookings.' })
  status?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Location to move the resource to (not an archived one); null detaches it.' })
  locationId?: string | null;
}

export const ArchiveResourceInput = archiveInputType('Resource');
export type ArchiveResourceInput = InstanceType<typeof ArchiveResourceInput>;
