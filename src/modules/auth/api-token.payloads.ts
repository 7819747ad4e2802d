import { Field, ObjectType } from 'type-graphql';
import { payloadBase, payloadType } from '../../shared/mutation.js';
import { ApiToken } from './api-token.entity.js';

/** Result of `createApiToken`: the token's metadata and, this once, its secret. */
@ObjectType({ description: 'Result of the mutation: the ApiToken and its secret, or the userErrors that stopped it.' })
export class CreateApiTokenPayload extends payloadBase('apiToken', ApiToken) {
  @Field(() => String, { nullable: true, description: 'The secret (`kairos_…`), shown this once: Kairos keeps only its hash. Null when userErrors is not empty.' })
  token!: string | null;
}

export const RevokeApiTokenPayload = payloadType('RevokeApiTokenPayload', 'apiToken', ApiToken, { idempotent: false });
