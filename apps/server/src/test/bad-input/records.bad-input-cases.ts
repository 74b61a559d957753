import type { RecordType } from '@dx/domain';
import { RECORD_PATHS } from '../../features/records/records.routes';
import { type BadCase, bodyShape, long, NO_SUCH } from './cases';

/**
 * Bad-input probes (http/bad-input.test.ts) for the import of every record type, its templates and files attached
 * to records, keyed "METHOD /route". (The publication import rows are in bad-input.test.ts.)
 */
const importCases = (url: string): BadCase[] => [
  ...bodyShape('POST', () => url),
  {
    name: 'content not base64',
    req: (c) => ({
      method: 'POST',
      url,
      payload: { provinceId: c.hp, fileName: 'a.csv', contentBase64: '%%%' },
    }),
    path: ['body', 'contentBase64'],
  },
  {
    name: 'bad provinceId',
    req: () => ({
      method: 'POST',
      url,
      payload: { provinceId: '31', fileName: 'a.csv', contentBase64: 'YQ==' },
    }),
    path: ['body', 'provinceId'],
  },
  {
    name: 'blank file name',
    req: (c) => ({
      method: 'POST',
      url,
      payload: { provinceId: c.hp, fileName: ' ', contentBase64: 'YQ==' },
    }),
    path: ['body', 'fileName'],
  },
  {
    name: 'confirm not a boolean',
    req: (c) => ({
      method: 'POST',
      url,
      payload: { provinceId: c.hp, fileName: 'a.csv', contentBase64: 'YQ==', confirm: 'yes' },
    }),
    path: ['body', 'confirm'],
  },
];

const fileCases = (path: string): BadCase[] => {
  const url = `/api/${path}/${NO_SUCH}/files`;
  return [
    ...bodyShape('POST', () => url),
    {
      name: 'bad uuid',
      req: () => ({
        method: 'POST',
        url: `/api/${path}/x/files`,
        payload: { fileName: 'a.pdf', contentBase64: 'YQ==' },
      }),
      path: ['params', 'id'],
    },
    {
      name: 'blank file name',
      req: () => ({ method: 'POST', url, payload: { fileName: '  ', contentBase64: 'YQ==' } }),
      path: ['body', 'fileName'],
    },
    {
      name: 'oversized file name',
      req: () => ({ method: 'POST', url, payload: { fileName: `${long(256)}.pdf`, contentBase64: 'YQ==' } }),
      path: ['body', 'fileName'],
    },
    {
      name: 'content not base64',
      req: () => ({ method: 'POST', url, payload: { fileName: 'a.pdf', contentBase64: '%%%' } }),
      path: ['body', 'contentBase64'],
    },
    {
      name: 'missing content',
      req: () => ({ method: 'POST', url, payload: { fileName: 'a.pdf' } }),
      path: ['body', 'contentBase64'],
    },
  ];
};

/** Imports sent as multipart: the province and confirm in the query, the file as the one part. */
const multipartImportCases = (url: string): BadCase[] => {
  const empty = {
    headers: { 'content-type': 'multipart/form-data; boundary=----dxbad' },
    payload: '------dxbad--\r\n',
  };
  return [
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
      name: 'no file',
      req: (c) => ({ method: 'POST', url: `${url}?provinceId=${c.hp}`, ...empty }),
      path: ['body', 'file'],
    },
  ];
};

export const RECORD_BAD_INPUT: Record<string, BadCase[]> = {
  ...Object.fromEntries(
    (Object.entries(RECORD_PATHS) as [RecordType, string][]).flatMap(([type, path]) => [
      [`POST /api/${path}/:id/files`, fileCases(path)],
      [`POST /api/imports/${path}/file`, multipartImportCases(`/api/imports/${path}/file`)],
      [
        `POST /api/imports/${path}/confirm`,
        [
          {
            name: 'bad stageId',
            req: () => ({ method: 'POST', url: `/api/imports/${path}/confirm`, payload: { stageId: 'x' } }),
            path: ['body', 'stageId'],
          },
          {
            name: 'unknown field',
            req: () => ({
              method: 'POST',
              url: `/api/imports/${path}/confirm`,
              payload: { stageId: '00000000-0000-4000-8000-000000000000', confirm: true },
            }),
            path: ['body'],
          },
        ] as BadCase[],
      ],
      ...(type === 'publication'
        ? []
        : [
            [
              `GET /api/imports/${path}/template.xlsx`,
              [
                {
                  name: 'bad provinceId',
                  req: () => ({ method: 'GET', url: `/api/imports/${path}/template.xlsx?provinceId=31` }),
                  path: ['querystring', 'provinceId'],
                },
              ],
            ],
            [`POST /api/imports/${path}`, importCases(`/api/imports/${path}`)],
          ]),
    ]),
  ),
  'GET /api/record-files/:fileId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/record-files/x' }),
      path: ['params', 'fileId'],
    },
  ],
  'DELETE /api/record-files/:fileId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'DELETE', url: '/api/record-files/x' }),
      path: ['params', 'fileId'],
    },
  ],
};
