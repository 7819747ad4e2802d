import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { ArchivableEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';

/** Where appointments happen (Caspen `location_id`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'Where appointments happen (Caspen `location_id`).' })
@Entity()
export class Location extends ArchivableEntity {
  @Field({ description: 'Name, e.g. `Central clinic`.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the location; null means the organisation\'s.' })
  @Property({ type: 'text', nullable: true })
  timeZone?: string | null;
}
