import {
  findPlanByCode,
  getRecord,
  getUnitGroup,
  getUnitVersionById,
  insertNotifications,
  insertRecord,
  insertUnitGroup,
  insertUser,
  queryRows,
  replaceGrants,
  seedPlans,
  seedTargetDefinitions,
} from '@dx/db';
import type { RecordType, Role } from '@dx/domain';
import { PLAN_54_TARGET_DEFINITIONS, ROLES } from '@dx/domain';
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RECORD_PATHS } from '../../features/records/records.routes';
import { createUnit } from '../factories';
import { createTestApp, type Session, TEST_PASSWORD } from '../harness';
import { routesWithoutHead } from '../routes';
import { BUDGET_ROUTES } from './budget.authz-cases';
import { DATA_ITEM_ROUTES } from './data-items.authz-cases';
import { HOME_ROUTES } from './home.authz-cases';
import { INDICATOR_ROUTES } from './indicators.authz-cases';
import {
  adminInSubtree,
  count,
  type Evidence,
  type Fixture,
  groupWriter,
  idOf,
  inProvince,
  inSubtree,
  isAdmin,
  itemReader,
  key,
  next,
  personReader,
  type RouteCase,
  SCOPES,
  type Scope,
  type Who,
} from './matrix';
import { NATIONAL_ROUTES } from './national.authz-cases';
import { CONSOLIDATED_ROUTES, OBSTACLE_ROUTES } from './obstacles.authz-cases';
import { PLAN_IMPORT_ROUTES } from './plan-imports.authz-cases';
import { PROVINCE_ROUTES } from './provinces.authz-cases';
import { RECORD_ROUTES } from './records.authz-cases';
import { REPORT_ROUTES } from './reports.authz-cases';
import { TARGET_EXPORT_ROUTES } from './targets-exports.authz-cases';
import { UNIT_IMPORT_ROUTES } from './unit-imports.authz-cases';
import { URGING_ROUTES } from './urging.authz-cases';

// The matrix is about who may call a route: the PDF is rendered after the check, by pdfmake (hundreds of ms per call),
// and is tested in exports/plan-exports.test.ts. Here an allowed export gets a stand-in document.
vi.mock('../../exports/plan-pdf', () => ({ renderPlanPdf: async () => Buffer.from('%PDF-1.7 stand-in') }));

/**
 * Authorization matrix: every route × every role × where the role is granted (the target's province, the unit above
 * the target, a sibling district of the same province, another province) plus a system administrator and an anonymous
 * caller. Refused writes change nothing and leave no audit entry; allowed writes leave one.
 */

const RECORD_TABLE: Record<RecordType, string> = {
  unit_plan: 'unit_plan',
  channel: 'channel',
  publication: 'publication',
  person: 'person',
  training: 'training',
  dx_model: 'dx_model',
  event: 'event',
};
/** A valid record of `type` owned by the commune (a publication on its channel), linking the shared fixtures. */
const recordInput = (f: Fixture, type: RecordType): Record<string, unknown> => {
  const n = next();
  const r = f.ev.records;
  switch (type) {
    case 'unit_plan':
      return {
        unitId: f.commune,
        year: 2025,
        kind: 'dx_plan',
        documentNumber: `${n}/KH`,
        documentDate: '2025-01-15',
      };
    case 'channel':
      return {
        ownerUnitId: f.commune,
        kind: 'portal',
        name: `Trang thông tin phường ${n}`,
        hasDxSection: true,
      };
    case 'publication':
      return {
        channelId: r.channel,
        title: `Tin chuyển đổi số ${n}`,
        publishedOn: '2025-02-01',
        format: 'article',
        themeIds: [f.ev.theme],
        modelIds: [r.dx_model],
      };
    case 'person':
      return { unitId: f.commune, fullName: `Nguyễn Văn ${n}`, role: 'grassroots_officer' };
    case 'training':
      return {
        organiserUnitId: f.commune,
        title: `Lớp tập huấn ${n}`,
        heldOn: '2025-03-01',
        attendeeIds: [r.person],
      };
    case 'dx_model':
      return { unitId: f.commune, kind: 'model', name: `Chợ 4.0 số ${n}` };
    case 'event':
      return {
        organiserUnitId: f.commune,
        kind: 'contest',
        level: 'unit',
        title: `Cuộc thi ${n}`,
        heldOn: '2025-04-01',
        themeIds: [f.ev.theme],
      };
  }
};
/** A fresh record of `type` entered by the system administrator (writes act on their own target). */
const freshRecord = async (f: Fixture, type: RecordType) => {
  const res = await f.t.call(f.sysAdmin, {
    method: 'POST',
    url: `/api/${RECORD_PATHS[type]}`,
    payload: recordInput(f, type),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};
const recordRow = (f: Fixture, type: RecordType, id: string) => getRecord(f.t.handle.db, type, id);
/** The target of a write, stored directly (the matrix makes hundreds; the API path is covered by the POST rows). */
const targetRecord = async (f: Fixture, type: RecordType) => {
  const { themeIds: _t, modelIds: _m, attendeeIds: _a, ...columns } = recordInput(f, type);
  const extra =
    type === 'publication' ? { unitId: f.commune } : type === 'unit_plan' ? { status: 'submitted' } : {};
  const row = await insertRecord(f.t.handle.db, type, {
    ...columns,
    ...extra,
    provinceId: f.t.hp,
    createdBy: f.sysAdmin.userId,
  });
  return { id: row.id, version: row.version };
};

async function setUpEvidence(f: Fixture): Promise<Evidence> {
  const db = f.t.handle.db;
  await seedPlans(db);
  await seedTargetDefinitions(db);
  const plan = (await findPlanByCode(db, f.t.hp, '54/KH-UBND', 2023))!;
  const [target] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM plan_target WHERE plan_id = ${plan} ORDER BY position LIMIT 1`,
  );
  const [theme] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM plan_theme WHERE plan_id = ${plan} LIMIT 1`,
  );
  f.ev = { records: {} as Record<RecordType, string>, plan, planTarget: target!.id, theme: theme!.id };
  // In dependency order: publications link a model, trainings a person, publications sit on the channel.
  for (const type of [
    'person',
    'dx_model',
    'channel',
    'publication',
    'training',
    'unit_plan',
    'event',
  ] as const)
    f.ev.records[type] = (await freshRecord(f, type)).id;
  return f.ev;
}

/** Unit officers for their unit and the units below it; the DX office (and administrators) for the province. */
const recordWriter = (w: Who) => (w.role === 'unit_officer' && inSubtree(w)) || groupWriter(w);
const itemsInProvince = (f: Fixture, _w: Who, body: unknown) => {
  for (const item of (body as { items: { provinceId: string }[] }).items)
    expect(item.provinceId).toBe(f.t.hp);
};

const EVIDENCE_ROUTES: RouteCase[] = [
  ...(Object.keys(RECORD_PATHS) as RecordType[]).flatMap((type): RouteCase[] => {
    const path = `/api/${RECORD_PATHS[type]}`;
    const reader = type === 'person' ? personReader : itemReader;
    return [
      {
        method: 'GET',
        route: path,
        access: reader,
        ok: 200,
        request: (f) => ({ method: 'GET', url: `${path}?provinceId=${f.t.hp}&unitId=${f.commune}` }),
        check: itemsInProvince,
      },
      {
        method: 'GET',
        route: `${path}/:id`,
        access: reader,
        ok: 200,
        request: (f) => ({ method: 'GET', url: `${path}/${f.ev.records[type]}` }),
      },
      {
        method: 'POST',
        route: path,
        access: recordWriter,
        ok: 201,
        request: (f) => ({ method: 'POST', url: path, payload: recordInput(f, type) }),
        snapshot: async (f) => count(f, RECORD_TABLE[type]),
        audits: `${type}.create`,
      },
      {
        method: 'PUT',
        route: `${path}/:id`,
        access: recordWriter,
        ok: 200,
        request: async (f) => {
          const r = await targetRecord(f, type);
          return {
            method: 'PUT',
            url: `${path}/${r.id}`,
            payload: { version: r.version, record: recordInput(f, type) },
          };
        },
        snapshot: async (f, req) => recordRow(f, type, idOf(req.url)),
        audits: `${type}.update`,
      },
      {
        method: 'DELETE',
        route: `${path}/:id`,
        access: recordWriter,
        ok: 204,
        request: async (f) => {
          const r = await targetRecord(f, type);
          return { method: 'DELETE', url: `${path}/${r.id}?version=${r.version}` };
        },
        snapshot: async (f, req) => recordRow(f, type, idOf(req.url)),
        audits: `${type}.delete`,
      },
    ];
  }),
  {
    method: 'POST',
    route: '/api/unit-plans/:id/review',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const r = await targetRecord(f, 'unit_plan');
      return {
        method: 'POST',
        url: `/api/unit-plans/${r.id}/review`,
        payload: { version: r.version, decision: 'accept' },
      };
    },
    snapshot: async (f, req) => recordRow(f, 'unit_plan', req.url.split('/').at(-2)!),
    audits: 'unit_plan.accept',
  },
  {
    method: 'GET',
    route: '/api/imports/publications/template.xlsx',
    access: 'self',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/imports/publications/template.xlsx' }),
  },
  {
    method: 'POST',
    route: '/api/imports/publications',
    // Anyone who writes records somewhere in the province may upload; each row is then checked against the channel's
    // owner, so a sibling district's officer gets the commune's row back as an issue and nothing is saved.
    access: (w) => inProvince(w) && (w.role === 'unit_officer' || groupWriter(w)),
    ok: 200,
    request: async (f) => {
      const channel = (await recordRow(f, 'channel', f.ev.records.channel))!;
      const csv = `Kênh;Tiêu đề tin, bài;Đường dẫn;Ngày đăng;Hình thức\n${channel.name};Tin nhập ${next()};;15/03/2025;video\n`;
      return {
        method: 'POST',
        url: '/api/imports/publications',
        payload: {
          provinceId: f.t.hp,
          fileName: 'tin-bai.csv',
          contentBase64: Buffer.from(csv).toString('base64'),
          confirm: true,
        },
      };
    },
    snapshot: async (f) => [await count(f, 'publication'), await count(f, 'import_batch')],
    audits: (w) => (recordWriter(w) ? 'publication.import' : undefined),
    check: (_f, w, body) => {
      const report = body as { saved: number; issues: { column: string }[] };
      expect(report.saved).toBe(recordWriter(w) ? 1 : 0);
      if (!recordWriter(w)) expect(report.issues.map((i) => i.column)).toEqual(['channel']);
    },
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/evaluation',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.ev.plan}/targets/evaluation` }),
    check: (_f, _w, body) => expect((body as { targets: unknown[] }).targets.length).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/standing',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.ev.plan}/targets/standing?unitId=${f.commune}` }),
  },
  {
    method: 'POST',
    route: '/api/plans/:planId/targets/:planTargetId/reminders',
    access: groupWriter,
    ok: 200,
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.ev.plan}/targets/${f.ev.planTarget}/reminders`,
      payload: { unitIds: [f.commune], message: `Đề nghị cập nhật kết quả ${next()}` },
    }),
    snapshot: async (f) => count(f, 'notification'),
    audits: 'target.remind',
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/:planTargetId/definition',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.ev.plan}/targets/${f.ev.planTarget}/definition` }),
  },
  {
    method: 'PUT',
    route: '/api/plans/:planId/targets/:planTargetId/definition',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const { goal: _goal, ...rule } = PLAN_54_TARGET_DEFINITIONS.a;
      const [current] = await queryRows<{ version: number }>(
        f.t.handle.db,
        sql`SELECT version FROM target_definition WHERE plan_target_id = ${f.ev.planTarget}`,
      );
      return {
        method: 'PUT',
        url: `/api/plans/${f.ev.plan}/targets/${f.ev.planTarget}/definition`,
        payload: { version: Number(current!.version), rule },
      };
    },
    snapshot: async (f) =>
      queryRows(
        f.t.handle.db,
        sql`SELECT * FROM target_definition WHERE plan_target_id = ${f.ev.planTarget}`,
      ),
    audits: 'target.define',
  },
  {
    method: 'GET',
    route: '/api/units/:unitId/notifications',
    access: itemReader,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/units/${f.commune}/notifications` }),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/trend',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.ev.plan}/targets/trend` }),
    check: (_f, _w, body) => expect((body as { targets: unknown[] }).targets.length).toBeGreaterThan(0),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/targets/:planTargetId/subjects',
    access: inProvince,
    ok: 200,
    request: (f) => ({
      method: 'GET',
      url: `/api/plans/${f.ev.plan}/targets/${f.ev.planTarget}/subjects?state=all&unitId=${f.commune}`,
    }),
  },
  {
    method: 'POST',
    route: '/api/units/:unitId/notifications/:notificationId/read',
    // The unit's own officers (and those of the units above it) read what is addressed to it.
    access: (w) => w.role === 'unit_officer' && inSubtree(w),
    ok: 200,
    request: async (f) => {
      const [n] = await insertNotifications(f.t.handle.db, [
        {
          provinceId: f.t.hp,
          unitId: f.commune,
          kind: 'reminder',
          title: `Đôn đốc ${next()}`,
          body: 'Nội dung',
          emailStatus: 'not_configured',
        },
      ]);
      return { method: 'POST', url: `/api/units/${f.commune}/notifications/${n!.id}/read` };
    },
    snapshot: async (f, req) =>
      queryRows(
        f.t.handle.db,
        sql`SELECT read_at FROM notification WHERE id = ${req.url.split('/').at(-2)!}`,
      ),
    audits: 'notification.read',
  },
  {
    method: 'POST',
    route: '/api/units/:unitId/notifications/read-all',
    access: (w) => w.role === 'unit_officer' && inSubtree(w),
    ok: 200,
    request: async (f) => {
      await insertNotifications(f.t.handle.db, [
        {
          provinceId: f.t.hp,
          unitId: f.commune,
          kind: 'reminder',
          title: `Đôn đốc ${next()}`,
          body: 'Nội dung',
          emailStatus: 'not_configured',
        },
      ]);
      return { method: 'POST', url: `/api/units/${f.commune}/notifications/read-all` };
    },
    snapshot: async (f) =>
      queryRows(
        f.t.handle.db,
        sql`SELECT count(*)::int AS n FROM notification WHERE unit_id = ${f.commune} AND read_at IS NULL`,
      ),
    audits: 'notification.read',
  },
];

/** Every route the application registers (HEAD routes Fastify adds for each GET are implied). */
const ROUTES: RouteCase[] = [
  ...BUDGET_ROUTES,
  ...HOME_ROUTES,
  ...INDICATOR_ROUTES,
  ...DATA_ITEM_ROUTES,
  ...NATIONAL_ROUTES,
  ...PLAN_IMPORT_ROUTES,
  ...PROVINCE_ROUTES,
  ...UNIT_IMPORT_ROUTES,
  ...REPORT_ROUTES,
  ...OBSTACLE_ROUTES,
  ...CONSOLIDATED_ROUTES,
  ...URGING_ROUTES,
  ...TARGET_EXPORT_ROUTES,
  {
    method: 'GET',
    route: '/api/health',
    access: 'public',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/health' }),
  },
  ...[
    '/api/docs',
    '/api/docs/',
    '/api/docs/json',
    '/api/docs/yaml',
    '/api/docs/static/index.html',
    '/api/docs/static/swagger-initializer.js',
  ].map(
    (url): RouteCase => ({
      method: 'GET',
      route: url,
      access: 'public',
      ok: url === '/api/docs/static/index.html' ? 302 : 200,
      request: () => ({ method: 'GET', url }),
    }),
  ),
  {
    method: 'GET',
    route: '/api/docs/*',
    access: 'public',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/docs/static/swagger-ui.css' }),
  },
  {
    method: 'POST',
    route: '/api/auth/sign-in',
    access: 'public',
    ok: 200,
    request: (f) => ({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: f.usernames.get('viewer@province'), password: TEST_PASSWORD },
    }),
  },
  {
    method: 'GET',
    route: '/api/auth/me',
    access: 'self',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/auth/me' }),
  },
  {
    method: 'POST',
    route: '/api/auth/sign-out',
    access: 'self',
    ok: 200,
    request: () => ({ method: 'POST', url: '/api/auth/sign-out', payload: {} }),
    audits: 'auth.sign_out',
  },
  {
    method: 'POST',
    route: '/api/auth/change-password',
    access: 'self',
    ok: 204,
    request: () => ({
      method: 'POST',
      url: '/api/auth/change-password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mot-mat-khau-moi-dai' },
    }),
    audits: 'user.change_password',
  },
  {
    method: 'GET',
    route: '/api/provinces',
    access: 'self',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/provinces?asOf=2023-06-30' }),
    check: (f, w, body) => {
      const ids = (body as { items: { unitId: string }[] }).items.map((p) => p.unitId).sort();
      const expected =
        w.scope === 'global' ? [f.t.hp, f.t.hd] : w.scope === 'other_province' ? [f.t.hd] : [f.t.hp];
      expect(ids).toEqual(expected.sort());
    },
  },
  {
    method: 'GET',
    route: '/api/org-units',
    access: inProvince,
    ok: 200,
    request: (f) => ({
      method: 'GET',
      url: `/api/org-units?provinceId=${f.t.hp}&parentId=${f.d1}&asOf=2024-06-30`,
    }),
    check: (f, _w, body) =>
      expect((body as { items: { unitId: string }[] }).items.map((u) => u.unitId)).toContain(f.commune),
  },
  {
    method: 'GET',
    route: '/api/org-units/summary',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/org-units/summary?provinceId=${f.t.hp}&asOf=2023-06-30` }),
  },
  {
    method: 'GET',
    route: '/api/org-units/:unitId',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/org-units/${f.d1}` }),
  },
  {
    method: 'PATCH',
    route: '/api/org-units/versions/:versionId',
    access: adminInSubtree,
    ok: 200,
    request: async (f) => {
      const v = (await getUnitVersionById(f.t.handle.db, f.communeVersionId))!;
      return {
        method: 'PATCH',
        url: `/api/org-units/versions/${v.id}`,
        payload: {
          version: v.version,
          name: `Xã Thử Nghiệm ${next()}`,
          code: null,
          adminType: 'Xã',
          kind: 'commune',
        },
      };
    },
    snapshot: async (f) => getUnitVersionById(f.t.handle.db, f.communeVersionId),
    audits: 'org_unit.correct',
  },
  {
    method: 'POST',
    route: '/api/reorganisations',
    access: adminInSubtree,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/reorganisations',
      payload: {
        type: 'create',
        effectiveDate: '2024-01-01',
        unit: { name: `Xã Mới ${next()}`, kind: 'commune', parentUnitId: f.d1 },
      },
    }),
    snapshot: async (f) => [
      await count(f, 'org_unit'),
      await count(f, 'org_unit_version'),
      await count(f, 'reorganisation'),
    ],
    audits: 'org_unit.create',
  },
  {
    method: 'GET',
    route: '/api/unit-groups',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/unit-groups?provinceId=${f.t.hp}` }),
  },
  {
    method: 'POST',
    route: '/api/unit-groups',
    access: groupWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/unit-groups',
      payload: {
        provinceId: f.t.hp,
        code: `nhom-${next()}`,
        name: 'Nhóm thử',
        kinds: ['commune'],
        memberIds: [f.commune],
      },
    }),
    snapshot: async (f) => [await count(f, 'unit_group'), await count(f, 'unit_group_member')],
    audits: 'unit_group.create',
  },
  {
    method: 'GET',
    route: '/api/unit-groups/:groupId',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/unit-groups/${f.group}` }),
  },
  {
    method: 'PATCH',
    route: '/api/unit-groups/:groupId',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const g = await insertUnitGroup(f.t.handle.db, {
        provinceId: f.t.hp,
        code: `sua-${next()}`,
        name: 'Nhóm để sửa',
        rule: { kinds: ['district'] },
      });
      return {
        method: 'PATCH',
        url: `/api/unit-groups/${g.id}`,
        payload: { version: 1, name: 'Nhóm đã sửa', memberIds: [f.commune] },
      };
    },
    snapshot: async (f, req) => [
      await getUnitGroup(f.t.handle.db, idOf(req.url)),
      await count(f, 'unit_group_member'),
    ],
    audits: 'unit_group.update',
  },
  {
    method: 'DELETE',
    route: '/api/unit-groups/:groupId',
    access: groupWriter,
    ok: 204,
    request: async (f) => {
      const g = await insertUnitGroup(f.t.handle.db, {
        provinceId: f.t.hp,
        code: `xoa-${next()}`,
        name: 'Nhóm để xóa',
        rule: { kinds: ['district'] },
      });
      return { method: 'DELETE', url: `/api/unit-groups/${g.id}` };
    },
    snapshot: async (f, req) => getUnitGroup(f.t.handle.db, idOf(req.url)),
    audits: 'unit_group.delete',
  },
  {
    method: 'GET',
    route: '/api/users',
    // Any administrator lists the accounts of the provinces it manages.
    access: isAdmin,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/users?limit=500' }),
    check: (f, w, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((u) => u.id);
      // Listed exactly when the caller may open it: its only grant is on the commune below D1.
      if (inSubtree(w)) expect(ids).toContain(f.targetUser);
      else expect(ids).not.toContain(f.targetUser);
    },
  },
  {
    method: 'POST',
    route: '/api/users',
    access: adminInSubtree,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `moi${next()}`,
        displayName: 'Cán bộ mới',
        password: 'mat-khau-dai-du-10',
        grants: [{ role: 'viewer', unitId: f.commune }],
      },
    }),
    snapshot: async (f) => [await count(f, 'app_user'), await count(f, 'role_grant')],
    audits: 'user.create',
  },
  {
    method: 'GET',
    route: '/api/users/:userId',
    access: adminInSubtree,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/users/${f.targetUser}` }),
  },
  {
    method: 'PATCH',
    route: '/api/users/:userId',
    access: adminInSubtree,
    ok: 200,
    request: async (f) => {
      const u = await insertUser(f.t.handle.db, {
        username: `sua${next()}`,
        displayName: 'Cán bộ xã',
        email: null,
        passwordHash: 'x',
      });
      await replaceGrants(f.t.handle.db, u.id, [{ role: 'unit_officer', unitId: f.commune }]);
      return {
        method: 'PATCH',
        url: `/api/users/${u.id}`,
        payload: { version: 1, displayName: 'Cán bộ xã (đã sửa)', email: 'can.bo@haiphong.gov.vn' },
      };
    },
    snapshot: async (f, req) => [
      await queryRows(
        f.t.handle.db,
        sql`SELECT display_name, email, version FROM app_user WHERE id = ${idOf(req.url)}`,
      ),
    ],
    audits: 'user.update',
  },
  {
    method: 'POST',
    route: '/api/users/:userId/grants/follow-successors',
    access: adminInSubtree,
    ok: 200,
    request: async (f) => {
      // Two communes under D1 merged into a third one in 2024: an officer granted on the first follows it.
      const reorg = (payload: Record<string, unknown>) =>
        f.t.call(f.sysAdmin, { method: 'POST', url: '/api/reorganisations', payload });
      const commune = async (name: string) =>
        (
          await reorg({
            type: 'create',
            effectiveDate: '2023-01-01',
            unit: { name, kind: 'commune', parentUnitId: f.d1 },
          })
        ).json().createdUnitIds[0] as string;
      const gone = await commune(`Xã Cũ ${next()}`);
      const gone2 = await commune(`Xã Cũ ${next()}`);
      const into = await commune(`Xã Mới ${next()}`);
      const merged = await reorg({
        type: 'merge',
        effectiveDate: '2024-01-01',
        sources: [{ unitId: gone }, { unitId: gone2 }],
        intoUnitId: into,
      });
      expect(merged.statusCode, merged.body).toBe(201);
      const u = await insertUser(f.t.handle.db, {
        username: `theo${next()}`,
        displayName: 'Cán bộ xã đã sáp nhập',
        email: null,
        passwordHash: 'x',
      });
      await replaceGrants(f.t.handle.db, u.id, [{ role: 'unit_officer', unitId: gone }]);
      return { method: 'POST', url: `/api/users/${u.id}/grants/follow-successors`, payload: { version: 1 } };
    },
    snapshot: async (f, req) =>
      queryRows(
        f.t.handle.db,
        sql`SELECT role, unit_id FROM role_grant
             WHERE user_id = ${idOf(req.url.replace('/grants/follow-successors', ''))}`,
      ),
    audits: 'user.grants_follow_successors',
  },
  {
    method: 'POST',
    route: '/api/users/:userId/unlock',
    access: adminInSubtree,
    ok: 200,
    request: async (f) => {
      const u = await insertUser(f.t.handle.db, {
        username: `mo${next()}`,
        displayName: 'Cán bộ bị làm chậm',
        email: null,
        passwordHash: 'x',
      });
      await replaceGrants(f.t.handle.db, u.id, [{ role: 'unit_officer', unitId: f.commune }]);
      await queryRows(
        f.t.handle.db,
        sql`INSERT INTO sign_in_throttle (username_key, address, failures, last_failure_at, blocked_until)
            VALUES (${u.username}, '', 30, now(), now() + interval '1 minute')`,
      );
      return { method: 'POST', url: `/api/users/${u.id}/unlock` };
    },
    snapshot: async (f, req) =>
      queryRows(
        f.t.handle.db,
        sql`SELECT t.failures FROM sign_in_throttle t JOIN app_user a ON lower(a.username) = t.username_key
            WHERE a.id = ${idOf(req.url.replace('/unlock', ''))}`,
      ),
    audits: 'user.unlock',
  },
  {
    method: 'GET',
    route: '/api/audit',
    access: isAdmin,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/audit?limit=500' }),
    check: (f, w, body) => {
      const provinces = new Set(
        (body as { items: { provinceId: string | null }[] }).items.map((e) => e.provinceId),
      );
      if (w.scope === 'global') return;
      // Entries without a province (sign-ins) are for system administrators only.
      expect(provinces.has(null)).toBe(false);
      if (w.scope === 'other_province') expect(provinces.has(f.t.hp)).toBe(false);
    },
  },
  {
    method: 'GET',
    route: '/api/plans',
    // Everyone signed in lists the plans of the provinces they may read.
    access: 'self',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/plans' }),
    check: (f, w, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((p) => p.id);
      if (w.scope === 'other_province') expect(ids).not.toContain(f.plan);
      else expect(ids).toContain(f.plan);
    },
  },
  {
    method: 'POST',
    route: '/api/plans',
    access: groupWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/plans',
      payload: { provinceId: f.t.hp, year: 2030, title: `Kế hoạch thử ${next()}` },
    }),
    snapshot: async (f) => [await count(f, 'plan'), await count(f, 'plan_revision')],
    audits: 'plan.create',
  },
  {
    method: 'POST',
    route: '/api/plans/copy-mapping',
    // Copying a plan is writing one in the target province (here the source's own).
    access: groupWriter,
    ok: 200,
    request: (f) => ({
      method: 'POST',
      url: '/api/plans/copy-mapping',
      payload: { copyFromPlanId: f.plan, provinceId: f.t.hp },
    }),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}` }),
  },
  {
    method: 'PATCH',
    route: '/api/plans/:planId',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const [p] = await queryRows<{ version: number }>(
        f.t.handle.db,
        sql`SELECT version FROM plan WHERE id = ${f.plan}`,
      );
      return {
        method: 'PATCH',
        url: `/api/plans/${f.plan}`,
        payload: { version: p!.version, title: `Kế hoạch đã sửa ${next()}` },
      };
    },
    snapshot: async (f) => [
      await queryRows(f.t.handle.db, sql`SELECT * FROM plan WHERE id = ${f.plan}`),
      await count(f, 'plan_revision'),
    ],
    audits: 'plan.update',
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/revisions',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}/revisions` }),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/revisions/:revisionId',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}/revisions/${f.planRevision}` }),
  },
  ...(['docx', 'pdf'] as const).map(
    (format): RouteCase => ({
      method: 'GET',
      route: `/api/plans/:planId/export.${format}`,
      access: inProvince,
      ok: 200,
      request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}/export.${format}` }),
    }),
  ),
  ...EVIDENCE_ROUTES,
  ...RECORD_ROUTES,
  // Tasks of the appendix (plan 54 III): read in the province; the DX office imports, enters, links; a unit (and the
  // units above it, and the DX office) writes its own part (V.1.a).
  {
    method: 'GET',
    route: '/api/plans/:planId/tasks',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}/tasks` }),
  },
  {
    method: 'POST',
    route: '/api/plans/:planId/tasks',
    access: groupWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.plan}/tasks`,
      payload: { title: `Nhiệm vụ thử ${next()}`, leadUnitIds: [f.commune], timeFrame: 'Quý II/2030' },
    }),
    snapshot: async (f) => [await count(f, 'task'), await count(f, 'task_assignment')],
    audits: 'task.create',
  },
  {
    method: 'POST',
    route: '/api/plans/:planId/tasks/import',
    access: groupWriter,
    ok: 200,
    request: async (f) => ({
      method: 'POST',
      url: `/api/plans/${f.plan}/tasks/import`,
      payload: {
        fileName: 'phu-luc.csv',
        // A new title each call: the same row again would be refused as already in the plan.
        contentBase64: Buffer.from(
          `STT;Nhiệm vụ;Cơ quan chủ trì;Thời gian thực hiện\n1;Nhiệm vụ nhập ${next()};Phường Thử Nghiệm;Quý III/2030\n`,
        ).toString('base64'),
        confirm: true,
        // Other rows of this matrix create units with similar names: settle the question the dry run would ask.
        answers: { 'Phường Thử Nghiệm': { type: 'unit', id: f.commune } },
      },
    }),
    snapshot: async (f) => [await count(f, 'task'), await count(f, 'task_assignment')],
    audits: 'task.import',
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/tasks/export.xlsx',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}/tasks/export.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/tasks/overdue.xlsx',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.plan}/tasks/overdue.xlsx` }),
  },
  {
    method: 'GET',
    route: '/api/tasks/:taskId',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/tasks/${f.task}` }),
  },
  {
    method: 'PATCH',
    route: '/api/tasks/:taskId',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const [row] = await queryRows<{ version: number }>(
        f.t.handle.db,
        sql`SELECT version FROM task WHERE id = ${f.task}`,
      );
      return {
        method: 'PATCH',
        url: `/api/tasks/${f.task}`,
        payload: { version: row!.version, themeIds: [], targetIds: [] },
      };
    },
    snapshot: async (f) => queryRows(f.t.handle.db, sql`SELECT version FROM task WHERE id = ${f.task}`),
    audits: 'task.link',
  },
  {
    method: 'DELETE',
    route: '/api/tasks/:taskId',
    access: groupWriter,
    ok: 204,
    request: async (f) => {
      const res = await f.t.call(f.sysAdmin, {
        method: 'POST',
        url: `/api/plans/${f.plan}/tasks`,
        payload: { title: `Nhiệm vụ xoá ${next()}`, leadUnitIds: [f.commune], timeFrame: 'Quý II/2030' },
      });
      return { method: 'DELETE', url: `/api/tasks/${res.json().id}?version=${res.json().version}` };
    },
    snapshot: async (f, req) =>
      queryRows(f.t.handle.db, sql`SELECT id, version FROM task WHERE id = ${idOf(req.url)}`),
    audits: 'task.delete',
  },
  {
    method: 'POST',
    route: '/api/tasks/:taskId/updates',
    // The commune's part: its officers and those above it, the DX office of the province (and administrators).
    access: (w) => groupWriter(w) || ((w.role === 'unit_officer' || w.role === 'dx_office') && inSubtree(w)),
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/tasks/${f.task}/updates`,
      payload: { kind: 'comment', assignmentId: f.taskPart, note: `Ý kiến ${next()}` },
    }),
    snapshot: async (f) => [await count(f, 'task_update'), await count(f, 'task_attachment')],
    audits: 'task.comment',
  },
  {
    method: 'GET',
    route: '/api/task-attachments/:attachmentId',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/task-attachments/${f.taskAttachment}` }),
  },
];

describe('authorization matrix', () => {
  const f = {} as Fixture;

  beforeAll(async () => {
    f.t = await createTestApp();
    const t = f.t;
    f.sysAdmin = await t.userWith([{ role: 'administrator', unitId: null }], `sysadmin${process.pid}`);
    const create = (name: string, kind: 'district' | 'commune', parentUnitId: string) =>
      createUnit(t, f.sysAdmin, { name, kind, parentUnitId });
    f.d1 = await create('Quận Thử Nghiệm Một', 'district', t.hp);
    f.d2 = await create('Quận Thử Nghiệm Hai', 'district', t.hp);
    f.commune = await create('Phường Thử Nghiệm', 'commune', f.d1);
    f.communeVersionId = (
      await t.call(f.sysAdmin, { method: 'GET', url: `/api/org-units/${f.commune}` })
    ).json().versions[0].versionId;
    const group = await t.call(f.sysAdmin, {
      method: 'POST',
      url: '/api/unit-groups',
      payload: { provinceId: t.hp, code: 'nhom-ma-tran', name: 'Nhóm ma trận', kinds: ['district'] },
    });
    f.group = group.json().id;
    const target = await t.call(f.sysAdmin, {
      method: 'POST',
      url: '/api/users',
      payload: {
        username: `dich${process.pid}`,
        displayName: 'Cán bộ phường',
        password: 'mat-khau-dai-du-10',
        grants: [{ role: 'unit_officer', unitId: f.commune }],
      },
    });
    f.targetUser = target.json().id;
    const plan = await t.call(f.sysAdmin, {
      method: 'POST',
      url: '/api/plans',
      payload: { provinceId: t.hp, year: 2030, title: 'Kế hoạch ma trận' },
    });
    expect(plan.statusCode, plan.body).toBe(201);
    f.plan = plan.json().id;
    f.planRevision = (
      await t.call(f.sysAdmin, { method: 'GET', url: `/api/plans/${f.plan}/revisions` })
    ).json().items[0].id;
    const task = await t.call(f.sysAdmin, {
      method: 'POST',
      url: `/api/plans/${f.plan}/tasks`,
      payload: { title: 'Nhiệm vụ ma trận', leadUnitIds: [f.commune], timeFrame: 'Quý II/2030' },
    });
    expect(task.statusCode, task.body).toBe(201);
    f.task = task.json().id;
    f.taskPart = task.json().assignments[0].id;
    const evidence = await t.call(f.sysAdmin, {
      method: 'POST',
      url: `/api/tasks/${f.task}/updates`,
      payload: {
        kind: 'comment',
        note: 'Minh chứng',
        files: [{ fileName: 'bien-ban.txt', contentBase64: 'YQ==' }],
      },
    });
    expect(evidence.statusCode, evidence.body).toBe(201);
    f.taskAttachment = evidence.json().attachments[0].id;

    await setUpEvidence(f);

    const unitFor: Record<Scope, string> = {
      province: t.hp,
      unit: f.d1,
      sibling: f.d2,
      other_province: t.hd,
    };
    f.sessions = new Map([[key({ role: 'administrator', scope: 'global' }), f.sysAdmin]]);
    f.usernames = new Map([[key({ role: 'administrator', scope: 'global' }), `sysadmin${process.pid}`]]);
    for (const role of ROLES) {
      for (const scope of SCOPES) {
        const username = `${role}_${scope}_${process.pid}`.replaceAll('_', '.');
        f.sessions.set(key({ role, scope }), await t.userWith([{ role, unitId: unitFor[scope] }], username));
        f.usernames.set(key({ role, scope }), username);
      }
    }
  });
  afterAll(async () => f.t?.close());

  it('the table lists every route the app registers, and nothing else', () => {
    const registered = routesWithoutHead(f.t.app);
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.route}`));
    const unlisted = registered.filter((r) => !listed.has(r));
    expect(
      unlisted,
      'routes without a row in the authorization matrix: add them to ROUTES in this file',
    ).toEqual([]);
    expect(
      [...listed].filter((r) => !registered.includes(r)),
      'rows for routes that do not exist',
    ).toEqual([]);
  });

  const everyone: Who[] = [
    { role: 'administrator', scope: 'global' },
    ...ROLES.flatMap((role) => SCOPES.map((scope) => ({ role, scope }))),
  ];

  // One test per route: it runs every caller (anonymous, without CSRF, each role on each scope) and reports one
  // table of the callers whose answer differed from the row's rule, so a failure shows the whole picture at once.
  for (const rc of ROUTES) {
    const isWrite = rc.method !== 'GET';

    /** Runs the request as `who` (null = anonymous) and returns what differed from `expected` (empty = as ruled). */
    const run = async (who: Who | null, expected: 'allowed' | 'refused' | 'anonymous'): Promise<string[]> => {
      const req = await rc.request(f, who);
      const before = rc.snapshot ? await rc.snapshot(f, req) : undefined;
      const auditMax = Number(
        (await queryRows<{ m: string | null }>(f.t.handle.db, sql`SELECT max(id) AS m FROM audit_log`))[0]!
          .m ?? 0,
      );
      let session: Session | null = null;
      if (who) {
        const stored = f.sessions.get(key(who))!;
        if (rc.route === '/api/auth/change-password') {
          // Changing the password ends every session of the user: use a user of its own with the same grant.
          const res = await f.t.call(f.sysAdmin, { method: 'GET', url: `/api/users/${stored.userId}` });
          session = await f.t.userWith(
            res.json().grants.map((g: { role: Role; unitId: string | null }) => ({
              role: g.role,
              unitId: g.unitId,
            })),
          );
        } else if (rc.route === '/api/auth/sign-out') {
          session = await f.t.signIn(f.usernames.get(key(who))!); // a second session of the same user
        } else {
          session = stored;
        }
      }
      const res = await f.t.call(session, req as InjectOptions);
      const newAudit = await queryRows<{ action: string; actor_user_id: string | null }>(
        f.t.handle.db,
        sql`SELECT action, actor_user_id FROM audit_log WHERE id > ${auditMax}`,
      );
      const diffs: string[] = [];
      const body = () => res.body.slice(0, 160);
      if (expected === 'allowed') {
        if (res.statusCode !== rc.ok) return [`expected ${rc.ok}, got ${res.statusCode} ${body()}`];
        const audits = typeof rc.audits === 'function' ? rc.audits(who!) : rc.audits;
        if (audits) {
          const entry = newAudit.find((a) => a.action === audits);
          if (!entry) diffs.push(`no audit entry ${audits}`);
          else if (entry.actor_user_id !== session!.userId) diffs.push(`audit ${audits} names another actor`);
        }
        try {
          rc.check?.(f, who!, res.json());
        } catch (error) {
          diffs.push(`check failed: ${(error as Error).message.split('\n')[0]}`);
        }
        return diffs;
      }
      const status = expected === 'anonymous' ? 401 : 403;
      const code = expected === 'anonymous' ? 'AUTH.UNAUTHENTICATED' : 'AUTH.FORBIDDEN';
      if (res.statusCode !== status) return [`expected ${status}, got ${res.statusCode} ${body()}`];
      if (res.json().error?.code !== code) diffs.push(`expected ${code}, got ${res.json().error?.code}`);
      if (isWrite) {
        if (newAudit.length > 0)
          diffs.push(`a refused write left audit entries ${newAudit.map((a) => a.action)}`);
        if (rc.snapshot && JSON.stringify(await rc.snapshot(f, req)) !== JSON.stringify(before))
          diffs.push('a refused write changed state');
      }
      return diffs;
    };

    it(`${rc.method} ${rc.route}`, async () => {
      const table: string[] = [];
      const note = (who: string, diffs: string[]) => {
        for (const d of diffs) table.push(`${who.padEnd(30)} ${d}`);
      };
      if (rc.access === 'public') {
        const res = await f.t.call(null, (await rc.request(f, null)) as InjectOptions);
        if (res.statusCode !== rc.ok)
          note('anonymous', [`expected ${rc.ok}, got ${res.statusCode} ${res.body.slice(0, 160)}`]);
        expect(table).toEqual([]);
        return;
      }
      note('anonymous', await run(null, 'anonymous'));
      if (isWrite) {
        const req = await rc.request(f, { role: 'administrator', scope: 'global' });
        const before = rc.snapshot ? await rc.snapshot(f, req) : undefined;
        const res = await f.t.app.inject({
          ...(req as InjectOptions),
          // The request's own headers (a multipart body's content type) stay; only the CSRF header is missing.
          headers: {
            ...((req as InjectOptions).headers as Record<string, string>),
            cookie: f.sysAdmin.cookie,
          },
        });
        if (res.statusCode !== 403 || res.json().error?.code !== 'AUTH.CSRF')
          note('no CSRF header', [`expected 403 AUTH.CSRF, got ${res.statusCode} ${res.body.slice(0, 160)}`]);
        if (rc.snapshot && JSON.stringify(await rc.snapshot(f, req)) !== JSON.stringify(before))
          note('no CSRF header', ['state changed']);
      }
      for (const who of everyone) {
        const allowed = rc.access === 'self' || (rc.access as (w: Who) => boolean)(who);
        note(`${key(who)} (${allowed ? rc.ok : 403})`, await run(who, allowed ? 'allowed' : 'refused'));
      }
      expect(table, `callers whose answer differs from the rule of ${rc.method} ${rc.route}`).toEqual([]);
      // Thirty callers, each a real request (an import's dry run and confirmation for the upload routes): on a loaded
      // 2-core machine one route's loop outgrew the default 60 s.
    }, 240_000);
  }
});
