import { DEFAULT_BUDGET_CHAIN } from '@dx/domain';
import { type BadCase, bodyShape, type Ctx, long, NO_SUCH } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for the budget routes, keyed "METHOD /route". */

const line = { content: 'In tờ rơi', unitCost: 2_500, quantity: 100, fundingSource: 'city_budget' };
const newEstimate = (c: Ctx) => ({ unitId: c.unit, title: 'Dự toán', lines: [line] });
const estimates = (c: Ctx) => `/api/plans/${c.plan}/budget-estimates`;
const est = (suffix = '') => `/api/budget-estimates/${NO_SUCH}${suffix}`;
const withLine = (c: Ctx, patch: Record<string, unknown>) => ({
  ...newEstimate(c),
  lines: [{ ...line, ...patch }],
});
const post = (url: string, payload: unknown) => ({
  method: 'POST' as const,
  url,
  payload: payload as object,
});
const put = (url: string, payload: unknown) => ({ method: 'PUT' as const, url, payload: payload as object });
const getUrl = (url: string) => ({ method: 'GET' as const, url });

export const BUDGET_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/plans/:planId/budget-estimates': [
    {
      name: 'a plan id that is not a uuid',
      req: () => getUrl('/api/plans/54/budget-estimates'),
      path: ['params', 'planId'],
    },
    {
      name: 'an unknown status',
      req: (c) => getUrl(`${estimates(c)}?status=late`),
      path: ['querystring', 'status'],
    },
    {
      name: 'a unit id that is not a uuid',
      req: (c) => getUrl(`${estimates(c)}?unitId=31`),
      path: ['querystring', 'unitId'],
    },
    {
      name: 'an unknown kind',
      req: (c) => getUrl(`${estimates(c)}?kind=loan`),
      path: ['querystring', 'kind'],
    },
    { name: 'a limit of 0', req: (c) => getUrl(`${estimates(c)}?limit=0`), path: ['querystring', 'limit'] },
  ],
  'POST /api/plans/:planId/budget-estimates': [
    ...bodyShape('POST', estimates),
    {
      name: 'no unit',
      req: (c) => post(estimates(c), { title: 'Dự toán', lines: [line] }),
      path: ['body', 'unitId'],
    },
    {
      name: 'an empty title',
      req: (c) => post(estimates(c), { ...newEstimate(c), title: '  ' }),
      path: ['body', 'title'],
    },
    {
      name: 'a title over 500 characters',
      req: (c) => post(estimates(c), { ...newEstimate(c), title: long(501) }),
      path: ['body', 'title'],
    },
    {
      name: 'an unknown kind',
      req: (c) => post(estimates(c), { ...newEstimate(c), kind: 'loan' }),
      path: ['body', 'kind'],
    },
    {
      name: 'a parent id that is not a uuid',
      req: (c) => post(estimates(c), { ...newEstimate(c), parentId: 'x' }),
      path: ['body', 'parentId'],
    },
    {
      name: 'a unit cost with a fraction of a đồng',
      req: (c) => post(estimates(c), withLine(c, { unitCost: 2500.5 })),
      path: ['body', 'lines', 0, 'unitCost'],
    },
    {
      name: 'a negative unit cost',
      req: (c) => post(estimates(c), withLine(c, { unitCost: -1 })),
      path: ['body', 'lines', 0, 'unitCost'],
    },
    {
      name: 'a unit cost written as text',
      req: (c) => post(estimates(c), withLine(c, { unitCost: '2.500' })),
      path: ['body', 'lines', 0, 'unitCost'],
    },
    {
      name: 'an amount beyond the safe-integer range',
      req: (c) => post(estimates(c), withLine(c, { amount: 2 ** 53 + 2 })),
      path: ['body', 'lines', 0, 'amount'],
    },
    {
      name: 'a negative amount',
      req: (c) => post(estimates(c), withLine(c, { amount: -100 })),
      path: ['body', 'lines', 0, 'amount'],
    },
    {
      name: 'unit cost × quantity beyond the safe range',
      req: (c) => post(estimates(c), withLine(c, { unitCost: 2 ** 52, quantity: 4 })),
      path: ['body', 'lines', 0, 'amount'],
    },
    {
      name: 'a quantity of 0',
      req: (c) => post(estimates(c), withLine(c, { quantity: 0 })),
      path: ['body', 'lines', 0, 'quantity'],
    },
    {
      name: 'a fractional quantity',
      req: (c) => post(estimates(c), withLine(c, { quantity: 1.5 })),
      path: ['body', 'lines', 0, 'quantity'],
    },
    {
      name: 'an unknown funding source',
      req: (c) => post(estimates(c), withLine(c, { fundingSource: 'loan' })),
      path: ['body', 'lines', 0, 'fundingSource'],
    },
    {
      name: 'an empty content',
      req: (c) => post(estimates(c), withLine(c, { content: '' })),
      path: ['body', 'lines', 0, 'content'],
    },
    {
      name: 'a content over 2000 characters',
      req: (c) => post(estimates(c), withLine(c, { content: long(2001) })),
      path: ['body', 'lines', 0, 'content'],
    },
    {
      name: 'a task id that is not a uuid',
      req: (c) => post(estimates(c), withLine(c, { taskId: '12' })),
      path: ['body', 'lines', 0, 'taskId'],
    },
    {
      name: 'lines that are not a list',
      req: (c) => post(estimates(c), { ...newEstimate(c), lines: {} }),
      path: ['body', 'lines'],
    },
  ],
  'GET /api/budget-estimates/:estimateId': [
    {
      name: 'an id that is not a uuid',
      req: () => getUrl('/api/budget-estimates/1'),
      path: ['params', 'estimateId'],
    },
  ],
  'PUT /api/budget-estimates/:estimateId/lines': [
    ...bodyShape('PUT', () => est('/lines')),
    { name: 'no version', req: () => put(est('/lines'), { lines: [line] }), path: ['body', 'version'] },
    {
      name: 'a version beyond the integer column',
      req: () => put(est('/lines'), { version: 2 ** 31, lines: [line] }),
      path: ['body', 'version'],
    },
    { name: 'no lines', req: () => put(est('/lines'), { version: 1 }), path: ['body', 'lines'] },
    {
      name: 'a line id that is not a uuid',
      req: () => put(est('/lines'), { version: 1, lines: [{ ...line, id: 'a' }] }),
      path: ['body', 'lines', 0, 'id'],
    },
    {
      name: 'a fractional unit cost',
      req: () => put(est('/lines'), { version: 1, lines: [{ ...line, unitCost: 0.1 }] }),
      path: ['body', 'lines', 0, 'unitCost'],
    },
    {
      name: 'an id that is not a uuid',
      req: () => put('/api/budget-estimates/x/lines', { version: 1, lines: [] }),
      path: ['params', 'estimateId'],
    },
  ],
  'POST /api/budget-estimates/:estimateId/actions': [
    ...bodyShape('POST', () => est('/actions')),
    {
      name: 'an unknown action',
      req: () => post(est('/actions'), { type: 'approve_all', version: 1 }),
      path: ['body', 'type'],
    },
    {
      name: 'a return without a reason',
      req: () => post(est('/actions'), { type: 'return', version: 1 }),
      path: ['body', 'reason'],
    },
    {
      name: 'a return with a too short reason',
      req: () => post(est('/actions'), { type: 'return', version: 1, reason: 'x' }),
      path: ['body', 'reason'],
    },
    { name: 'no version', req: () => post(est('/actions'), { type: 'forward' }), path: ['body', 'version'] },
    {
      name: 'a version of 0',
      req: () => post(est('/actions'), { type: 'submit', version: 0 }),
      path: ['body', 'version'],
    },
  ],
  'POST /api/budget-estimates/:estimateId/adjustments': [
    ...bodyShape('POST', () => est('/adjustments')),
    {
      name: 'no adjustments',
      req: () => post(est('/adjustments'), { version: 1, adjustments: [] }),
      path: ['body', 'adjustments'],
    },
    {
      name: 'an adjustment without a reason',
      req: () =>
        post(est('/adjustments'), { version: 1, adjustments: [{ lineId: NO_SUCH, amount: 1, reason: '' }] }),
      path: ['body', 'adjustments', 0, 'reason'],
    },
    {
      name: 'an adjusted amount with a fraction',
      req: () =>
        post(est('/adjustments'), {
          version: 1,
          adjustments: [{ lineId: NO_SUCH, amount: 1.25, reason: 'Theo định mức' }],
        }),
      path: ['body', 'adjustments', 0, 'amount'],
    },
    {
      name: 'a negative adjusted amount',
      req: () =>
        post(est('/adjustments'), {
          version: 1,
          adjustments: [{ lineId: NO_SUCH, amount: -1, reason: 'Theo định mức' }],
        }),
      path: ['body', 'adjustments', 0, 'amount'],
    },
    {
      name: 'a line id that is not a uuid',
      req: () =>
        post(est('/adjustments'), {
          version: 1,
          adjustments: [{ lineId: 'l1', amount: 1, reason: 'Theo định mức' }],
        }),
      path: ['body', 'adjustments', 0, 'lineId'],
    },
  ],
  'GET /api/budget-estimates/:estimateId/diff': [
    { name: 'a revision 0', req: () => getUrl(`${est('/diff')}?from=0`), path: ['querystring', 'from'] },
    {
      name: 'a revision that is not a number',
      req: () => getUrl(`${est('/diff')}?to=last`),
      path: ['querystring', 'to'],
    },
    {
      name: 'an id that is not a uuid',
      req: () => getUrl('/api/budget-estimates/abc/diff'),
      path: ['params', 'estimateId'],
    },
  ],
  'POST /api/budget-estimates/:estimateId/attachments': [
    ...bodyShape('POST', () => est('/attachments')),
    {
      name: 'no file name',
      req: () => post(est('/attachments'), { contentBase64: 'YQ==' }),
      path: ['body', 'fileName'],
    },
    {
      name: 'content that is not base64',
      req: () => post(est('/attachments'), { fileName: 'a.txt', contentBase64: 'không phải base64!' }),
      path: ['body', 'contentBase64'],
    },
    {
      name: 'a file name over 255 characters',
      req: () => post(est('/attachments'), { fileName: long(256), contentBase64: 'YQ==' }),
      path: ['body', 'fileName'],
    },
  ],
  'GET /api/budget-attachments/:attachmentId': [
    {
      name: 'an id that is not a uuid',
      req: () => getUrl('/api/budget-attachments/7'),
      path: ['params', 'attachmentId'],
    },
  ],
  'GET /api/plans/:planId/budget-totals': [
    {
      name: 'a plan id that is not a uuid',
      req: () => getUrl('/api/plans/x/budget-totals'),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/plans/:planId/budget-export.xlsx': [
    {
      name: 'a plan id that is not a uuid',
      req: () => getUrl('/api/plans/x/budget-export.xlsx'),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/plans/:planId/budget-submission.docx': [
    {
      name: 'a plan id that is not a uuid',
      req: () => getUrl('/api/plans/x/budget-submission.docx'),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/provinces/:provinceId/budget-chain': [
    {
      name: 'a province id that is not a uuid',
      req: () => getUrl('/api/provinces/31/budget-chain'),
      path: ['params', 'provinceId'],
    },
  ],
  'PUT /api/provinces/:provinceId/budget-chain': [
    ...bodyShape('PUT', (c) => `/api/provinces/${c.hp}/budget-chain`),
    {
      name: 'an empty chain',
      req: (c) => put(`/api/provinces/${c.hp}/budget-chain`, { version: 0, chain: [] }),
      path: ['body', 'chain'],
    },
    {
      name: 'an unknown role at a step',
      req: (c) =>
        put(`/api/provinces/${c.hp}/budget-chain`, {
          version: 0,
          chain: [{ ...DEFAULT_BUDGET_CHAIN[0], role: 'mayor' }],
        }),
      path: ['body', 'chain', 0, 'role'],
    },
    {
      name: 'a step unit that is not a uuid',
      req: (c) =>
        put(`/api/provinces/${c.hp}/budget-chain`, {
          version: 0,
          chain: [{ ...DEFAULT_BUDGET_CHAIN[0], unitId: 'sở' }],
        }),
      path: ['body', 'chain', 0, 'unitId'],
    },
    {
      name: 'two steps with the same key',
      req: (c) =>
        put(`/api/provinces/${c.hp}/budget-chain`, {
          version: 0,
          chain: [DEFAULT_BUDGET_CHAIN[0], DEFAULT_BUDGET_CHAIN[0]],
        }),
      path: ['body', 'chain', 1, 'key'],
    },
    {
      name: 'a step key with capitals',
      req: (c) =>
        put(`/api/provinces/${c.hp}/budget-chain`, {
          version: 0,
          chain: [{ ...DEFAULT_BUDGET_CHAIN[0], key: 'DX' }],
        }),
      path: ['body', 'chain', 0, 'key'],
    },
    {
      name: 'a negative version',
      req: (c) => put(`/api/provinces/${c.hp}/budget-chain`, { version: -1, chain: DEFAULT_BUDGET_CHAIN }),
      path: ['body', 'version'],
    },
    {
      name: 'a unit of the province that is not a province',
      req: (c) => put(`/api/provinces/${c.unit}/budget-chain`, { version: 0, chain: DEFAULT_BUDGET_CHAIN }),
      path: ['params', 'provinceId'],
    },
  ],
};
