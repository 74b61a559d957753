import { insertReportPeriod, queryRows, replacePeriodUnits, schema } from '@dx/db';
import type { ReportStatus } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { multipartFile } from '../multipart';
import {
  count,
  type Fixture,
  groupWriter,
  inProvince,
  inSubtree,
  itemReader,
  next,
  type Request,
  type RouteCase,
  type Who,
} from './matrix';

/*
 * Rows of the authorization matrix (http/authorization.test.ts) for reported figures (issue 16). Items: read by
 * everyone in the province, written by the DX office (plan.write). A unit's values: read as its report is
 * (report.read_item), entered and sent by its officers and those above it (report.write). The grid: anyone reading the
 * province's periods, with the units it may read (report.read_item). The review, template and import: the DX office
 * (report.manage). Every write acts on a fresh period, item or value.
 */

const reportWriter = (w: Who) =>
  ['unit_officer', 'dx_office', 'administrator'].includes(w.role) && inSubtree(w);

const items = new WeakMap<Fixture, Promise<string>>();
/** One quarterly item every unit reports (no kind, no group), shared by the rows. */
const sharedItem = (f: Fixture) => {
  if (!items.has(f))
    items.set(
      f,
      freshItem(f).then((i) => i.id),
    );
  return items.get(f)!;
};

async function freshItem(f: Fixture) {
  const [row] = await f.t.handle.db
    .insert(schema.dataItem)
    .values({
      provinceId: f.t.hp,
      code: `item_${next()}`,
      nameVi: 'Số người được tuyên truyền',
      nameEn: 'People reached',
      unitOfMeasure: 'people',
      frequency: 'quarter',
      aggregation: 'sum',
    })
    .returning();
  return row!;
}

/** A quarter in which the commune must report. */
async function freshPeriod(f: Fixture) {
  const row = await insertReportPeriod(f.t.handle.db, {
    planId: f.plan,
    provinceId: f.t.hp,
    kind: 'quarter',
    label: `Quý II/2031 (${next()})`,
    periodFrom: '2031-04-01',
    periodTo: '2031-06-30',
    dueDate: '2031-07-10',
    requiredUnitIds: [f.commune],
    createdBy: f.sysAdmin.userId,
  });
  await replacePeriodUnits(f.t.handle.db, row.id, f.t.hp, [{ unitId: f.commune, viaGroupId: null }]);
  return row;
}

/** The commune's value of a fresh item (one value per item, unit and period start) in a fresh period, in a state. */
async function freshValue(f: Fixture, status: ReportStatus) {
  const period = await freshPeriod(f);
  const item = await freshItem(f);
  const [row] = await f.t.handle.db
    .insert(schema.dataValue)
    .values({
      provinceId: f.t.hp,
      itemId: item.id,
      unitId: f.commune,
      periodFrom: period.periodFrom,
      periodTo: period.periodTo,
      value: '120',
      status,
    })
    .returning();
  return { period, value: row! };
}

const periods = new WeakMap<Fixture, Promise<string>>();
/** One period the read rows share (the periods of other rows start on the same day: one value per period start). */
const readablePeriod = (f: Fixture) => {
  if (!periods.has(f))
    periods.set(
      f,
      freshPeriod(f).then((p) => p.id),
    );
  return periods.get(f)!;
};

const valuesOf = (f: Fixture, req: Request) =>
  queryRows(
    f.t.handle.db,
    sql`SELECT v.status, v.value, v.version FROM data_value v JOIN report_period p ON p.period_from = v.period_from
         WHERE p.id = ${req.url.split('/')[3]!} AND v.unit_id = ${f.commune} ORDER BY v.id`,
  );

export const DATA_ITEM_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/data-items',
    access: inProvince,
    ok: 200,
    request: async (f) => {
      await sharedItem(f);
      return { method: 'GET', url: `/api/data-items?provinceId=${f.t.hp}` };
    },
  },
  {
    method: 'POST',
    route: '/api/data-items',
    access: groupWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/data-items',
      payload: {
        provinceId: f.t.hp,
        code: `households_${next()}`,
        nameVi: 'Số hộ gia đình được tổ công nghệ số cộng đồng đến',
        unitOfMeasure: 'households',
        reportingUnitKinds: ['commune'],
        frequency: 'quarter',
        aggregation: 'sum',
      },
    }),
    snapshot: (f) => count(f, 'data_item'),
    audits: 'data_item.create',
  },
  {
    method: 'PATCH',
    route: '/api/data-items/:itemId',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const item = await freshItem(f);
      return {
        method: 'PATCH',
        url: `/api/data-items/${item.id}`,
        payload: { version: item.version, nameVi: `Số người (${next()})` },
      };
    },
    snapshot: (f, req) =>
      queryRows(
        f.t.handle.db,
        sql`SELECT name_vi, version FROM data_item WHERE id = ${req.url.split('/')[3]!}`,
      ),
    audits: 'data_item.update',
  },
  {
    method: 'GET',
    route: '/api/report-periods/:periodId/data-values',
    // Anyone reading the province's periods; its rows are the units the caller reads (a sibling officer: none).
    access: inProvince,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/report-periods/${await readablePeriod(f)}/data-values`,
    }),
  },
  {
    method: 'POST',
    route: '/api/report-periods/:periodId/data-values/review',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const { period, value } = await freshValue(f, 'submitted');
      return {
        method: 'POST',
        url: `/api/report-periods/${period.id}/data-values/review`,
        payload: { action: 'accept', values: [{ id: value.id, version: value.version }] },
      };
    },
    snapshot: valuesOf,
    audits: 'data_value.accept',
  },
  {
    method: 'GET',
    route: '/api/report-periods/:periodId/units/:unitId/data-values',
    access: itemReader,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/report-periods/${await readablePeriod(f)}/units/${f.commune}/data-values`,
    }),
  },
  {
    method: 'PUT',
    route: '/api/report-periods/:periodId/units/:unitId/data-values',
    access: reportWriter,
    ok: 200,
    request: async (f) => {
      const { period, value } = await freshValue(f, 'draft');
      return {
        method: 'PUT',
        url: `/api/report-periods/${period.id}/units/${f.commune}/data-values`,
        payload: { values: [{ itemId: value.itemId, value: 150, version: value.version }] },
      };
    },
    snapshot: valuesOf,
    audits: 'data_value.save',
  },
  {
    method: 'POST',
    route: '/api/report-periods/:periodId/units/:unitId/data-values/submit',
    access: reportWriter,
    ok: 200,
    request: async (f) => {
      const { period } = await freshValue(f, 'returned');
      return {
        method: 'POST',
        url: `/api/report-periods/${period.id}/units/${f.commune}/data-values/submit`,
        payload: {},
      };
    },
    snapshot: valuesOf,
    audits: 'data_value.submit',
  },
  {
    method: 'GET',
    route: '/api/report-periods/:periodId/data-values/template.xlsx',
    access: groupWriter,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/report-periods/${await readablePeriod(f)}/data-values/template.xlsx`,
    }),
  },
  {
    method: 'POST',
    route: '/api/report-periods/:periodId/data-values/import',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const period = await freshPeriod(f);
      const item = await freshItem(f);
      return {
        method: 'POST',
        url: `/api/report-periods/${period.id}/data-values/import?confirm=true`,
        ...multipartFile('so-lieu.csv', `Mã đơn vị,Đơn vị,Số người [${item.code}]\n${f.commune},Xã,250\n`),
      };
    },
    snapshot: (f) => count(f, 'data_value'),
    audits: 'data_value.import',
  },
];
