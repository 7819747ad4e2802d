import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { ConnectionArgs } from '../../shared/pagination.js';
import { DecimalScalar } from '../../shared/scalars.js';
import { CancellationReason, Case, ClientPackage } from '../care/care.entities.js';
import { Company } from '../company/company.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { TimeBand } from '../field-service/field-service.entities.js';
import { Operation } from '../field-service/operation.entity.js';
import { Interaction } from '../interaction/interaction.entity.js';
import { Location } from '../location/location.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Payment, PaymentKind } from '../payment/payment.entity.js';
import { Resource } from '../resource/resource.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { User } from '../user/user.entity.js';
import { AppointmentEvent } from './appointment-event.entity.js';
import { Appointment } from './appointment.entity.js';
import { AppointmentConnection } from './appointment.resolver.js';
import { amountPaid, PaymentStatus, paymentStatus } from './payment-status.js';

type Ref = { id: string } | null | undefined;

/** Relations and derived values of Appointment, all through the request's DataLoaders. */
@Resolver(() => Appointment)
export class AppointmentFieldsResolver {
  private one<T extends object>(ctx: Context, entity: new () => T, ref: Ref): Promise<T | null> | null {
    return ref ? ctx.loaders.byId(entity).load(ref.id) : null;
  }

  private payments(ctx: Context, a: Appointment) {
    return ctx.loaders.children(Payment, 'appointment', ['paidAt', 'id']).load(a.id);
  }

  @FieldResolver(() => Int, { description: 'Length in minutes, endsAt − startsAt (Caspen `duration`, One-link `duration_min`).' })
  durationMinutes(@Root() a: Appointment): number {
    return Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer.' })
  customer(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Customer, a.customer);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The practitioner (Flextell `doctor`).' })
  practitioner(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, User, a.practitioner);
  }

  @FieldResolver(() => [User], { description: 'Assistants (Flextell `assistants`).' })
  assistants(@Ctx() ctx: Context, @Root() a: Appointment) {
    return ctx.loaders.collection(Appointment, 'assistants', User).load(a.id);
  }

  @FieldResolver(() => Location, { nullable: true, description: 'Where it takes place.' })
  location(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Location, a.location);
  }

  @FieldResolver(() => Resource, { nullable: true, description: 'The room (kind ROOM).' })
  room(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Resource, a.room);
  }

  @FieldResolver(() => Resource, { nullable: true, description: 'The vehicle (kind VEHICLE).' })
  vehicle(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Resource, a.vehicle);
  }

  @FieldResolver(() => [Resource], { description: 'Other resources held (One-link `resource_id`, Caspen `resource_ids`).' })
  resources(@Ctx() ctx: Context, @Root() a: Appointment) {
    return ctx.loaders.collection(Appointment, 'resources', Resource).load(a.id);
  }

  @FieldResolver(() => [Treatment], { description: 'Treatments (services) given.' })
  treatments(@Ctx() ctx: Context, @Root() a: Appointment) {
    return ctx.loaders.collection(Appointment, 'treatments', Treatment).load(a.id);
  }

  @FieldResolver(() => Interaction, { nullable: true, description: 'The interaction it came from (Ctrl-Hub `interaction`, One-link `conversation_id`).' })
  interaction(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Interaction, a.interaction);
  }

  @FieldResolver(() => Operation, { nullable: true, description: 'The work order (Ctrl-Hub `operation`).' })
  operation(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Operation, a.operation);
  }

  @FieldResolver(() => TimeBand, { nullable: true, description: 'The time band (Ctrl-Hub `time_band`).' })
  timeBand(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, TimeBand, a.timeBand);
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The case (Caspen `case_id`).' })
  case(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Case, a.case);
  }

  @FieldResolver(() => ClientPackage, { nullable: true, description: 'The client package (Caspen `client_package_id`).' })
  clientPackage(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, ClientPackage, a.clientPackage);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company (One-link `company_id`).' })
  company(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Company, a.company);
  }

  @FieldResolver(() => Appointment, { nullable: true, description: 'The appointment this one follows up (Flextell `parent_appointment`).' })
  parentAppointment(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, Appointment, a.parentAppointment);
  }

  @FieldResolver(() => [Appointment], { description: 'Follow-ups of this appointment, by startsAt (Flextell `child_appointments`).' })
  childAppointments(@Ctx() ctx: Context, @Root() a: Appointment) {
    return ctx.loaders.children(Appointment, 'parentAppointment', ['startsAt', 'id']).load(a.id);
  }

  @FieldResolver(() => [Payment], { name: 'payments', description: 'Payments and refunds, by paidAt (One-link `payments`).' })
  paymentsField(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.payments(ctx, a);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Net amount paid: prepayments + settlements − refunds, major units of the organisation\'s currency.' })
  async amountPaid(@Ctx() ctx: Context, @Root() a: Appointment) {
    return amountPaid(await this.payments(ctx, a)).toFixed();
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of PREPAYMENT payments (One-link `prepaid_amount`).' })
  async prepaidAmount(@Ctx() ctx: Context, @Root() a: Appointment) {
    return amountPaid((await this.payments(ctx, a)).filter((p) => p.paymentKind === PaymentKind.PREPAYMENT)).toFixed();
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of SETTLEMENT payments (One-link `settlement_amount`).' })
  async settlementAmount(@Ctx() ctx: Context, @Root() a: Appointment) {
    return amountPaid((await this.payments(ctx, a)).filter((p) => p.paymentKind === PaymentKind.SETTLEMENT)).toFixed();
  }

  @FieldResolver(() => PaymentStatus, { description: 'Derived from serviceAmount and payments (One-link `payment_status`); see PaymentStatus.' })
  async paymentStatus(@Ctx() ctx: Context, @Root() a: Appointment) {
    return paymentStatus(a.serviceAmount, await this.payments(ctx, a));
  }

  @FieldResolver(() => CancellationReason, { nullable: true, description: 'Why it was cancelled (Caspen `cancellation_reason_id`).' })
  cancellationReason(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, CancellationReason, a.cancellationReason);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who created it (Ctrl-Hub `author`, One-link `created_by_id`).' })
  author(@Ctx() ctx: Context, @Root() a: Appointment) {
    return this.one(ctx, User, a.author);
  }

  @FieldResolver(() => Organisation, { description: 'The organisation it belongs to (Ctrl-Hub `organisation`).' })
  organisation(@Ctx() ctx: Context, @Root() a: Appointment) {
    return ctx.loaders.byId(Organisation).load(a.organisation.id);
  }

  @FieldResolver(() => [AppointmentEvent], { description: 'Audit trail, oldest first: every create, change, reschedule, status change and cancellation with its actor.' })
  history(@Ctx() ctx: Context, @Root() a: Appointment) {
    return ctx.loaders.children(AppointmentEvent, 'appointment', ['at', 'id']).load(a.id);
  }
}

@Resolver(() => AppointmentEvent)
export class AppointmentEventFieldsResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who made the change (the token\'s user).' })
  actor(@Ctx() ctx: Context, @Root() e: AppointmentEvent) {
    return e.actor ? ctx.loaders.byId(User).load(e.actor.id) : null;
  }
}

@Resolver(() => Customer)
export class CustomerAppointmentsResolver {
  @FieldResolver(() => AppointmentConnection, { description: 'The customer\'s appointments, by startsAt.' })
  appointments(@Ctx() ctx: Context, @Root() c: Customer, @Args() args: ConnectionArgs) {
    return ctx.loaders.childPage(Appointment, 'customer', ['startsAt', 'id'], args).load(c.id);
  }
}
