import { addDays, type OrgUnitKind, type ReorgPlan, type UnitRef, type UnitVersion } from '@dx/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { orgUnit, orgUnitSuccession, orgUnitVersion, reorganisation } from '../schema';
import { inForceOn } from './as-of';

/** SQL predicate: version `alias` in force on date `d` (the one rule, queries/as-of.ts). */
const validOn = (d: string, alias = 'v') => inForceOn(alias, d);

export type UnitRow = UnitVersion & {
  versionId: string;
  provinceId: string;
  version: number;
  childCount: number;
  parentName: string | null;
};

type RawUnitRow = {
  version_id: string;
  unit_id: string;
  province_id: string;
  code: string | null;
  name: string;
  kind: OrgUnitKind;
  admin_type: string | null;
  parent_unit_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  version: number;
  child_count: number | string;
  parent_name: string | null;
};

const toUnitRow = (r: RawUnitRow): UnitRow => ({
  versionId: r.version_id,
  unitId: r.unit_id,
  provinceId: r.province_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  adminType: r.admin_type,
  parentUnitId: r.parent_unit_id,
  validFrom: toDateText(r.valid_from),
  validTo: toDateText(r.valid_to),
  version: r.version,
  childCount: Number(r.child_count),
  parentName: r.parent_name,
});

/** node-postgres returns DATE as a JS Date unless told otherwise; normalise to yyyy-mm-dd. */
function toDateText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  }
  return String(v).slice(0, 10);
}

function assertIsoDate(d: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`not an ISO date: ${d}`);
  return d;
}

const unitSelect = (asOf: string) => sql`
  SELECT v.id AS version_id, v.unit_id, u.province_id, v.code, v.name, v.kind, v.admin_type, v.parent_unit_id,
         v.valid_from::text AS valid_from, v.valid_to::text AS valid_to, v.version,
         (SELECT count(*) FROM org_unit_version c WHERE c.parent_unit_id = v.unit_id AND ${validOn(asOf, 'c')}) AS child_count,
         (SELECT p.name FROM org_unit_version p WHERE p.unit_id = v.parent_unit_id AND ${validOn(asOf, 'p')} LIMIT 1) AS parent_name
    FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id`;

/** Provinces (root units) in force on a date. */
export async function listProvinces(db: Db, asOf: string): Promise<UnitRow[]> {
  const d = assertIsoDate(asOf);
  const rows = await queryRows<RawUnitRow>(
    db,
    sql`${unitSelect(d)} WHERE v.parent_unit_id IS NULL AND ${validOn(d)} ORDER BY v.name COLLATE vi_vn`,
  );
  return rows.map(toUnitRow);
}

export type ListUnitsFilter = {
  provinceId: string;
  asOf: string;
  /** Children of this unit; omitted with `q` = search the whole province. */
  parentUnitId?: string | null;
  q?: string;
  kinds?: OrgUnitKind[];
  limit: number;
  offset: number;
};

/** Units in force on `asOf`: the children of a unit, or an accent-insensitive search across the province. */
export async function listUnits(db: Db, f: ListUnitsFilter): Promise<{ items: UnitRow[]; total: number }> {
  const d = assertIsoDate(f.asOf);
  const conditions = [sql`u.province_id = ${f.provinceId}`, validOn(d)];
  if (f.parentUnitId !== undefined) {
    conditions.push(
      f.parentUnitId === null ? sql`v.parent_unit_id IS NULL` : sql`v.parent_unit_id = ${f.parentUnitId}`,
    );
  }
  if (f.q) conditions.push(sql`v.search_text LIKE '%' || lower(f_unaccent(${f.q})) || '%'`);
  if (f.kinds && f.kinds.length > 0) {
    conditions.push(
      sql`v.kind IN (${sql.join(
        f.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    );
  }
  const where = sql.join(conditions, sql` AND `);
  const [rows, count] = await Promise.all([
    queryRows<RawUnitRow>(
      db,
      sql`${unitSelect(d)} WHERE ${where}
          ORDER BY array_position(ARRAY['province','department','press_agency','mass_organisation','district','commune','school','enterprise','other'], v.kind), v.name COLLATE vi_vn
          LIMIT ${f.limit} OFFSET ${f.offset}`,
    ),
    queryRows<{ n: string | number }>(
      db,
      sql`SELECT count(*) AS n FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id WHERE ${where}`,
    ),
  ]);
  return { items: rows.map(toUnitRow), total: Number(count[0]?.n ?? 0) };
}

/** How many units of each kind a province has on a date (the city with 15 districts and 217 communes…). */
export async function countUnitsByKind(
  db: Db,
  provinceId: string,
  asOf: string,
): Promise<Record<string, number>> {
  const d = assertIsoDate(asOf);
  const rows = await queryRows<{ kind: string; n: string | number }>(
    db,
    sql`SELECT v.kind, count(*) AS n FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
        WHERE u.province_id = ${provinceId} AND ${validOn(d)} GROUP BY v.kind`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

export type UnitLink = {
  unitId: string;
  name: string;
  code: string | null;
  share: string;
  /** The predecessor's records count for the successor once it has ended (succession roll-up). */
  receivesRecords: boolean;
  effectiveDate: string;
};
export type UnitDetail = {
  unitId: string;
  provinceId: string;
  source: string | null;
  confidence: string | null;
  sourceNote: string | null;
  versions: (UnitVersion & { versionId: string; version: number })[];
  predecessors: UnitLink[];
  successors: UnitLink[];
};

/** A unit with its whole history and the units it came from / went into. */
export async function getUnitDetail(db: Db, unitId: string): Promise<UnitDetail | null> {
  const [unit] = await db.select().from(orgUnit).where(eq(orgUnit.id, unitId));
  if (!unit) return null;
  const versions = await getUnitVersions(db, [unitId]);
  // Name each linked unit by its last version before (predecessor) or first version from (successor) the change.
  const links = (dir: 'pred' | 'succ') =>
    queryRows<{
      unit_id: string;
      name: string;
      code: string | null;
      share: string;
      receives_records: boolean;
      effective_date: string;
    }>(
      db,
      dir === 'pred'
        ? sql`SELECT s.predecessor_unit_id AS unit_id, s.share, s.receives_records, s.effective_date::text AS effective_date,
                (SELECT v.name FROM org_unit_version v WHERE v.unit_id = s.predecessor_unit_id ORDER BY v.valid_from DESC NULLS LAST LIMIT 1) AS name,
                (SELECT v.code FROM org_unit_version v WHERE v.unit_id = s.predecessor_unit_id ORDER BY v.valid_from DESC NULLS LAST LIMIT 1) AS code
              FROM org_unit_succession s WHERE s.successor_unit_id = ${unitId} ORDER BY 5`
        : sql`SELECT s.successor_unit_id AS unit_id, s.share, s.receives_records, s.effective_date::text AS effective_date,
                (SELECT v.name FROM org_unit_version v WHERE v.unit_id = s.successor_unit_id ORDER BY v.valid_from ASC NULLS FIRST LIMIT 1) AS name,
                (SELECT v.code FROM org_unit_version v WHERE v.unit_id = s.successor_unit_id ORDER BY v.valid_from ASC NULLS FIRST LIMIT 1) AS code
              FROM org_unit_succession s WHERE s.predecessor_unit_id = ${unitId} ORDER BY 5`,
    );
  const toLink = (r: {
    unit_id: string;
    name: string;
    code: string | null;
    share: string;
    receives_records: boolean;
    effective_date: string;
  }) => ({
    unitId: r.unit_id,
    name: r.name,
    code: r.code,
    share: r.share,
    receivesRecords: r.receives_records,
    effectiveDate: String(r.effective_date).slice(0, 10),
  });
  const [preds, succs] = await Promise.all([links('pred'), links('succ')]);
  return {
    unitId: unit.id,
    provinceId: unit.provinceId,
    source: unit.source,
    confidence: unit.confidence,
    sourceNote: unit.sourceNote,
    versions: versions.get(unitId) ?? [],
    predecessors: preds.map(toLink),
    successors: succs.map(toLink),
  };
}

/** All versions of the given units, oldest first. */
export async function getUnitVersions(
  db: Db,
  unitIds: string[],
): Promise<Map<string, (UnitVersion & { versionId: string; version: number })[]>> {
  const out = new Map<string, (UnitVersion & { versionId: string; version: number })[]>();
  if (unitIds.length === 0) return out;
  const rows = await db
    .select()
    .from(orgUnitVersion)
    .where(inArray(orgUnitVersion.unitId, unitIds))
    .orderBy(sql`${orgUnitVersion.validFrom} ASC NULLS FIRST`);
  for (const r of rows) {
    const list = out.get(r.unitId) ?? [];
    list.push({
      versionId: r.id,
      version: r.version,
      unitId: r.unitId,
      code: r.code,
      name: r.name,
      kind: r.kind as OrgUnitKind,
      adminType: r.adminType,
      parentUnitId: r.parentUnitId,
      validFrom: toDateText(r.validFrom),
      validTo: toDateText(r.validTo),
    });
    out.set(r.unitId, list);
  }
  return out;
}

/** Children in force on a date, for each of the given units. */
export async function getChildrenOn(
  db: Db,
  unitIds: string[],
  date: string,
): Promise<Map<string, UnitVersion[]>> {
  const out = new Map<string, UnitVersion[]>();
  if (unitIds.length === 0) return out;
  const d = assertIsoDate(date);
  const rows = await queryRows<RawUnitRow>(
    db,
    sql`${unitSelect(d)} WHERE v.parent_unit_id IN (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) AND ${validOn(d)}`,
  );
  for (const r of rows.map(toUnitRow)) {
    const list = out.get(r.parentUnitId!) ?? [];
    list.push(r);
    out.set(r.parentUnitId!, list);
  }
  return out;
}

/** Ids from the root down to the unit (inclusive), following the parents in force on `date`. */
export async function getPathOn(db: Db, unitId: string, date: string): Promise<string[]> {
  const d = assertIsoDate(date);
  const rows = await queryRows<{ unit_id: string; depth: number }>(
    db,
    sql`WITH RECURSIVE chain AS (
          SELECT v.unit_id, v.parent_unit_id, 0 AS depth FROM org_unit_version v WHERE v.unit_id = ${unitId} AND ${validOn(d)}
          UNION ALL
          SELECT v.unit_id, v.parent_unit_id, c.depth + 1 FROM chain c
            JOIN org_unit_version v ON v.unit_id = c.parent_unit_id AND ${validOn(d)}
          WHERE c.depth < 30
        ) SELECT unit_id, depth FROM chain ORDER BY depth DESC`,
  );
  return rows.map((r) => r.unit_id);
}

/**
 * Where a unit sits for access checks: its province and path on `today`, or, for a unit no longer in force,
 * on its last day (history keeps the structure it had at the time).
 */
export async function getUnitScope(
  db: Db,
  unitId: string,
  today: string,
): Promise<{ provinceId: string; path: string[]; mergedInto: string[] } | null> {
  const [unit] = await db
    .select({ provinceId: orgUnit.provinceId })
    .from(orgUnit)
    .where(eq(orgUnit.id, unitId));
  if (!unit) return null;
  const versions = (await getUnitVersions(db, [unitId])).get(unitId) ?? [];
  const last = versions.at(-1);
  let date = today;
  if (
    last &&
    !versions.some(
      (v) => (v.validFrom === null || v.validFrom <= today) && (v.validTo === null || today < v.validTo),
    )
  ) {
    date =
      last.validTo !== null && last.validTo <= today ? addDays(last.validTo, -1) : (last.validFrom ?? today);
  }
  const path = await getPathOn(db, unitId, date);
  const merged = await queryRows<{ province_id: string }>(
    db,
    sql`WITH RECURSIVE m AS (
          SELECT s.successor_unit_id AS province_id, 1 AS depth FROM org_unit_succession s
            JOIN org_unit u ON u.id = s.successor_unit_id AND u.province_id = u.id
           WHERE s.predecessor_unit_id = ${unit.provinceId}
          UNION
          SELECT s.successor_unit_id, m.depth + 1 FROM m JOIN org_unit_succession s ON s.predecessor_unit_id = m.province_id
            JOIN org_unit u ON u.id = s.successor_unit_id AND u.province_id = u.id
           WHERE m.depth < 5
        ) SELECT DISTINCT province_id FROM m`,
  );
  return {
    provinceId: unit.provinceId,
    path: path.length > 0 ? path : [unitId],
    mergedInto: merged.map((r) => r.province_id),
  };
}

/** Executes a planned reorganisation inside the caller's transaction; returns the ids of created units. */
export async function applyReorganisation(
  tx: Db,
  plan: ReorgPlan,
  meta: {
    type: string;
    effectiveDate: string;
    legalBasis?: string;
    note?: string;
    actorId: string | null;
    /** Null when the reorganisation creates a new province: it is then its own province. */
    provinceId: string | null;
  },
): Promise<{ reorganisationId: string; createdUnitIds: string[]; provinceId: string }> {
  const newIds = plan.creates.map(() => crypto.randomUUID());
  const reorgProvinceId = meta.provinceId ?? newIds[0];
  if (!reorgProvinceId) throw new Error('a reorganisation without a province creates no unit');
  const [reorg] = await tx
    .insert(reorganisation)
    .values({
      provinceId: reorgProvinceId,
      type: meta.type,
      effectiveDate: meta.effectiveDate,
      legalBasis: meta.legalBasis ?? null,
      note: meta.note ?? null,
      createdBy: meta.actorId,
    })
    .returning({ id: reorganisation.id });
  const createdUnitIds: string[] = [];
  for (const [i, u] of plan.creates.entries()) {
    let provinceId = reorgProvinceId;
    if (u.parentUnitId) {
      const [parent] = await tx
        .select({ p: orgUnit.provinceId })
        .from(orgUnit)
        .where(eq(orgUnit.id, u.parentUnitId));
      provinceId = parent?.p ?? provinceId;
    }
    const id = newIds[i]!;
    await tx
      .insert(orgUnit)
      .values({ id, provinceId: u.parentUnitId ? provinceId : id, source: 'reorganisation' });
    createdUnitIds.push(id);
  }
  const idOf = (ref: UnitRef) => ('id' in ref ? ref.id : createdUnitIds[ref.newIndex]!);
  for (const op of plan.ops) {
    if (op.op === 'close') {
      await tx
        .update(orgUnitVersion)
        .set({ validTo: op.date, version: sql`${orgUnitVersion.version} + 1` })
        .where(and(eq(orgUnitVersion.unitId, op.unitId), sql`${orgUnitVersion.validTo} IS NULL`));
    } else if (op.op === 'open') {
      await tx
        .insert(orgUnitVersion)
        .values({ unitId: idOf(op.unit), validFrom: op.validFrom, ...op.fields });
    } else {
      await tx
        .insert(orgUnitSuccession)
        .values({
          predecessorUnitId: idOf(op.predecessor),
          successorUnitId: idOf(op.successor),
          share: op.share,
          receivesRecords: op.receivesRecords,
          effectiveDate: meta.effectiveDate,
          reorganisationId: reorg!.id,
        })
        .onConflictDoNothing();
    }
  }
  return { reorganisationId: reorg!.id, createdUnitIds, provinceId: reorgProvinceId };
}

/** Locks the units' identity rows until the transaction ends, in id order (no deadlock between two callers). */
export async function lockUnits(tx: Db, unitIds: string[]): Promise<void> {
  if (unitIds.length === 0) return;
  await queryRows(
    tx,
    sql`SELECT id FROM org_unit WHERE id IN (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) ORDER BY id FOR UPDATE`,
  );
}

/** Corrects a version in place (a typo, a wrong code) — not a change in time. Optimistic: null when stale. */
export async function correctUnitVersion(
  tx: Db,
  input: {
    versionId: string;
    expectedVersion: number;
    name: string;
    code: string | null;
    adminType: string | null;
    kind: OrgUnitKind;
  },
) {
  const rows = await tx
    .update(orgUnitVersion)
    .set({
      name: input.name,
      code: input.code,
      adminType: input.adminType,
      kind: input.kind,
      version: sql`${orgUnitVersion.version} + 1`,
    })
    .where(and(eq(orgUnitVersion.id, input.versionId), eq(orgUnitVersion.version, input.expectedVersion)))
    .returning();
  return rows[0] ?? null;
}

export async function getUnitVersionById(db: Db, versionId: string) {
  const [row] = await db.select().from(orgUnitVersion).where(eq(orgUnitVersion.id, versionId));
  return row ?? null;
}
