import { queryRows } from '@dx/db';
import { PLAN_54_TARGET_DEFINITIONS } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { groupWriter, inProvince, next, type RouteCase } from './matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the indicator engine (issue 16). */
export const INDICATOR_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/vocabularies',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/vocabularies?provinceId=${f.t.hp}` }),
  },
  {
    method: 'PUT',
    route: '/api/vocabularies',
    access: groupWriter,
    ok: 200,
    request: (f) => ({
      method: 'PUT',
      url: '/api/vocabularies',
      payload: {
        provinceId: f.t.hp,
        terms: [
          { vocabulary: 'person_role', code: `role_${next()}`, labelVi: 'vai trò thử', labelEn: 'test role' },
        ],
      },
    }),
    snapshot: (f) => queryRows(f.t.handle.db, sql`SELECT count(*)::int AS n FROM vocabulary_term`),
    audits: 'vocabulary.update',
  },
  {
    method: 'POST',
    route: '/api/plans/:planId/indicators/preview',
    // Whoever may write the plan's targets previews a rule; it writes nothing.
    access: groupWriter,
    ok: 200,
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.ev.plan}/indicators/preview`,
      payload: { rule: PLAN_54_TARGET_DEFINITIONS.c },
    }),
  },
];
