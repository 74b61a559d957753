import type { BadCase } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for the national view, keyed "METHOD /route". */
export const NATIONAL_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/national/overview': [
    {
      name: 'dd/mm/yyyy asOf',
      req: () => ({ method: 'GET', url: '/api/national/overview?asOf=15/10/2023' }),
      path: ['querystring', 'asOf'],
    },
    {
      name: 'impossible asOf',
      req: () => ({ method: 'GET', url: '/api/national/overview?asOf=2023-02-30' }),
      path: ['querystring', 'asOf'],
    },
    {
      name: 'year not a number',
      req: () => ({ method: 'GET', url: '/api/national/overview?year=hai-nghin' }),
      path: ['querystring', 'year'],
    },
    {
      name: 'year out of range',
      req: () => ({ method: 'GET', url: '/api/national/overview?year=99999' }),
      path: ['querystring', 'year'],
    },
  ],
};
