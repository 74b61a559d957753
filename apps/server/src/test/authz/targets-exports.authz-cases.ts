import { inProvince, type RouteCase } from './matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the dashboard's exports (issue 19). */
export const TARGET_EXPORT_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/export.xlsx',
    // Whoever reads the dashboard (target.read in the plan's province) may take it away.
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.ev.plan}/targets/export.xlsx?asOf=2023-12-31` }),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/export.pdf',
    access: inProvince,
    ok: 200,
    // The fixture's own plan (few targets): rendering plan 54's every breakdown for each of twenty callers outlasts
    // the test's minute on PGlite; the figures themselves are checked in features/targets/export-dashboard.test.ts.
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}/targets/export.pdf` }),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/:planTargetId/subjects.xlsx',
    access: inProvince,
    ok: 200,
    request: (f) => ({
      method: 'GET',
      url: `/api/plans/${f.ev.plan}/targets/${f.ev.planTarget}/subjects.xlsx?state=all`,
    }),
  },
];
