import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { AppointmentSeries, TreatmentPlan } from './series.entity.js';
import { BookTreatmentPlanInput, CreateAppointmentSeriesInput, UpdateTreatmentPlanInput } from './series.inputs.js';
import { BookTreatmentPlanPayload, CreateAppointmentSeriesPayload, UpdateTreatmentPlanPayload } from './series.payloads.js';
import { createAppointmentSeries } from './series.service.js';
import { bookTreatmentPlan, updateTreatmentPlan } from './treatment-plan.service.js';
import { WaitlistResolver } from './waitlist.resolver.js';

@Resolver(() => AppointmentSeries)
export class AppointmentSeriesResolver {
  @Mutation(() => CreateAppointmentSeriesPayload, { description: 'Books a recurring appointment: an RFC 5545 RRULE expanded in a time zone, every occurrence checked by the rules of createAppointment (docs/series.md).' })
  createAppointmentSeries(@Ctx() ctx: Context, @Arg('input', () => CreateAppointmentSeriesInput, { description: 'The mutation input.' }) input: CreateAppointmentSeriesInput) {
    return createAppointmentSeries(ctx, input);
  }

  @FieldResolver(() => [Appointment], { description: 'Its appointments in occurrence order (occurrences that could not be booked have none; cancelled ones are included).' })
  appointments(@Ctx() ctx: Context, @Root() series: AppointmentSeries) {
    return ctx.loaders.children(Appointment, 'series', ['occurrence', 'id']).load(series.id);
  }
}

@Resolver(() => TreatmentPlan)
export class TreatmentPlanResolver {
  @Mutation(() => BookTreatmentPlanPayload, { description: 'Books a treatment\'s session plan for a customer: each session at the first slot the availability engine offers within its tolerance window (docs/series.md).' })
  bookTreatmentPlan(@Ctx() ctx: Context, @Arg('input', () => BookTreatmentPlanInput, { description: 'The mutation input.' }) input: BookTreatmentPlanInput) {
    return bookTreatmentPlan(ctx, input);
  }

  @Mutation(() => UpdateTreatmentPlanPayload, { description: 'Moves or cancels one session of a treatment plan; `shiftFollowing` says whether the later sessions are placed again by the plan\'s rule.' })
  updateTreatmentPlan(@Ctx() ctx: Context, @Arg('input', () => UpdateTreatmentPlanInput, { description: 'The mutation input.' }) input: UpdateTreatmentPlanInput) {
    return updateTreatmentPlan(ctx, input);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the plan is for.' })
  customer(@Ctx() ctx: Context, @Root() plan: TreatmentPlan) {
    return plan.customer ? ctx.loaders.byId(Customer).load(plan.customer.id) : null;
  }

  @FieldResolver(() => Treatment, { description: 'The treatment whose session plan it books.' })
  treatment(@Ctx() ctx: Context, @Root() plan: TreatmentPlan) {
    return ctx.loaders.byId(Treatment).load(plan.treatment.id);
  }

  @FieldResolver(() => [Appointment], { description: 'Its appointments in session order (a session moved by cancelling and booking again may have several; cancelled ones are included).' })
  appointments(@Ctx() ctx: Context, @Root() plan: TreatmentPlan) {
    return ctx.loaders.children(Appointment, 'treatmentPlan', ['sessionOrder', 'startsAt', 'id']).load(plan.id);
  }
}

/** The series and plan links of Appointment. */
@Resolver(() => Appointment)
export class AppointmentSeriesFieldsResolver {
  @FieldResolver(() => AppointmentSeries, { nullable: true, description: 'The recurring series it belongs to; null outside a series.' })
  series(@Ctx() ctx: Context, @Root() a: Appointment) {
    return a.series ? ctx.loaders.byId(AppointmentSeries).load(a.series.id) : null;
  }

  @FieldResolver(() => TreatmentPlan, { nullable: true, description: 'The treatment plan it is a session of; null outside a plan.' })
  treatmentPlan(@Ctx() ctx: Context, @Root() a: Appointment) {
    return a.treatmentPlan ? ctx.loaders.byId(TreatmentPlan).load(a.treatmentPlan.id) : null;
  }
}

/** Resolvers of the series module. */
export const seriesResolvers: Function[] = [AppointmentSeriesResolver, TreatmentPlanResolver, AppointmentSeriesFieldsResolver, WaitlistResolver];
