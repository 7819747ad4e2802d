import { Field, ID, InputType } from 'type-graphql';
import { InteractionDirection, InteractionMethod, InteractionStatus } from './interaction-enums.js';

/** Fields of an interaction (Ctrl-Hub seed 004). Links are global ids. */
@InputType({ description: 'Fields of an interaction (Ctrl-Hub seed 004).' })
export class InteractionFieldsInput {
  @Field(() => InteractionMethod, { nullable: true, description: 'Channel (Ctrl-Hub `method`); required on create.' })
  method?: InteractionMethod | null;

  @Field(() => InteractionDirection, { nullable: true, description: 'INBOUND or OUTBOUND (Ctrl-Hub `direction`); required on create.' })
  direction?: InteractionDirection | null;

  @Field(() => Date, { nullable: true, description: 'When it happened or is planned (Ctrl-Hub `date_time`); required on create.' })
  dateTime?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the customer was reached (Ctrl-Hub `contacted`, default false).' })
  contacted?: boolean | null;

  @Field(() => InteractionStatus, { nullable: true, description: 'State (Ctrl-Hub `status`, default SCHEDULED).' })
  status?: InteractionStatus | null;

  @Field(() => String, { nullable: true, description: 'Notes, ≤ 1,000 characters (Ctrl-Hub `notes`).' })
  notes?: string | null;

  @Field(() => ID, { nullable: true, description: 'The customer contacted (Ctrl-Hub `contact`).' })
  contactId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The customer\'s account (Ctrl-Hub `account`).' })
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The premises (Ctrl-Hub `property`).' })
  propertyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member who handled it (Ctrl-Hub `representative`).' })
  representativeId?: string | null;
}

@InputType({ description: 'A new interaction (Ctrl-Hub seed 004). `author` is the token\'s user.' })
export class CreateInteractionInput extends InteractionFieldsInput {
  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay answers the same interaction with `replayed: true`.' })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A partial update of an interaction: only the fields present change.' })
export class UpdateInteractionInput extends InteractionFieldsInput {
  @Field(() => ID, { description: 'The interaction.' })
  id!: string;
}

@InputType({ description: 'Filters of `interactions`; all given conditions must hold.' })
export class InteractionFilter {
  @Field(() => Date, { nullable: true, description: 'Only interactions at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only interactions before this instant.' })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer\'s interactions.' })
  contactId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this representative\'s interactions.' })
  representativeId?: string | null;

  @Field(() => [InteractionStatus], { nullable: true, description: 'Only these statuses.' })
  status?: InteractionStatus[] | null;

  @Field(() => [InteractionMethod], { nullable: true, description: 'Only these channels.' })
  method?: InteractionMethod[] | null;

  @Field(() => InteractionDirection, { nullable: true, description: 'Only this direction.' })
  direction?: InteractionDirection | null;
}
