import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireViewer, type Context } from '../../app/context.js';
import { ConnectionArgs, connectionType, paginate } from '../../shared/pagination.js';
import { payloadType } from '../../shared/mutation.js';
import { CreateUserInput } from './user.inputs.js';
import { UserRole } from './user-role.js';
import { User } from './user.entity.js';
import { Membership } from './membership.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { createUser } from './user.service.js';

export const UserConnection = connectionType(User);
export const CreateUserPayload = payloadType('CreateUserPayload', 'user', User);

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { description: 'The user the API token belongs to.' })
  async viewer(@Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    return ctx.loaders.byId(User).load(viewer.userId);
  }

  @Query(() => Organisation, {
    description:
      'The organisation this request acts in: the token\'s, or the one `X-Tenant` picks for a user in several. Its `timeZone` and `currency` govern time bands and money.',
  })
  async currentOrganisation(@Ctx() ctx: Context) {
    const viewer = requireViewer(ctx);
    return ctx.loaders.byId(Organisation).load(viewer.organisationId);
  }

  @Query(() => UserConnection, { description: 'Members of the organisation, oldest first.' })
  async users(@Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    requireViewer(ctx);
    const memberships = await ctx.em.find(Membership, {}, { fields: ['user'] });
    return paginate(ctx.em, User, { id: { $in: memberships.map((m) => m.user.id) } }, args, ['id']);
  }

  @FieldResolver(() => UserRole, { nullable: true, description: 'Role in the caller\'s organisation.' })
  async role(@Ctx() ctx: Context, @Root() user: User) {
    const [membership] = await ctx.loaders.children(Membership, 'user').load(user.id);
    return membership?.role ?? null;
  }

  @Mutation(() => CreateUserPayload, { description: 'Adds a staff member (practitioner, assistant, representative) to the organisation. OWNER or ADMIN only.' })
  createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput, { description: 'The mutation input.' }) input: CreateUserInput) {
    return createUser(ctx, input);
  }
}
