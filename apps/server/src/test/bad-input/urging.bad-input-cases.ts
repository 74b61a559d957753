import { type BadCase, bodyShape } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for công văn đôn đốc, keyed "METHOD /route". */
export const URGING_BAD_INPUT: Record<string, BadCase[]> = {
  'POST /api/plans/:planId/urgings': [
    ...bodyShape('POST', (c) => `/api/plans/${c.plan}/urgings`),
    {
      name: 'unknown source',
      req: (c) => ({ method: 'POST', url: `/api/plans/${c.plan}/urgings`, payload: { source: 'all' } }),
      path: ['body', 'source'],
    },
    {
      name: 'a target list without its target',
      req: (c) => ({ method: 'POST', url: `/api/plans/${c.plan}/urgings`, payload: { source: 'target' } }),
      path: ['body', 'sourceId'],
    },
    {
      name: 'bad unit uuid',
      req: (c) => ({
        method: 'POST',
        url: `/api/plans/${c.plan}/urgings`,
        payload: { source: 'tasks', unitIds: ['31'] },
      }),
      path: ['body', 'unitIds', 0],
    },
    {
      name: 'bad as-of date',
      req: (c) => ({
        method: 'POST',
        url: `/api/plans/${c.plan}/urgings`,
        payload: { source: 'tasks', asOf: '31/12/2023' },
      }),
      path: ['body', 'asOf'],
    },
    {
      name: 'bad plan uuid',
      req: () => ({ method: 'POST', url: '/api/plans/54/urgings', payload: { source: 'tasks' } }),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/plans/:planId/urgings': [
    {
      name: 'bad plan uuid',
      req: () => ({ method: 'GET', url: '/api/plans/54/urgings' }),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/urgings/:urgingId/document.docx': [
    {
      name: 'bad urging uuid',
      req: () => ({ method: 'GET', url: '/api/urgings/12/document.docx' }),
      path: ['params', 'urgingId'],
    },
  ],
};
