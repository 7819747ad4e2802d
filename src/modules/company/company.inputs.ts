import { Field, InputType } from 'type-graphql';

/** Input of `createCompany`. */
@InputType({ description: 'A new company.' })
export class CreateCompanyInput {
  @Field({ description: 'Company name, 1–200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same company (`replayed: true`).' })
  idempotencyKey?: string | null;
}
