import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '../../shared/base.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../user/user.entity.js';

/**
 * An API token. Only its SHA-256 hash is stored; the secret is shown once, when it is created.
 * It authenticates as `user` in `organisation` (the default tenant; `X-Tenant` may pick another
 * organisation the user is a member of). Internal: not in the graph.
 */
@Entity()
export class ApiToken extends BaseEntity {
  @ManyToOne({ entity: () => User, deleteRule: 'cascade', index: true })
  user!: User;

  @ManyToOne({ entity: () => Organisation, deleteRule: 'cascade', index: true })
  organisation!: Organisation;

  /** Hex SHA-256 of the secret. */
  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;
}
