import { type BadCase, bodyShape, long, NO_SUCH } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for the obstacles register, keyed "METHOD /route". */
const url = (type: string) => `/api/obstacles/${NO_SUCH}/${type}`;
const post = (path: string, payload: Record<string, unknown>) => ({
  method: 'POST' as const,
  url: path,
  payload,
});
const stepCases = (type: string, valid: Record<string, unknown>, extra: BadCase[]): BadCase[] => [
  ...bodyShape('POST', () => url(type)),
  {
    name: 'bad uuid',
    req: () => post(`/api/obstacles/42/${type}`, { version: 1, ...valid }),
    path: ['params', 'obstacleId'],
  },
  { name: 'missing version', req: () => post(url(type), valid), path: ['body', 'version'] },
  {
    name: 'version as text',
    req: () => post(url(type), { ...valid, version: '1' }),
    path: ['body', 'version'],
  },
  {
    name: 'version out of range',
    req: () => post(url(type), { ...valid, version: 2147483648 }),
    path: ['body', 'version'],
  },
  ...extra,
];
const raise = (c: { unit: string }) => ({
  unitId: c.unit,
  kind: 'obstacle',
  title: 'Thiếu kinh phí',
  description: 'Đề nghị bổ sung kinh phí in tờ rơi',
});

export const OBSTACLE_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/obstacles': [
    {
      name: 'bad provinceId',
      req: () => ({ method: 'GET', url: '/api/obstacles?provinceId=31' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'unknown status',
      req: () => ({ method: 'GET', url: '/api/obstacles?status=open' }),
      path: ['querystring', 'status'],
    },
    {
      name: 'unknown kind',
      req: () => ({ method: 'GET', url: '/api/obstacles?kind=wish' }),
      path: ['querystring', 'kind'],
    },
    {
      name: 'overdue not a boolean',
      req: () => ({ method: 'GET', url: '/api/obstacles?overdue=yes' }),
      path: ['querystring', 'overdue'],
    },
    {
      name: 'bad reportId',
      req: () => ({ method: 'GET', url: '/api/obstacles?reportId=1' }),
      path: ['querystring', 'reportId'],
    },
    {
      name: 'oversized search',
      req: () => ({ method: 'GET', url: `/api/obstacles?q=${'a'.repeat(201)}` }),
      path: ['querystring', 'q'],
    },
    {
      name: 'NUL in search',
      req: () => ({ method: 'GET', url: '/api/obstacles?q=a%00b' }),
      path: ['querystring', 'q'],
    },
    {
      name: 'limit too big',
      req: () => ({ method: 'GET', url: '/api/obstacles?limit=501' }),
      path: ['querystring', 'limit'],
    },
  ],
  'POST /api/obstacles': [
    ...bodyShape('POST', () => '/api/obstacles'),
    {
      name: 'missing unitId',
      req: (c) => post('/api/obstacles', { ...raise(c), unitId: undefined }),
      path: ['body', 'unitId'],
    },
    {
      name: 'bad unitId',
      req: (c) => post('/api/obstacles', { ...raise(c), unitId: 'phuong' }),
      path: ['body', 'unitId'],
    },
    {
      name: 'unknown kind',
      req: (c) => post('/api/obstacles', { ...raise(c), kind: 'wish' }),
      path: ['body', 'kind'],
    },
    {
      name: 'title too short',
      req: (c) => post('/api/obstacles', { ...raise(c), title: 'ab' }),
      path: ['body', 'title'],
    },
    {
      name: 'oversized title',
      req: (c) => post('/api/obstacles', { ...raise(c), title: long(501) }),
      path: ['body', 'title'],
    },
    {
      name: 'NUL in title',
      req: (c) => post('/api/obstacles', { ...raise(c), title: 'Thiếu\u0000kinh phí' }),
      path: ['body', 'title'],
    },
    {
      name: 'description as a number',
      req: (c) => post('/api/obstacles', { ...raise(c), description: 42 }),
      path: ['body', 'description'],
    },
    {
      name: 'oversized description',
      req: (c) => post('/api/obstacles', { ...raise(c), description: long(10_001) }),
      path: ['body', 'description'],
    },
    {
      name: 'bad taskId',
      req: (c) => post('/api/obstacles', { ...raise(c), taskId: '7' }),
      path: ['body', 'taskId'],
    },
    {
      name: 'bad planTargetId',
      req: (c) => post('/api/obstacles', { ...raise(c), planTargetId: 'a' }),
      path: ['body', 'planTargetId'],
    },
    {
      name: 'bad reportId',
      req: (c) => post('/api/obstacles', { ...raise(c), reportId: 'bc' }),
      path: ['body', 'reportId'],
    },
    {
      name: 'unknown task',
      req: (c) => post('/api/obstacles', { ...raise(c), taskId: NO_SUCH }),
      path: ['body', 'taskId'],
    },
    {
      name: 'unknown plan',
      req: (c) => post('/api/obstacles', { ...raise(c), planId: NO_SUCH }),
      path: ['body', 'planId'],
    },
  ],
  'GET /api/obstacles/:obstacleId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/obstacles/12' }),
      path: ['params', 'obstacleId'],
    },
  ],
  'POST /api/obstacles/:obstacleId/forward': stepCases('forward', {}, [
    {
      name: 'impossible due date',
      req: () => post(url('forward'), { version: 1, dueDate: '2025-02-30' }),
      path: ['body', 'dueDate'],
    },
    {
      name: 'dd/mm/yyyy due date',
      req: () => post(url('forward'), { version: 1, dueDate: '30/06/2025' }),
      path: ['body', 'dueDate'],
    },
    {
      name: 'bad attached id',
      req: () => post(url('forward'), { version: 1, attachIds: ['x'] }),
      path: ['body', 'attachIds', 0],
    },
    {
      name: 'oversized note',
      req: () => post(url('forward'), { version: 1, note: long(5001) }),
      path: ['body', 'note'],
    },
  ]),
  'POST /api/obstacles/:obstacleId/merge': stepCases('merge', { intoId: NO_SUCH }, [
    { name: 'missing intoId', req: () => post(url('merge'), { version: 1 }), path: ['body', 'intoId'] },
    {
      name: 'bad intoId',
      req: () => post(url('merge'), { version: 1, intoId: 'kn-1' }),
      path: ['body', 'intoId'],
    },
  ]),
  'POST /api/obstacles/:obstacleId/decline': stepCases('decline', { reason: 'Đã có hướng dẫn' }, [
    {
      name: 'reason too short',
      req: () => post(url('decline'), { version: 1, reason: 'ko' }),
      path: ['body', 'reason'],
    },
    {
      name: 'NUL in reason',
      req: () => post(url('decline'), { version: 1, reason: 'Đã có\u0000hướng dẫn' }),
      path: ['body', 'reason'],
    },
  ]),
  'POST /api/obstacles/:obstacleId/direct': stepCases(
    'direct',
    { direction: 'Giao phường xử lý', ownerUnitId: NO_SUCH, dueDate: '2030-01-01' },
    [
      {
        name: 'missing direction',
        req: () => post(url('direct'), { version: 1, ownerUnitId: NO_SUCH, dueDate: '2030-01-01' }),
        path: ['body', 'direction'],
      },
      {
        name: 'bad owner unit',
        req: () =>
          post(url('direct'), {
            version: 1,
            direction: 'Giao xử lý',
            ownerUnitId: 'xa',
            dueDate: '2030-01-01',
          }),
        path: ['body', 'ownerUnitId'],
      },
      {
        name: 'missing due date',
        req: () => post(url('direct'), { version: 1, direction: 'Giao xử lý', ownerUnitId: NO_SUCH }),
        path: ['body', 'dueDate'],
      },
      {
        name: 'impossible due date',
        req: () =>
          post(url('direct'), {
            version: 1,
            direction: 'Giao xử lý',
            ownerUnitId: NO_SUCH,
            dueDate: '2030-13-01',
          }),
        path: ['body', 'dueDate'],
      },
      {
        name: 'oversized direction',
        req: () =>
          post(url('direct'), {
            version: 1,
            direction: long(10_001),
            ownerUnitId: NO_SUCH,
            dueDate: '2030-01-01',
          }),
        path: ['body', 'direction'],
      },
    ],
  ),
  'POST /api/obstacles/:obstacleId/answer': stepCases('answer', { answer: 'Đã xử lý xong' }, [
    { name: 'missing answer', req: () => post(url('answer'), { version: 1 }), path: ['body', 'answer'] },
    {
      name: 'answer as a list',
      req: () => post(url('answer'), { version: 1, answer: ['Đã xử lý'] }),
      path: ['body', 'answer'],
    },
  ]),
};

/** The consolidated report of a period: the only input is the period id (and the issuer). */
export const CONSOLIDATED_BAD_INPUT: Record<string, BadCase[]> = Object.fromEntries([
  [
    'POST /api/report-periods/:periodId/consolidated/issue',
    [
      {
        name: 'bad uuid',
        req: () => ({
          method: 'POST',
          url: '/api/report-periods/q2-2030/consolidated/issue',
          payload: { issuer: 'committee' },
        }),
        path: ['params', 'periodId'],
      },
      {
        name: 'missing issuer',
        req: () => ({
          method: 'POST',
          url: `/api/report-periods/${NO_SUCH}/consolidated/issue`,
          payload: {},
        }),
        path: ['body', 'issuer'],
      },
      {
        name: 'unknown issuer',
        req: () => ({
          method: 'POST',
          url: `/api/report-periods/${NO_SUCH}/consolidated/issue`,
          payload: { issuer: 'bo' },
        }),
        path: ['body', 'issuer'],
      },
    ],
  ],
  ...['', '.docx', '.xlsx', '.pdf'].map((suffix) => [
    `GET /api/report-periods/:periodId/consolidated${suffix}`,
    [
      {
        name: 'bad uuid',
        req: () => ({ method: 'GET', url: `/api/report-periods/q2-2030/consolidated${suffix}` }),
        path: ['params', 'periodId'],
      },
      {
        name: 'unknown issuer',
        req: () => ({ method: 'GET', url: `/api/report-periods/${NO_SUCH}/consolidated${suffix}?issuer=bo` }),
        path: ['querystring', 'issuer'],
      },
    ],
  ]),
]);
