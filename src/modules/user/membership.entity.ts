import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { User } from './user.entity.js';
import { UserRole } from './user-role.js';

/**
 * A user's membership of one organisation, with the role it grants there. Internal: not in the graph
 * (a User's `role` and `deactivatedAt` are read from it).
 */
@Entity()
@Unique({ properties: ['organisation', 'user'] })
export class Membership extends TenantEntity {
  @ManyToOne({ entity: () => User, deleteRule: 'cascade', index: true })
  user!: User;

  @Enum({ items: () => UserRole, nativeEnumName: 'user_role' })
  role!: UserRole;

  /**
   * When an OWNER or ADMIN deactivated the member here (`deactivateMember`); null while active. A
   * deactivated membership is kept, so the member stays on the appointments and history that name them,
   * but it answers as no membership to authentication and cannot be named by a new booking or link
   * ({@link isDeactivated}).
   */
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt?: Date | null;
}

/**
 * The one rule of deactivation, as SQL on a membership row aliased `alias`: the statements that
 * authenticate, resolve booking links and resolve search ids all read it through this.
 */
export function deactivatedSql(alias: string): string {
  return `${alias}.deactivated_at is not null`;
}

/** {@link deactivatedSql} on a loaded membership. */
export function isDeactivated(membership: Pick<Membership, 'deactivatedAt'>): boolean {
  return membership.deactivatedAt != null;
}
