import { type BadCase, bodyShape, NO_SUCH } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for importing plan documents, keyed "METHOD /route". */
const post = (url: string, payload: unknown) => ({
  method: 'POST' as const,
  url,
  payload: payload as object,
});

export const PLAN_IMPORT_BAD_INPUT: Record<string, BadCase[]> = {
  'POST /api/plans/imports': [
    ...bodyShape('POST', () => '/api/plans/imports'),
    {
      name: 'missing provinceId',
      req: () => post('/api/plans/imports', { text: 'x' }),
      path: ['body', 'provinceId'],
    },
    {
      name: 'bad provinceId',
      req: () => post('/api/plans/imports', { provinceId: '31', text: 'x' }),
      path: ['body', 'provinceId'],
    },
    {
      name: 'neither text nor file',
      req: (c) => post('/api/plans/imports', { provinceId: c.hp }),
      path: ['body', 'text'],
    },
    {
      name: 'both text and file',
      req: (c) => post('/api/plans/imports', { provinceId: c.hp, text: 'x', contentBase64: 'eA==' }),
      path: ['body', 'text'],
    },
    {
      name: 'text as a number',
      req: (c) => post('/api/plans/imports', { provinceId: c.hp, text: 42 }),
      path: ['body', 'text'],
    },
    {
      name: 'file not in base64',
      req: (c) => post('/api/plans/imports', { provinceId: c.hp, contentBase64: 'không phải base64!' }),
      path: ['body', 'contentBase64'],
    },
  ],
  'GET /api/plans/imports/:importId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/plans/imports/42' }),
      path: ['params', 'importId'],
    },
  ],
  'POST /api/plans/imports/:importId/confirm': [
    ...bodyShape('POST', () => `/api/plans/imports/${NO_SUCH}/confirm`),
    {
      name: 'bad uuid',
      req: () => post('/api/plans/imports/42/confirm', { document: {} }),
      path: ['params', 'importId'],
    },
    {
      name: 'missing document',
      req: () => post(`/api/plans/imports/${NO_SUCH}/confirm`, {}),
      path: ['body', 'document'],
    },
    {
      name: 'document as text',
      req: () => post(`/api/plans/imports/${NO_SUCH}/confirm`, { document: 'kế hoạch' }),
      path: ['body', 'document'],
    },
  ],
};
