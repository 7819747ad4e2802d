import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Node } from '../../shared/node.js';
import { JSONObjectScalar } from '../../shared/scalars.js';
import { User } from '../user/user.entity.js';
import { Appointment } from './appointment.entity.js';

/** What happened to an appointment. */
export enum AppointmentAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  RESCHEDULED = 'RESCHEDULED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(AppointmentAction, {
  name: 'AppointmentAction',
  description: 'What a change to an appointment did; one event per mutation.',
  valuesConfig: {
    CREATED: { description: 'The appointment was created.' },
    UPDATED: { description: 'Fields other than the time and the status changed.' },
    RESCHEDULED: { description: '`startsAt` or `endsAt` moved (other fields may have changed with them).' },
    STATUS_CHANGED: { description: 'The status changed to anything but CANCELLED.' },
    CANCELLED: { description: 'The status became CANCELLED; the booked practitioner, assistants and resources were released.' },
  },
});

/** One entry of an appointment's audit trail, written in the same transaction as the change. */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'One entry of an appointment\'s audit trail, written in the same transaction as the change.' })
@Entity()
export class AppointmentEvent extends TenantEntity {
  declare [OptionalProps]?: 'at' | 'changes' | 'createdAt' | 'updatedAt' | 'globalId';

  @ManyToOne({ entity: () => Appointment, deleteRule: 'cascade', index: true })
  appointment!: Appointment;

  @Field({ description: 'When the change was committed (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  at: Date = new Date();

  @ManyToOne({ entity: () => User, nullable: true, deleteRule: 'set null' })
  actor?: User | null;

  @Field(() => AppointmentAction, { description: 'What happened.' })
  @Enum({ items: () => AppointmentAction, nativeEnumName: 'appointment_action' })
  action!: AppointmentAction;

  @Field(() => JSONObjectScalar, { description: 'Each changed field\'s value before and after: `{ "startsAt": { "before": "…", "after": "…" } }`. Links are global ids.' })
  @Property({ type: 'json' })
  changes: Record<string, { before: unknown; after: unknown }> = {};
}
