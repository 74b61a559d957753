import { type BadCase, bodyShape, type Ctx, long, NO_SUCH } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for the reports routes, keyed "METHOD /route". */
const send = (method: 'POST' | 'PATCH', url: string, payload: object) => ({ method, url, payload });
const periods = (c: Ctx) => `/api/plans/${c.plan}/report-periods`;
const period = (c: Ctx) => ({
  kind: 'quarter',
  label: 'Quý I/2030',
  periodFrom: '2030-01-01',
  periodTo: '2030-03-31',
  dueDate: '2030-04-10',
  unitIds: [c.unit],
});
const periodUrl = `/api/report-periods/${NO_SUCH}`;
const reportUrl = `/api/reports/${NO_SUCH}`;
const versionCases = (method: 'POST' | 'PATCH', url: string, valid: Record<string, unknown>): BadCase[] => [
  { name: 'missing version', req: () => send(method, url, valid), path: ['body', 'version'] },
  {
    name: 'version as text',
    req: () => send(method, url, { ...valid, version: '1' }),
    path: ['body', 'version'],
  },
  { name: 'version zero', req: () => send(method, url, { ...valid, version: 0 }), path: ['body', 'version'] },
  {
    name: 'version out of range',
    req: () => send(method, url, { ...valid, version: 2147483648 }),
    path: ['body', 'version'],
  },
];
const narrativeCases = (method: 'POST' | 'PATCH', url: string): BadCase[] => [
  ...bodyShape(method, () => url),
  {
    name: 'bad reportId',
    req: () => send(method, url.replace(NO_SUCH, '42'), { version: 1 }),
    path: ['params', 'reportId'],
  },
  ...versionCases(method, url, { results: 'Kết quả' }),
  {
    name: 'results as a number',
    req: () => send(method, url, { version: 1, results: 42 }),
    path: ['body', 'results'],
  },
  {
    name: 'oversized obstacles',
    req: () => send(method, url, { version: 1, obstacles: long(20_001) }),
    path: ['body', 'obstacles'],
  },
  {
    name: 'NUL in proposals',
    req: () => send(method, url, { version: 1, proposals: 'Kiến\u0000nghị' }),
    path: ['body', 'proposals'],
  },
];

export const REPORT_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/plans/:planId/report-periods': [
    {
      name: 'bad planId',
      req: () => ({ method: 'GET', url: '/api/plans/54/report-periods' }),
      path: ['params', 'planId'],
    },
  ],
  'POST /api/plans/:planId/report-periods': [
    ...bodyShape('POST', periods),
    {
      name: 'bad planId',
      req: (c) => send('POST', '/api/plans/54/report-periods', period(c)),
      path: ['params', 'planId'],
    },
    {
      name: 'unknown kind',
      req: (c) => send('POST', periods(c), { ...period(c), kind: 'month' }),
      path: ['body', 'kind'],
    },
    {
      name: 'missing label',
      req: (c) => send('POST', periods(c), { ...period(c), label: undefined }),
      path: ['body', 'label'],
    },
    {
      name: 'label too short',
      req: (c) => send('POST', periods(c), { ...period(c), label: ' ' }),
      path: ['body', 'label'],
    },
    {
      name: 'oversized label',
      req: (c) => send('POST', periods(c), { ...period(c), label: long(201) }),
      path: ['body', 'label'],
    },
    {
      name: 'NUL in label',
      req: (c) => send('POST', periods(c), { ...period(c), label: 'Quý\u0000I' }),
      path: ['body', 'label'],
    },
    {
      name: 'impossible date',
      req: (c) => send('POST', periods(c), { ...period(c), periodTo: '2030-02-30' }),
      path: ['body', 'periodTo'],
    },
    {
      name: 'Vietnamese date format',
      req: (c) => send('POST', periods(c), { ...period(c), dueDate: '10/04/2030' }),
      path: ['body', 'dueDate'],
    },
    {
      name: 'end before start',
      req: (c) => send('POST', periods(c), { ...period(c), periodFrom: '2030-04-01' }),
      path: ['body', 'periodTo'],
    },
    {
      name: 'due before start',
      req: (c) => send('POST', periods(c), { ...period(c), dueDate: '2029-12-31' }),
      path: ['body', 'dueDate'],
    },
    {
      name: 'nobody required',
      req: (c) => send('POST', periods(c), { ...period(c), unitIds: [], groupIds: [] }),
      path: ['body', 'unitIds'],
    },
    {
      name: 'bad unit id',
      req: (c) => send('POST', periods(c), { ...period(c), unitIds: ['x'] }),
      path: ['body', 'unitIds', 0],
    },
    {
      name: 'bad group id',
      req: (c) => send('POST', periods(c), { ...period(c), groupIds: [1] }),
      path: ['body', 'groupIds', 0],
    },
    {
      name: 'unknown unit',
      req: (c) => send('POST', periods(c), { ...period(c), unitIds: [c.unit, NO_SUCH] }),
      path: ['body', 'unitIds', 1],
    },
    {
      name: 'unknown group',
      req: (c) => send('POST', periods(c), { ...period(c), groupIds: [NO_SUCH] }),
      path: ['body', 'groupIds', 0],
    },
  ],
  'PATCH /api/report-periods/:periodId': [
    ...bodyShape('PATCH', () => periodUrl),
    {
      name: 'bad periodId',
      req: () => send('PATCH', '/api/report-periods/q1', { version: 1 }),
      path: ['params', 'periodId'],
    },
    ...versionCases('PATCH', periodUrl, { label: 'Quý I' }),
    {
      name: 'unknown status',
      req: () => send('PATCH', periodUrl, { version: 1, status: 'archived' }),
      path: ['body', 'status'],
    },
    {
      name: 'end before start',
      req: () => send('PATCH', periodUrl, { version: 1, periodFrom: '2030-05-01', periodTo: '2030-04-01' }),
      path: ['body', 'periodTo'],
    },
    {
      name: 'impossible due date',
      req: () => send('PATCH', periodUrl, { version: 1, dueDate: '2030-13-01' }),
      path: ['body', 'dueDate'],
    },
    {
      name: 'unit ids not a list',
      req: () => send('PATCH', periodUrl, { version: 1, unitIds: 'all' }),
      path: ['body', 'unitIds'],
    },
  ],
  'GET /api/report-periods/:periodId/completeness': [
    {
      name: 'bad periodId',
      req: () => ({ method: 'GET', url: '/api/report-periods/1/completeness' }),
      path: ['params', 'periodId'],
    },
    {
      name: 'bad groupId',
      req: () => ({ method: 'GET', url: `${periodUrl}/completeness?groupId=huyen` }),
      path: ['querystring', 'groupId'],
    },
  ],
  'GET /api/report-periods/:periodId/missing.xlsx': [
    {
      name: 'bad periodId',
      req: () => ({ method: 'GET', url: '/api/report-periods/1/missing.xlsx' }),
      path: ['params', 'periodId'],
    },
    {
      name: 'bad groupId',
      req: () => ({ method: 'GET', url: `${periodUrl}/missing.xlsx?groupId=huyen` }),
      path: ['querystring', 'groupId'],
    },
  ],
  'POST /api/report-periods/:periodId/reminders': [
    ...bodyShape('POST', () => `${periodUrl}/reminders`),
    {
      name: 'no units',
      req: () => send('POST', `${periodUrl}/reminders`, { unitIds: [] }),
      path: ['body', 'unitIds'],
    },
    {
      name: 'bad unit id',
      req: () => send('POST', `${periodUrl}/reminders`, { unitIds: ['x'] }),
      path: ['body', 'unitIds', 0],
    },
    {
      name: 'oversized message',
      req: (c) => send('POST', `${periodUrl}/reminders`, { unitIds: [c.unit], message: long(2001) }),
      path: ['body', 'message'],
    },
    {
      name: 'bad periodId',
      req: (c) => send('POST', '/api/report-periods/x/reminders', { unitIds: [c.unit] }),
      path: ['params', 'periodId'],
    },
  ],
  'GET /api/report-periods/:periodId/units/:unitId/report': [
    {
      name: 'bad unitId',
      req: () => ({ method: 'GET', url: `${periodUrl}/units/phuong/report` }),
      path: ['params', 'unitId'],
    },
    {
      name: 'bad periodId',
      req: (c) => ({ method: 'GET', url: `/api/report-periods/1/units/${c.unit}/report` }),
      path: ['params', 'periodId'],
    },
  ],
  'POST /api/report-periods/:periodId/units/:unitId/report': [
    {
      name: 'bad unitId',
      req: () => ({ method: 'POST', url: `${periodUrl}/units/phuong/report` }),
      path: ['params', 'unitId'],
    },
    {
      name: 'bad periodId',
      req: (c) => ({ method: 'POST', url: `/api/report-periods/1/units/${c.unit}/report` }),
      path: ['params', 'periodId'],
    },
  ],
  'GET /api/reports/mine': [
    {
      name: 'bad planId',
      req: () => ({ method: 'GET', url: '/api/reports/mine?planId=54' }),
      path: ['querystring', 'planId'],
    },
  ],
  'GET /api/reports/:reportId': [
    {
      name: 'bad reportId',
      req: () => ({ method: 'GET', url: '/api/reports/42' }),
      path: ['params', 'reportId'],
    },
  ],
  'PATCH /api/reports/:reportId': narrativeCases('PATCH', reportUrl),
  'POST /api/reports/:reportId/submit': narrativeCases('POST', `${reportUrl}/submit`),
  'POST /api/reports/:reportId/return': [
    ...bodyShape('POST', () => `${reportUrl}/return`),
    ...versionCases('POST', `${reportUrl}/return`, { comment: 'Bổ sung' }),
    {
      name: 'blank comment',
      req: () => send('POST', `${reportUrl}/return`, { version: 1, comment: '   ' }),
      path: ['body', 'comment'],
    },
    {
      name: 'missing comment',
      req: () => send('POST', `${reportUrl}/return`, { version: 1 }),
      path: ['body', 'comment'],
    },
    {
      name: 'oversized comment',
      req: () => send('POST', `${reportUrl}/return`, { version: 1, comment: long(5001) }),
      path: ['body', 'comment'],
    },
    {
      name: 'bad reportId',
      req: () => send('POST', '/api/reports/x/return', { version: 1, comment: 'a' }),
      path: ['params', 'reportId'],
    },
  ],
  'POST /api/reports/:reportId/accept': [
    ...bodyShape('POST', () => `${reportUrl}/accept`),
    ...versionCases('POST', `${reportUrl}/accept`, {}),
    {
      name: 'comment as a list',
      req: () => send('POST', `${reportUrl}/accept`, { version: 1, comment: ['ok'] }),
      path: ['body', 'comment'],
    },
    {
      name: 'bad reportId',
      req: () => send('POST', '/api/reports/x/accept', { version: 1 }),
      path: ['params', 'reportId'],
    },
  ],
};
