import type { Context } from '../../app/context.js';
import { UserErrorCode, UserErrorList } from '../../shared/errors.js';
import { findByGlobalId } from '../../shared/lookup.js';
import { idempotent, runMutation } from '../../shared/mutation.js';
import { moneyProblem } from '../appointment/appointment.rules.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { toGlobalId } from '../../shared/global-id.js';
import { entityPayload, OutboxEventType, stageEvent } from '../events/outbox.js';
import { Payment } from './payment.entity.js';
import type { RecordPaymentInput } from './payment.inputs.js';

/**
 * `recordPayment`: adds a payment or refund to an appointment; `amountPaid` and `paymentStatus`
 * follow. userErrors: VALIDATION (amount < 0 or too many decimals). NOT_FOUND for the appointment.
 */
export function recordPayment(ctx: Context, input: RecordPaymentInput) {
  return runMutation(ctx, (em) =>
    idempotent(em, ctx, 'recordPayment', input, Payment, async () => {
      const appointment = await findByGlobalId(em, Appointment, input.appointmentId, 'appointmentId');
      const errors = new UserErrorList();
      const problem = moneyProblem(input.amount, ctx.viewer!.currency);
      if (problem) errors.add(UserErrorCode.VALIDATION, `amount ${problem}.`, ['input', 'amount']);
      errors.throwIfAny();
      const payment = em.create(Payment, {
        organisation: ctx.viewer!.organisationId,
        appointment,
        customer: appointment.customer ?? null,
        amount: input.amount,
        paymentKind: input.paymentKind,
        paymentMethod: input.paymentMethod ?? null,
        paidAt: input.paidAt ?? new Date(),
      });
      stageEvent(em, { type: OutboxEventType.PAYMENT_RECORDED, objectId: toGlobalId('Payment', payment.id), payload: () => entityPayload(em, payment) });
      return payment;
    }),
  );
}
