import { PLAN_54_INDICATORS } from '@dx/domain';
import { groupWriter, type RouteCase } from '../../http/matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the indicator engine (issue 16). */
export const INDICATOR_ROUTES: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/plans/:planId/indicators/preview',
    // Whoever may write the plan's targets previews a rule; it writes nothing.
    access: groupWriter,
    ok: 200,
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.ev.plan}/indicators/preview`,
      payload: { rule: PLAN_54_INDICATORS.c },
    }),
  },
];
