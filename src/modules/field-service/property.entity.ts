import { Entity, ManyToOne, Property as Column } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';
import { Account } from './field-service.entities.js';

/** Premises a visit happens at (Ctrl-Hub `property`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'Premises a visit happens at (Ctrl-Hub `property`).' })
@Entity()
export class Property extends VersionedEntity {
  @Field({ description: 'Street address.' })
  @Column({ type: 'text' })
  address!: string;

  @Field(() => String, { nullable: true, description: 'Postcode.' })
  @Column({ type: 'text', nullable: true })
  postcode?: string | null;

  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'set null', index: true })
  account?: Account | null;
}
