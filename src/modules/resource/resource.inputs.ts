import { Field, ID, InputType } from 'type-graphql';
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
