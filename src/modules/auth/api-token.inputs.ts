import { Field, ID, InputType, Int } from 'type-graphql';

/** Input of `createApiToken`. */
@InputType({ description: 'A new API token for a member of the caller\'s organisation (OWNER or ADMIN only).' })
export class CreateApiTokenInput {
  @Field(() => ID, { description: 'The member the token authenticates as: yourself, or a member whose role is not above yours.' })
  userId!: string;

  @Field(() => String, { nullable: true, description: 'A label to tell tokens apart, 1–200 characters.' })
  name?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working (RFC 3339), 1 minute to 10 years ahead. Leave out with expiresInSeconds for a token that does not expire.' })
  expiresAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Lifetime in seconds, 60 to 315,360,000 (ten years); instead of expiresAt.' })
  expiresInSeconds?: number | null;
}

/** Input of `revokeApiToken`. */
@InputType({ description: 'The API token to revoke.' })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: 'Global id of the ApiToken (from `apiTokens` or `createApiToken`).' })
  id!: string;
}
