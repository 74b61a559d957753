import { type BadCase, bodyShape, long, NO_SUCH } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for reported figures (issue 16), keyed "METHOD /route". */
const item = (hp: string) => ({
  provinceId: hp,
  code: 'people_reached',
  nameVi: 'Số người được tuyên truyền',
  unitOfMeasure: 'people',
  frequency: 'quarter',
  aggregation: 'sum',
});
const post = (payload: unknown) => ({
  method: 'POST' as const,
  url: '/api/data-items',
  payload: payload as object,
});
const patch = (payload: unknown) => ({
  method: 'PATCH' as const,
  url: `/api/data-items/${NO_SUCH}`,
  payload: payload as object,
});
const unitUrl = `/api/report-periods/${NO_SUCH}/units/${NO_SUCH}/data-values`;
const put = (payload: unknown) => ({ method: 'PUT' as const, url: unitUrl, payload: payload as object });
const reviewUrl = `/api/report-periods/${NO_SUCH}/data-values/review`;
const review = (payload: unknown) => ({
  method: 'POST' as const,
  url: reviewUrl,
  payload: payload as object,
});
const one = { itemId: NO_SUCH, value: 10 };
const importUrl = `/api/report-periods/${NO_SUCH}/data-values/import`;
const emptyUpload = {
  headers: { 'content-type': 'multipart/form-data; boundary=----dxbad' },
  payload: '------dxbad--\r\n',
};

export const DATA_ITEM_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/data-items': [
    {
      name: 'missing provinceId',
      req: () => ({ method: 'GET', url: '/api/data-items' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'an unknown parameter',
      req: (c) => ({ method: 'GET', url: `/api/data-items?provinceId=${c.hp}&page=2` }),
      path: ['querystring'],
    },
  ],
  'POST /api/data-items': [
    ...bodyShape('POST', () => '/api/data-items'),
    { name: 'no name', req: (c) => post({ ...item(c.hp), nameVi: ' ' }), path: ['body', 'nameVi'] },
    {
      name: 'a name too long',
      req: (c) => post({ ...item(c.hp), nameVi: long(301) }),
      path: ['body', 'nameVi'],
    },
    {
      name: 'a code with accents',
      req: (c) => post({ ...item(c.hp), code: 'số người' }),
      path: ['body', 'code'],
    },
    {
      name: 'an unknown unit of measure',
      req: (c) => post({ ...item(c.hp), unitOfMeasure: 'kg' }),
      path: ['body', 'unitOfMeasure'],
    },
    {
      name: 'an unknown frequency',
      req: (c) => post({ ...item(c.hp), frequency: 'week' }),
      path: ['body', 'frequency'],
    },
    {
      name: 'an unknown aggregation',
      req: (c) => post({ ...item(c.hp), aggregation: 'max' }),
      path: ['body', 'aggregation'],
    },
    {
      name: 'may exceed population not a boolean',
      req: (c) => post({ ...item(c.hp), mayExceedPopulation: 'no' }),
      path: ['body', 'mayExceedPopulation'],
    },
    {
      name: 'ends before it starts',
      req: (c) => post({ ...item(c.hp), validFrom: '2026-07-01', validTo: '2026-01-01' }),
      path: ['body', 'validTo'],
    },
    {
      name: 'missing provinceId',
      req: (c) => post({ ...item(c.hp), provinceId: undefined }),
      path: ['body', 'provinceId'],
    },
  ],
  'PATCH /api/data-items/:itemId': [
    ...bodyShape('PATCH', () => `/api/data-items/${NO_SUCH}`),
    {
      name: 'item id not a uuid',
      req: () => ({ method: 'PATCH', url: '/api/data-items/abc', payload: { version: 1 } }),
      path: ['params', 'itemId'],
    },
    { name: 'missing version', req: () => patch({ nameVi: 'Tên' }), path: ['body', 'version'] },
    { name: 'version out of range', req: () => patch({ version: 2147483648 }), path: ['body', 'version'] },
    {
      name: 'an unknown unit of measure',
      req: () => patch({ version: 1, unitOfMeasure: 'kg' }),
      path: ['body', 'unitOfMeasure'],
    },
  ],
  'GET /api/report-periods/:periodId/data-values': [
    {
      name: 'period id not a uuid',
      req: () => ({ method: 'GET', url: '/api/report-periods/q1/data-values' }),
      path: ['params', 'periodId'],
    },
  ],
  'POST /api/report-periods/:periodId/data-values/review': [
    ...bodyShape('POST', () => reviewUrl),
    {
      name: 'an unknown action',
      req: () => review({ action: 'approve', values: [{ id: NO_SUCH, version: 1 }] }),
      path: ['body', 'action'],
    },
    { name: 'no values', req: () => review({ action: 'accept', values: [] }), path: ['body', 'values'] },
    {
      name: 'return without a comment',
      req: () => review({ action: 'return', values: [{ id: NO_SUCH, version: 1 }] }),
      path: ['body', 'comment'],
    },
    {
      name: 'value id not a uuid',
      req: () => review({ action: 'accept', values: [{ id: '1', version: 1 }] }),
      path: ['body', 'values', 0, 'id'],
    },
  ],
  'GET /api/report-periods/:periodId/units/:unitId/data-values': [
    {
      name: 'unit id not a uuid',
      req: () => ({ method: 'GET', url: `/api/report-periods/${NO_SUCH}/units/x/data-values` }),
      path: ['params', 'unitId'],
    },
  ],
  'PUT /api/report-periods/:periodId/units/:unitId/data-values': [
    ...bodyShape('PUT', () => unitUrl),
    { name: 'no values', req: () => put({ values: [] }), path: ['body', 'values'] },
    {
      name: 'a negative value',
      req: () => put({ values: [{ ...one, value: -5 }] }),
      path: ['body', 'values', 0, 'value'],
    },
    {
      name: 'a value as text',
      req: () => put({ values: [{ ...one, value: '12' }] }),
      path: ['body', 'values', 0, 'value'],
    },
    {
      name: 'an absurdly large value',
      req: () => put({ values: [{ ...one, value: 1e20 }] }),
      path: ['body', 'values', 0, 'value'],
    },
    {
      name: 'a note too long',
      req: () => put({ values: [{ ...one, note: long(2001) }] }),
      path: ['body', 'values', 0, 'note'],
    },
    {
      name: 'item id not a uuid',
      req: () => put({ values: [{ ...one, itemId: 'a' }] }),
      path: ['body', 'values', 0, 'itemId'],
    },
  ],
  'POST /api/report-periods/:periodId/units/:unitId/data-values/submit': [
    ...bodyShape('POST', () => `${unitUrl}/submit`),
    {
      name: 'an unknown field',
      req: () => ({ method: 'POST', url: `${unitUrl}/submit`, payload: { all: true } }),
      path: ['body'],
    },
  ],
  'GET /api/report-periods/:periodId/data-values/template.xlsx': [
    {
      name: 'period id not a uuid',
      req: () => ({ method: 'GET', url: '/api/report-periods/q2/data-values/template.xlsx' }),
      path: ['params', 'periodId'],
    },
  ],
  'POST /api/report-periods/:periodId/data-values/import': [
    {
      name: 'confirm not true/false',
      req: () => ({ method: 'POST', url: `${importUrl}?confirm=yes`, ...emptyUpload }),
      path: ['querystring', 'confirm'],
    },
    {
      name: 'an unknown parameter',
      req: () => ({ method: 'POST', url: `${importUrl}?dryRun=1`, ...emptyUpload }),
      path: ['querystring'],
    },
    {
      name: 'no file',
      req: () => ({ method: 'POST', url: importUrl, ...emptyUpload }),
      path: ['body', 'file'],
    },
  ],
};
