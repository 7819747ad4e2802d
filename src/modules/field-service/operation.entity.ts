import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';
import { Property as Premises } from './property.entity.js';

/** A work order that visits belong to (Ctrl-Hub `operation`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A work order that visits belong to (Ctrl-Hub `operation`).' })
@Entity()
export class Operation extends VersionedEntity {
  @Field({ description: 'Work-order reference.' })
  @Property({ type: 'text' })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'What the work is.' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @ManyToOne({ entity: () => Premises, nullable: true, deleteRule: 'set null', index: true })
  property?: Premises | null;
}
