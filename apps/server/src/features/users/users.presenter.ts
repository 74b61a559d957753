import type { UserOut } from '@dx/contracts';
import type { EndedGrantUnit, GrantRow, UserRecord } from '@dx/db';

/**
 * The only shape a user leaves the server in: never the password hash or failure counters. `isLocked`: sign-in
 * currently waits after failed attempts (from some address, or account-wide), which an administrator can lift.
 */
export function presentUser(
  u: UserRecord,
  grants: GrantRow[],
  _now: Date,
  locked = false,
  ended?: Map<string, EndedGrantUnit>,
): UserOut {
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
      ...(ended && { ended: endedOf(g, ended) }),
    })),
    createdAt: u.createdAt.toISOString(),
  };
}

function endedOf(g: GrantRow, ended: Map<string, EndedGrantUnit>) {
  const e = g.unitId ? ended.get(g.unitId) : undefined;
  return e ? { on: e.endedOn, successorId: e.successorId, successorName: e.successorName } : null;
}
