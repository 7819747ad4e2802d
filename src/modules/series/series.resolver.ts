import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { AppointmentSeries } from './series.entity.js';
import { CreateAppointmentSeriesInput } from './series.inputs.js';
import { CreateAppointmentSeriesPayload } from './series.payloads.js';
import { createAppointmentSeries } from './series.service.js';

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

/** The series and plan links of Appointment. */
@Resolver(() => Appointment)
export class AppointmentSeriesFieldsResolver {
  @FieldResolver(() => AppointmentSeries, { nullable: true, description: 'The recurring series it belongs to; null outside a series.' })
  series(@Ctx() ctx: Context, @Root() a: Appointment) {
    return a.series ? ctx.loaders.byId(AppointmentSeries).load(a.series.id) : null;
  }
}

/** Resolvers of the series module. */
export const seriesResolvers: Function[] = [AppointmentSeriesResolver, AppointmentSeriesFieldsResolver];
