import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { Node } from '../../shared/node.js';
import { Appointment } from '../appointment/appointment.entity.js';
import { Location } from '../location/location.entity.js';
import { Resource } from '../resource/resource.entity.js';
import { User } from '../user/user.entity.js';
import { Hold } from './hold.entity.js';
import { AvailabilityInput, CreateHoldInput, CreateTimeOffInput, DeleteTimeOffInput, ReleaseHoldInput, SetWorkingHoursInput } from './scheduling.inputs.js';
import { Availability, CreateHoldPayload, CreateTimeOffPayload, DeleteTimeOffPayload, ReleaseHoldPayload, SetWorkingHoursPayload } from './scheduling.payloads.js';
import { UnavailabilityReason } from './scheduling.reason.js';
import { availability, createHold, createTimeOff, deleteTimeOff, releaseHold, setWorkingHours, timeOffOf } from './scheduling.service.js';
import { TimeOff } from './time-off.entity.js';
import { WorkingHours } from './working-hours.entity.js';

@Resolver()
export class SchedulingResolver {
  @Query(() => Availability, { description: 'When the requirements can be met at once: offered slots with the chosen bookables and, with `includeUnavailable`, every rejected candidate with its reasons. Booking uses the same rules (docs/availability.md).' })
  availability(@Ctx() ctx: Context, @Arg('input', () => AvailabilityInput, { description: 'What to search.' }) input: AvailabilityInput) {
    return availability(ctx, input);
  }

  @Mutation(() => SetWorkingHoursPayload, { description: 'Replaces the working hours of a member or resource, or the opening hours of a location. userErrors: VALIDATION.' })
  setWorkingHours(@Ctx() ctx: Context, @Arg('input', () => SetWorkingHoursInput, { description: 'The schedule.' }) input: SetWorkingHoursInput) {
    return setWorkingHours(ctx, input);
  }

  @Mutation(() => CreateTimeOffPayload, { description: 'Adds time off to a member or resource. userErrors: VALIDATION.' })
  createTimeOff(@Ctx() ctx: Context, @Arg('input', () => CreateTimeOffInput, { description: 'The time off.' }) input: CreateTimeOffInput) {
    return createTimeOff(ctx, input);
  }

  @Mutation(() => DeleteTimeOffPayload, { description: 'Deletes time off; answers it.' })
  deleteTimeOff(@Ctx() ctx: Context, @Arg('input', () => DeleteTimeOffInput, { description: 'The time off.' }) input: DeleteTimeOffInput) {
    return deleteTimeOff(ctx, input);
  }

  @Mutation(() => CreateHoldPayload, { description: 'Holds bookables for a short time while a booking is completed. userErrors: VALIDATION, OUTSIDE_AVAILABILITY, RESOURCE_UNAVAILABLE, IDEMPOTENCY_KEY_REUSED.' })
  createHold(@Ctx() ctx: Context, @Arg('input', () => CreateHoldInput, { description: 'The hold.' }) input: CreateHoldInput) {
    return createHold(ctx, input);
  }

  @Mutation(() => ReleaseHoldPayload, { description: 'Releases a hold at once; answers it.' })
  releaseHold(@Ctx() ctx: Context, @Arg('input', () => ReleaseHoldInput, { description: 'The hold.' }) input: ReleaseHoldInput) {
    return releaseHold(ctx, input);
  }
}

@Resolver(() => UnavailabilityReason)
export class UnavailabilityReasonResolver {
  @FieldResolver(() => Node, { nullable: true, description: 'The User, Resource or Location the reason is about.' })
  bookable(@Ctx() ctx: Context, @Root() reason: UnavailabilityReason) {
    const b = reason.rejection.bookable;
    if (!b) return null;
    if (b.type === 'User') return ctx.loaders.byId(User).load(b.id);
    return b.type === 'Resource' ? ctx.loaders.byId(Resource).load(b.id) : ctx.loaders.byId(Location).load(b.id);
  }

  @FieldResolver(() => Appointment, { nullable: true, description: 'The appointment that blocks (BOOKED, BUFFER).' })
  appointment(@Ctx() ctx: Context, @Root() reason: UnavailabilityReason) {
    return reason.rejection.appointmentId ? ctx.loaders.byId(Appointment).load(reason.rejection.appointmentId) : null;
  }

  @FieldResolver(() => Hold, { nullable: true, description: 'The hold that blocks (HELD).' })
  hold(@Ctx() ctx: Context, @Root() reason: UnavailabilityReason) {
    return reason.rejection.holdId ? ctx.loaders.byId(Hold).load(reason.rejection.holdId) : null;
  }
}

@Resolver(() => Hold)
export class HoldResolver {
  @FieldResolver(() => [Node], { description: 'The held Users and Resources, in the order given.' })
  async bookables(@Ctx() ctx: Context, @Root() hold: Hold) {
    return Promise.all(hold.bookables.map((b) => (b.type === 'User' ? ctx.loaders.byId(User).load(b.id) : ctx.loaders.byId(Resource).load(b.id))));
  }
}

/** Schedules by bookable id, batched per request (the field is read for lists of members and resources). */
const hoursLoaders = new WeakMap<Context, DataLoader<string, WorkingHours | null>>();

function hoursLoader(ctx: Context): DataLoader<string, WorkingHours | null> {
  let loader = hoursLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await ctx.em.find(WorkingHours, { bookableId: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.bookableId === id) ?? null);
    });
    hoursLoaders.set(ctx, loader);
  }
  return loader;
}

/** The `workingHours` and `timeOff` fields of User, Resource and Location. */
function scheduleFields(type: typeof User | typeof Resource | typeof Location) {
  @Resolver(() => type)
  class ScheduleFields {
    @FieldResolver(() => WorkingHours, { nullable: true, description: 'The working-hours schedule (for a location, its opening hours); null: always available.' })
    workingHours(@Ctx() ctx: Context, @Root() root: { id: string }) {
      requireViewer(ctx);
      return hoursLoader(ctx).load(root.id);
    }

    @FieldResolver(() => [TimeOff], { description: 'Time off overlapping `[from, to)`, by start.' })
    timeOff(
      @Ctx() ctx: Context,
      @Root() root: { id: string },
      @Arg('from', () => Date, { nullable: true, description: 'Only time off ending after this instant.' }) from?: Date | null,
      @Arg('to', () => Date, { nullable: true, description: 'Only time off starting before this instant.' }) to?: Date | null,
    ) {
      requireViewer(ctx);
      return timeOffOf(ctx, root.id, from, to);
    }
  }
  return ScheduleFields;
}

/** Every resolver of the scheduling module. */
export const schedulingResolvers: Function[] = [
  SchedulingResolver, UnavailabilityReasonResolver, HoldResolver, scheduleFields(User), scheduleFields(Resource), scheduleFields(Location),
];
