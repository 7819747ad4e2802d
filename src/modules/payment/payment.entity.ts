import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { Node } from '../../shared/node.js';
import { DecimalScalar } from '../../shared/scalars.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { Customer } from '../customer/customer.entity.js';

/** What a payment is for (One-link `payment_kind`). */
export enum PaymentKind {
  PREPAYMENT = 'PREPAYMENT',
  SETTLEMENT = 'SETTLEMENT',
  REFUND = 'REFUND',
}
registerEnumType(PaymentKind, {
  name: 'PaymentKind',
  description: 'Why money moved; decides how a payment counts towards `amountPaid`.',
  valuesConfig: {
    PREPAYMENT: { description: 'Paid before the visit (One-link `prepaid_amount`).' },
    SETTLEMENT: { description: 'Paid at or after the visit (One-link `settlement_amount`).' },
    REFUND: { description: 'Money returned to the customer; subtracted from `amountPaid`.' },
  },
});

/** Money taken (or refunded) for an appointment. */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'Money taken or refunded for an appointment (One-link `payments[]`).' })
@Entity()
@Index({ properties: ['organisation', 'paidAt'] })
@Check({ name: 'payment_amount_non_negative', expression: 'amount >= 0' })
export class Payment extends TenantEntity {
  declare [OptionalProps]?: 'paidAt' | 'createdAt' | 'updatedAt' | 'globalId';

  @ManyToOne({ entity: () => Appointment, deleteRule: 'cascade', index: true })
  appointment!: Appointment;

  /** The appointment's customer when the payment was taken (serves `Customer.payments`). */
  @ManyToOne({ entity: () => Customer, nullable: true, deleteRule: 'set null', index: true })
  customer?: Customer | null;

  @Field(() => DecimalScalar, { description: 'Amount, ≥ 0, major units of the organisation\'s currency (a REFUND is also positive).' })
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount!: string;

  @Field(() => String, { nullable: true, description: 'How it was paid, as given (One-link `prepaid_payment_method`), e.g. `card`, `cash`, `kaspi`.' })
  @Property({ type: 'text', nullable: true })
  paymentMethod?: string | null;

  @Field(() => PaymentKind, { description: 'Prepayment, settlement or refund.' })
  @Enum({ items: () => PaymentKind, nativeEnumName: 'payment_kind' })
  paymentKind!: PaymentKind;

  @Field({ description: 'When the money moved (RFC 3339, UTC).' })
  @Property({ type: 'datetime' })
  paidAt: Date = new Date();
}
