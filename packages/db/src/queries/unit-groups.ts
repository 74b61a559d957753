import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { unitGroup, unitGroupMember } from '../schema';
import { inForceOn } from './as-of';

export type UnitGroupRecord = typeof unitGroup.$inferSelect;

/**
 * Groups of a province with how many units each holds on `asOf`: the size of the very member list
 * (groupMembersSql), so a count and its list never disagree (issue 11).
 */
export async function listUnitGroups(
  db: Db,
  provinceId: string,
  asOf: string,
): Promise<(UnitGroupRecord & { memberCount: number })[]> {
  const groups = await db
    .select()
    .from(unitGroup)
    .where(eq(unitGroup.provinceId, provinceId))
    .orderBy(sql`${unitGroup.name} COLLATE vi_vn`);
  if (groups.length === 0) return [];
  const counts = await queryRows<{ group_id: string; n: string | number }>(
    db,
    sql.join(
      groups.map(
        (g) => sql`(SELECT ${g.id}::text AS group_id, count(*) AS n FROM (${groupMembersSql(g, asOf)}) m)`,
      ),
      sql` UNION ALL `,
    ),
  );
  const byId = new Map(counts.map((c) => [c.group_id, Number(c.n)]));
  return groups.map((g) => ({ ...g, memberCount: byId.get(g.id) ?? 0 }));
}

/** The members of a group in force on `asOf`: units of the rule's kinds in the province, plus explicit members. */
function groupMembersSql(group: UnitGroupRecord, asOf: string): SQL {
  const kinds = group.rule?.kinds ?? [];
  const kindClause =
    kinds.length > 0
      ? sql`(u.province_id = ${group.provinceId} AND v.kind IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )}))`
      : sql`FALSE`;
  return sql`SELECT v.unit_id AS "unitId", v.name, v.code, v.kind FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
        WHERE ${inForceOn('v', asOf)}
          AND (${kindClause} OR v.unit_id IN (SELECT unit_id FROM unit_group_member WHERE group_id = ${group.id}))`;
}

export async function getUnitGroup(db: Db, id: string): Promise<UnitGroupRecord | null> {
  const [row] = await db.select().from(unitGroup).where(eq(unitGroup.id, id));
  return row ?? null;
}

/**
 * Members of a group in force on a date: units of the rule's kinds in the province, plus explicit members
 * that are in force on that date.
 */
export async function listGroupMembers(
  db: Db,
  group: UnitGroupRecord,
  asOf: string,
): Promise<{ unitId: string; name: string; code: string | null; kind: string }[]> {
  return queryRows(db, sql`${groupMembersSql(group, asOf)} ORDER BY v.kind, v.name COLLATE vi_vn`);
}

export async function insertUnitGroup(
  db: Db,
  g: { provinceId: string; code: string; name: string; rule: { kinds: string[] } | null; isSystem?: boolean },
): Promise<UnitGroupRecord> {
  const [row] = await db.insert(unitGroup).values(g).returning();
  return row!;
}

export async function updateUnitGroup(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: { name?: string; rule?: { kinds: string[] } | null },
): Promise<UnitGroupRecord | null> {
  const [row] = await db
    .update(unitGroup)
    .set({ ...patch, version: sql`${unitGroup.version} + 1` })
    .where(and(eq(unitGroup.id, id), eq(unitGroup.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Members are a set: a unit listed twice is a member once (not a key violation). */
export async function replaceGroupMembers(db: Db, groupId: string, unitIds: string[]): Promise<void> {
  await db.delete(unitGroupMember).where(eq(unitGroupMember.groupId, groupId));
  const unique = [...new Set(unitIds)];
  if (unique.length > 0)
    await db.insert(unitGroupMember).values(unique.map((unitId) => ({ groupId, unitId })));
}

export async function deleteUnitGroup(db: Db, id: string): Promise<void> {
  await db.delete(unitGroup).where(eq(unitGroup.id, id));
}
