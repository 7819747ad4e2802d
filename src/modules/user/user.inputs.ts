import { Field, InputType } from 'type-graphql';
import { UserRole } from './user-role.js';

/** Input of `createUser`. */
@InputType({ description: 'A new staff member of the caller\'s organisation (OWNER or ADMIN only).' })
export class CreateUserInput {
  @Field({ description: 'Display name, 1–200 characters.' })
  name!: string;

  @Field({ description: 'E-mail address; an existing user with this address joins the organisation instead.' })
  email!: string;

  @Field(() => UserRole, { defaultValue: UserRole.STAFF, description: 'Role in the organisation (default STAFF).' })
  role!: UserRole;

  @Field(() => String, { nullable: true, description: 'Idempotency key (see `replayed`).' })
  idempotencyKey?: string | null;
}
