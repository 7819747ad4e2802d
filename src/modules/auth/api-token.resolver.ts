import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { toGlobalId } from '../../shared/global-id.js';
import { loadNode } from '../node/node.resolver.js';
import { User } from '../user/user.entity.js';
import { ApiToken } from './api-token.entity.js';
import { CreateApiTokenInput, RevokeApiTokenInput } from './api-token.inputs.js';
import { CreateApiTokenPayload, RevokeApiTokenPayload } from './api-token.payloads.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.js';

export const ApiTokenConnection = connectionType(ApiToken);

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => ApiTokenConnection, { description: 'API tokens issued for this organisation (metadata only), oldest first. OWNER or ADMIN only.' })
  apiTokens(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('userId', () => ID, { nullable: true, description: 'Only the tokens of this member.' }) userId?: string | null,
  ) {
    return listApiTokens(ctx, args, userId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The member the token authenticates as; null when no longer a member.' })
  user(@Ctx() ctx: Context, @Root() token: ApiToken) {
    return loadNode(ctx, toGlobalId('User', token.user.id));
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who issued it through the API; null when the CLI did, or no longer a member. A token issued by someone other than its user acts only in this organisation.' })
  createdBy(@Ctx() ctx: Context, @Root() token: ApiToken) {
    return token.createdBy ? loadNode(ctx, toGlobalId('User', token.createdBy.id)) : null;
  }

  @Mutation(() => CreateApiTokenPayload, {
    description: 'Issues an API token for a member (yourself, or a member whose role is not above yours); the secret is answered once. OWNER or ADMIN only. userErrors: VALIDATION.',
  })
  createApiToken(@Ctx() ctx: Context, @Arg('input', () => CreateApiTokenInput, { description: 'The mutation input.' }) input: CreateApiTokenInput) {
    return createApiToken(ctx, input);
  }

  @Mutation(() => RevokeApiTokenPayload, {
    description: 'Revokes an API token: requests with it answer UNAUTHENTICATED from then on. Your own tokens, or (OWNER or ADMIN) the organisation\'s tokens of members whose role is not above yours.',
  })
  revokeApiToken(@Ctx() ctx: Context, @Arg('input', () => RevokeApiTokenInput, { description: 'The mutation input.' }) input: RevokeApiTokenInput) {
    return revokeApiToken(ctx, input);
  }
}
