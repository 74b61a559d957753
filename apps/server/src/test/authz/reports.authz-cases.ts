import { insertReportPeriod, queryRows, replacePeriodUnits, schema } from '@dx/db';
import type { ReportFigures, ReportStatus } from '@dx/domain';
import { sql } from 'drizzle-orm';
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
 * Rows of the authorization matrix (http/authorization.test.ts) for the periodic reports routes. Reads: everyone in
 * the province (report.read). A unit's report: report.write over the commune (its officers and those above it, the
 * DX office granted on the province, administrators). Periods, review and reminders: report.manage (DX office).
 * Every write acts on a fresh period or report, stored directly in the state the step starts from.
 */

/** report.write over the matrix's commune. */
const reportWriter = (w: Who) =>
  ['unit_officer', 'dx_office', 'administrator'].includes(w.role) && inSubtree(w);

const figures = (from: string, to: string): ReportFigures => ({
  computedAt: '2030-04-01T00:00:00.000Z',
  period: { from, to },
  unitCount: 1,
  publications: { total: 0, dx: 0, byTheme: [], byChannel: [] },
  trainings: { count: 0, peopleTrained: 0 },
  events: { total: 0, participants: 0, byKind: [] },
  models: { total: 0, recognisedInPeriod: 0, featuredInPeriod: 0 },
  tasks: { total: 0, done: 0, inProgress: 0, notStarted: 0, blocked: 0, overdue: 0, items: [] },
  targets: [],
});

/** A period of the matrix's plan in which the commune must report. */
async function freshPeriod(f: Fixture) {
  const db = f.t.handle.db;
  const row = await insertReportPeriod(db, {
    planId: f.plan,
    provinceId: f.t.hp,
    kind: 'quarter',
    label: `Quý I/2030 (${next()})`,
    periodFrom: '2030-01-01',
    periodTo: '2030-03-31',
    dueDate: '2030-04-10',
    requiredUnitIds: [f.commune],
    createdBy: f.sysAdmin.userId,
  });
  await replacePeriodUnits(db, row.id, f.t.hp, [{ unitId: f.commune, viaGroupId: null }]);
  return row;
}

/** The commune's report in a given state. */
async function freshReport(f: Fixture, status: ReportStatus) {
  const period = await freshPeriod(f);
  const submitted = status !== 'draft';
  const [row] = await f.t.handle.db
    .insert(schema.unitReport)
    .values({
      periodId: period.id,
      provinceId: f.t.hp,
      unitId: f.commune,
      status,
      results: 'Kết quả',
      figures: submitted
        ? (figures(period.periodFrom, period.periodTo) as unknown as Record<string, unknown>)
        : null,
      firstSubmittedAt: submitted ? new Date('2030-04-02T03:00:00Z') : null,
      submittedAt: submitted ? new Date('2030-04-02T03:00:00Z') : null,
    })
    .returning();
  return row!;
}

const shared = new WeakMap<Fixture, Promise<{ periodId: string; reportId: string }>>();
/** One period and report the read rows share. */
const readable = (f: Fixture) => {
  if (!shared.has(f))
    shared.set(
      f,
      freshReport(f, 'submitted').then((r) => ({ periodId: r.periodId, reportId: r.id })),
    );
  return shared.get(f)!;
};

const reportIdOf = (req: Request) => req.url.split('/')[3]!;
const reportState = (f: Fixture, req: Request) =>
  queryRows(
    f.t.handle.db,
    sql`SELECT status, version, results, figures IS NULL AS no_figures FROM unit_report WHERE id = ${reportIdOf(req)}`,
  );
const periodState = (f: Fixture, req: Request) =>
  queryRows(
    f.t.handle.db,
    sql`SELECT label, status, version FROM report_period WHERE id = ${req.url.split('/')[3]!}`,
  );

const step = (
  verb: 'submit' | 'return' | 'accept',
  from: ReportStatus,
  access: (w: Who) => boolean,
  body: Record<string, unknown>,
  audit: string,
): RouteCase => ({
  method: 'POST',
  route: `/api/reports/:reportId/${verb}`,
  access,
  ok: 200,
  request: async (f) => {
    const r = await freshReport(f, from);
    return { method: 'POST', url: `/api/reports/${r.id}/${verb}`, payload: { version: r.version, ...body } };
  },
  snapshot: reportState,
  audits: audit,
});

export const REPORT_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/plans/:planId/report-periods',
    access: inProvince,
    ok: 200,
    request: async (f) => {
      await readable(f);
      return { method: 'GET', url: `/api/plans/${f.plan}/report-periods` };
    },
    check: (f, _w, body) => {
      for (const p of (body as { items: { provinceId: string }[] }).items)
        if (p.provinceId !== f.t.hp) throw new Error('a period of another province leaked');
    },
  },
  {
    method: 'POST',
    route: '/api/plans/:planId/report-periods',
    access: groupWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.plan}/report-periods`,
      payload: {
        kind: 'half_year',
        label: `6 tháng đầu năm 2030 (${next()})`,
        periodFrom: '2030-01-01',
        periodTo: '2030-06-30',
        dueDate: '2030-07-10',
        groupIds: [f.group],
        unitIds: [f.commune],
      },
    }),
    snapshot: async (f) => [await count(f, 'report_period'), await count(f, 'report_period_unit')],
    audits: 'report_period.create',
  },
  {
    method: 'PATCH',
    route: '/api/report-periods/:periodId',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const p = await freshPeriod(f);
      return {
        method: 'PATCH',
        url: `/api/report-periods/${p.id}`,
        payload: { version: p.version, label: `Quý I/2030 sửa ${next()}`, status: 'closed' },
      };
    },
    snapshot: periodState,
    audits: 'report_period.close',
  },
  {
    method: 'GET',
    route: '/api/report-periods/:periodId/completeness',
    access: inProvince,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/report-periods/${(await readable(f)).periodId}/completeness?groupId=${f.group}`,
    }),
  },
  {
    method: 'GET',
    route: '/api/report-periods/:periodId/missing.xlsx',
    access: inProvince,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/report-periods/${(await readable(f)).periodId}/missing.xlsx?groupId=${f.group}`,
    }),
  },
  {
    method: 'POST',
    route: '/api/report-periods/:periodId/reminders',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const p = await freshPeriod(f);
      return {
        method: 'POST',
        url: `/api/report-periods/${p.id}/reminders`,
        payload: { unitIds: [f.commune] },
      };
    },
    snapshot: async (f) => [await count(f, 'notification'), await count(f, 'report_reminder')],
    audits: 'report_period.remind',
  },
  {
    method: 'GET',
    route: '/api/report-periods/:periodId/units/:unitId/report',
    access: itemReader,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/report-periods/${(await readable(f)).periodId}/units/${f.commune}/report`,
    }),
  },
  {
    method: 'POST',
    route: '/api/report-periods/:periodId/units/:unitId/report',
    access: reportWriter,
    ok: 200,
    request: async (f) => {
      const p = await freshPeriod(f);
      return { method: 'POST', url: `/api/report-periods/${p.id}/units/${f.commune}/report` };
    },
    snapshot: async (f) => [await count(f, 'unit_report'), await count(f, 'unit_report_event')],
    audits: 'unit_report.create',
  },
  {
    method: 'GET',
    route: '/api/reports/mine',
    access: 'self',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/reports/mine' }),
  },
  {
    method: 'GET',
    route: '/api/reports/:reportId',
    access: itemReader,
    ok: 200,
    request: async (f) => ({ method: 'GET', url: `/api/reports/${(await readable(f)).reportId}` }),
  },
  {
    method: 'PATCH',
    route: '/api/reports/:reportId',
    access: reportWriter,
    ok: 200,
    request: async (f) => {
      const r = await freshReport(f, 'draft');
      return {
        method: 'PATCH',
        url: `/api/reports/${r.id}`,
        payload: { version: r.version, results: `Kết quả sửa ${next()}` },
      };
    },
    snapshot: reportState,
    audits: 'unit_report.save',
  },
  step('submit', 'returned', reportWriter, { proposals: 'Kiến nghị' }, 'unit_report.submit'),
  step('return', 'submitted', groupWriter, { comment: 'Bổ sung số liệu' }, 'unit_report.return'),
  step('accept', 'submitted', groupWriter, {}, 'unit_report.accept'),
];
