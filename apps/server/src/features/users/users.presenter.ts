import type { GrantRow, UserRecord } from '@dx/db';
import { ROLES } from '@dx/domain';
import { z } from 'zod';

export const grantOut = z.object({
  role: z.enum(ROLES),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  provinceId: z.string().nullable(),
});

export const userOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  isActive: z.boolean(),
  isLocked: z.boolean(),
  locale: z.string(),
  version: z.number(),
  grants: z.array(grantOut),
  createdAt: z.string(),
});
export type UserOut = z.infer<typeof userOut>;

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
