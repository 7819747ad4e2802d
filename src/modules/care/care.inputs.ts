import { Field, ID, InputType, Int } from 'type-graphql';
import { UpdateInputBase } from '../../shared/crud.inputs.js';

const KEY = (what: string) => `Idempotency key: a replay with the same input answers the same ${what} (\`replayed: true\`).`;

/** Input of `createCase`. */
@InputType({ description: 'A new course of care grouping appointments (Caspen `case_id`).' })
export class CreateCaseInput {
  @Field({ description: 'Title, 1–200 characters.' })
  title!: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the Customer the case is for.' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Status as given, e.g. `open`, `closed`; 1–200 characters, default `open`.' })
  status?: string | null;

  @Field(() => String, { nullable: true, description: KEY('case') })
  idempotencyKey?: string | null;
}

/** Input of `createClientPackage`. */
@InputType({ description: 'Sessions of a treatment a customer bought in advance (Caspen `client_package_id`).' })
export class CreateClientPackageInput {
  @Field(() => ID, { description: 'Global id of the Customer who bought the package.' })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'Global id of the Treatment the sessions are for.' })
  treatmentId?: string | null;

  @Field(() => Int, { description: 'Sessions bought, ≥ 0.' })
  sessionsTotal!: number;

  @Field(() => Int, { nullable: true, description: 'Sessions already used, 0–sessionsTotal; default 0.' })
  sessionsUsed?: number | null;

  @Field(() => String, { nullable: true, description: KEY('client package') })
  idempotencyKey?: string | null;
}

/** Input of `createCancellationReason`. */
@InputType({ description: 'A new catalogue entry explaining a cancellation (Caspen `cancellation_reason_id`).' })
export class CreateCancellationReasonInput {
  @Field({ description: 'Reason, e.g. `Customer ill`, 1–1,000 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: KEY('cancellation reason') })
  idempotencyKey?: string | null;
}

/** Input of `updateCase`: only the fields present change. */
@InputType({ description: 'Changes a course of care: only the fields present change; null clears customerId (title and status cannot be cleared).' })
export class UpdateCaseInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Title, 1–200 characters.' })
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the Customer the case is for; null unlinks.' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Status as given, e.g. `closed`; 1–200 characters.' })
  status?: string | null;
}

/** Input of `updateClientPackage`: only the fields present change. */
@InputType({ description: 'Changes a client package: only the fields present change. The customer who bought it cannot change.' })
export class UpdateClientPackageInput extends UpdateInputBase {
  @Field(() => ID, { nullable: true, description: 'Global id of the Treatment the sessions are for; null unlinks.' })
  treatmentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Sessions bought, ≥ sessionsUsed; cannot be cleared.' })
  sessionsTotal?: number | null;

  @Field(() => Int, { nullable: true, description: 'Sessions used, 0–sessionsTotal; cannot be cleared.' })
  sessionsUsed?: number | null;
}

/** Input of `updateCancellationReason`. */
@InputType({ description: 'Rewords a cancellation reason; appointments cancelled with it show the new wording.' })
export class UpdateCancellationReasonInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Reason, 1–1,000 characters; cannot be cleared.' })
  name?: string | null;
}
