import { type BadCase, bodyShape } from '../../http/bad-input.cases';

/** Bad-input probes (http/bad-input.test.ts) for the province catalogue, keyed "METHOD /route". */
export const PROVINCE_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/province-catalogue': [
    {
      name: 'a date that does not exist',
      req: () => ({ method: 'GET', url: '/api/province-catalogue?asOf=2025-02-30' }),
      path: ['querystring', 'asOf'],
    },
  ],
  'POST /api/provinces': [
    ...bodyShape('POST', () => '/api/provinces'),
    {
      name: 'missing catalogueId',
      req: () => ({ method: 'POST', url: '/api/provinces', payload: {} }),
      path: ['body', 'catalogueId'],
    },
    {
      name: 'catalogueId not a uuid',
      req: () => ({ method: 'POST', url: '/api/provinces', payload: { catalogueId: '31' } }),
      path: ['body', 'catalogueId'],
    },
  ],
};
