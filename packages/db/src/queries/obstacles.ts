import { OPEN_OBSTACLE_STATUSES } from '@dx/domain';
import { and, asc, desc, eq, getTableColumns, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from '../client';
import { obstacle, obstacleStep } from '../obstacles-schema';
import { nearestVersionFirst } from './as-of';
import { type ReadScope, readScopeSql } from './read-scope';

/* SQL of the obstacles and proposals register (plan 54, closing paragraph). */

export type ObstacleRow = typeof obstacle.$inferSelect;
export type NewObstacle = typeof obstacle.$inferInsert;
export type ObstacleStepRow = typeof obstacleStep.$inferSelect;
/** A row with the names of its units (as of `today`, else their latest name) and of the item it was merged into. */
export type ObstacleView = ObstacleRow & {
  unitName: string;
  ownerUnitName: string | null;
  mergedIntoTitle: string | null;
};

const nameOf = (col: SQL | AnyPgColumn, today: string) =>
  sql`(SELECT v.name FROM org_unit_version v WHERE v.unit_id = ${col} ORDER BY ${nearestVersionFirst('v', today)} LIMIT 1)`;

const OPEN = sql.raw(OPEN_OBSTACLE_STATUSES.map((s) => `'${s}'`).join(','));

export async function insertObstacle(tx: Db, row: NewObstacle): Promise<ObstacleRow> {
  const [saved] = await tx.insert(obstacle).values(row).returning();
  return saved!;
}

export async function insertObstacleStep(tx: Db, row: typeof obstacleStep.$inferInsert): Promise<void> {
  await tx.insert(obstacleStep).values(row);
}

/** Changes an obstacle when its version is still `expectedVersion` (optimistic locking); false when stale. */
export async function updateObstacleRow(
  tx: Db,
  id: string,
  expectedVersion: number,
  fields: Partial<NewObstacle>,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(obstacle)
    .set({ ...fields, version: sql`${obstacle.version} + 1`, updatedAt: now })
    .where(and(eq(obstacle.id, id), eq(obstacle.version, expectedVersion)))
    .returning({ id: obstacle.id });
  return rows.length === 1;
}

export async function getObstacleRow(db: Db, id: string): Promise<ObstacleRow | null> {
  const [row] = await db.select().from(obstacle).where(eq(obstacle.id, id));
  return row ?? null;
}

/** The table's columns plus the names of its units and the title of the item it was merged into. */
const viewSelect = (today: string) => ({
  ...getTableColumns(obstacle),
  unitName: sql<string>`${nameOf(obstacle.unitId, today)}`,
  ownerUnitName: sql<string | null>`${nameOf(obstacle.ownerUnitId, today)}`,
  mergedIntoTitle: sql<
    string | null
  >`(SELECT m.title FROM obstacle m WHERE m.id = "obstacle"."merged_into_id")`,
});

export async function getObstacleView(db: Db, id: string, today: string): Promise<ObstacleView | null> {
  const [row] = await db.select(viewSelect(today)).from(obstacle).where(eq(obstacle.id, id));
  return row ?? null;
}

export type ObstacleFilter = {
  /** Provinces in scope; null = every province (system administrator). */
  provinceIds: string[] | null;
  /** Only the items the caller may read: raised by or directed to a unit it reads (docs/security.md). */
  readable?: ReadScope;
  /** Items raised by this unit or owned by it. */
  unitId?: string;
  status?: string;
  kind?: string;
  overdue?: boolean;
  reportId?: string;
  /** Accent-insensitive search in the title and description. */
  q?: string;
  today: string;
  limit: number;
  offset: number;
};

/** The register, newest first, with the number of open and overdue items under the same scope (the badge). */
export async function listObstacles(db: Db, f: ObstacleFilter) {
  const scope: SQL[] = [];
  if (f.provinceIds !== null)
    scope.push(f.provinceIds.length === 0 ? sql`FALSE` : inArray(obstacle.provinceId, f.provinceIds)!);
  if (f.readable)
    scope.push(
      readScopeSql(f.readable, sql`${obstacle.provinceId}`, [
        sql`${obstacle.unitId}`,
        sql`${obstacle.ownerUnitId}`,
      ]),
    );
  if (f.unitId) scope.push(or(eq(obstacle.unitId, f.unitId), eq(obstacle.ownerUnitId, f.unitId))!);
  if (f.kind) scope.push(eq(obstacle.kind, f.kind));
  if (f.reportId) scope.push(eq(obstacle.reportId, f.reportId));
  if (f.q)
    scope.push(
      sql`lower(f_unaccent(${obstacle.title} || ' ' || ${obstacle.description})) LIKE '%' || lower(f_unaccent(${f.q})) || '%'`,
    );
  const overdue = sql`(${obstacle.status} IN (${OPEN}) AND ${obstacle.dueDate} < ${f.today}::date)`;
  const where: SQL[] = [...scope];
  if (f.status) where.push(eq(obstacle.status, f.status));
  if (f.overdue) where.push(overdue);
  const items = await db
    .select(viewSelect(f.today))
    .from(obstacle)
    .where(and(...where))
    .orderBy(desc(obstacle.createdAt), asc(obstacle.id))
    .limit(f.limit)
    .offset(f.offset);
  const [filtered] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(obstacle)
    .where(and(...where));
  const [counts] = await db
    .select({
      overdue: sql<number>`count(*) FILTER (WHERE ${overdue})::int`,
      open: sql<number>`count(*) FILTER (WHERE ${obstacle.status} IN (${OPEN}))::int`,
    })
    .from(obstacle)
    .where(and(...scope));
  return {
    items,
    total: Number(filtered!.n),
    overdueCount: Number(counts!.overdue),
    openCount: Number(counts!.open),
  };
}

export async function listObstacleSteps(db: Db, obstacleId: string): Promise<ObstacleStepRow[]> {
  return db
    .select()
    .from(obstacleStep)
    .where(eq(obstacleStep.obstacleId, obstacleId))
    .orderBy(asc(obstacleStep.id));
}

/** Items merged into this one (their raising units see this item's direction and answer). */
export async function listMergedObstacles(db: Db, intoId: string, today: string): Promise<ObstacleView[]> {
  return db
    .select(viewSelect(today))
    .from(obstacle)
    .where(eq(obstacle.mergedIntoId, intoId))
    .orderBy(asc(obstacle.createdAt));
}

/**
 * Obstacles and proposals of a province for a period's report (generated at or after the period's end): every item
 * still open, and those closed since the period began. Merged items are reported through the item they went into.
 */
export async function listObstaclesForPeriod(
  db: Db,
  o: { provinceId: string; from: string; today: string },
): Promise<ObstacleView[]> {
  const local = (col: SQL) => sql`(${col} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  return db
    .select(viewSelect(o.today))
    .from(obstacle)
    .where(
      and(
        eq(obstacle.provinceId, o.provinceId),
        ne(obstacle.status, 'merged'),
        or(
          sql`${obstacle.status} IN (${OPEN})`,
          sql`${local(sql`${obstacle.updatedAt}`)} >= ${o.from}::date`,
        ),
      ),
    )
    .orderBy(asc(obstacle.kind), asc(obstacle.createdAt), asc(obstacle.id));
}

/** Where the optional links of a new obstacle point: their province, plan and unit (null = not found). */
export async function obstacleLinkFacts(
  db: Db,
  o: {
    planId?: string | null;
    taskId?: string | null;
    planTargetId?: string | null;
    reportId?: string | null;
  },
) {
  const one = async <T>(q: SQL) => (await queryRows<T>(db, q))[0] ?? null;
  return {
    plan: o.planId
      ? await one<{ provinceId: string }>(
          sql`SELECT province_id AS "provinceId" FROM plan WHERE id = ${o.planId}`,
        )
      : null,
    task: o.taskId
      ? await one<{ provinceId: string; planId: string }>(
          sql`SELECT province_id AS "provinceId", plan_id AS "planId" FROM task WHERE id = ${o.taskId}`,
        )
      : null,
    target: o.planTargetId
      ? await one<{ provinceId: string; planId: string }>(
          sql`SELECT p.province_id AS "provinceId", t.plan_id AS "planId" FROM plan_target t JOIN plan p ON p.id = t.plan_id
               WHERE t.id = ${o.planTargetId}`,
        )
      : null,
    report: o.reportId
      ? await one<{ unitId: string; planId: string }>(
          sql`SELECT r.unit_id AS "unitId", p.plan_id AS "planId" FROM unit_report r JOIN report_period p ON p.id = r.period_id
               WHERE r.id = ${o.reportId}`,
        )
      : null,
  };
}

/** Raised items of a province still with the DX office, among `ids` (what forward may attach). */
export async function lockRaisedObstacles(tx: Db, ids: string[]): Promise<ObstacleRow[]> {
  if (ids.length === 0) return [];
  return tx.select().from(obstacle).where(inArray(obstacle.id, ids)).for('update');
}
