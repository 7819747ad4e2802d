import { OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity.js';
import { Node } from '../../shared/node.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../user/user.entity.js';

/**
 * An API token. Only its SHA-256 hash is stored; the secret is shown once, when it is created.
 * It authenticates as `user` in `organisation` (the default tenant; `X-Tenant` may pick another
 * organisation the user is a member of, unless the token was issued by someone else: see
 * {@link ApiToken.createdBy}). In the graph as metadata only, for the organisation's OWNERs and ADMINs.
 */
@ObjectType({ implements: Node, simpleResolvers: true, description: 'An API token\'s metadata (never the secret, never its hash). Visible to the OWNERs and ADMINs of its organisation.' })
@Entity()
export class ApiToken extends BaseEntity {
  declare [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId';

  @ManyToOne({ entity: () => User, deleteRule: 'cascade', index: true })
  user!: User;

  @ManyToOne({ entity: () => Organisation, deleteRule: 'cascade', index: true })
  organisation!: Organisation;

  /** Hex SHA-256 of the secret. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Field(() => String, { nullable: true, description: 'A label to tell tokens apart (e.g. "booking kiosk"), up to 200 characters; null when none was given.' })
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  /**
   * Who issued the token through the API; null when the CLI (an operator) issued it. A token issued
   * by someone other than its user acts only in its organisation and cannot answer invitations.
   */
  @ManyToOne({ entity: () => User, deleteRule: 'set null', nullable: true })
  createdBy?: User | null;

  @Field(() => Date, { nullable: true, description: 'When the token stops working (RFC 3339, UTC); null when it does not expire.' })
  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a request last authenticated with the token, to the minute (stamped at most once a minute); null when never used.' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the token was revoked; null while it is not.' })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
