import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ArchivableEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';
import { Location } from '../location/location.entity.js';

/** What kind of bookable thing a resource is. */
export enum ResourceKind {
  ROOM = 'ROOM',
  VEHICLE = 'VEHICLE',
  EQUIPMENT = 'EQUIPMENT',
  OTHER = 'OTHER',
}
registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description: 'What a resource is. ROOM goes in `roomId`, VEHICLE in `vehicleId`; any kind may go in `resourceIds`.',
  valuesConfig: {
    ROOM: { description: 'A treatment or consulting room; bookable as an appointment\'s `roomId`.' },
    VEHICLE: { description: 'A vehicle of a field-service team; bookable as an appointment\'s `vehicleId`.' },
    EQUIPMENT: { description: 'A device or tool (a laser, a scanner); bookable in `resourceIds`.' },
    OTHER: { description: 'Anything else that can be booked once at a time; bookable in `resourceIds`.' },
  },
});

/** A bookable thing: room (Flextell/Caspen), vehicle (Caspen), equipment or other (One-link `resource_id`, Caspen `resource_ids`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A bookable thing: a room, a vehicle, equipment. Never double-booked.' })
@Entity()
export class Resource extends ArchivableEntity {
  declare [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'globalId';

  @Field({ description: 'Name, e.g. `Room 1`.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => ResourceKind, { description: 'Kind of resource.' })
  @Enum({ items: () => ResourceKind, nativeEnumName: 'resource_kind' })
  kind!: ResourceKind;

  @Field({ description: 'Operational status as given (Flextell room `status`), e.g. `active`.' })
  @Property({ type: 'text' })
  status: string = 'active';

  @ManyToOne({ entity: () => Location, nullable: true, deleteRule: 'set null', index: true })
  location?: Location | null;
}
