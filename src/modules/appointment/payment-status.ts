import { Decimal } from 'decimal.js';
import { registerEnumType } from 'type-graphql';
import { PaymentKind } from '../payment/payment.entity.js';

/** How much of an appointment is paid (One-link `payment_status`), derived, never stored. */
export enum PaymentStatus {
  UNPAID = 'UNPAID',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
  REFUNDED = 'REFUNDED',
}
registerEnumType(PaymentStatus, {
  name: 'PaymentStatus',
  description:
    'Derived from serviceAmount and payments (net = prepayments + settlements − refunds); never stored.',
  valuesConfig: {
    UNPAID: { description: 'Nothing paid: net is 0 and there was no refund.' },
    PARTIALLY_PAID: { description: 'Net is above 0 but below serviceAmount.' },
    PAID: { description: 'Net ≥ serviceAmount, or serviceAmount is not set and net > 0.' },
    REFUNDED: { description: 'Refunds brought a paid amount back to ≤ 0.' },
  },
});

/** Net amount paid: PREPAYMENT + SETTLEMENT − REFUND, exact. */
export function amountPaid(payments: readonly { amount: string; paymentKind: PaymentKind }[]): Decimal {
  return payments.reduce((sum, p) => (p.paymentKind === PaymentKind.REFUND ? sum.minus(p.amount) : sum.plus(p.amount)), new Decimal(0));
}

/** The derived {@link PaymentStatus}; see the enum's description for the rule. */
export function paymentStatus(serviceAmount: string | null | undefined, payments: readonly { amount: string; paymentKind: PaymentKind }[]): PaymentStatus {
  const net = amountPaid(payments);
  if (payments.some((p) => p.paymentKind === PaymentKind.REFUND) && net.lte(0)) return PaymentStatus.REFUNDED;
  if (net.lte(0)) return serviceAmount != null && new Decimal(serviceAmount).isZero() ? PaymentStatus.PAID : PaymentStatus.UNPAID;
  if (serviceAmount == null || net.gte(serviceAmount)) return PaymentStatus.PAID;
  return PaymentStatus.PARTIALLY_PAID;
}
