import { Field, ID, InputType } from 'type-graphql';
import { BookableRequirement } from '../scheduling/scheduling.inputs.js';
import { WaitlistStatus } from './waitlist.entity.js';

/** Input of `joinWaitlist`. */
@InputType({ description: 'A customer joins the waitlist for treatments with some bookables within a window.' })
export class JoinWaitlistInput {
  @Field(() => ID, { description: 'The customer waiting.' })
  customerId!: string;

  @Field(() => [ID], { description: 'The treatments wanted (at least one): their durations, buffers and performers apply to an offer.' })
  treatmentIds!: string[];

  @Field(() => [BookableRequirement], { description: 'Who and what is needed, as in `availability`.' })
  requirements!: BookableRequirement[];

  @Field({ description: 'Earliest start wanted (RFC 3339).' })
  from!: Date;

  @Field({ description: 'Latest end wanted, exclusive (RFC 3339); at most WAITLIST_MAX_WINDOW_DAYS (90) after `from`.' })
  to!: Date;

  @Field(() => Date, { nullable: true, description: 'When the entry stops waiting; default `to`.' })
  expiresAt?: Date | null;
}

/** Input of `leaveWaitlist`. */
@InputType({ description: 'Leaves the waitlist; an open offer is released and passes to the next entry.' })
export class LeaveWaitlistInput {
  @Field(() => ID, { description: 'The WaitlistEntry.' })
  id!: string;
}

/** Filter of `waitlistEntries`. */
@InputType({ description: 'Filters of `waitlistEntries`; all given conditions must hold.' })
export class WaitlistFilter {
  @Field(() => [WaitlistStatus], { nullable: true, description: 'Only these statuses.' })
  status?: WaitlistStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer\'s entries.' })
  customerId?: string | null;
}
