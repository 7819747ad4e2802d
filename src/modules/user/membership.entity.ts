import { Entity, Enum, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../../shared/tenant.entity.js';
import { User } from './user.entity.js';
import { UserRole } from './user-role.js';

/** A user's membership of one organisation, with the role it grants there. Internal: not in the graph. */
@Entity()
@Unique({ properties: ['organisation', 'user'] })
export class Membership extends TenantEntity {
  @ManyToOne({ entity: () => User, deleteRule: 'cascade', index: true })
  user!: User;

  @Enum({ items: () => UserRole, nativeEnumName: 'user_role' })
  role!: UserRole;
}
