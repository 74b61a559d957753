import type { BadCase } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for the home page, keyed "METHOD /route". */
export const HOME_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/home': [
    {
      name: 'missing provinceId',
      req: () => ({ method: 'GET', url: '/api/home' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'bad provinceId',
      req: () => ({ method: 'GET', url: '/api/home?provinceId=31' }),
      path: ['querystring', 'provinceId'],
    },
  ],
};
