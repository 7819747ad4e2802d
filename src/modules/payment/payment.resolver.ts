import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { payloadType } from '../../shared/mutation.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Payment } from './payment.entity.js';
import { RecordPaymentInput } from './payment.inputs.js';
import { recordPayment } from './payment.service.js';

export const PaymentConnection = connectionType(Payment);
export const RecordPaymentPayload = payloadType('RecordPaymentPayload', 'payment', Payment);

@Resolver(() => Payment)
export class PaymentResolver {
  @FieldResolver(() => Appointment, { description: 'The appointment paid for.' })
  appointment(@Ctx() ctx: Context, @Root() p: Payment) {
    return ctx.loaders.byId(Appointment).load(p.appointment.id);
  }

  @Mutation(() => RecordPaymentPayload, { description: 'Records a payment or refund for an appointment.' })
  recordPayment(@Ctx() ctx: Context, @Arg('input', () => RecordPaymentInput, { description: 'The mutation input.' }) input: RecordPaymentInput) {
    return recordPayment(ctx, input);
  }
}

@Resolver(() => Customer)
export class CustomerPaymentsResolver {
  @FieldResolver(() => PaymentConnection, { description: 'Payments taken from the customer, by paidAt.' })
  payments(@Ctx() ctx: Context, @Root() c: Customer, @Args() args: ConnectionArgs) {
    return ctx.loaders.childPage(Payment, 'customer', ['paidAt', 'id'], args).load(c.id);
  }
}
