import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../shared/scalars.js';
import { PaymentKind } from './payment.entity.js';

/** Input of `recordPayment`. */
@InputType({ description: 'Money taken or refunded for an appointment.' })
export class RecordPaymentInput {
  @Field(() => ID, { description: 'The appointment paid for.' })
  appointmentId!: string;

  @Field(() => DecimalScalar, { description: 'Amount ≥ 0 in major units of the organisation\'s currency, with at most its minor-unit digits (GBP: 2).' })
  amount!: string;

  @Field(() => PaymentKind, { description: 'PREPAYMENT, SETTLEMENT or REFUND.' })
  paymentKind!: PaymentKind;

  @Field(() => String, { nullable: true, description: 'How it was paid, e.g. `card`, `cash`.' })
  paymentMethod?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the money moved (default: now).' })
  paidAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay answers the same payment with `replayed: true`.' })
  idempotencyKey?: string | null;
}
