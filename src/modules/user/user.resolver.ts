import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireAdmin, requireViewer, type Context } from '../../app/context.js';
import { ConnectionArgs, connectionType, paginate } from '../../shared/pagination.js';
import { toGlobalId } from '../../shared/global-id.js';
import { loadNode } from '../node/node.resolver.js';
import { AcceptInvitationInput, CreateUserInput, DeactivateMemberInput, ReactivateMemberInput, RevokeInvitationInput } from './user.inputs.js';
import { AcceptInvitationPayload, CreateUserPayload, DeactivateMemberPayload, ReactivateMemberPayload, RevokeInvitationPayload } from './user.payloads.js';
import { Invitation } from './invitation.entity.js';
import { UserRole } from './user-role.js';
import { User } from './user.entity.js';
import { Membership } from './membership.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { acceptInvitation, createUser, deactivateMember, myInvitations, reactivateMember, revokeInvitation } from './user.service.js';

export const UserConnection = connectionType(User);
export const InvitationConnection = connectionType(Invitation);

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

  @Query(() => UserConnection, { description: 'Members of the organisation, oldest first; deactivated ones only with `includeDeactivated: true`.' })
  async users(
    @Ctx() ctx: Context,
    @Args() args: ConnectionArgs,
    @Arg('includeDeactivated', () => Boolean, { defaultValue: false, description: 'Also list members deactivated in this organisation (`deactivatedAt` set).' }) includeDeactivated: boolean,
  ) {
    requireViewer(ctx);
    const memberships = await ctx.em.find(Membership, includeDeactivated ? {} : { deactivatedAt: null }, { fields: ['user'] });
    return paginate(ctx.em, User, { id: { $in: memberships.map((m) => m.user.id) } }, args, ['id']);
  }

  @FieldResolver(() => UserRole, { nullable: true, description: 'Role in the caller\'s organisation.' })
  async role(@Ctx() ctx: Context, @Root() user: User) {
    const [membership] = await ctx.loaders.children(Membership, 'user').load(user.id);
    return membership?.role ?? null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the user was deactivated as a member of the caller\'s organisation (RFC 3339, UTC); null while active. A deactivated member stays on old appointments and in history, but their tokens do not work here and new bookings cannot name them.',
  })
  async deactivatedAt(@Ctx() ctx: Context, @Root() user: User) {
    const [membership] = await ctx.loaders.children(Membership, 'user').load(user.id);
    return membership?.deactivatedAt ?? null;
  }

  @Mutation(() => DeactivateMemberPayload, {
    description:
      'Deactivates a member of the organisation: their API tokens stop working here (not in their other organisations), new bookings, holds, searches and links naming them are refused (VALIDATION), and they stay on old appointments and in history. Idempotent. OWNER or ADMIN only, for a member whose role is not above theirs (else FORBIDDEN). userErrors: LAST_OWNER.',
  })
  deactivateMember(@Ctx() ctx: Context, @Arg('input', () => DeactivateMemberInput, { description: 'The mutation input.' }) input: DeactivateMemberInput) {
    return deactivateMember(ctx, input);
  }

  @Mutation(() => ReactivateMemberPayload, {
    description: 'Reactivates a deactivated member of the organisation: their tokens work here again and they can be booked. Idempotent. OWNER or ADMIN only, for a member whose role is not above theirs (else FORBIDDEN).',
  })
  reactivateMember(@Ctx() ctx: Context, @Arg('input', () => ReactivateMemberInput, { description: 'The mutation input.' }) input: ReactivateMemberInput) {
    return reactivateMember(ctx, input);
  }

  @Mutation(() => CreateUserPayload, {
    description:
      'Invites a person (practitioner, assistant, representative) by e-mail address to the organisation: always answers an Invitation holding only what you typed, whether or not the address has a Kairos account, and the person becomes a member (a User in `users`) only by accepting it. OWNER or ADMIN only; `role` not above your own (else FORBIDDEN). userErrors: VALIDATION, ALREADY_MEMBER.',
  })
  createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput, { description: 'The mutation input.' }) input: CreateUserInput) {
    return createUser(ctx, input);
  }

  @Mutation(() => AcceptInvitationPayload, {
    description:
      'Accepts an invitation: with your own API token (the invitation must be addressed to your e-mail), or, without a token, with its code when you have no Kairos account (the account is created and its first token answered). userErrors: INVITATION_NOT_PENDING, ALREADY_MEMBER, ACCOUNT_EXISTS, VALIDATION.',
  })
  acceptInvitation(@Ctx() ctx: Context, @Arg('input', () => AcceptInvitationInput, { description: 'The mutation input.' }) input: AcceptInvitationInput) {
    return acceptInvitation(ctx, input);
  }

  @Mutation(() => RevokeInvitationPayload, { description: 'Withdraws a pending invitation of the organisation; its code stops working. OWNER or ADMIN only. userErrors: INVITATION_NOT_PENDING.' })
  revokeInvitation(@Ctx() ctx: Context, @Arg('input', () => RevokeInvitationInput, { description: 'The mutation input.' }) input: RevokeInvitationInput) {
    return revokeInvitation(ctx, input);
  }

  @Query(() => InvitationConnection, { description: 'Invitations of the organisation, in every status, oldest first. OWNER or ADMIN only.' })
  invitations(@Ctx() ctx: Context, @Args() args: ConnectionArgs) {
    requireAdmin(ctx);
    return paginate(ctx.em, Invitation, {}, args, ['id']);
  }

  @Query(() => [Invitation], { description: 'Open invitations addressed to your e-mail, from any organisation, oldest first. Accept one with `acceptInvitation`.' })
  myInvitations(@Ctx() ctx: Context) {
    return myInvitations(ctx);
  }
}

@Resolver(() => Invitation)
export class InvitationResolver {
  @FieldResolver(() => String, { description: 'Name of the inviting organisation.' })
  async organisationName(@Ctx() ctx: Context, @Root() invitation: Invitation) {
    return (await ctx.loaders.byId(Organisation).load(invitation.organisation.id))!.name;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The member who accepted; null until then, and for anyone outside the organisation.' })
  user(@Ctx() ctx: Context, @Root() invitation: Invitation) {
    return invitation.acceptedBy && ctx.viewer?.organisationId === invitation.organisation.id ? loadNode(ctx, toGlobalId('User', invitation.acceptedBy.id)) : null;
  }
}
