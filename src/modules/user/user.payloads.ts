import { Field, ObjectType } from 'type-graphql';
import { payloadBase, payloadType } from '../../shared/mutation.js';
import { Invitation } from './invitation.entity.js';
import { User } from './user.entity.js';

/** Result of `createUser`: always an invitation, whoever the address belongs to. */
@ObjectType({ description: 'Result of the mutation: the Invitation (and its code, this once), or the userErrors that stopped it.' })
export class CreateUserPayload extends payloadBase('invitation', Invitation) {
  @Field(() => User, {
    nullable: true,
    description: 'Always null: adding a person creates an invitation, and the User shows in the organisation once they accept it.',
    deprecationReason: 'Always null since members join by invitation: read `invitation`, and the User from `users` or `Invitation.user` once accepted.',
  })
  user!: null;

  @Field(() => String, {
    nullable: true,
    description: 'The invitation code (`kinv_…`), answered this once (null on a replay): hand it to the invitee. A person without a Kairos account accepts with it; one with an account accepts with their own token and needs no code.',
  })
  invitationCode!: string | null;

  @Field({ description: 'True when the idempotency key was seen before with the same input: the invitation is the one created then, and nothing new was created.' })
  replayed!: boolean;
}

/** Result of `acceptInvitation`. */
@ObjectType({ description: 'Result of the mutation: the accepted Invitation (and, for a new account, its first API token), or the userErrors that stopped it.' })
export class AcceptInvitationPayload extends payloadBase('invitation', Invitation) {
  @Field(() => String, { nullable: true, description: 'For a person who accepted with a code: the new account\'s API token, shown this once. Null when accepted with a token.' })
  token!: string | null;
}

export const RevokeInvitationPayload = payloadType('RevokeInvitationPayload', 'invitation', Invitation, { idempotent: false });

export const DeactivateMemberPayload = payloadType('DeactivateMemberPayload', 'user', User, { idempotent: false });
export const ReactivateMemberPayload = payloadType('ReactivateMemberPayload', 'user', User, { idempotent: false });
