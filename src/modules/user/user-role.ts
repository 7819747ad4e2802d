import { registerEnumType } from 'type-graphql';

/** A user's role in one organisation. */
export enum UserRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  READ_ONLY = 'READ_ONLY',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'What a user may do in an organisation.',
  valuesConfig: {
    OWNER: { description: 'Everything, including managing users.' },
    ADMIN: { description: 'Everything, including managing users and setting another `authorId`.' },
    STAFF: { description: 'Reads and writes scheduling data.' },
    READ_ONLY: { description: 'Reads only; every mutation answers `FORBIDDEN`.' },
  },
});

/** Roles that may run mutations. */
export const WRITE_ROLES: ReadonlySet<UserRole> = new Set([UserRole.OWNER, UserRole.ADMIN, UserRole.STAFF]);
/** Roles that may manage users and act on behalf of another user. */
export const ADMIN_ROLES: ReadonlySet<UserRole> = new Set([UserRole.OWNER, UserRole.ADMIN]);

/** How far each role reaches: OWNER > ADMIN > STAFF > READ_ONLY. */
const RANK: Record<UserRole, number> = { OWNER: 4, ADMIN: 3, STAFF: 2, READ_ONLY: 1 };

/** Whether a member with role `granter` may grant `role` (invite with it, or act for a member holding it): nobody reaches above their own role. */
export function mayGrant(granter: UserRole, role: UserRole): boolean {
  return RANK[role] <= RANK[granter];
}
