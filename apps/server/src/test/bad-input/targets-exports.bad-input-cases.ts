import { type BadCase, NO_SUCH } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for the dashboard's exports (issue 19), keyed "METHOD /route". */
export const TARGET_EXPORT_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/plans/:planId/targets/export.xlsx': [
    {
      name: 'bad plan uuid',
      req: () => ({ method: 'GET', url: '/api/plans/54/targets/export.xlsx' }),
      path: ['params', 'planId'],
    },
    {
      name: 'as-of written the Vietnamese way',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/export.xlsx?asOf=31/12/2023` }),
      path: ['querystring', 'asOf'],
    },
  ],
  'GET /api/plans/:planId/targets/export.pdf': [
    {
      name: 'bad plan uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/targets/export.pdf' }),
      path: ['params', 'planId'],
    },
    {
      name: 'impossible as-of date',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/export.pdf?asOf=2023-02-30` }),
      path: ['querystring', 'asOf'],
    },
  ],
  'GET /api/plans/:planId/targets/:planTargetId/subjects.xlsx': [
    {
      name: 'bad target uuid',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/x/subjects.xlsx` }),
      path: ['params', 'planTargetId'],
    },
    {
      name: 'unknown state',
      req: (c) => ({
        method: 'GET',
        url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects.xlsx?state=late`,
      }),
      path: ['querystring', 'state'],
    },
    {
      name: 'district neither a uuid nor city',
      req: (c) => ({
        method: 'GET',
        url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects.xlsx?district=31`,
      }),
      path: ['querystring', 'district'],
    },
  ],
};
