import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import { Appointment } from '../appointment/appointment.entity.js';
import { Hold } from '../scheduling/hold.entity.js';
import { appointmentChanges, scheduleChanges, type SubscriptionContext } from './events.service.js';
import { AppointmentChange, AppointmentEventFilter, ScheduleChange } from './events.types.js';

interface AppointmentEventsArgs {
  filter?: AppointmentEventFilter | null;
  resumeAfter?: string | null;
}

interface ScheduleChangedArgs {
  bookableIds: string[];
  from: Date;
  to: Date;
  resumeAfter?: string | null;
}

const RESUME = 'The last `eventId` received before: the events committed after it are sent first (from the outbox), then live ones, each once. Absent: from now on.';

@Resolver(() => AppointmentChange)
export class AppointmentChangeResolver {
  @Subscription(() => AppointmentChange, {
    description: 'Committed appointment changes of the organisation, in commit order, over WebSocket (graphql-transport-ws) at /graphql (docs/subscriptions.md). Any role. Errors: UNAUTHENTICATED, BAD_USER_INPUT, RESUME_EXPIRED, SUBSCRIPTION_OVERFLOW.',
    subscribe: ({ args, context }) => appointmentChanges(context as SubscriptionContext, (args as AppointmentEventsArgs).filter, (args as AppointmentEventsArgs).resumeAfter),
  })
  appointmentEvents(
    @Root() change: AppointmentChange,
    @Arg('filter', () => AppointmentEventFilter, { nullable: true, description: 'Which appointments; absent: all of the organisation.' }) _filter?: AppointmentEventFilter,
    @Arg('resumeAfter', () => ID, { nullable: true, description: RESUME }) _resumeAfter?: string,
  ): AppointmentChange {
    return change;
  }

  @FieldResolver(() => Appointment, { nullable: true, description: 'The appointment as it is when the event is sent (read through the same loaders as queries); null if it can no longer be read.' })
  appointment(@Ctx() ctx: SubscriptionContext, @Root() change: AppointmentChange) {
    return ctx.loaders.byId(Appointment).load(change.appointmentUuid);
  }
}

@Resolver(() => ScheduleChange)
export class ScheduleChangeResolver {
  @Subscription(() => ScheduleChange, {
    description: 'Committed changes that touch the schedules of the given members or resources over [from, to): appointments booked, moved, changed or cancelled, holds taken, released or expired. For calendar views; over WebSocket like appointmentEvents. Errors: UNAUTHENTICATED, BAD_USER_INPUT, RESUME_EXPIRED, SUBSCRIPTION_OVERFLOW.',
    subscribe: ({ args, context }) => {
      const a = args as ScheduleChangedArgs;
      return scheduleChanges(context as SubscriptionContext, a.bookableIds, a.from, a.to, a.resumeAfter);
    },
  })
  scheduleChanged(
    @Root() change: ScheduleChange,
    @Arg('bookableIds', () => [ID], { description: 'Members and resources to watch (1 to 100).' }) _bookableIds: string[],
    @Arg('from', () => Date, { description: 'Start of the watched period, inclusive (RFC 3339).' }) _from: Date,
    @Arg('to', () => Date, { description: 'End of the watched period, exclusive (RFC 3339).' }) _to: Date,
    @Arg('resumeAfter', () => ID, { nullable: true, description: RESUME }) _resumeAfter?: string,
  ): ScheduleChange {
    return change;
  }

  @FieldResolver(() => Appointment, { nullable: true, description: 'The changed appointment as it is when the event is sent; null for a hold.' })
  appointment(@Ctx() ctx: SubscriptionContext, @Root() change: ScheduleChange) {
    return change.appointmentUuid ? ctx.loaders.byId(Appointment).load(change.appointmentUuid) : null;
  }

  @FieldResolver(() => Hold, { nullable: true, description: 'The hold, while it exists (null once released or consumed, and for an appointment).' })
  hold(@Ctx() ctx: SubscriptionContext, @Root() change: ScheduleChange) {
    return change.holdUuid ? ctx.loaders.byId(Hold).load(change.holdUuid) : null;
  }
}

/** The resolvers of the events module. */
export const eventsResolvers = [AppointmentChangeResolver, ScheduleChangeResolver];
