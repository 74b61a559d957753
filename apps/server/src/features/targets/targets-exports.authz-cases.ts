import { expect } from 'vitest';
import { inProvince, type RouteCase } from '../../http/matrix';

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
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.ev.plan}/targets/export.pdf` }),
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
    check: (_f, _w, body) => expect(body).toBeTruthy(),
  },
];
