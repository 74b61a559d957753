import { insertObstacle, insertReportPeriod, queryRows } from '@dx/db';
import type { ObstacleStatus } from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  count,
  type Fixture,
  groupWriter,
  inProvince,
  inSubtree,
  itemReader,
  type Request,
  type RouteCase,
  type Who,
} from './matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the obstacles register. */

/** An obstacle raised by the matrix's commune, stored directly in the state a step starts from. */
async function freshObstacle(f: Fixture, status: ObstacleStatus) {
  const row = await insertObstacle(f.t.handle.db, {
    provinceId: f.t.hp,
    unitId: f.commune,
    kind: 'obstacle',
    title: `Khó khăn ma trận ${status}`,
    description: 'Một khó khăn để thử quyền',
    status,
    ownerRole: status === 'raised' ? 'dx_office' : status === 'forwarded' ? 'leadership' : 'unit',
    ownerUnitId: status === 'directed' ? f.commune : null,
    dueDate: '2030-12-31',
    createdBy: f.sysAdmin.userId,
    createdByName: 'Quản trị',
  });
  return row;
}
const readable = new WeakMap<Fixture, Promise<string>>();
const readableObstacle = (f: Fixture) => {
  if (!readable.has(f))
    readable.set(
      f,
      freshObstacle(f, 'raised').then((o) => o.id),
    );
  return readable.get(f)!;
};
/** A reporting period of the matrix's plan (for the consolidated report rows). */
const periods = new WeakMap<Fixture, Promise<string>>();
const matrixPeriod = (f: Fixture) => {
  if (!periods.has(f))
    periods.set(
      f,
      insertReportPeriod(f.t.handle.db, {
        planId: f.plan,
        provinceId: f.t.hp,
        kind: 'quarter',
        label: 'Quý II/2030',
        periodFrom: '2030-04-01',
        periodTo: '2030-06-30',
        dueDate: '2030-07-15',
      }).then((p) => p.id),
    );
  return periods.get(f)!;
};
const stepOf = (req: Request) => req.url.split('/').at(-2)!;
const stateOf = (f: Fixture, req: Request) =>
  queryRows(
    f.t.handle.db,
    sql`SELECT status, version, merged_into_id FROM obstacle WHERE id = ${stepOf(req)}`,
  );

/** report.write over the commune: its officers and those above it, the DX office, administrators. */
const reportWriter = (w: Who) =>
  ['unit_officer', 'dx_office', 'administrator'].includes(w.role) && inSubtree(w);
/** obstacle.direct over the province: leadership; the DX office records a direction for it; administrators. */
const director = (w: Who) => ['leadership', 'dx_office', 'administrator'].includes(w.role) && inProvince(w);

const step = (
  type: string,
  from: ObstacleStatus,
  access: (w: Who) => boolean,
  body: (f: Fixture) => Promise<Record<string, unknown>> | Record<string, unknown>,
): RouteCase => ({
  method: 'POST',
  route: `/api/obstacles/:obstacleId/${type}`,
  access,
  ok: 200,
  request: async (f) => {
    const o = await freshObstacle(f, from);
    return {
      method: 'POST',
      url: `/api/obstacles/${o.id}/${type}`,
      payload: { version: o.version, ...(await body(f)) },
    };
  },
  snapshot: stateOf,
  audits: `obstacle.${type}`,
});

export const OBSTACLE_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/obstacles',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/obstacles?provinceId=${f.t.hp}&overdue=false` }),
    check: (f, w, body) => {
      const items = (body as { items: { provinceId: string; unitId: string; ownerUnitId: string | null }[] })
        .items;
      for (const item of items) if (item.provinceId !== f.t.hp) throw new Error('leak');
      // A unit officer of another district reads none of the commune's items (docs/security.md "Scope of reading").
      if (!itemReader(w))
        for (const item of items)
          if (item.unitId === f.commune || item.ownerUnitId === f.commune) throw new Error('subtree leak');
    },
  },
  {
    method: 'POST',
    route: '/api/obstacles',
    access: reportWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: '/api/obstacles',
      payload: {
        unitId: f.commune,
        kind: 'proposal',
        title: 'Kiến nghị ma trận',
        description: 'Đề nghị bổ sung kinh phí',
      },
    }),
    snapshot: async (f) => [await count(f, 'obstacle'), await count(f, 'obstacle_step')],
    audits: 'obstacle.raise',
  },
  {
    method: 'GET',
    route: '/api/obstacles/:obstacleId',
    access: itemReader,
    ok: 200,
    request: async (f) => ({ method: 'GET', url: `/api/obstacles/${await readableObstacle(f)}` }),
  },
  step('forward', 'raised', groupWriter, () => ({ note: 'Tổng hợp' })),
  step('merge', 'raised', groupWriter, async (f) => ({ intoId: (await freshObstacle(f, 'raised')).id })),
  step('decline', 'raised', groupWriter, () => ({ reason: 'Đã có hướng dẫn' })),
  step('direct', 'forwarded', director, (f) => ({
    direction: 'Giao phường xử lý',
    ownerUnitId: f.commune,
    dueDate: '2030-12-31',
  })),
  step('answer', 'directed', reportWriter, () => ({ answer: 'Đã xử lý xong' })),
];

/**
 * The consolidated report of a period (features/reports/consolidated): read by everyone in the province; issued
 * (stored, frozen) by the DX office (report.manage), each time on a fresh period.
 */
export const CONSOLIDATED_ROUTES: RouteCase[] = [
  ...['', '.docx', '.xlsx', '.pdf'].map(
    (suffix): RouteCase => ({
      method: 'GET',
      route: `/api/report-periods/:periodId/consolidated${suffix}`,
      access: inProvince,
      ok: 200,
      request: async (f) => ({
        method: 'GET',
        url: `/api/report-periods/${await matrixPeriod(f)}/consolidated${suffix}`,
      }),
    }),
  ),
  {
    method: 'POST',
    route: '/api/report-periods/:periodId/consolidated/issue',
    access: groupWriter,
    ok: 200,
    request: async (f) => {
      const p = await insertReportPeriod(f.t.handle.db, {
        planId: f.plan,
        provinceId: f.t.hp,
        kind: 'quarter',
        label: 'Quý III/2030',
        periodFrom: '2030-07-01',
        periodTo: '2030-09-30',
        dueDate: '2030-10-15',
      });
      return {
        method: 'POST',
        url: `/api/report-periods/${p.id}/consolidated/issue`,
        payload: { issuer: 'committee' },
      };
    },
    snapshot: (f, req) =>
      queryRows(
        f.t.handle.db,
        sql`SELECT count(*)::int AS n FROM consolidated_report WHERE period_id = ${req.url.split('/')[3]!}`,
      ),
    audits: 'consolidated_report.issue',
  },
];
