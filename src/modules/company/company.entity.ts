import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';

/** A customer's company (One-link `company_id`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A customer\'s company (One-link `company_id`).' })
@Entity()
export class Company extends VersionedEntity {
  @Field({ description: 'Company name.' })
  @Property({ type: 'text' })
  name!: string;
}
