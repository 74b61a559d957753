import type { Permission } from '@dx/domain';
import type { ComponentType } from 'react';

/** One screen inside the signed-in shell: its URL, its menu label, who may see it, and its (lazily loaded) page. */
export type AppRoute = {
  path: string;
  /** i18n key of the menu label (lib/locales), or the label itself per language. */
  label: string | { vi: string; en: string };
  permission?: Permission;
  /** false = reachable by URL but not listed in the menu. */
  inNav?: boolean;
  load: () => Promise<ComponentType>;
};

/**
 * Every screen of the app. To add one, add ONE line here, e.g.
 * { path: 'plans/*', label: { vi: 'Kế hoạch', en: 'Plans' }, load: () => import('../features/plans/PlansPage').then((m) => m.PlansPage) },
 * The first route the user may see is the start page.
 */
export const appRoutes: AppRoute[] = [
  {
    path: 'org-units',
    label: 'nav.orgUnits',
    permission: 'org_unit.read',
    load: () => import('../features/org-units/OrgTreePage').then((m) => m.OrgTreePage),
  },
  {
    path: 'plans/*',
    label: { vi: 'Kế hoạch', en: 'Plans' },
    permission: 'plan.read',
    load: () => import('../features/plans/PlansPage').then((m) => m.PlansPage),
  },
  {
    path: 'unit-groups',
    label: 'nav.unitGroups',
    permission: 'unit_group.read',
    load: () => import('../features/unit-groups/UnitGroupsPage').then((m) => m.UnitGroupsPage),
  },
  {
    path: 'users',
    label: 'nav.users',
    permission: 'user.read',
    load: () => import('../features/users/UsersPage').then((m) => m.UsersPage),
  },
  {
    path: 'audit',
    label: 'nav.audit',
    permission: 'audit.read',
    load: () => import('../features/audit/AuditPage').then((m) => m.AuditPage),
  },
  {
    path: 'profile',
    label: 'app.profile',
    inNav: false,
    load: () => import('../features/auth/ProfilePage').then((m) => m.ProfilePage),
  },
];
