import { Field, InputType } from 'type-graphql';
import { UpdateInputBase } from '../../shared/crud.inputs.js';

/** Input of `createCompany`. */
@InputType({ description: 'A new company.' })
export class CreateCompanyInput {
  @Field({ description: 'Company name, 1–200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Idempotency key: a replay with the same input answers the same company (`replayed: true`).' })
  idempotencyKey?: string | null;
}

/** Input of `updateCompany`: only the fields present change. */
@InputType({ description: 'Changes a company: only the fields present change.' })
export class UpdateCompanyInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'Company name, 1–200 characters; cannot be cleared.' })
  name?: string | null;
}
