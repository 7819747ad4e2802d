import { Check, Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../shared/archivable.entity.js';
import { Node } from '../../shared/node.js';
import { Customer } from '../customer/customer.entity.js';

/** A customer's utility account (Ctrl-Hub). */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A customer\'s utility account (Ctrl-Hub `account`).' })
@Entity()
export class Account extends VersionedEntity {
  @Field({ description: 'Account reference, e.g. a supply number.' })
  @Property({ type: 'text' })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'Account name.' })
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'set null', index: true })
  customer?: Customer | null;
}

/** A named daily window in local time (Ctrl-Hub `time_band`), e.g. `AM` 08:00–12:00. */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A named daily window in the organisation\'s local time (Ctrl-Hub `time_band`), e.g. AM 08:00–12:00.' })
@Entity()
@Check({ name: 'time_band_window', expression: "start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and end_time ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' and end_time > start_time" })
export class TimeBand extends VersionedEntity {
  @Field({ description: 'Name, e.g. `AM`.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Local start, `HH:MM` (inclusive).' })
  @Property({ type: 'text' })
  startTime!: string;

  @Field({ description: 'Local end, `HH:MM` (inclusive; `24:00` is midnight at the end of the day).' })
  @Property({ type: 'text' })
  endTime!: string;
}
