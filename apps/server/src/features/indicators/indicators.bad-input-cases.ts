import { type BadCase, bodyShape } from '../../http/bad-input.cases';

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

export const INDICATOR_BAD_INPUT: Record<string, BadCase[]> = {
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
