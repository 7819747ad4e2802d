import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { payloadType } from '../../shared/mutation.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Customer } from '../customer/customer.entity.js';
import { Hold } from '../scheduling/hold.entity.js';
import { Treatment } from '../treatment/treatment.entity.js';
import { fromGlobalId } from '../../shared/global-id.js';
import { WaitlistEntry } from './waitlist.entity.js';
import { JoinWaitlistInput, LeaveWaitlistInput, WaitlistFilter } from './waitlist.inputs.js';
import { joinWaitlist, leaveWaitlist, waitlistEntries } from './waitlist.service.js';

const JoinWaitlistPayload = payloadType('JoinWaitlistPayload', 'waitlistEntry', WaitlistEntry, { idempotent: false });
const LeaveWaitlistPayload = payloadType('LeaveWaitlistPayload', 'waitlistEntry', WaitlistEntry, { idempotent: false });
export const WaitlistEntryConnection = connectionType(WaitlistEntry);

@Resolver(() => WaitlistEntry)
export class WaitlistResolver {
  @Query(() => WaitlistEntryConnection, { description: 'Waitlist entries of the organisation in join order (keyset cursors).' })
  waitlistEntries(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => WaitlistFilter, { nullable: true, description: 'Conditions that must all hold.' }) filter?: WaitlistFilter,
  ) {
    return waitlistEntries(ctx, args, filter);
  }

  @Mutation(() => JoinWaitlistPayload, { description: 'Puts a customer on the waitlist: the first matching slot freed later is held for them, in join order (docs/series.md).' })
  joinWaitlist(@Ctx() ctx: Context, @Arg('input', () => JoinWaitlistInput, { description: 'The mutation input.' }) input: JoinWaitlistInput) {
    return joinWaitlist(ctx, input);
  }

  @Mutation(() => LeaveWaitlistPayload, { description: 'Takes an entry off the waitlist; an open offer is released and passes to the next entry.' })
  leaveWaitlist(@Ctx() ctx: Context, @Arg('input', () => LeaveWaitlistInput, { description: 'The mutation input.' }) input: LeaveWaitlistInput) {
    return leaveWaitlist(ctx, input);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer waiting.' })
  customer(@Ctx() ctx: Context, @Root() entry: WaitlistEntry) {
    return ctx.loaders.byId(Customer).load(entry.customer.id);
  }

  @FieldResolver(() => [Treatment], { description: 'The treatments wanted.' })
  async treatments(@Ctx() ctx: Context, @Root() entry: WaitlistEntry) {
    const found = await ctx.loaders.byId(Treatment).loadMany(entry.treatmentIds.map((g) => fromGlobalId(g)!.id));
    return found.filter((t): t is Treatment => t instanceof Treatment);
  }

  @FieldResolver(() => Hold, { nullable: true, description: 'The slot held for the customer while OFFERED: book it with `createAppointment(input: { holdId })` before its `expiresAt`.' })
  offer(@Ctx() ctx: Context, @Root() entry: WaitlistEntry) {
    return entry.offer ? ctx.loaders.byId(Hold).load(entry.offer.id) : null;
  }
}
