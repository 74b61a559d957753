import { z } from 'zod';

/** Roles (docs/brief.md "Users"). A user holds one or more grants: a role over an org unit and the units below it. */
export const ROLES = [
  'administrator',
  'dx_office',
  'finance',
  'leadership',
  'unit_officer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];
export const role = z.enum(ROLES);

/** A role over a unit's subtree; `unitId` null = every province (system administrator only). */
export type Grant = { role: Role; unitId: string | null; provinceId: string | null };

/**
 * How far a permission reaches from the granted unit:
 * - `province`: anything in the same province as the granted unit (the DX office sees its whole province;
 *   the administrative structure is public within a province);
 * - `subtree`: the granted unit and the units below it;
 * - `national`: only through a grant over every province (unitId null): the Ministry's view across provinces
 *   (issue 13). A grant on a province, even its administrator's, never reaches it.
 */
type Reach = 'province' | 'subtree' | 'national';

const PERMISSIONS = {
  'org_unit.read': { roles: ROLES, reach: 'province' },
  'org_unit.reorganise': { roles: ['administrator'], reach: 'subtree' },
  'org_unit.correct': { roles: ['administrator'], reach: 'subtree' },
  'unit_group.read': { roles: ROLES, reach: 'province' },
  'unit_group.write': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'user.read': { roles: ['administrator'], reach: 'subtree' },
  'user.write': { roles: ['administrator'], reach: 'subtree' },
  'audit.read': { roles: ['administrator'], reach: 'province' },
  // Plans are read by everyone in the province; the DX office writes them (docs/brief.md "Users").
  'plan.read': { roles: ROLES, reach: 'province' },
  'plan.write': { roles: ['administrator', 'dx_office'], reach: 'province' },
  // Evidence records (docs/brief.md "Users"): everyone in the province reads; a unit officer writes for its own unit and
  // the units below it; the DX office for its whole province; the DX office accepts or returns unit plans.
  'record.read': { roles: ROLES, reach: 'province' },
  'record.write': { roles: ['unit_officer'], reach: 'subtree' },
  'record.write_any': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'unit_plan.review': { roles: ['administrator', 'dx_office'], reach: 'province' },
  // Targets are read by everyone in the province; the DX office urges the units behind (đôn đốc).
  'target.read': { roles: ROLES, reach: 'province' },
  'target.remind': { roles: ['administrator', 'dx_office'], reach: 'province' },
  // Tasks of the appendix (plan 54 III): everyone in the province reads; the DX office imports, enters and urges
  // (V.1.a); a unit updates its own part (and the parts of the units below it).
  'task.read': { roles: ROLES, reach: 'province' },
  'task.write': { roles: ['administrator', 'dx_office'], reach: 'province' },
  'task.update_progress': { roles: ['unit_officer', 'dx_office'], reach: 'subtree' },
  // Budget estimates (plan 54 IV, V.1.d, V.2, V.3.a): a unit estimates the cost of its tasks; the DX office
  // consolidates; the Department of Finance appraises; the People's Committee (leadership) approves. Which role acts at
  // each step is the approval chain (a setting); these permissions only say who may take part at all.
  'budget.read': { roles: ROLES, reach: 'province' },
  'budget.write': { roles: ['unit_officer', 'dx_office', 'administrator'], reach: 'subtree' },
  'budget.review': { roles: ['dx_office', 'finance', 'leadership', 'administrator'], reach: 'province' },
  // The approval chain of a province (which role/unit acts at each step) is configured by its administrator.
  'budget.configure': { roles: ['administrator'], reach: 'subtree' },
  // Periodic reports (plan 54 V.1.a) and the obstacles register (closing paragraph): units report and raise
  // obstacles for their own subtree; the DX office opens periods, reviews, consolidates and forwards; leadership directs.
  'report.read': { roles: ROLES, reach: 'province' },
  'report.write': { roles: ['unit_officer', 'dx_office', 'administrator'], reach: 'subtree' },
  'report.manage': { roles: ['dx_office', 'administrator'], reach: 'province' },
  'obstacle.direct': { roles: ['leadership', 'dx_office', 'administrator'], reach: 'province' },
  // Scope of reading (docs/security.md "Scope of reading"): the plan, targets, aggregate figures, the consolidated
  // report and the structure stay province-wide (the `*.read` above); a single evidence record or file, budget
  // estimate or attachment, unit report, obstacle or a unit's notifications is read by a unit officer only within
  // its own subtree, by every other role province-wide.
  'record.read_item': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  'budget.read_item': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  'report.read_item': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  'notification.read': { roles: ROLES, reach: 'province', reachOf: { unit_officer: 'subtree' } },
  // People's personal data (names, phones, e-mails: the `person` records) only within the subtree, except for the DX
  // office and administrators, who keep the province's directory.
  'person.read': {
    roles: ROLES,
    reach: 'subtree',
    reachOf: { dx_office: 'province', administrator: 'province' },
  },
  // A province's own words over time (issue 15, province settings): everyone in the province reads them (every
  // label and document uses them); the province's administrator (a grant on the province itself) or a system
  // administrator changes them — an administrator of one unit does not speak for the province.
  'province_settings.read': { roles: ROLES, reach: 'province' },
  'province_settings.write': { roles: ['administrator'], reach: 'subtree' },
  // Every province side by side (issue 13): a system administrator, or a reader over every province — a 'viewer'
  // granted with unitId null is how a Ministry reader is made, with no new role: the roles stay those of a province
  // (docs/brief.md "Users") and the scope of the grant says "national". Read-only: a viewer writes nothing anywhere.
  'national.read': { roles: ['administrator', 'viewer'], reach: 'national' },
} as const satisfies Record<
  string,
  { roles: readonly Role[]; reach: Reach; reachOf?: Partial<Record<Role, Reach>> }
>;

/** The reach of `permission` through a grant of `role` (a role-specific reach overrides the default). */
function reachOf(permission: Permission, role: Role): Reach {
  const rule = PERMISSIONS[permission] as { reach: Reach; reachOf?: Partial<Record<Role, Reach>> };
  return rule.reachOf?.[role] ?? rule.reach;
}

export type Permission = keyof typeof PERMISSIONS;

/** What reading one evidence record of `type` takes: people's records carry personal data (docs/security.md). */
export const recordReadPermission = (type: string): Permission =>
  type === 'person' ? 'person.read' : 'record.read_item';
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** Where the thing acted on sits: its province and the ids from the root down to it (inclusive). */
export type ScopeTarget = {
  provinceId: string;
  path: readonly string[];
  /** Provinces this unit's province later merged into (a province absorbed into another on 01/07/2025). */
  mergedInto?: readonly string[];
};

/** True when some grant gives `permission` over `target`. */
export function isAllowed(grants: readonly Grant[], permission: Permission, target: ScopeTarget): boolean {
  const rule = PERMISSIONS[permission];
  return grants.some((g) => {
    if (!(rule.roles as readonly Role[]).includes(g.role)) return false;
    if (g.unitId === null) return true;
    if (reachOf(permission, g.role) === 'national') return false;
    if (reachOf(permission, g.role) === 'province') {
      // The structure of a province that merged into the grant's province is its history: readable there
      // (a 2025 commune's predecessors in Hải Dương), never writable.
      const inherited =
        permission === 'org_unit.read' &&
        g.provinceId !== null &&
        !!target.mergedInto?.includes(g.provinceId);
      return g.provinceId === target.provinceId || inherited;
    }
    return target.path.includes(g.unitId);
  });
}

/** The grants that can give `permission` somewhere: of one of its roles (and over every province for a national one). */
function grantsFor(grants: readonly Grant[], permission: Permission): Grant[] {
  const rule = PERMISSIONS[permission];
  return grants.filter(
    (g) =>
      (rule.roles as readonly Role[]).includes(g.role) &&
      (g.unitId === null || reachOf(permission, g.role) !== 'national'),
  );
}

/** True when some grant could give `permission` somewhere (used to hide whole screens and routes). */
export function hasPermissionAnywhere(grants: readonly Grant[], permission: Permission): boolean {
  return grantsFor(grants, permission).length > 0;
}

/** Provinces a permission reaches into (null = all provinces). */
export function provincesFor(grants: readonly Grant[], permission: Permission): string[] | null {
  const relevant = grantsFor(grants, permission);
  if (relevant.some((g) => g.unitId === null)) return null;
  return [...new Set(relevant.map((g) => g.provinceId).filter((p): p is string => p !== null))];
}

/** Only a system administrator may grant the global (all provinces) scope or the administrator role globally. */
export function canGrant(
  actorGrants: readonly Grant[],
  grant: { role: Role; unitId: string | null },
  target: ScopeTarget | null,
): boolean {
  if (grant.unitId === null || target === null)
    return actorGrants.some((g) => g.role === 'administrator' && g.unitId === null);
  return isAllowed(actorGrants, 'user.write', target);
}

/**
 * Where a list read under `permission` reaches: the provinces read whole (null = every province) and the roots of the
 * subtrees read beyond them (a unit officer's `*.read_item`, docs/security.md "Scope of reading"). Lists filter their
 * rows to these in SQL.
 */
export function readScopeOf(
  grants: readonly Grant[],
  permission: Permission,
): { provinceIds: string[] | null; subtreeRoots: string[] } {
  const relevant = grantsFor(grants, permission);
  if (relevant.some((g) => g.unitId === null)) return { provinceIds: null, subtreeRoots: [] };
  const whole = relevant.filter((g) => reachOf(permission, g.role) === 'province');
  const provinceIds = [...new Set(whole.map((g) => g.provinceId).filter((p): p is string => p !== null))];
  const subtreeRoots = relevant
    .filter((g) => reachOf(permission, g.role) === 'subtree' && !provinceIds.includes(g.provinceId ?? ''))
    .map((g) => g.unitId as string);
  return { provinceIds, subtreeRoots: [...new Set(subtreeRoots)] };
}
