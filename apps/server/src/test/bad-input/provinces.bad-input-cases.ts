import { type BadCase, bodyShape, type Ctx } from './cases';

const settingsUrl = (c: Ctx) => `/api/provinces/${c.hp}/settings`;
const agency = (name: string, shortName: string) => ({ name, shortName });
const put = (c: Ctx, settings: unknown) => ({
  method: 'PUT' as const,
  url: settingsUrl(c),
  payload: { revision: 0, settings },
});

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
  'GET /api/provinces/:provinceId/settings': [
    {
      name: 'provinceId not a uuid',
      req: () => ({ method: 'GET', url: '/api/provinces/31/settings' }),
      path: ['params', 'provinceId'],
    },
  ],
  'PUT /api/provinces/:provinceId/settings': [
    ...bodyShape('PUT', settingsUrl),
    {
      name: 'provinceId not a uuid',
      req: () => ({
        method: 'PUT',
        url: '/api/provinces/31/settings',
        payload: { revision: 0, settings: {} },
      }),
      path: ['params', 'provinceId'],
    },
    {
      name: 'missing revision',
      req: (c) => ({ method: 'PUT', url: settingsUrl(c), payload: { settings: {} } }),
      path: ['body', 'revision'],
    },
    {
      name: 'a negative revision',
      req: (c) => ({ method: 'PUT', url: settingsUrl(c), payload: { revision: -1, settings: {} } }),
      path: ['body', 'revision'],
    },
    {
      name: 'a key the platform does not know',
      req: (c) => put(c, { mayor: [] }),
      path: ['body', 'settings'],
    },
    {
      name: 'a province word other than tỉnh or thành phố',
      req: (c) => put(c, { province_word: [{ validFrom: null, validTo: null, value: 'huyện' }] }),
      path: ['body', 'settings', 'province_word', 0, 'value'],
    },
    {
      name: 'a date that does not exist',
      req: (c) => put(c, { province_word: [{ validFrom: '2025-02-30', validTo: null, value: 'tỉnh' }] }),
      path: ['body', 'settings', 'province_word', 0, 'validFrom'],
    },
    {
      name: 'a period ending before it starts',
      req: (c) =>
        put(c, {
          party_committee_name: [{ validFrom: '2025-03-01', validTo: '2025-01-01', value: 'Tỉnh ủy A' }],
        }),
      path: ['body', 'settings', 'party_committee_name', 0, 'validTo'],
    },
    {
      name: 'two periods of one key that overlap',
      req: (c) =>
        put(c, {
          dx_office_agency: [
            {
              validFrom: null,
              validTo: '2025-04-01',
              value: agency('Cơ quan thử nghiệm A', 'CQ A'),
            },
            { validFrom: '2025-03-01', validTo: null, value: agency('Cơ quan thử nghiệm B', 'CQ B') },
          ],
        }),
      path: ['body', 'settings', 'dx_office_agency', 1, 'validFrom'],
    },
    {
      name: 'an agency without its short name',
      req: (c) =>
        put(c, {
          dx_office_agency: [{ validFrom: null, validTo: null, value: { name: 'Sở Khoa học và Công nghệ' } }],
        }),
      path: ['body', 'settings', 'dx_office_agency', 0, 'value', 'shortName'],
    },
  ],
};
