import type { RecordType } from '@dx/domain';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_PATHS } from '../../features/records/records.routes';
import { createRecord } from '../factories';
import { createTestApp, type Session, type TestApp } from '../harness';
import { routesWithoutHead } from '../routes';
import { BUDGET_BAD_INPUT } from './budget.bad-input-cases';
import { type BadCase, bodyShape, type Ctx, json, long, NO_SUCH, type Path } from './cases';
import { DATA_ITEM_BAD_INPUT } from './data-items.bad-input-cases';
import { HOME_BAD_INPUT } from './home.bad-input-cases';
import { INDICATOR_BAD_INPUT } from './indicators.bad-input-cases';
import { NATIONAL_BAD_INPUT } from './national.bad-input-cases';
import { CONSOLIDATED_BAD_INPUT, OBSTACLE_BAD_INPUT } from './obstacles.bad-input-cases';
import { PLAN_IMPORT_BAD_INPUT } from './plan-imports.bad-input-cases';
import { PROVINCE_BAD_INPUT } from './provinces.bad-input-cases';
import { RECORD_BAD_INPUT } from './records.bad-input-cases';
import { REPORT_BAD_INPUT } from './reports.bad-input-cases';
import { TARGET_EXPORT_BAD_INPUT } from './targets-exports.bad-input-cases';
import { UNIT_IMPORT_BAD_INPUT } from './unit-imports.bad-input-cases';
import { URGING_BAD_INPUT } from './urging.bad-input-cases';

/**
 * Bad input on every route: malformed JSON, missing fields, wrong types, bad uuids, impossible or foreign-format
 * dates, oversized strings, unknown enum values, NUL characters, out-of-range numbers → 400 VALIDATION.FAILED naming
 * the field; never a 500; never a stack trace.
 */

const validGroup = (c: Ctx) => ({
  provinceId: c.hp,
  code: 'nhom-hop-le',
  name: 'Nhóm hợp lệ',
  kinds: ['district'],
});
const validUser = (c: Ctx) => ({
  username: 'can.bo',
  displayName: 'Cán bộ',
  password: 'mat-khau-du-dai',
  grants: [{ role: 'viewer', unitId: c.hp }],
});
const validCorrection = { version: 1, name: 'Xã Hợp Lệ', code: null, adminType: 'Xã', kind: 'commune' };

/** Evidence records (records.routes.ts): a channel of the test unit, made in the suite's setup. */
// Real records, so bodies that pass validation reach the database (a person: the role is checked against the
// province's vocabulary only once the person is found).
/**
 * Real records, so bodies that pass validation reach the database; for the kinds whose choices are the province's
 * vocabulary (roles, channel and model kinds, event levels: checked against the record's province, known only once
 * the record is read), an update must name a record that exists for its unknown choice to be refused with 400.
 */
const ev: { channel: string; real: Partial<Record<RecordType, string>> } = { channel: NO_SUCH, real: {} };
const validRecord = (c: Ctx, type: RecordType): Record<string, unknown> =>
  ({
    unit_plan: {
      unitId: c.unit,
      year: 2025,
      kind: 'dx_plan',
      documentNumber: '01/KH',
      documentDate: '2025-01-15',
    },
    channel: { ownerUnitId: c.unit, kind: 'portal', name: 'Trang thông tin phường' },
    publication: {
      channelId: ev.channel,
      title: 'Tin',
      publishedOn: '2025-02-01',
      format: 'article',
      reach: 10,
    },
    person: { unitId: c.unit, fullName: 'Nguyễn Văn A', role: 'reporter' },
    training: { organiserUnitId: c.unit, title: 'Lớp tập huấn', heldOn: '2025-03-01', tags: ['dx_writing'] },
    dx_model: { unitId: c.unit, kind: 'model', name: 'Chợ 4.0' },
    event: {
      organiserUnitId: c.unit,
      kind: 'contest',
      level: 'unit',
      title: 'Cuộc thi',
      heldOn: '2025-04-01',
    },
  })[type];
/** Per type: a field holding a choice, a date, a required text with its limit, and the owner reference. */
const RECORD_FIELDS: Record<
  RecordType,
  { choice: [string, unknown]; date: string; text: [string, number]; owner: string; count?: string }
> = {
  unit_plan: {
    choice: ['kind', 'memo'],
    date: 'documentDate',
    text: ['documentNumber', 60],
    owner: 'unitId',
    count: 'year',
  },
  channel: { choice: ['kind', 'blog'], date: 'closedOn', text: ['name', 300], owner: 'ownerUnitId' },
  publication: {
    choice: ['format', 'poem'],
    date: 'publishedOn',
    text: ['title', 1000],
    owner: 'channelId',
    count: 'reach',
  },
  person: { choice: ['role', 'poet'], date: 'leftOn', text: ['fullName', 200], owner: 'unitId' },
  training: { choice: ['tags', [long(41)]], date: 'heldOn', text: ['title', 500], owner: 'organiserUnitId' },
  dx_model: { choice: ['kind', 'idea'], date: 'recognisedOn', text: ['name', 500], owner: 'unitId' },
  event: {
    choice: ['level', 'world'],
    date: 'heldOn',
    text: ['title', 500],
    owner: 'organiserUnitId',
    count: 'participants',
  },
};
/** Bad fields of a record body; `wrap` puts the record where the route expects it (PUT: `{ version, record }`). */
const recordFieldCases = (
  type: RecordType,
  method: 'POST' | 'PUT',
  url: string | (() => string),
  wrap: (r: Record<string, unknown>) => Record<string, unknown>,
  at: Path,
): BadCase[] => {
  const { choice, date, text, owner, count } = RECORD_FIELDS[type];
  const bad = (name: string, field: string, value: unknown, path: Path = [...at, field]): BadCase => ({
    name,
    req: (c) => ({
      method,
      url: typeof url === 'string' ? url : url(),
      payload: wrap({ ...validRecord(c, type), [field]: value }),
    }),
    path,
  });
  return [
    bad('unknown choice', choice[0], choice[1], Array.isArray(choice[1]) ? [...at, choice[0], 0] : undefined),
    bad('owner not a uuid', owner, 'x'),
    bad('impossible date', date, '2025-02-30'),
    bad('dd/mm/yyyy date', date, '15/03/2025'),
    bad('blank text', text[0], '   '),
    bad('oversized text', text[0], long(text[1] + 1)),
    bad('NUL in text', text[0], 'a\u0000b'),
    bad('lone surrogate in text', text[0], 'a\ud800b'),
    bad('lone low surrogate in text', text[0], '\udc00'),
    bad('C0 control character in text', text[0], 'a\u0007b'),
    bad('C1 control character in text', text[0], 'a\u0085b'),
    bad('text typed in a legacy font (TCVN3)', text[0], 'ChuyÓn ®æi sè'),
    ...(count
      ? [bad('negative number', count, -1), bad('number beyond the integer column', count, 2147483648)]
      : []),
  ];
};
const EVIDENCE_CASES: Record<string, BadCase[]> = Object.fromEntries(
  (Object.entries(RECORD_PATHS) as [RecordType, string][]).flatMap(([type, p]) => {
    const path = `/api/${p}`;
    const one = `${path}/${NO_SUCH}`;
    return [
      [
        `GET ${path}`,
        [
          {
            name: 'missing provinceId',
            req: () => ({ method: 'GET', url: path }),
            path: ['querystring', 'provinceId'],
          },
          {
            name: 'bad unitId',
            req: (c) => ({ method: 'GET', url: `${path}?provinceId=${c.hp}&unitId=x` }),
            path: ['querystring', 'unitId'],
          },
          {
            name: 'impossible from date',
            req: (c) => ({ method: 'GET', url: `${path}?provinceId=${c.hp}&from=2025-02-30` }),
            path: ['querystring', 'from'],
          },
          {
            name: 'dd/mm/yyyy to date',
            req: (c) => ({ method: 'GET', url: `${path}?provinceId=${c.hp}&to=30%2F06%2F2025` }),
            path: ['querystring', 'to'],
          },
          {
            name: 'limit out of range',
            req: (c) => ({ method: 'GET', url: `${path}?provinceId=${c.hp}&limit=501` }),
            path: ['querystring', 'limit'],
          },
          {
            name: 'includeBelow not true/false',
            req: (c) => ({
              method: 'GET',
              url: `${path}?provinceId=${c.hp}&unitId=${c.unit}&includeBelow=yes`,
            }),
            path: ['querystring', 'includeBelow'],
          },
          {
            // Strict list queries (packages/contracts/src/records.ts): a misspelt filter is refused, not ignored.
            name: 'unknown query parameter',
            req: (c) => ({ method: 'GET', url: `${path}?provinceId=${c.hp}&unitid=${c.unit}` }),
            path: ['querystring'],
          },
        ],
      ],
      [
        `GET ${path}/:id`,
        [{ name: 'bad uuid', req: () => ({ method: 'GET', url: `${path}/x` }), path: ['params', 'id'] }],
      ],
      [
        `POST ${path}`,
        [...bodyShape('POST', () => path), ...recordFieldCases(type, 'POST', path, (r) => r, ['body'])],
      ],
      [
        `PUT ${path}/:id`,
        [
          ...bodyShape('PUT', () => one),
          {
            name: 'bad uuid',
            req: (c) => ({
              method: 'PUT',
              url: `${path}/x`,
              payload: { version: 1, record: validRecord(c, type) },
            }),
            path: ['params', 'id'],
          },
          {
            name: 'missing version',
            req: (c) => ({ method: 'PUT', url: one, payload: { record: validRecord(c, type) } }),
            path: ['body', 'version'],
          },
          {
            name: 'version out of range',
            req: (c) => ({
              method: 'PUT',
              url: one,
              payload: { version: 2147483648, record: validRecord(c, type) },
            }),
            path: ['body', 'version'],
          },
          {
            name: 'missing record',
            req: () => ({ method: 'PUT', url: one, payload: { version: 1 } }),
            path: ['body', 'record'],
          },
          ...recordFieldCases(
            type,
            'PUT',
            () => (ev.real[type] ? `${path}/${ev.real[type]}` : one),
            (record) => ({ version: 1, record }),
            ['body', 'record'],
          ),
        ],
      ],
      [
        `DELETE ${path}/:id`,
        [
          {
            name: 'bad uuid',
            req: () => ({ method: 'DELETE', url: `${path}/x?version=1` }),
            path: ['params', 'id'],
          },
          {
            name: 'missing version',
            req: () => ({ method: 'DELETE', url: one }),
            path: ['querystring', 'version'],
          },
          {
            name: 'version not a number',
            req: () => ({ method: 'DELETE', url: `${one}?version=latest` }),
            path: ['querystring', 'version'],
          },
          {
            name: 'version out of range',
            req: () => ({ method: 'DELETE', url: `${one}?version=2147483648` }),
            path: ['querystring', 'version'],
          },
        ],
      ],
    ];
  }),
);
EVIDENCE_CASES['POST /api/unit-plans/:id/review'] = [
  ...bodyShape('POST', () => `/api/unit-plans/${NO_SUCH}/review`),
  {
    name: 'bad uuid',
    req: () => ({
      method: 'POST',
      url: '/api/unit-plans/x/review',
      payload: { version: 1, decision: 'accept' },
    }),
    path: ['params', 'id'],
  },
  {
    name: 'unknown decision',
    req: () => ({
      method: 'POST',
      url: `/api/unit-plans/${NO_SUCH}/review`,
      payload: { version: 1, decision: 'maybe' },
    }),
    path: ['body', 'decision'],
  },
  {
    name: 'version out of range',
    req: () => ({
      method: 'POST',
      url: `/api/unit-plans/${NO_SUCH}/review`,
      payload: { version: 2147483648, decision: 'accept' },
    }),
    path: ['body', 'version'],
  },
  {
    name: 'oversized note',
    req: () => ({
      method: 'POST',
      url: `/api/unit-plans/${NO_SUCH}/review`,
      payload: { version: 1, decision: 'return', note: long(4001) },
    }),
    path: ['body', 'note'],
  },
];
EVIDENCE_CASES['GET /api/imports/publications/template.xlsx'] = [];
EVIDENCE_CASES['POST /api/imports/publications'] = [
  ...bodyShape('POST', () => '/api/imports/publications'),
  {
    name: 'content not base64',
    req: (c) => ({
      method: 'POST',
      url: '/api/imports/publications',
      payload: { provinceId: c.hp, fileName: 'tin.csv', contentBase64: '%%%' },
    }),
    path: ['body', 'contentBase64'],
  },
  {
    name: 'bad provinceId',
    req: () => ({
      method: 'POST',
      url: '/api/imports/publications',
      payload: { provinceId: '31', fileName: 'tin.csv', contentBase64: 'YQ==' },
    }),
    path: ['body', 'provinceId'],
  },
  {
    name: 'blank file name',
    req: (c) => ({
      method: 'POST',
      url: '/api/imports/publications',
      payload: { provinceId: c.hp, fileName: ' ', contentBase64: 'YQ==' },
    }),
    path: ['body', 'fileName'],
  },
  {
    name: 'confirm not a boolean',
    req: (c) => ({
      method: 'POST',
      url: '/api/imports/publications',
      payload: { provinceId: c.hp, fileName: 'tin.csv', contentBase64: 'YQ==', confirm: 'yes' },
    }),
    path: ['body', 'confirm'],
  },
];
EVIDENCE_CASES['GET /api/plans/:planId/targets/evaluation'] = [
  {
    name: 'bad uuid',
    req: () => ({ method: 'GET', url: '/api/plans/x/targets/evaluation' }),
    path: ['params', 'planId'],
  },
  {
    name: 'bad asOf',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/evaluation?asOf=2023-13-45` }),
    path: ['querystring', 'asOf'],
  },
];
EVIDENCE_CASES['GET /api/plans/:planId/targets/standing'] = [
  {
    name: 'bad uuid',
    req: (c) => ({ method: 'GET', url: `/api/plans/x/targets/standing?unitId=${c.unit}` }),
    path: ['params', 'planId'],
  },
  {
    name: 'missing unitId',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/standing` }),
    path: ['querystring', 'unitId'],
  },
  {
    name: 'bad unitId',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/standing?unitId=31` }),
    path: ['querystring', 'unitId'],
  },
];
EVIDENCE_CASES['POST /api/plans/:planId/targets/:planTargetId/reminders'] = [
  ...bodyShape('POST', () => `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/reminders`),
  {
    name: 'no units',
    req: () => ({
      method: 'POST',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/reminders`,
      payload: { unitIds: [] },
    }),
    path: ['body', 'unitIds'],
  },
  {
    name: 'unit not a uuid',
    req: () => ({
      method: 'POST',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/reminders`,
      payload: { unitIds: ['x'] },
    }),
    path: ['body', 'unitIds', 0],
  },
  {
    name: 'oversized message',
    req: (c) => ({
      method: 'POST',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/reminders`,
      payload: { unitIds: [c.unit], message: long(4001) },
    }),
    path: ['body', 'message'],
  },
  {
    name: 'bad target uuid',
    req: (c) => ({
      method: 'POST',
      url: `/api/plans/${NO_SUCH}/targets/x/reminders`,
      payload: { unitIds: [c.unit] },
    }),
    path: ['params', 'planTargetId'],
  },
];
EVIDENCE_CASES['GET /api/plans/:planId/targets/:planTargetId/definition'] = [
  {
    name: 'bad plan uuid',
    req: () => ({ method: 'GET', url: `/api/plans/x/targets/${NO_SUCH}/definition` }),
    path: ['params', 'planId'],
  },
  {
    name: 'bad target uuid',
    req: () => ({ method: 'GET', url: `/api/plans/${NO_SUCH}/targets/x/definition` }),
    path: ['params', 'planTargetId'],
  },
];
const validTargetRule = {
  population: { record: 'channel', filters: [{ field: 'kind', in: ['portal'] }] },
  condition: { type: 'linked', link: 'publications', every: 'quarter' },
  value: { type: 'share' },
};
EVIDENCE_CASES['PUT /api/plans/:planId/targets/:planTargetId/definition'] = [
  ...bodyShape('PUT', () => `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`),
  {
    name: 'missing version',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`,
      payload: { rule: validTargetRule },
    }),
    path: ['body', 'version'],
  },
  {
    name: 'version out of range',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`,
      payload: { version: 2147483648, rule: validTargetRule },
    }),
    path: ['body', 'version'],
  },
  {
    name: 'missing rule',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`,
      payload: { version: null },
    }),
    path: ['body', 'rule'],
  },
  {
    name: 'unknown population',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`,
      payload: { version: null, rule: { ...validTargetRule, population: { record: 'school' } } },
    }),
    path: ['body', 'rule', 'population', 'record'],
  },
  {
    name: 'no channel kinds',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`,
      payload: {
        version: null,
        rule: { ...validTargetRule, population: { record: 'channel', filters: [{ field: 'kind', in: [] }] } },
      },
    }),
    path: ['body', 'rule', 'population', 'filters', 0, 'in'],
  },
  {
    name: 'condition for another population',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`,
      payload: {
        version: null,
        rule: { ...validTargetRule, condition: { type: 'linked', link: 'attended_trainings' } },
      },
    }),
    path: ['body', 'rule', 'condition', 'link'],
  },
  {
    name: 'impossible period date',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/${NO_SUCH}/definition`,
      payload: {
        version: null,
        rule: { ...validTargetRule, period: { type: 'range', from: '2024-02-30', to: '2024-12-31' } },
      },
    }),
    path: ['body', 'rule', 'period', 'from'],
  },
  {
    name: 'bad target uuid',
    req: () => ({
      method: 'PUT',
      url: `/api/plans/${NO_SUCH}/targets/x/definition`,
      payload: { version: null, rule: validTargetRule },
    }),
    path: ['params', 'planTargetId'],
  },
];
EVIDENCE_CASES['GET /api/units/:unitId/notifications'] = [
  {
    name: 'bad uuid',
    req: () => ({ method: 'GET', url: '/api/units/x/notifications' }),
    path: ['params', 'unitId'],
  },
];
EVIDENCE_CASES['POST /api/units/:unitId/notifications/:notificationId/read'] = [
  {
    name: 'bad unit uuid',
    req: () => ({ method: 'POST', url: `/api/units/x/notifications/${NO_SUCH}/read` }),
    path: ['params', 'unitId'],
  },
  {
    name: 'bad notification uuid',
    req: (c) => ({ method: 'POST', url: `/api/units/${c.unit}/notifications/1/read` }),
    path: ['params', 'notificationId'],
  },
];
EVIDENCE_CASES['POST /api/units/:unitId/notifications/read-all'] = [
  {
    name: 'bad uuid',
    req: () => ({ method: 'POST', url: '/api/units/x/notifications/read-all' }),
    path: ['params', 'unitId'],
  },
];
EVIDENCE_CASES['GET /api/plans/:planId/targets/trend'] = [
  {
    name: 'bad uuid',
    req: () => ({ method: 'GET', url: '/api/plans/x/targets/trend' }),
    path: ['params', 'planId'],
  },
  {
    name: 'bad asOf',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/trend?asOf=31/12/2023` }),
    path: ['querystring', 'asOf'],
  },
];
EVIDENCE_CASES['GET /api/plans/:planId/targets/:planTargetId/subjects'] = [
  {
    name: 'bad target uuid',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/x/subjects` }),
    path: ['params', 'planTargetId'],
  },
  {
    name: 'unknown state',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects?state=late` }),
    path: ['querystring', 'state'],
  },
  {
    name: 'district neither a uuid nor city',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects?district=31` }),
    path: ['querystring', 'district'],
  },
  {
    name: 'unknown unit kind',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects?unitKind=village` }),
    path: ['querystring', 'unitKind'],
  },
  {
    name: 'negative offset',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects?offset=-1` }),
    path: ['querystring', 'offset'],
  },
  {
    name: 'page too large',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects?limit=500` }),
    path: ['querystring', 'limit'],
  },
  {
    name: 'bad unit uuid',
    req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/targets/${NO_SUCH}/subjects?unitId=31` }),
    path: ['querystring', 'unitId'],
  },
];

/** One table row per route; `[]` only for routes that take no input at all. */
const CASES: Record<string, BadCase[]> = {
  ...BUDGET_BAD_INPUT,
  ...HOME_BAD_INPUT,
  ...INDICATOR_BAD_INPUT,
  ...DATA_ITEM_BAD_INPUT,
  ...NATIONAL_BAD_INPUT,
  ...PLAN_IMPORT_BAD_INPUT,
  ...PROVINCE_BAD_INPUT,
  ...UNIT_IMPORT_BAD_INPUT,
  ...REPORT_BAD_INPUT,
  ...OBSTACLE_BAD_INPUT,
  ...CONSOLIDATED_BAD_INPUT,
  ...URGING_BAD_INPUT,
  ...TARGET_EXPORT_BAD_INPUT,
  'GET /api/health': [],
  'GET /api/docs': [],
  'GET /api/docs/': [],
  'GET /api/docs/json': [],
  'GET /api/docs/yaml': [],
  'GET /api/docs/static/index.html': [],
  'GET /api/docs/static/swagger-initializer.js': [],
  'GET /api/docs/*': [],
  'GET /api/auth/me': [],
  'POST /api/auth/sign-in': [
    ...bodyShape('POST', () => '/api/auth/sign-in'),
    {
      name: 'missing password',
      req: () => ({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'admin' } }),
      path: ['body', 'password'],
    },
    {
      name: 'username a number',
      req: () => ({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 42, password: 'x' } }),
      path: ['body', 'username'],
    },
    {
      name: 'blank username',
      req: () => ({ method: 'POST', url: '/api/auth/sign-in', payload: { username: '   ', password: 'x' } }),
      path: ['body', 'username'],
    },
    {
      name: 'oversized username',
      req: () => ({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: long(101), password: 'x' },
      }),
      path: ['body', 'username'],
    },
    {
      name: 'oversized password',
      req: () => ({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: 'admin', password: long(201) },
      }),
      path: ['body', 'password'],
    },
    {
      name: 'NUL in username',
      req: () => ({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: 'ad\u0000min', password: 'x' },
      }),
      path: ['body', 'username'],
    },
  ],
  'POST /api/auth/sign-out': [
    ...bodyShape('POST', () => '/api/auth/sign-out'),
    {
      name: 'everywhere not a boolean',
      req: () => ({ method: 'POST', url: '/api/auth/sign-out', payload: { everywhere: 'yes' } }),
      path: ['body', 'everywhere'],
    },
  ],
  'POST /api/auth/change-password': [
    ...bodyShape('POST', () => '/api/auth/change-password'),
    {
      name: 'missing current password',
      req: () => ({
        method: 'POST',
        url: '/api/auth/change-password',
        payload: { newPassword: 'mot-mat-khau-moi' },
      }),
      path: ['body', 'currentPassword'],
    },
    {
      name: 'new password too short',
      req: () => ({
        method: 'POST',
        url: '/api/auth/change-password',
        payload: { currentPassword: 'x', newPassword: 'ngan' },
      }),
      path: ['body', 'newPassword'],
    },
    {
      name: 'new password oversized',
      req: () => ({
        method: 'POST',
        url: '/api/auth/change-password',
        payload: { currentPassword: 'x', newPassword: long(201) },
      }),
      path: ['body', 'newPassword'],
    },
  ],
  'GET /api/provinces': [
    {
      name: 'impossible date',
      req: () => ({ method: 'GET', url: '/api/provinces?asOf=2023-02-30' }),
      path: ['querystring', 'asOf'],
    },
    {
      name: 'dd/mm/yyyy date',
      req: () => ({ method: 'GET', url: '/api/provinces?asOf=30/06/2023' }),
      path: ['querystring', 'asOf'],
    },
  ],
  'GET /api/org-units': [
    {
      name: 'missing provinceId',
      req: () => ({ method: 'GET', url: '/api/org-units' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'bad provinceId',
      req: () => ({ method: 'GET', url: '/api/org-units?provinceId=31' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'bad parentId',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&parentId=abc` }),
      path: ['querystring', 'parentId'],
    },
    {
      name: 'impossible date',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&asOf=2023-02-30` }),
      path: ['querystring', 'asOf'],
    },
    {
      name: 'dd/mm/yyyy date',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&asOf=30%2F06%2F2023` }),
      path: ['querystring', 'asOf'],
    },
    {
      name: 'unknown kind',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&kind=village` }),
      path: ['querystring', 'kind'],
    },
    {
      name: 'oversized search',
      req: (c) => ({
        method: 'GET',
        url: `/api/org-units?provinceId=${c.hp}&q=${encodeURIComponent(long(101))}`,
      }),
      path: ['querystring', 'q'],
    },
    {
      name: 'NUL in search',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&q=h%00a` }),
      path: ['querystring', 'q'],
    },
    {
      name: 'limit not a number',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&limit=many` }),
      path: ['querystring', 'limit'],
    },
    {
      name: 'limit too large',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&limit=501` }),
      path: ['querystring', 'limit'],
    },
    {
      name: 'negative offset',
      req: (c) => ({ method: 'GET', url: `/api/org-units?provinceId=${c.hp}&offset=-1` }),
      path: ['querystring', 'offset'],
    },
  ],
  'GET /api/org-units/summary': [
    {
      name: 'missing provinceId',
      req: () => ({ method: 'GET', url: '/api/org-units/summary' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'impossible date',
      req: (c) => ({ method: 'GET', url: `/api/org-units/summary?provinceId=${c.hp}&asOf=2023-02-30` }),
      path: ['querystring', 'asOf'],
    },
  ],
  'GET /api/org-units/:unitId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/org-units/not-a-uuid' }),
      path: ['params', 'unitId'],
    },
    {
      name: 'a path parameter over the length limit',
      req: () => ({ method: 'GET', url: `/api/org-units/${'a'.repeat(200)}` }),
      path: ['params'],
    },
    {
      name: 'a malformed percent-encoding',
      req: () => ({ method: 'GET', url: '/api/org-units/%E0%A4%A' }),
      path: ['params'],
    },
  ],
  'PATCH /api/org-units/versions/:versionId': [
    ...bodyShape('PATCH', (c) => `/api/org-units/versions/${c.version}`),
    {
      name: 'bad uuid',
      req: () => ({ method: 'PATCH', url: '/api/org-units/versions/123', payload: validCorrection }),
      path: ['params', 'versionId'],
    },
    {
      name: 'missing version',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/org-units/versions/${c.version}`,
        payload: { ...validCorrection, version: undefined },
      }),
      path: ['body', 'version'],
    },
    {
      name: 'version as text',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/org-units/versions/${c.version}`,
        payload: { ...validCorrection, version: '1' },
      }),
      path: ['body', 'version'],
    },
    {
      name: 'version beyond the integer column',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/org-units/versions/${c.version}`,
        payload: { ...validCorrection, version: 2 ** 31 },
      }),
      path: ['body', 'version'],
    },
    {
      name: 'oversized name',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/org-units/versions/${c.version}`,
        payload: { ...validCorrection, name: long(301) },
      }),
      path: ['body', 'name'],
    },
    {
      name: 'unknown kind',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/org-units/versions/${c.version}`,
        payload: { ...validCorrection, kind: 'village' },
      }),
      path: ['body', 'kind'],
    },
    {
      name: 'code with spaces',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/org-units/versions/${c.version}`,
        payload: { ...validCorrection, code: '31 02' },
      }),
      path: ['body', 'code'],
    },
  ],
  'POST /api/reorganisations': [
    ...bodyShape('POST', () => '/api/reorganisations'),
    {
      name: 'moveGrants not a boolean',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'end', effectiveDate: '2024-01-01', unitId: c.unit, moveGrants: 'yes' },
      }),
      path: ['body', 'moveGrants'],
    },
    {
      name: 'unknown type',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'explode', effectiveDate: '2024-01-01', unitId: c.unit },
      }),
      path: ['body', 'type'],
    },
    {
      name: 'missing effective date',
      req: (c) => ({ method: 'POST', url: '/api/reorganisations', payload: { type: 'end', unitId: c.unit } }),
      path: ['body', 'effectiveDate'],
    },
    {
      name: 'impossible date',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'end', effectiveDate: '2023-02-30', unitId: c.unit },
      }),
      path: ['body', 'effectiveDate'],
    },
    {
      name: 'dd/mm/yyyy date',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'end', effectiveDate: '30/06/2023', unitId: c.unit },
      }),
      path: ['body', 'effectiveDate'],
    },
    {
      name: 'bad uuid',
      req: () => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'end', effectiveDate: '2024-01-01', unitId: 'xyz' },
      }),
      path: ['body', 'unitId'],
    },
    {
      name: 'merge of one unit',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: {
          type: 'merge',
          effectiveDate: '2024-01-01',
          sources: [{ unitId: c.unit }],
          intoUnitId: c.hp,
        },
      }),
      path: ['body', 'sources'],
    },
    {
      name: 'bad uuid in a list',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: {
          type: 'merge',
          effectiveDate: '2024-01-01',
          sources: [{ unitId: c.unit }, { unitId: 'x' }],
          intoUnitId: c.hp,
        },
      }),
      path: ['body', 'sources', 1, 'unitId'],
    },
    {
      name: 'unknown share',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: {
          type: 'merge',
          effectiveDate: '2024-01-01',
          sources: [{ unitId: c.unit, share: 'half' }, { unitId: c.hp }],
          intoUnitId: c.hp,
        },
      }),
      path: ['body', 'sources', 0, 'share'],
    },
    {
      name: 'unknown kind of a new unit',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: {
          type: 'create',
          effectiveDate: '2024-01-01',
          unit: { name: 'Xã Mới', kind: 'village', parentUnitId: c.hp },
        },
      }),
      path: ['body', 'unit', 'kind'],
    },
    {
      name: 'oversized name',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'rename', effectiveDate: '2024-01-01', unitId: c.unit, name: long(301) },
      }),
      path: ['body', 'name'],
    },
    {
      name: 'oversized legal basis',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'end', effectiveDate: '2024-01-01', unitId: c.unit, legalBasis: long(501) },
      }),
      path: ['body', 'legalBasis'],
    },
    {
      name: 'NUL in the legal basis',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'end', effectiveDate: '2024-01-01', unitId: c.unit, legalBasis: 'NQ\u0000' },
      }),
      path: ['body', 'legalBasis'],
    },
    {
      name: 'sourceContinues not a boolean',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: {
          type: 'split',
          effectiveDate: '2024-01-01',
          unitId: c.unit,
          sourceContinues: 'no',
          into: [{ name: 'Xã A', kind: 'commune', parentUnitId: null }],
        },
      }),
      path: ['body', 'sourceContinues'],
    },
    // Passes the schema, refused by the planner: still names the field under `body`.
    {
      name: 'moving a unit under itself',
      req: (c) => ({
        method: 'POST',
        url: '/api/reorganisations',
        payload: { type: 'move', effectiveDate: '2026-12-01', unitId: c.unit, parentUnitId: c.unit },
      }),
      path: ['body', 'parentUnitId'],
    },
  ],
  'GET /api/unit-groups': [
    {
      name: 'missing provinceId',
      req: () => ({ method: 'GET', url: '/api/unit-groups' }),
      path: ['querystring', 'provinceId'],
    },
    {
      name: 'bad provinceId',
      req: () => ({ method: 'GET', url: '/api/unit-groups?provinceId=hai-phong' }),
      path: ['querystring', 'provinceId'],
    },
  ],
  'GET /api/unit-groups/:groupId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/unit-groups/42' }),
      path: ['params', 'groupId'],
    },
    {
      name: 'impossible date',
      req: (c) => ({ method: 'GET', url: `/api/unit-groups/${c.group}?asOf=2023-02-30` }),
      path: ['querystring', 'asOf'],
    },
    {
      name: 'dd/mm/yyyy date',
      req: (c) => ({ method: 'GET', url: `/api/unit-groups/${c.group}?asOf=30/06/2023` }),
      path: ['querystring', 'asOf'],
    },
  ],
  'POST /api/unit-groups': [
    ...bodyShape('POST', () => '/api/unit-groups'),
    {
      name: 'missing name',
      req: (c) => ({
        method: 'POST',
        url: '/api/unit-groups',
        payload: { ...validGroup(c), name: undefined },
      }),
      path: ['body', 'name'],
    },
    {
      name: 'bad provinceId',
      req: (c) => ({
        method: 'POST',
        url: '/api/unit-groups',
        payload: { ...validGroup(c), provinceId: 31 },
      }),
      path: ['body', 'provinceId'],
    },
    {
      name: 'code with capitals and accents',
      req: (c) => ({
        method: 'POST',
        url: '/api/unit-groups',
        payload: { ...validGroup(c), code: 'Nhóm A' },
      }),
      path: ['body', 'code'],
    },
    {
      name: 'unknown kind',
      req: (c) => ({
        method: 'POST',
        url: '/api/unit-groups',
        payload: { ...validGroup(c), kinds: ['district', 'village'] },
      }),
      path: ['body', 'kinds', 1],
    },
    {
      name: 'bad member uuid',
      req: (c) => ({
        method: 'POST',
        url: '/api/unit-groups',
        payload: { ...validGroup(c), memberIds: ['nope'] },
      }),
      path: ['body', 'memberIds', 0],
    },
    {
      name: 'neither kinds nor members',
      req: (c) => ({ method: 'POST', url: '/api/unit-groups', payload: { ...validGroup(c), kinds: [] } }),
      path: ['body', 'memberIds'],
    },
    {
      name: 'oversized name',
      req: (c) => ({
        method: 'POST',
        url: '/api/unit-groups',
        payload: { ...validGroup(c), name: long(201) },
      }),
      path: ['body', 'name'],
    },
    {
      name: 'a member that does not exist',
      req: (c) => ({
        method: 'POST',
        url: '/api/unit-groups',
        payload: { ...validGroup(c), memberIds: [NO_SUCH] },
      }),
      path: ['body', 'memberIds', 0],
    },
  ],
  'PATCH /api/unit-groups/:groupId': [
    ...bodyShape('PATCH', (c) => `/api/unit-groups/${c.group}`),
    {
      name: 'bad uuid',
      req: () => ({ method: 'PATCH', url: '/api/unit-groups/x', payload: { version: 1 } }),
      path: ['params', 'groupId'],
    },
    {
      name: 'missing version',
      req: (c) => ({ method: 'PATCH', url: `/api/unit-groups/${c.group}`, payload: { name: 'Tên mới' } }),
      path: ['body', 'version'],
    },
    {
      name: 'version beyond the integer column',
      req: (c) => ({ method: 'PATCH', url: `/api/unit-groups/${c.group}`, payload: { version: 2 ** 40 } }),
      path: ['body', 'version'],
    },
    {
      name: 'version zero',
      req: (c) => ({ method: 'PATCH', url: `/api/unit-groups/${c.group}`, payload: { version: 0 } }),
      path: ['body', 'version'],
    },
    {
      name: 'name too short',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/unit-groups/${c.group}`,
        payload: { version: 1, name: 'A' },
      }),
      path: ['body', 'name'],
    },
    {
      name: 'kinds not a list',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/unit-groups/${c.group}`,
        payload: { version: 1, kinds: 'district' },
      }),
      path: ['body', 'kinds'],
    },
  ],
  'DELETE /api/unit-groups/:groupId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'DELETE', url: '/api/unit-groups/not-a-uuid' }),
      path: ['params', 'groupId'],
    },
  ],
  'GET /api/users': [
    {
      name: 'limit too large',
      req: () => ({ method: 'GET', url: '/api/users?limit=100000' }),
      path: ['querystring', 'limit'],
    },
    {
      name: 'offset not a number',
      req: () => ({ method: 'GET', url: '/api/users?offset=abc' }),
      path: ['querystring', 'offset'],
    },
    {
      name: 'oversized search',
      req: () => ({ method: 'GET', url: `/api/users?q=${encodeURIComponent(long(101))}` }),
      path: ['querystring', 'q'],
    },
    {
      name: 'NUL in search',
      req: () => ({ method: 'GET', url: '/api/users?q=a%00b' }),
      path: ['querystring', 'q'],
    },
    {
      name: 'grantedOn not a list of unit ids',
      req: () => ({ method: 'GET', url: '/api/users?grantedOn=abc,def' }),
      path: ['querystring', 'grantedOn', 0],
    },
    {
      name: 'ended-grants filter not true or false',
      req: () => ({ method: 'GET', url: '/api/users?endedGrants=yes' }),
      path: ['querystring', 'endedGrants'],
    },
  ],
  'POST /api/users': [
    ...bodyShape('POST', () => '/api/users'),
    {
      name: 'username with spaces',
      req: (c) => ({ method: 'POST', url: '/api/users', payload: { ...validUser(c), username: 'can bo' } }),
      path: ['body', 'username'],
    },
    {
      name: 'bad email',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), email: 'not-an-email' },
      }),
      path: ['body', 'email'],
    },
    {
      name: 'short password',
      req: (c) => ({ method: 'POST', url: '/api/users', payload: { ...validUser(c), password: '123' } }),
      path: ['body', 'password'],
    },
    {
      name: 'no grants',
      req: (c) => ({ method: 'POST', url: '/api/users', payload: { ...validUser(c), grants: [] } }),
      path: ['body', 'grants'],
    },
    {
      name: 'unknown role',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), grants: [{ role: 'superuser', unitId: c.hp }] },
      }),
      path: ['body', 'grants', 0, 'role'],
    },
    {
      name: 'bad unit uuid in a grant',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), grants: [{ role: 'viewer', unitId: 'hp' }] },
      }),
      path: ['body', 'grants', 0, 'unitId'],
    },
    {
      name: 'a granted unit that does not exist',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), grants: [{ role: 'viewer', unitId: NO_SUCH }] },
      }),
      path: ['body', 'grants', 0, 'unitId'],
    },
    {
      name: 'oversized display name',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), displayName: long(121) },
      }),
      path: ['body', 'displayName'],
    },
    {
      name: 'NUL in display name',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), displayName: 'Cán\u0000bộ' },
      }),
      path: ['body', 'displayName'],
    },
    {
      name: 'lone surrogate in display name',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), displayName: 'Cán\ud800bộ' },
      }),
      path: ['body', 'displayName'],
    },
    {
      name: 'escape character in display name',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), displayName: 'Cán\u001b[31mbộ' },
      }),
      path: ['body', 'displayName'],
    },
    {
      name: 'a display name of nothing but invisible characters',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), displayName: '\u200b\u202e\u2066\ufeff' },
      }),
      path: ['body', 'displayName'],
    },
    {
      name: 'a new grant on a unit that has ended (Hải Dương, merged on 01/07/2025), not said to be meant',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), grants: [{ role: 'viewer', unitId: c.hd }] },
      }),
      path: ['body', 'grants', 0, 'unitId'],
    },
    {
      name: 'allowEndedUnits not a boolean',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: { ...validUser(c), allowEndedUnits: 'yes' },
      }),
      path: ['body', 'allowEndedUnits'],
    },
    {
      name: 'lone surrogate in an object key',
      req: (c) => ({
        method: 'POST',
        url: '/api/users',
        payload: JSON.stringify({ ...validUser(c), 'x\ud800': 1 }),
        headers: { 'content-type': 'application/json' },
      }),
      path: ['body', 'x\ud800'],
    },
  ],
  'GET /api/users/:userId': [
    { name: 'bad uuid', req: () => ({ method: 'GET', url: '/api/users/1' }), path: ['params', 'userId'] },
  ],
  'POST /api/users/:userId/grants/follow-successors': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'POST', url: '/api/users/1/grants/follow-successors', payload: { version: 1 } }),
      path: ['params', 'userId'],
    },
    {
      name: 'no version',
      req: (c) => ({ method: 'POST', url: `/api/users/${c.user}/grants/follow-successors`, payload: {} }),
      path: ['body', 'version'],
    },
    {
      name: 'unknown field',
      req: (c) => ({
        method: 'POST',
        url: `/api/users/${c.user}/grants/follow-successors`,
        payload: { version: 1, unitId: c.hp },
      }),
      path: ['body'],
    },
  ],
  'POST /api/users/:userId/unlock': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'POST', url: '/api/users/1/unlock' }),
      path: ['params', 'userId'],
    },
  ],
  'PATCH /api/users/:userId': [
    ...bodyShape('PATCH', (c) => `/api/users/${c.user}`),
    {
      name: 'bad uuid',
      req: () => ({ method: 'PATCH', url: '/api/users/me', payload: { version: 1 } }),
      path: ['params', 'userId'],
    },
    {
      name: 'version beyond the integer column',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/users/${c.user}`,
        payload: { version: 2147483648, displayName: 'Tên' },
      }),
      path: ['body', 'version'],
    },
    {
      name: 'version fractional',
      req: (c) => ({ method: 'PATCH', url: `/api/users/${c.user}`, payload: { version: 1.5 } }),
      path: ['body', 'version'],
    },
    {
      name: 'isActive not a boolean',
      req: (c) => ({ method: 'PATCH', url: `/api/users/${c.user}`, payload: { version: 1, isActive: 'no' } }),
      path: ['body', 'isActive'],
    },
    {
      name: 'unknown role',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/users/${c.user}`,
        payload: { version: 1, grants: [{ role: 'root', unitId: null }] },
      }),
      path: ['body', 'grants', 0, 'role'],
    },
    {
      name: 'NUL in display name',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/users/${c.user}`,
        payload: { version: 1, displayName: 'A\u0000B' },
      }),
      path: ['body', 'displayName'],
    },
  ],
  'GET /api/audit': [
    {
      name: 'impossible from date',
      req: () => ({ method: 'GET', url: '/api/audit?from=2023-02-30' }),
      path: ['querystring', 'from'],
    },
    {
      name: 'dd/mm/yyyy to date',
      req: () => ({ method: 'GET', url: '/api/audit?to=30/06/2023' }),
      path: ['querystring', 'to'],
    },
    {
      name: 'bad actor uuid',
      req: () => ({ method: 'GET', url: '/api/audit?actorUserId=admin' }),
      path: ['querystring', 'actorUserId'],
    },
    {
      name: 'limit zero',
      req: () => ({ method: 'GET', url: '/api/audit?limit=0' }),
      path: ['querystring', 'limit'],
    },
    {
      name: 'beforeId not a number',
      req: () => ({ method: 'GET', url: '/api/audit?beforeId=abc' }),
      path: ['querystring', 'beforeId'],
    },
    {
      name: 'beforeId beyond a safe integer',
      req: () => ({ method: 'GET', url: '/api/audit?beforeId=99999999999999999999' }),
      path: ['querystring', 'beforeId'],
    },
    {
      name: 'oversized entity type',
      req: () => ({ method: 'GET', url: `/api/audit?entityType=${'x'.repeat(61)}` }),
      path: ['querystring', 'entityType'],
    },
    {
      name: 'NUL in a filter',
      req: () => ({ method: 'GET', url: '/api/audit?entityId=a%00b' }),
      path: ['querystring', 'entityId'],
    },
  ],
  'GET /api/plans': [
    {
      name: 'bad provinceId',
      req: () => ({ method: 'GET', url: '/api/plans?provinceId=31' }),
      path: ['querystring', 'provinceId'],
    },
  ],
  'POST /api/plans/copy-mapping': [
    ...bodyShape('POST', () => '/api/plans/copy-mapping'),
    {
      name: 'a source plan id that is not a uuid',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans/copy-mapping',
        payload: { copyFromPlanId: '54', provinceId: c.hp },
      }),
      path: ['body', 'copyFromPlanId'],
    },
    {
      name: 'missing province',
      req: (c) => ({ method: 'POST', url: '/api/plans/copy-mapping', payload: { copyFromPlanId: c.plan } }),
      path: ['body', 'provinceId'],
    },
  ],
  'POST /api/plans': [
    ...bodyShape('POST', () => '/api/plans'),
    {
      name: 'a unit map naming a unit by something other than its id',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, copyFromPlanId: c.plan, unitMap: { 'Sở Tài chính': null } },
      }),
      path: ['body', 'unitMap', 'Sở Tài chính'],
    },
    {
      name: 'a 3,000-character plan number',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, number: `54/KH-${'U'.repeat(3000)}` },
      }),
      path: ['body', 'number'],
    },
    {
      name: 'lone surrogate in the plan number',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, number: '54/KH-\ud800' },
      }),
      path: ['body', 'number'],
    },
    {
      name: 'missing year',
      req: (c) => ({ method: 'POST', url: '/api/plans', payload: { provinceId: c.hp } }),
      path: ['body', 'year'],
    },
    {
      name: 'year as text',
      req: (c) => ({ method: 'POST', url: '/api/plans', payload: { provinceId: c.hp, year: '2024' } }),
      path: ['body', 'year'],
    },
    {
      name: 'year out of range',
      req: (c) => ({ method: 'POST', url: '/api/plans', payload: { provinceId: c.hp, year: 1999 } }),
      path: ['body', 'year'],
    },
    {
      name: 'bad provinceId',
      req: () => ({ method: 'POST', url: '/api/plans', payload: { provinceId: 'hp', year: 2024 } }),
      path: ['body', 'provinceId'],
    },
    {
      name: 'bad copyFromPlanId',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, copyFromPlanId: '54' },
      }),
      path: ['body', 'copyFromPlanId'],
    },
    {
      name: 'impossible date',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, date: '2023-02-30' },
      }),
      path: ['body', 'date'],
    },
    {
      name: 'dd/mm/yyyy date',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, date: '30/06/2023' },
      }),
      path: ['body', 'date'],
    },
    {
      name: 'oversized title',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, title: long(1001) },
      }),
      path: ['body', 'title'],
    },
    {
      name: 'NUL in title',
      req: (c) => ({
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: c.hp, year: 2024, title: 'Kế\u0000hoạch' },
      }),
      path: ['body', 'title'],
    },
  ],
  'GET /api/plans/:planId': [
    { name: 'bad uuid', req: () => ({ method: 'GET', url: '/api/plans/54' }), path: ['params', 'planId'] },
  ],
  'PATCH /api/plans/:planId': [
    ...bodyShape('PATCH', (c) => `/api/plans/${c.plan}`),
    {
      name: 'bad uuid',
      req: () => ({ method: 'PATCH', url: '/api/plans/54', payload: { version: 1 } }),
      path: ['params', 'planId'],
    },
    {
      name: 'missing version',
      req: (c) => ({ method: 'PATCH', url: `/api/plans/${c.plan}`, payload: { title: 'Kế hoạch' } }),
      path: ['body', 'version'],
    },
    {
      name: 'oversized title',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/plans/${c.plan}`,
        payload: { version: 1, title: long(1001) },
      }),
      path: ['body', 'title'],
    },
    {
      name: 'impossible date',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/plans/${c.plan}`,
        payload: { version: 1, date: '2023-02-30' },
      }),
      path: ['body', 'date'],
    },
    {
      name: 'year as text',
      req: (c) => ({
        method: 'PATCH',
        url: `/api/plans/${c.plan}`,
        payload: { version: 1, year: 'hai nghìn' },
      }),
      path: ['body', 'year'],
    },
  ],
  'GET /api/plans/:planId/revisions': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/revisions' }),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/plans/:planId/revisions/:revisionId': [
    {
      name: 'bad plan uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/revisions/1' }),
      path: ['params', 'planId'],
    },
    {
      name: 'revision not a number',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/revisions/first` }),
      path: ['params', 'revisionId'],
    },
    {
      name: 'revision zero',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/revisions/0` }),
      path: ['params', 'revisionId'],
    },
  ],
  'GET /api/plans/:planId/export.docx': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/export.docx' }),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/plans/:planId/export.pdf': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/export.pdf' }),
      path: ['params', 'planId'],
    },
  ],
  ...EVIDENCE_CASES,
  ...RECORD_BAD_INPUT,
  // Tasks of the appendix (plan 54 III, V.1.a).
  'GET /api/plans/:planId/tasks': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/tasks' }),
      path: ['params', 'planId'],
    },
    {
      name: 'unknown status',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/tasks?status=late` }),
      path: ['querystring', 'status'],
    },
    {
      name: 'dd/mm/yyyy due date',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/tasks?dueFrom=30/06/2023` }),
      path: ['querystring', 'dueFrom'],
    },
    {
      name: 'bad unit uuid',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/tasks?unitId=x` }),
      path: ['querystring', 'unitId'],
    },
    {
      name: 'oversized search',
      req: (c) => ({ method: 'GET', url: `/api/plans/${c.plan}/tasks?q=${encodeURIComponent(long(201))}` }),
      path: ['querystring', 'q'],
    },
  ],
  'POST /api/plans/:planId/tasks': [
    ...bodyShape('POST', (c) => `/api/plans/${c.plan}/tasks`),
    {
      name: 'missing title',
      req: (c) => ({
        method: 'POST',
        url: `/api/plans/${c.plan}/tasks`,
        payload: { leadUnitIds: [c.unit], timeFrame: 'Quý II/2030' },
      }),
      path: ['body', 'title'],
    },
    {
      name: 'lead not a uuid',
      req: (c) => ({
        method: 'POST',
        url: `/api/plans/${c.plan}/tasks`,
        payload: { title: 'Nhiệm vụ', leadUnitIds: ['x'], timeFrame: 'Quý II/2030' },
      }),
      path: ['body', 'leadUnitIds', 0],
    },
    {
      name: 'NUL in title',
      req: (c) => ({
        method: 'POST',
        url: `/api/plans/${c.plan}/tasks`,
        payload: { title: 'a\u0000b', leadUnitIds: [c.unit], timeFrame: 'Quý II/2030' },
      }),
      path: ['body', 'title'],
    },
  ],
  'POST /api/plans/:planId/tasks/import': [
    ...bodyShape('POST', (c) => `/api/plans/${c.plan}/tasks/import`),
    {
      name: 'content not base64',
      req: (c) => ({
        method: 'POST',
        url: `/api/plans/${c.plan}/tasks/import`,
        payload: { fileName: 'a.xlsx', contentBase64: '%%%' },
      }),
      path: ['body', 'contentBase64'],
    },
    {
      name: 'confirm not a boolean',
      req: (c) => ({
        method: 'POST',
        url: `/api/plans/${c.plan}/tasks/import`,
        payload: { fileName: 'a.xlsx', contentBase64: 'UEsDBA==', confirm: 'yes' },
      }),
      path: ['body', 'confirm'],
    },
  ],
  'GET /api/plans/:planId/tasks/export.xlsx': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/tasks/export.xlsx' }),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/plans/:planId/tasks/overdue.xlsx': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/plans/x/tasks/overdue.xlsx' }),
      path: ['params', 'planId'],
    },
  ],
  'GET /api/tasks/:taskId': [
    { name: 'bad uuid', req: () => ({ method: 'GET', url: '/api/tasks/x' }), path: ['params', 'taskId'] },
  ],
  'PATCH /api/tasks/:taskId': [
    ...bodyShape('PATCH', () => `/api/tasks/${NO_SUCH}`),
    {
      name: 'version out of range',
      req: () => ({
        method: 'PATCH',
        url: `/api/tasks/${NO_SUCH}`,
        payload: { version: 2147483648, themeIds: [] },
      }),
      path: ['body', 'version'],
    },
    {
      name: 'theme not a uuid',
      req: () => ({
        method: 'PATCH',
        url: `/api/tasks/${NO_SUCH}`,
        payload: { version: 1, themeIds: ['II.4'] },
      }),
      path: ['body', 'themeIds', 0],
    },
    {
      name: 'empty title',
      req: () => ({ method: 'PATCH', url: `/api/tasks/${NO_SUCH}`, payload: { version: 1, title: '  ' } }),
      path: ['body', 'title'],
    },
    {
      name: 'time frame too long',
      req: () => ({
        method: 'PATCH',
        url: `/api/tasks/${NO_SUCH}`,
        payload: { version: 1, timeFrame: long(201) },
      }),
      path: ['body', 'timeFrame'],
    },
  ],
  'DELETE /api/tasks/:taskId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'DELETE', url: '/api/tasks/x?version=1' }),
      path: ['params', 'taskId'],
    },
    {
      name: 'missing version',
      req: () => ({ method: 'DELETE', url: `/api/tasks/${NO_SUCH}` }),
      path: ['querystring', 'version'],
    },
    {
      name: 'version out of range',
      req: () => ({ method: 'DELETE', url: `/api/tasks/${NO_SUCH}?version=2147483648` }),
      path: ['querystring', 'version'],
    },
  ],
  'POST /api/tasks/:taskId/updates': [
    ...bodyShape('POST', () => `/api/tasks/${NO_SUCH}/updates`),
    {
      name: 'unknown kind',
      req: () => ({
        method: 'POST',
        url: `/api/tasks/${NO_SUCH}/updates`,
        payload: { kind: 'note', note: 'x' },
      }),
      path: ['body', 'kind'],
    },
    {
      name: 'unknown status',
      req: () => ({
        method: 'POST',
        url: `/api/tasks/${NO_SUCH}/updates`,
        payload: { kind: 'progress', status: 'finished' },
      }),
      path: ['body', 'status'],
    },
    {
      name: 'link not a URL',
      req: () => ({
        method: 'POST',
        url: `/api/tasks/${NO_SUCH}/updates`,
        payload: { kind: 'comment', links: ['khong-phai-url'] },
      }),
      path: ['body', 'links', 0],
    },
    {
      name: 'file without a name',
      req: () => ({
        method: 'POST',
        url: `/api/tasks/${NO_SUCH}/updates`,
        payload: { kind: 'comment', files: [{ fileName: '', contentBase64: 'YQ==' }] },
      }),
      path: ['body', 'files', 0, 'fileName'],
    },
  ],
  'GET /api/task-attachments/:attachmentId': [
    {
      name: 'bad uuid',
      req: () => ({ method: 'GET', url: '/api/task-attachments/x' }),
      path: ['params', 'attachmentId'],
    },
  ],
};

/**
 * Open bugs outside this suite's reach, reported to the lead; each entry skips exactly one junk probe. Remove the
 * entry when fixed. PATCH /api/plans takes `version` without an upper bound: 2^31 reaches the integer column → 500
 * (fix: `version: recordVersion` from http/schemas).
 */
const KNOWN_OPEN: { route: string; field: string; value: unknown }[] = [];

/** A stack frame, a source path or a module path in a response body means internals leaked. */
const LEAK = /\n\s+at |\bat [\w$.<>]+ \(|\/work\/|node_modules|\.ts:\d+|\.js:\d+/;

function expectCleanError(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(res.body).not.toMatch(LEAK);
  if (res.statusCode < 400) return;
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
}

describe('bad input on every route', () => {
  let t: TestApp;
  let admin: Session;
  const c = {} as Ctx;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    c.hp = t.hp;
    c.hd = t.hd;
    const created = await t.call(admin, {
      method: 'POST',
      url: '/api/reorganisations',
      payload: {
        type: 'create',
        effectiveDate: '2023-01-01',
        unit: { name: 'Phường Đầu Vào', kind: 'commune', parentUnitId: t.hp },
      },
    });
    c.unit = created.json().createdUnitIds[0];
    c.version = (
      await t.call(admin, { method: 'GET', url: `/api/org-units/${c.unit}` })
    ).json().versions[0].versionId;
    c.group = (
      await t.call(admin, { method: 'POST', url: '/api/unit-groups', payload: validGroup(c) })
    ).json().id;
    c.user = admin.userId;
    c.plan = (
      await t.call(admin, { method: 'POST', url: '/api/plans', payload: { provinceId: t.hp, year: 2030 } })
    ).json().id;
  });
  afterAll(async () => t?.close());
  beforeAll(async () => {
    // A real channel, so publication bodies that pass validation reach the database.
    ev.channel = (await createRecord(t, admin, 'channel', c.unit)).id;
    ev.real.channel = ev.channel;
    for (const type of ['person', 'dx_model', 'event'] as const)
      ev.real[type] = (await createRecord(t, admin, type, c.unit)).id;
  });

  it('the table has a row for every route the app registers', () => {
    const missing = routesWithoutHead(t.app).filter((r) => !(r in CASES));
    expect(missing, 'routes without bad-input cases: add them to CASES in this file').toEqual([]);
    expect(Object.keys(CASES).filter((r) => !routesWithoutHead(t.app).includes(r))).toEqual([]);
  });

  // One test per route: it sends every probe of the route's rows and reports one table of the probes whose answer
  // differs (status, code, the field path named, a leak), so a failure shows the whole picture at once.
  describe('each probe → 400 VALIDATION.FAILED naming its field', () => {
    for (const [route, cases] of Object.entries(CASES)) {
      if (cases.length === 0) continue;
      it(route, async () => {
        const differences: string[] = [];
        for (const bc of cases) {
          const res = await t.call(admin, bc.req(c));
          const where = `${bc.name} (at ${bc.path.join('.')})`.padEnd(50);
          try {
            expectCleanError(res);
          } catch (error) {
            differences.push(`${where} unclean: ${(error as Error).message.split('\n')[0]}`);
            continue;
          }
          if (res.statusCode !== 400) {
            differences.push(`${where} expected 400, got ${res.statusCode} ${res.body.slice(0, 160)}`);
            continue;
          }
          const error = res.json().error;
          if (error.code !== 'VALIDATION.FAILED')
            differences.push(`${where} expected VALIDATION.FAILED, got ${error.code}`);
          const paths = (error.details?.issues ?? []).map((i: { path: Path }) => JSON.stringify(i.path));
          if (!paths.includes(JSON.stringify(bc.path)))
            differences.push(`${where} names ${paths.join(' ') || 'no field'}`);
        }
        expect(differences, `probes of ${route} whose answer differs`).toEqual([]);
      });
    }
  });

  // One test per route: the probes are ~16 per slot, and a single test over every route outgrew the time limit.
  describe('junk in every slot of every route is never a 500 and never leaks internals', () => {
    const junk: unknown[] = [
      null,
      0,
      -1,
      1e308,
      2147483648,
      'a\u0000',
      true,
      '',
      ' ',
      'ă'.repeat(5000),
      [],
      {},
      [{}],
      { a: { b: { c: [] } } },
      '\u202e',
      '\ud800',
    ];
    const routes = Object.keys(CASES).filter((r) => !r.includes('/docs') && r !== 'POST /api/auth/sign-out');
    for (const route of routes)
      it(route, async () => {
        const [method, pattern] = route.split(' ') as [InjectOptions['method'], string];
        const url = pattern.replace(/:(\w+)/g, () => NO_SUCH);
        for (const j of junk) {
          // A lone surrogate cannot be percent-encoded: send the invalid UTF-8 bytes it would be.
          const enc = j === '\ud800' ? '%ED%A0%80%FF' : encodeURIComponent(String(j));
          const asQuery = `${url}?provinceId=${enc}&asOf=${enc}&q=${enc}&limit=${enc}&from=${enc}`;
          const res = await t.call(
            admin,
            method === 'GET'
              ? { method, url: asQuery }
              : { method, url, payload: JSON.stringify(j), headers: { 'content-type': 'application/json' } },
          );
          expectCleanError(res);
        }
        if (method !== 'GET' && method !== 'DELETE') {
          const sample = (CASES[route] ?? []).find((bc) => typeof bc.req(c).payload === 'object')?.req(c)
            .payload as Record<string, unknown> | undefined;
          for (const field of Object.keys(sample ?? {})) {
            for (const j of junk) {
              if (KNOWN_OPEN.some((k) => k.route === route && k.field === field && k.value === j)) continue;
              const res = await t.call(admin, { method, url, payload: { ...sample, [field]: j } });
              expectCleanError(res);
            }
          }
        }
      });
  });

  it('a body over the size limit is refused in the error shape', async () => {
    const res = await t.call(
      admin,
      json('POST', '/api/unit-groups', JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) })),
    );
    expectCleanError(res);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('VALIDATION.FAILED');
  });

  it('a body in an unsupported content type is refused in the error shape', async () => {
    const res = await t.call(admin, {
      method: 'POST',
      url: '/api/unit-groups',
      payload: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectCleanError(res);
    expect(res.statusCode).toBe(415);
  });

  it('ids that are well-formed but unknown are 404s, not 500s', async () => {
    for (const url of [`/api/org-units/${NO_SUCH}`, `/api/unit-groups/${NO_SUCH}`, `/api/users/${NO_SUCH}`]) {
      const res = await t.call(admin, { method: 'GET', url });
      expectCleanError(res);
      expect(res.statusCode).toBe(404);
    }
    const reorg = await t.call(admin, {
      method: 'POST',
      url: '/api/reorganisations',
      payload: { type: 'end', effectiveDate: '2026-12-01', unitId: NO_SUCH },
    });
    expect(reorg.statusCode).toBe(404);
    expect(reorg.json().error.code).toBe('ORG_UNIT.NOT_FOUND');
  });

  it('an unknown API path answers 404 in the error shape', async () => {
    const res = await t.call(admin, { method: 'GET', url: '/api/nothing-here' });
    expectCleanError(res);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('RESOURCE.NOT_FOUND');
  });
});
