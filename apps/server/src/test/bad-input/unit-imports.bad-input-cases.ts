import type { BadCase } from './cases';

/** Bad-input probes (http/bad-input.test.ts) for importing units, keyed "METHOD /route". */
const url = '/api/unit-imports/file';
const empty = {
  headers: { 'content-type': 'multipart/form-data; boundary=----dxbad' },
  payload: '------dxbad--\r\n',
};

export const UNIT_IMPORT_BAD_INPUT: Record<string, BadCase[]> = {
  'GET /api/unit-imports/template.xlsx': [],
  'POST /api/unit-imports/file': [
    {
      name: 'bad provinceId',
      req: () => ({ method: 'POST', url: `${url}?provinceId=31`, ...empty }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'confirm not true/false',
      req: (c) => ({ method: 'POST', url: `${url}?provinceId=${c.hp}&confirm=yes`, ...empty }),
      path: ['querystring', 'confirm'],
    },
    {
      name: 'an effective date that does not exist',
      req: (c) => ({ method: 'POST', url: `${url}?provinceId=${c.hp}&effectiveDate=2024-02-30`, ...empty }),
      path: ['querystring', 'effectiveDate'],
    },
    {
      name: 'no file',
      req: (c) => ({ method: 'POST', url: `${url}?provinceId=${c.hp}`, ...empty }),
      path: ['body', 'file'],
    },
  ],
};
