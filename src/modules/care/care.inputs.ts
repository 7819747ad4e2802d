import { Field, ID, InputType, Int } from 'type-graphql';

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
