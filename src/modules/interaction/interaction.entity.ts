import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Node } from '../../shared/node.js';
import { Customer } from '../customer/customer.entity.js';
import { Account } from '../field-service/field-service.entities.js';
import { Property as Premises } from '../field-service/property.entity.js';
import { User } from '../user/user.entity.js';
import { InteractionDirection, InteractionMethod, InteractionStatus } from './interaction-enums.js';

/** A contact event with a customer (Ctrl-Hub interaction; One-link `conversation_id`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A contact event with a customer (Ctrl-Hub interaction, One-link conversation).' })
@Entity()
@Index({ properties: ['organisation', 'dateTime'] })
@Check({ name: 'interaction_notes_length', expression: 'char_length(notes) <= 1000' })
export class Interaction extends TenantEntity {
  declare [OptionalProps]?: 'contacted' | 'status' | 'createdAt' | 'updatedAt' | 'globalId';

  @Field(() => InteractionMethod, { description: 'Channel (Ctrl-Hub `method`).' })
  @Enum({ items: () => InteractionMethod, nativeEnumName: 'interaction_method' })
  method!: InteractionMethod;

  @Field(() => InteractionDirection, { description: 'Who started it (Ctrl-Hub `direction`).' })
  @Enum({ items: () => InteractionDirection, nativeEnumName: 'interaction_direction' })
  direction!: InteractionDirection;

  @Field({ description: 'When it happened or is planned (Ctrl-Hub `date_time`, RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  dateTime!: Date;

  @Field({ description: 'Whether the customer was reached (Ctrl-Hub `contacted`).' })
  @Property({ type: 'boolean' })
  contacted: boolean = false;

  @Field(() => InteractionStatus, { description: 'State (Ctrl-Hub `status`).' })
  @Enum({ items: () => InteractionStatus, nativeEnumName: 'interaction_status' })
  status: InteractionStatus = InteractionStatus.SCHEDULED;

  @Field(() => String, { nullable: true, description: 'Notes, at most 1,000 characters.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'set null', index: true })
  contact?: Customer | null;

  @ManyToOne({ entity: () => Account, nullable: true, deleteRule: 'set null' })
  account?: Account | null;

  @ManyToOne({ entity: () => Premises, nullable: true, deleteRule: 'set null' })
  property?: Premises | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  representative?: User | null;

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  author?: User | null;
}
