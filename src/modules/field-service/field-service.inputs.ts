import { Field, ID, InputType } from 'type-graphql';
import { UpdateInputBase } from '../../shared/crud.inputs.js';

const KEY = (what: string) => `Idempotency key: a replay with the same input answers the same ${what} (\`replayed: true\`).`;

/** Input of `createAccount`. */
@InputType({ description: 'A new utility account of a customer (Ctrl-Hub `account`).' })
export class CreateAccountInput {
  @Field({ description: 'Account reference, e.g. a supply number, 1–200 characters.' })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'Account name, at most 200 characters.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Customer who holds the account.' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: KEY('account') })
  idempotencyKey?: string | null;
}

/** Input of `createProperty`. */
@InputType({ description: 'New premises a visit happens at (Ctrl-Hub `property`).' })
export class CreatePropertyInput {
  @Field({ description: 'Street address, 1–1,000 characters.' })
  address!: string;

  @Field(() => String, { nullable: true, description: 'Postcode, at most 50 characters.' })
  postcode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Account the premises belong to.' })
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: KEY('property') })
  idempotencyKey?: string | null;
}

/** Input of `createTimeBand`. */
@InputType({ description: 'A new named daily window in the organisation\'s local time (Ctrl-Hub `time_band`), e.g. AM 08:00–12:00.' })
export class CreateTimeBandInput {
  @Field({ description: 'Name, e.g. `AM`, 1–200 characters.' })
  name!: string;

  @Field({ description: 'Local start, `HH:MM` 24-hour (`00:00`–`23:59`), inclusive.' })
  startTime!: string;

  @Field({ description: 'Local end, `HH:MM` 24-hour, after startTime; `24:00` is midnight at the end of the day.' })
  endTime!: string;

  @Field(() => String, { nullable: true, description: KEY('time band') })
  idempotencyKey?: string | null;
}

/** Input of `createOperation`. */
@InputType({ description: 'A new work order that visits belong to (Ctrl-Hub `operation`).' })
export class CreateOperationInput {
  @Field({ description: 'Work-order reference, 1–200 characters.' })
  reference!: string;

  @Field(() => String, { nullable: true, description: 'What the work is, at most 1,000 characters.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Property (premises) the work is at.' })
  propertyId?: string | null;

  @Field(() => String, { nullable: true, description: KEY('operation') })
  idempotencyKey?: string | null;
}

/** Input of `updateAccount`: only the fields present change. */
@InputType({ description: 'Changes a utility account: only the fields present change; null clears a field (not reference).' })
export class UpdateAccountInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Account reference, 1–200 characters; cannot be cleared.' })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'Account name, at most 200 characters.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Customer who holds the account; null unlinks.' })
  customerId?: string | null;
}

/** Input of `updateProperty`: only the fields present change. */
@InputType({ description: 'Changes premises: only the fields present change; null clears a field (not address).' })
export class UpdatePropertyInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Street address, 1–1,000 characters; cannot be cleared.' })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Postcode, at most 50 characters.' })
  postcode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Account the premises belong to; null unlinks.' })
  accountId?: string | null;
}

/** Input of `updateTimeBand`: only the fields present change. */
@InputType({ description: 'Changes a time band: only the fields present change; none can be cleared. Appointments already booked in it are not checked again.' })
export class UpdateTimeBandInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Name, 1–200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Local start, `HH:MM` 24-hour (`00:00`–`23:59`), before the (new or current) endTime.' })
  startTime?: string | null;

  @Field(() => String, { nullable: true, description: 'Local end, `HH:MM` 24-hour or `24:00`, after the (new or current) startTime.' })
  endTime?: string | null;
}

/** Input of `updateOperation`: only the fields present change. */
@InputType({ description: 'Changes a work order: only the fields present change; null clears a field (not reference).' })
export class UpdateOperationInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Work-order reference, 1–200 characters; cannot be cleared.' })
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'What the work is, at most 1,000 characters.' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Property (premises) the work is at; null unlinks.' })
  propertyId?: string | null;
}
