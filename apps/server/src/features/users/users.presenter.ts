import type { UserOut } from '@dx/contracts';
import type { GrantRow, UserRecord } from '@dx/db';

/**
 * The only shape a user leaves the server in: never the password hash or failure counters. `isLocked`: sign-in
 * currently waits after failed attempts (from some address, or account-wide), which an administrator can lift.
 */
export function presentUser(u: UserRecord, grants: GrantRow[], _now: Date, locked = false): UserOut {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    isActive: u.isActive,
    isLocked: locked,
    locale: u.locale,
    version: u.version,
    grants: grants.map((g) => ({
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      provinceId: g.provinceId,
    })),
    createdAt: u.createdAt.toISOString(),
  };
}
