import { OptionalProps } from '@mikro-orm/core';
import { Check, Entity, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';

/**
 * A person who signs in: practitioner/doctor, assistant, representative, author. A user joins
 * organisations through {@link Membership}s (one role each); reads see only users that are members of
 * the caller's organisation.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'A staff member: practitioner (Flextell doctor), assistant, representative, author. `role` is the role in the caller\'s organisation.' })
@Entity({ tableName: 'app_user' })
@Check({ name: 'app_user_email_format', expression: "email ~ '^[^@\\s]+@[^@\\s]+$'" })
export class User extends BaseEntity {
  declare [OptionalProps]?: 'isActive' | 'createdAt' | 'updatedAt' | 'globalId';

  @Field({ description: 'Display name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Sign-in e-mail address, unique across Kairos (stored lower-case).' })
  @Property({ type: 'text', unique: true })
  email!: string;

  @Field({ description: 'False when the user may no longer sign in or be booked.' })
  @Property({ type: 'boolean' })
  isActive: boolean = true;
}
