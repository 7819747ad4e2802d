import { Field, ID, InputType, Int } from 'type-graphql';

/** What every `update…` input starts with: the record and, optionally, the version the client read. */
@InputType()
export abstract class UpdateInputBase {
  @Field(() => ID, { description: 'Global id of the record to change; another organisation\'s id is NOT_FOUND.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'The `version` the client read: when given and the record has changed since, nothing is written and the payload has STALE_VERSION.' })
  expectedVersion?: number | null;
}

/**
 * The input type of `archive<Type>`: `Archive<Type>Input { id expectedVersion }` (a factory, so that each
 * archive mutation has its own named input, like every other mutation).
 */
export function archiveInputType(typeName: string) {
  @InputType(`Archive${typeName}Input`, { description: `Archives a ${typeName}: it stays readable (also on old appointments) but can no longer be booked.` })
  class ArchiveInput {
    @Field(() => ID, { description: `Global id of the ${typeName}; another organisation's id is NOT_FOUND.` })
    id!: string;

    @Field(() => Int, { nullable: true, description: 'The `version` the client read: when given and the record has changed since, nothing is written and the payload has STALE_VERSION (ignored when it is already archived).' })
    expectedVersion?: number | null;
  }
  return ArchiveInput;
}
