import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { filterIdOf as idOf } from '../../shared/global-id.js';
import { ConnectionArgs, connectionType, paginate } from '../../shared/pagination.js';
import { Appointment } from './appointment.entity.js';
import { AppointmentFilter, CancelAppointmentInput, CreateAppointmentInput, UpdateAppointmentInput } from './appointment.inputs.js';
import { CancelAppointmentPayload, CreateAppointmentPayload, UpdateAppointmentPayload } from './appointment.payloads.js';
import { cancelAppointment, createAppointment, updateAppointment } from './appointment.service.js';

export const AppointmentConnection = connectionType(Appointment);

/** The MikroORM condition of an {@link AppointmentFilter}; soft-deleted appointments never match. */
export function appointmentWhere(filter: AppointmentFilter | null | undefined): Record<string, unknown> {
  const where: Record<string, unknown>[] = [{ deletedAt: null }];
  if (filter?.from) where.push({ endsAt: { $gt: filter.from } });
  if (filter?.to) where.push({ startsAt: { $lt: filter.to } });
  if (filter?.status?.length) where.push({ status: { $in: filter.status } });
  if (filter?.practitionerId) where.push({ practitioner: idOf(filter.practitionerId, 'User') });
  if (filter?.customerId) where.push({ customer: idOf(filter.customerId, 'Customer') });
  if (filter?.locationId) where.push({ location: idOf(filter.locationId, 'Location') });
  if (filter?.resourceId) {
    const id = idOf(filter.resourceId, 'Resource');
    where.push({ $or: [{ room: id }, { vehicle: id }, { resources: id }] });
  }
  return { $and: where };
}

@Resolver(() => Appointment)
export class AppointmentResolver {
  @Query(() => AppointmentConnection, { description: 'Appointments of the organisation, by startsAt then id (keyset cursors).' })
  appointments(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => AppointmentFilter, { nullable: true, description: 'Conditions that must all hold.' }) filter?: AppointmentFilter,
  ) {
    requireViewer(ctx);
    return paginate(ctx.em, Appointment, appointmentWhere(filter), args, ['startsAt', 'id']);
  }

  @Mutation(() => CreateAppointmentPayload, { description: 'Books an appointment (Ctrl-Hub seed 000, Flextell 001, One-link 002). Nothing is double-booked: a busy practitioner, assistant, room, vehicle or resource answers RESOURCE_UNAVAILABLE.' })
  createAppointment(@Ctx() ctx: Context, @Arg('input', () => CreateAppointmentInput, { description: 'The mutation input.' }) input: CreateAppointmentInput) {
    return createAppointment(ctx, input);
  }

  @Mutation(() => UpdateAppointmentPayload, { description: 'Changes an appointment (Caspen seed 003): any field, status by the allowed moves; every rule is checked again.' })
  updateAppointment(@Ctx() ctx: Context, @Arg('input', () => UpdateAppointmentInput, { description: 'The mutation input.' }) input: UpdateAppointmentInput) {
    return updateAppointment(ctx, input);
  }

  @Mutation(() => CancelAppointmentPayload, { description: 'Cancels an appointment (status CANCELLED, cancelledAt stamped); its slot becomes free.' })
  cancelAppointment(@Ctx() ctx: Context, @Arg('input', () => CancelAppointmentInput, { description: 'The mutation input.' }) input: CancelAppointmentInput) {
    return cancelAppointment(ctx, input);
  }
}
