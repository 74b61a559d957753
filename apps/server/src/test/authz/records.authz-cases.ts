import { insertRecord, queryRows } from '@dx/db';
import type { RecordType } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { RECORD_PATHS } from '../../features/records/records.routes';
import { multipartFile } from '../multipart';
import {
  count,
  type Fixture,
  groupWriter,
  inProvince,
  inSubtree,
  itemReader,
  key,
  next,
  type RouteCase,
  type Who,
} from './matrix';

/*
 * Rows of the authorization matrix (http/authorization.test.ts) for the import of every record type, its templates,
 * and files attached to records. Targets: records of the commune below D1 (Fixture.ev.records).
 */

/** Unit officers for their unit and the units below it; the DX office (and administrators) for the province. */
const recordWriter = (w: Who) => (w.role === 'unit_officer' && inSubtree(w)) || groupWriter(w);
const pdf = Buffer.from('%PDF-1.4\n% minh chứng\n').toString('base64');
/** A multipart/form-data request body holding one file (imports sent as multipart). */
/** The commune's name as a cell names it ("Phường X (Quận Y)": unique even among namesakes). */
const communeCell = new WeakMap<Fixture, Promise<string>>();
const communeName = (f: Fixture) => {
  let p = communeCell.get(f);
  if (!p) {
    p = queryRows<{ name: string; parent: string | null }>(
      f.t.handle.db,
      sql`SELECT v.name, (SELECT p.name FROM org_unit_version p WHERE p.unit_id = v.parent_unit_id AND p.valid_to IS NULL LIMIT 1) AS parent
            FROM org_unit_version v WHERE v.unit_id = ${f.commune} AND v.valid_to IS NULL LIMIT 1`,
    ).then((r) => (r[0]!.parent ? `${r[0]!.name} (${r[0]!.parent})` : r[0]!.name));
    communeCell.set(f, p);
  }
  return p;
};

/** One valid CSV row per type, naming the commune. */
const importCsv = (type: Exclude<RecordType, 'publication'>, unit: string) => {
  const n = next();
  return {
    unit_plan: `Đơn vị;Năm;Loại văn bản;Số, ký hiệu văn bản;Ngày ban hành\n${unit};2025;kế hoạch CĐS;${n}/KH;15/01/2025\n`,
    channel: `Đơn vị chủ quản;Loại kênh;Tên kênh\n${unit};loa;Loa phường ${n}\n`,
    person: `Đơn vị;Họ và tên;Vai trò\n${unit};Nguyễn Văn ${n};phóng viên\n`,
    training: `Đơn vị tổ chức;Tên lớp tập huấn;Ngày tổ chức\n${unit};Lớp ${n};01/03/2025\n`,
    dx_model: `Đơn vị;Loại;Tên mô hình, gương điển hình\n${unit};mô hình;Mô hình ${n}\n`,
    event: `Đơn vị tổ chức;Loại hoạt động;Cấp;Tên hoạt động;Ngày tổ chức\n${unit};cuộc thi;đơn vị;Cuộc thi ${n};01/04/2025\n`,
  }[type];
};

/** The import file of one valid row per type (publications: on the commune's channel). */
const importFile = async (f: Fixture, type: RecordType) => {
  if (type !== 'publication') return importCsv(type, await communeName(f));
  const [ch] = await queryRows<{ name: string }>(
    f.t.handle.db,
    sql`SELECT name FROM channel WHERE id = ${f.ev.records.channel}`,
  );
  return `Kênh;Tiêu đề tin, bài;Đường dẫn;Ngày đăng;Hình thức\n${ch!.name};Tin ${next()};;15/03/2025;video\n`;
};

/** The column a staged record of each type is told apart by (a clone gets a fresh value there). */
const IDENTITY_COLUMN: Record<RecordType, string> = {
  unit_plan: 'document_number',
  channel: 'name',
  publication: 'title',
  person: 'full_name',
  training: 'title',
  dx_model: 'name',
  event: 'title',
};
const templateStages = new WeakMap<Fixture, Map<RecordType, Promise<string>>>();

/**
 * A dry run's stage of one valid row owned by `userId`. One real dry run (multipart upload, parsed in a worker)
 * per fixture and type; each caller then gets a copy in SQL with fresh ids and a fresh identity, so the matrix
 * does not start a reading worker per role.
 */
const stageOwnedBy = async (f: Fixture, type: RecordType, path: string, userId: string) => {
  const byType = templateStages.get(f) ?? new Map<RecordType, Promise<string>>();
  templateStages.set(f, byType);
  let template = byType.get(type);
  if (!template) {
    template = (async () => {
      const dry = await f.t.call(f.sysAdmin, {
        method: 'POST',
        url: `/api/imports/${path}/file?provinceId=${f.t.hp}`,
        ...multipartFile('nhap.csv', await importFile(f, type)),
      });
      const stageId = dry.json().stageId as string | null;
      if (!stageId) throw new Error(`dry run gave no stage: ${dry.body.slice(0, 300)}`);
      return stageId;
    })();
    byType.set(type, template);
  }
  const from = await template;
  const id = crypto.randomUUID();
  const n = next();
  await f.t.handle.db.execute(
    sql`INSERT INTO import_stage (id, province_id, record_type, file_name, total, issues, created_by, expires_at)
        SELECT ${id}::uuid, province_id, record_type, file_name, total, issues, ${userId}::uuid, expires_at
          FROM import_stage WHERE id = ${from}`,
  );
  await f.t.handle.db.execute(
    sql`INSERT INTO import_stage_row (stage_id, row, identity, unit_id, record, theme_ids, model_ids, attendee_ids)
        SELECT ${id}::uuid, row, ${`copy ${n}`}, unit_id,
               record || jsonb_build_object('id', gen_random_uuid(), 'created_by', ${userId}::uuid,
                                            ${IDENTITY_COLUMN[type]}::text, ${`Bản sao ${n}`}::text),
               theme_ids, model_ids, attendee_ids
          FROM import_stage_row WHERE stage_id = ${from}`,
  );
  return id;
};

/**
 * Confirming a dry run (issue 12): its stage belongs to the uploader. Writers confirm their own; anyone else is
 * given the system administrator's stage and refused, leaving the record tables as they were.
 */
const confirmCase = (type: RecordType, path: string): RouteCase => ({
  method: 'POST',
  route: `/api/imports/${path}/confirm`,
  access: recordWriter,
  ok: 200,
  request: async (f, w) => {
    const owner = w && recordWriter(w) ? f.sessions.get(key(w))!.userId : f.sysAdmin.userId;
    const stageId = await stageOwnedBy(f, type, path, owner);
    return { method: 'POST', url: `/api/imports/${path}/confirm`, payload: { stageId } };
  },
  snapshot: async (f) => [await count(f, type), await count(f, 'import_batch')],
  audits: `${type}.import`,
  check: (_f, _w, body) => {
    const report = body as { saved: number; issues: unknown[]; stageId: string | null };
    expect(report).toMatchObject({ saved: 1, issues: [], stageId: null });
  },
});

/** A fresh record of the commune, stored directly (the write rows make many). */
const freshRecord = async (f: Fixture, type: RecordType) => {
  const n = next();
  const columns: Record<RecordType, Record<string, unknown>> = {
    unit_plan: {
      unitId: f.commune,
      year: 2025,
      kind: 'dx_plan',
      documentNumber: `${n}/KH`,
      documentDate: '2025-01-15',
      status: 'submitted',
    },
    channel: { ownerUnitId: f.commune, kind: 'portal', name: `Trang ${n}` },
    publication: {
      channelId: f.ev.records.channel,
      unitId: f.commune,
      title: `Tin ${n}`,
      publishedOn: '2025-02-01',
      format: 'article',
    },
    person: { unitId: f.commune, fullName: `Người ${n}`, role: 'reporter' },
    training: { organiserUnitId: f.commune, title: `Lớp ${n}`, heldOn: '2025-03-01' },
    dx_model: { unitId: f.commune, kind: 'model', name: `Mô hình ${n}` },
    event: {
      organiserUnitId: f.commune,
      kind: 'contest',
      level: 'unit',
      title: `Thi ${n}`,
      heldOn: '2025-04-01',
    },
  };
  const row = await insertRecord(f.t.handle.db, type, {
    ...columns[type],
    provinceId: f.t.hp,
    createdBy: f.sysAdmin.userId,
  });
  return row.id;
};

/** A file attached by the system administrator to a fresh record of the commune. */
const freshFile = async (f: Fixture) => {
  const recordId = await freshRecord(f, 'unit_plan');
  const res = await f.t.call(f.sysAdmin, {
    method: 'POST',
    url: `/api/unit-plans/${recordId}/files`,
    payload: { fileName: 'ke-hoach.pdf', contentBase64: pdf },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const sharedFile = new WeakMap<Fixture, Promise<string>>();

export const RECORD_ROUTES: RouteCase[] = [
  ...(Object.keys(RECORD_PATHS) as RecordType[]).flatMap((type): RouteCase[] => {
    const path = RECORD_PATHS[type];
    const rows: RouteCase[] = [
      {
        method: 'POST',
        route: `/api/${path}/:id/files`,
        access: recordWriter,
        ok: 201,
        request: async (f) => ({
          method: 'POST',
          url: `/api/${path}/${await freshRecord(f, type)}/files`,
          payload: { fileName: 'bien-ban.pdf', contentBase64: pdf },
        }),
        snapshot: async (f) => count(f, 'record_file'),
        audits: 'record_file.create',
      },
    ];
    if (type === 'publication')
      // Its template and JSON import rows are in authorization.test.ts; the multipart import names an unknown
      // channel, so every writer gets the row back as an issue and nothing is saved.
      return [
        ...rows,
        confirmCase(type, path),
        {
          method: 'POST',
          route: '/api/imports/publications/file',
          access: (w) => inProvince(w) && (w.role === 'unit_officer' || groupWriter(w)),
          ok: 200,
          request: (f) => ({
            method: 'POST',
            url: `/api/imports/publications/file?provinceId=${f.t.hp}&confirm=true`,
            ...multipartFile(
              'tin-bai.csv',
              'Kênh;Tiêu đề tin, bài;Đường dẫn;Ngày đăng;Hình thức\nKênh không có;Tin;;15/03/2025;video\n',
            ),
          }),
          check: (_f, _w, body) => {
            const report = body as { saved: number; issues: { column: string }[] };
            expect(report.saved).toBe(0);
            expect(report.issues.map((i) => i.column)).toEqual(['channel']);
          },
        },
      ];
    return [
      ...rows,
      confirmCase(type, path),
      {
        method: 'GET',
        route: `/api/imports/${path}/template.xlsx`,
        access: inProvince,
        ok: 200,
        request: (f) => ({ method: 'GET', url: `/api/imports/${path}/template.xlsx?provinceId=${f.t.hp}` }),
      },
      {
        method: 'POST',
        route: `/api/imports/${path}`,
        // Anyone who writes records somewhere in the province may upload; each row is then checked against its
        // unit, so a sibling district's officer gets the commune's row back as an issue and nothing is saved.
        access: (w) => inProvince(w) && (w.role === 'unit_officer' || groupWriter(w)),
        ok: 200,
        request: async (f) => ({
          method: 'POST',
          url: `/api/imports/${path}`,
          payload: {
            provinceId: f.t.hp,
            fileName: 'nhap.csv',
            contentBase64: Buffer.from(importCsv(type, await communeName(f))).toString('base64'),
            confirm: true,
          },
        }),
        snapshot: async (f) => [await count(f, type), await count(f, 'import_batch')],
        audits: (w) => (recordWriter(w) ? `${type}.import` : undefined),
        check: (_f, w, body) => {
          const report = body as { saved: number; issues: { column: string }[] };
          expect(report.issues.map((i) => i.column)).toEqual(recordWriter(w) ? [] : ['unit']);
          expect(report.saved).toBe(recordWriter(w) ? 1 : 0);
        },
      },
      {
        method: 'POST',
        route: `/api/imports/${path}/file`,
        access: (w) => inProvince(w) && (w.role === 'unit_officer' || groupWriter(w)),
        ok: 200,
        request: async (f) => ({
          method: 'POST',
          url: `/api/imports/${path}/file?provinceId=${f.t.hp}&confirm=true`,
          ...multipartFile('nhap.csv', importCsv(type, await communeName(f))),
        }),
        snapshot: async (f) => [await count(f, type), await count(f, 'import_batch')],
        audits: (w) => (recordWriter(w) ? `${type}.import` : undefined),
        check: (_f, w, body) => {
          const report = body as { saved: number; issues: { column: string }[] };
          expect(report.issues.map((i) => i.column)).toEqual(recordWriter(w) ? [] : ['unit']);
          expect(report.saved).toBe(recordWriter(w) ? 1 : 0);
        },
      },
    ];
  }),
  {
    method: 'GET',
    route: '/api/record-files/:fileId',
    access: itemReader,
    ok: 200,
    request: async (f) => {
      let id = sharedFile.get(f);
      if (!id) {
        id = freshFile(f);
        sharedFile.set(f, id);
      }
      return { method: 'GET', url: `/api/record-files/${await id}` };
    },
  },
  {
    method: 'DELETE',
    route: '/api/record-files/:fileId',
    access: recordWriter,
    ok: 204,
    request: async (f) => ({ method: 'DELETE', url: `/api/record-files/${await freshFile(f)}` }),
    snapshot: async (f) => count(f, 'record_file'),
    audits: 'record_file.delete',
  },
];
