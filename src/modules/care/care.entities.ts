import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';
import { Customer } from '../customer/customer.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';

/** A course of care that groups appointments (Caspen `case_id`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A course of care grouping appointments (Caspen `case_id`).' })
@Entity({ tableName: 'care_case' })
export class Case extends VersionedEntity {
  declare [OptionalProps]?: 'status' | 'createdAt' | 'updatedAt' | 'globalId';

  @Field({ description: 'Title.' })
  @Property({ type: 'text' })
  title!: string;

  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'set null', index: true })
  customer?: Customer | null;

  @Field({ description: 'Status as given, e.g. `open`, `closed`.' })
  @Property({ type: 'text' })
  status: string = 'open';
}

/** Sessions of a treatment a customer bought in advance (Caspen `client_package_id`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'Sessions of a treatment a customer bought in advance (Caspen `client_package_id`).' })
@Entity()
@Check({ name: 'client_package_sessions', expression: 'sessions_total >= 0 and sessions_used >= 0 and sessions_used <= sessions_total' })
export class ClientPackage extends VersionedEntity {
  declare [OptionalProps]?: 'sessionsUsed' | 'createdAt' | 'updatedAt' | 'globalId';

  @ManyToOne({ entity: () => Customer, deleteRule: 'cascade', index: true })
  customer!: Customer;

  @ManyToOne({ entity: () => Treatment, nullable: true, deleteRule: 'set null' })
  treatment?: Treatment | null;

  @Field(() => Int, { description: 'Sessions bought.' })
  @Property({ type: 'integer' })
  sessionsTotal!: number;

  @Field(() => Int, { description: 'Sessions used so far.' })
  @Property({ type: 'integer' })
  sessionsUsed: number = 0;
}

/** A catalogue entry explaining a cancellation (Caspen `cancellation_reason_id`). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'Why an appointment was cancelled (Caspen `cancellation_reason_id`).' })
@Entity()
export class CancellationReason extends VersionedEntity {
  @Field({ description: 'Reason, e.g. `Customer ill`.' })
  @Property({ type: 'text' })
  name!: string;
}
