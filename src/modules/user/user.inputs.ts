import { Field, ID, InputType } from 'type-graphql';
import { UserRole } from './user-role.js';

/** Input of `createUser`. */
@InputType({ description: 'A person to invite to the caller\'s organisation (OWNER or ADMIN only).' })
export class CreateUserInput {
  @Field({ description: 'Display name, 1–200 characters: the name of the new account when the invitee has none yet.' })
  name!: string;

  @Field({ description: 'E-mail address of the invitee; they become a member only by accepting.' })
  email!: string;

  @Field(() => UserRole, { defaultValue: UserRole.STAFF, description: 'Role in the organisation once accepted (default STAFF); not above your own.' })
  role!: UserRole;

  @Field(() => String, { nullable: true, description: 'Idempotency key (see `replayed`).' })
  idempotencyKey?: string | null;
}

/** Input of `acceptInvitation`. */
@InputType({ description: 'The invitation to accept: with your own API token, or with its code when you have no Kairos account.' })
export class AcceptInvitationInput {
  @Field(() => ID, { description: 'Global id of the Invitation (from `myInvitations`, or as handed over with the code).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The invitation code (`kinv_…`); needed only without an API token.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'With a code: your display name, 1–200 characters (default: the name the organisation typed).' })
  name?: string | null;
}

/** Input of `revokeInvitation`. */
@InputType({ description: 'The pending invitation to withdraw.' })
export class RevokeInvitationInput {
  @Field(() => ID, { description: 'Global id of the Invitation.' })
  id!: string;
}

/** Input of `deactivateMember`. */
@InputType({ description: 'The member to deactivate in the caller\'s organisation (OWNER or ADMIN only).' })
export class DeactivateMemberInput {
  @Field(() => ID, { description: 'Global id of the User; a user who is not a member of this organisation is NOT_FOUND.' })
  id!: string;
}

/** Input of `reactivateMember`. */
@InputType({ description: 'The deactivated member to reactivate in the caller\'s organisation (OWNER or ADMIN only).' })
export class ReactivateMemberInput {
  @Field(() => ID, { description: 'Global id of the User; a user who is not a member of this organisation is NOT_FOUND.' })
  id!: string;
}
