// SQL of reported figures (issue 16): the items the DX office defines and the values units report per period.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { dataItem, dataValue } from '../schema';
import { inForceOn } from './as-of';
import { type ReadScope, readScopeSql } from './read-scope';

export type DataItemRow = typeof dataItem.$inferSelect;
export type NewDataItem = typeof dataItem.$inferInsert;
export type DataValueRow = typeof dataValue.$inferSelect;

/** A province's items, by code. */
export async function listDataItems(db: Db, provinceId: string): Promise<DataItemRow[]> {
  return db.select().from(dataItem).where(eq(dataItem.provinceId, provinceId)).orderBy(asc(dataItem.code));
}

export async function getDataItem(db: Db, id: string): Promise<DataItemRow | null> {
  const [r] = await db.select().from(dataItem).where(eq(dataItem.id, id));
  return r ?? null;
}

/** Inserts an item; null when the province already has one with that code. */
export async function insertDataItem(db: Db, row: NewDataItem): Promise<DataItemRow | null> {
  const [r] = await db.insert(dataItem).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

/** Optimistic update: null when the version moved on. */
export async function updateDataItemRow(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<NewDataItem, 'id' | 'provinceId' | 'code' | 'version'>>,
): Promise<DataItemRow | null> {
  const [r] = await db
    .update(dataItem)
    .set({ ...patch, version: sql`${dataItem.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(dataItem.id, id), eq(dataItem.version, expectedVersion)))
    .returning();
  return r ?? null;
}

/** Kind of each unit and the codes of the province's groups it belongs to, on a date (who reports which item). */
export async function unitKindsAndGroups(
  db: Db,
  provinceId: string,
  unitIds: readonly string[],
  asOf: string,
): Promise<Map<string, { kind: string; name: string; groupCodes: Set<string> }>> {
  const out = new Map<string, { kind: string; name: string; groupCodes: Set<string> }>();
  if (unitIds.length === 0) return out;
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ unit_id: string; kind: string; name: string; codes: string[] | null }>(
    db,
    sql`SELECT v.unit_id, v.kind, v.name,
               (SELECT array_agg(g.code) FROM unit_group g
                 WHERE g.province_id = ${provinceId}
                   AND (v.kind IN (SELECT jsonb_array_elements_text(coalesce(g.rule -> 'kinds', '[]'::jsonb)))
                        OR EXISTS (SELECT 1 FROM unit_group_member m WHERE m.group_id = g.id AND m.unit_id = v.unit_id))) AS codes
          FROM org_unit_version v
         WHERE v.unit_id IN (${ids}) AND ${inForceOn('v', asOf)}`,
  );
  for (const r of rows)
    out.set(r.unit_id, { kind: r.kind, name: r.name, groupCodes: new Set(r.codes ?? []) });
  return out;
}

/**
 * Values of the given items for units within a report period: every value whose own period lies inside
 * [periodFrom, periodTo] (a quarter's report holds its items' three monthly values; issue 16).
 */
export async function listDataValues(
  db: Db,
  f: { itemIds: readonly string[]; periodFrom: string; periodTo: string; unitIds?: readonly string[] },
): Promise<DataValueRow[]> {
  if (f.itemIds.length === 0 || f.unitIds?.length === 0) return [];
  return db
    .select()
    .from(dataValue)
    .where(
      and(
        inArray(dataValue.itemId, [...f.itemIds]),
        gte(dataValue.periodFrom, f.periodFrom),
        lte(dataValue.periodTo, f.periodTo),
        f.unitIds ? inArray(dataValue.unitId, [...f.unitIds]) : undefined,
      ),
    );
}

export async function getDataValues(db: Db, ids: readonly string[]): Promise<DataValueRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(dataValue)
    .where(inArray(dataValue.id, [...ids]));
}

/** Inserts a value; null when another one was stored for the item, unit and period meanwhile. */
export async function insertDataValue(
  db: Db,
  row: typeof dataValue.$inferInsert,
): Promise<DataValueRow | null> {
  const [r] = await db.insert(dataValue).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

/** Optimistic update of a value (or of its status): null when the version moved on. */
export async function updateDataValueRow(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<
    Pick<
      typeof dataValue.$inferInsert,
      'value' | 'note' | 'status' | 'submittedAt' | 'submittedBy' | 'reviewedAt' | 'reviewedBy' | 'reviewNote'
    >
  >,
): Promise<DataValueRow | null> {
  const [r] = await db
    .update(dataValue)
    .set({ ...patch, version: sql`${dataValue.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(dataValue.id, id), eq(dataValue.version, expectedVersion)))
    .returning();
  return r ?? null;
}

/** Deletes a value not yet submitted, at the version read; false when it moved on. */
export async function deleteDataValueRow(db: Db, id: string, expectedVersion: number): Promise<boolean> {
  const r = await db
    .delete(dataValue)
    .where(and(eq(dataValue.id, id), eq(dataValue.version, expectedVersion)))
    .returning({ id: dataValue.id });
  return r.length > 0;
}

/**
 * A unit's latest value of a population item up to `until` (any status: the unit's own statement of its size, so a
 * figure entered beside it is checked against it before either is accepted).
 */
export async function latestDataValue(
  db: Db,
  itemId: string,
  unitId: string,
  until: string,
): Promise<number | null> {
  const [r] = await queryRows<{ value: string }>(
    db,
    sql`SELECT value FROM data_value WHERE item_id = ${itemId} AND unit_id = ${unitId} AND period_from <= ${until}::date
         ORDER BY period_from DESC LIMIT 1`,
  );
  return r ? Number(r.value) : null;
}

/**
 * Moves a unit's values of a report period along the report's road (issue 16: the value rides with the unit's
 * period report): the values of the given items (those the period asks) whose own period lies inside the report
 * period, statuses `from` → `to`. Returns the rows moved.
 */
export async function moveUnitPeriodValues(
  db: Db,
  f: {
    provinceId: string;
    unitId: string;
    periodFrom: string;
    periodTo: string;
    itemIds: readonly string[];
    from: readonly string[];
    to: string;
    actorUserId: string;
    at: Date;
    comment: string | null;
  },
): Promise<DataValueRow[]> {
  if (f.itemIds.length === 0) return [];
  const isSubmit = f.to === 'submitted';
  return db
    .update(dataValue)
    .set({
      status: f.to,
      version: sql`${dataValue.version} + 1`,
      updatedAt: sql`now()`,
      ...(isSubmit
        ? { submittedAt: f.at, submittedBy: f.actorUserId }
        : { reviewedAt: f.at, reviewedBy: f.actorUserId, reviewNote: f.comment }),
    })
    .where(
      and(
        eq(dataValue.provinceId, f.provinceId),
        eq(dataValue.unitId, f.unitId),
        gte(dataValue.periodFrom, f.periodFrom),
        lte(dataValue.periodTo, f.periodTo),
        inArray(dataValue.status, [...f.from]),
        inArray(dataValue.itemId, [...f.itemIds]),
      ),
    )
    .returning();
}

/**
 * Of the given units of a province, those a caller may read (docs/security.md "Scope of reading"): all when it reads
 * the whole province (`scope` undefined), else those in its subtrees as of `scope.asOf` (a commune officer's grid of
 * figures holds its own unit; a district's, the district and its communes — issue 16).
 */
export async function readableUnitIds(
  db: Db,
  provinceId: string,
  unitIds: readonly string[],
  scope: ReadScope | undefined,
): Promise<string[]> {
  if (!scope || unitIds.length === 0) return [...unitIds];
  const ids = sql.join(
    unitIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT u.id FROM (VALUES ${ids}) AS u(id) WHERE ${readScopeSql(scope, sql`${provinceId}::uuid`, [sql`u.id`])}`,
  );
  return rows.map((r) => r.id);
}
