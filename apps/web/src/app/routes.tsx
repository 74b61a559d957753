import type { Permission } from '@dx/domain';
import { type ComponentType, createElement } from 'react';

/** One screen inside the signed-in shell: its URL, its menu label, who may see it, and its (lazily loaded) page. */
export type AppRoute = {
  path: string;
  /** i18n key of the menu label in the catalogue's common namespace (locales/common.vi.ts, common.en.ts: nav.*). */
  label: string;
  permission?: Permission;
  /** false = reachable by URL but not listed in the menu. */
  inNav?: boolean;
  load: () => Promise<ComponentType>;
};

/**
 * Every screen of the app. To add one, add ONE line here (and its menu label under nav in locales/common.*.ts), e.g.
 * { path: 'plans/*', label: 'nav.plans', load: () => import('../features/plans/PlansPage').then((m) => m.PlansPage) },
 * The first route the user may see is the start page.
 */
export const appRoutes: AppRoute[] = [
  {
    path: 'home',
    label: 'nav.home',
    permission: 'plan.read',
    load: () => import('../features/home/HomePage').then((m) => m.HomePage),
  },
  {
    // Every province side by side (issue 13): a system administrator or a Ministry reader only (national.read).
    path: 'national',
    label: 'nav.national',
    permission: 'national.read',
    load: () => import('../features/national/NationalPage').then((m) => m.NationalPage),
  },
  {
    path: 'my-work',
    label: 'nav.myWork',
    permission: 'record.write',
    load: () => import('../features/my-work/MyWorkPage').then((m) => m.MyWorkPage),
  },
  {
    path: 'org-units',
    label: 'nav.orgUnits',
    permission: 'org_unit.read',
    load: () => import('../features/org-units/OrgTreePage').then((m) => m.OrgTreePage),
  },
  {
    path: 'dashboard',
    label: 'nav.dashboard',
    permission: 'target.read',
    load: () => import('../features/dashboard/DashboardPage').then((m) => m.DashboardPage),
  },
  {
    path: 'records/*',
    label: 'nav.records',
    permission: 'record.read',
    // The records screen frames the import screen (its "import" tab): composed here, so neither feature imports the other.
    load: () =>
      Promise.all([import('../features/records/RecordsPage'), import('../features/imports/ImportPage')]).then(
        ([records, imports]) =>
          () =>
            createElement(records.RecordsPage, { importScreen: createElement(imports.ImportPage) }),
      ),
  },
  {
    path: 'tasks/*',
    label: 'nav.tasks',
    permission: 'task.read',
    load: () => import('../features/tasks/TasksPage').then((m) => m.TasksPage),
  },
  {
    path: 'budget/*',
    label: 'nav.budget',
    permission: 'budget.read',
    load: () => import('../features/budget/BudgetPage').then((m) => m.BudgetPage),
  },
  {
    path: 'reports/*',
    label: 'nav.reports',
    permission: 'report.read',
    load: () => import('../features/reports/ReportsPage').then((m) => m.ReportsPage),
  },
  {
    path: 'obstacles/*',
    label: 'nav.obstacles',
    permission: 'report.read',
    load: () => import('../features/obstacles/ObstaclesPage').then((m) => m.ObstaclesPage),
  },
  {
    path: 'urgings',
    label: 'urging.nav',
    permission: 'target.remind',
    load: () => import('../features/urging/UrgingsPage').then((m) => m.UrgingsPage),
  },
  {
    path: 'plans/*',
    label: 'nav.plans',
    permission: 'plan.read',
    load: () => import('../features/plans/PlansPage').then((m) => m.PlansPage),
  },
  {
    path: 'plan-imports/*',
    label: 'nav.planImports',
    permission: 'plan.write',
    load: () => import('../features/plan-imports/PlanImportPage').then((m) => m.PlanImportPage),
  },
  {
    // Reported figures (issue 16): the DX office defines what units report per period.
    path: 'data-items',
    label: 'nav.dataItems',
    permission: 'plan.write',
    load: () => import('../features/data-items/DataItemsPage').then((m) => m.DataItemsPage),
  },
  {
    path: 'unit-groups',
    label: 'nav.unitGroups',
    permission: 'unit_group.read',
    load: () => import('../features/unit-groups/UnitGroupsPage').then((m) => m.UnitGroupsPage),
  },
  {
    path: 'provinces',
    label: 'nav.provinces',
    permission: 'org_unit.reorganise',
    load: () => import('../features/provinces/ProvincesPage').then((m) => m.ProvincesPage),
  },
  {
    // A province's own words over time (issue 15): its administrator (or a system administrator) edits them.
    path: 'province-settings',
    label: 'nav.provinceSettings',
    permission: 'province_settings.write',
    load: () =>
      import('../features/province-settings/ProvinceSettingsPage').then((m) => m.ProvinceSettingsPage),
  },
  {
    // A province's vocabularies (issue 16): roles, training subjects, kinds and levels; edited by those who edit its
    // unit groups (apps/server/src/features/indicators/manage-vocabularies.ts).
    path: 'vocabularies',
    label: 'nav.vocabularies',
    permission: 'unit_group.write',
    load: () => import('../features/indicators/VocabulariesPage').then((m) => m.VocabulariesPage),
  },
  {
    // A target's rule with a live preview (issue 16), opened from its dashboard card.
    path: 'target-rules/:planId/:planTargetId',
    label: 'nav.dashboard',
    permission: 'plan.write',
    inNav: false,
    load: () => import('../features/indicators/RuleEditorPage').then((m) => m.RuleEditorPage),
  },
  {
    path: 'unit-imports',
    label: 'nav.unitImports',
    permission: 'org_unit.reorganise',
    load: () => import('../features/unit-imports/UnitImportPage').then((m) => m.UnitImportPage),
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
