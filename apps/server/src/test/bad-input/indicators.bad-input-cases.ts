import { type BadCase, bodyShape } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for the indicator engine, keyed "METHOD /route". */
const url = (planId: string) => `/api/plans/${planId}/indicators/preview`;
const post = (planId: string, payload: unknown) => ({
  method: 'POST' as const,
  url: url(planId),
  payload: payload as object,
});
const rule = {
  population: { record: 'person', filters: [{ field: 'role', in: ['reporter'] }] },
  condition: { type: 'linked', link: 'attended_trainings', filters: [] },
  value: { type: 'share' },
  goal: { comparator: 'eq', value: 100, unit: 'percent' },
};

const put = (payload: unknown) => ({
  method: 'PUT' as const,
  url: '/api/vocabularies',
  payload: payload as object,
});
const term = { vocabulary: 'person_role', code: 'leader', labelVi: 'lãnh đạo' };

export const INDICATOR_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/vocabularies': [
    {
      name: 'missing provinceId',
      req: () => ({ method: 'GET', url: '/api/vocabularies' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'bad asOf',
      req: (c) => ({ method: 'GET', url: `/api/vocabularies?provinceId=${c.hp}&asOf=2023-13-01` }),
      path: ['querystring', 'asOf'],
    },
  ],
  'PUT /api/vocabularies': [
    ...bodyShape('PUT', () => '/api/vocabularies'),
    { name: 'no terms', req: (c) => put({ provinceId: c.hp, terms: [] }), path: ['body', 'terms'] },
    {
      name: 'an unknown vocabulary',
      req: (c) => put({ provinceId: c.hp, terms: [{ ...term, vocabulary: 'colour' }] }),
      path: ['body', 'terms', 0, 'vocabulary'],
    },
    {
      name: 'a code with Vietnamese text',
      req: (c) => put({ provinceId: c.hp, terms: [{ ...term, code: 'lãnh đạo' }] }),
      path: ['body', 'terms', 0, 'code'],
    },
    {
      name: 'no Vietnamese label',
      req: (c) => put({ provinceId: c.hp, terms: [{ ...term, labelVi: ' ' }] }),
      path: ['body', 'terms', 0, 'labelVi'],
    },
    {
      name: 'ends before it starts',
      req: (c) =>
        put({ provinceId: c.hp, terms: [{ ...term, validFrom: '2025-07-01', validTo: '2025-01-01' }] }),
      path: ['body', 'terms', 0, 'validTo'],
    },
  ],
  'POST /api/plans/:planId/indicators/preview': [
    ...bodyShape('POST', (c) => url(c.plan)),
    { name: 'plan id not a uuid', req: () => post('54', { rule }), path: ['params', 'planId'] },
    { name: 'missing rule', req: (c) => post(c.plan, {}), path: ['body', 'rule'] },
    {
      name: 'a field the record does not have',
      req: (c) =>
        post(c.plan, {
          rule: {
            ...rule,
            population: { record: 'person', filters: [{ field: 'channelKind', in: ['tv'] }] },
          },
        }),
      path: ['body', 'rule', 'population', 'filters', 0, 'field'],
    },
    {
      name: 'a link of another record',
      req: (c) => post(c.plan, { rule: { ...rule, condition: { type: 'linked', link: 'featured_in' } } }),
      path: ['body', 'rule', 'condition', 'link'],
    },
    {
      name: 'a share above 100%',
      req: (c) =>
        post(c.plan, { rule: { ...rule, goal: { comparator: 'gte', value: 120, unit: 'percent' } } }),
      path: ['body', 'rule', 'goal', 'value'],
    },
  ],
};
