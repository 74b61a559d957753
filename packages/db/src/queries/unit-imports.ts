import type { ExistingUnit, OrgUnitKind, PlannedUnit } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { orgUnit, orgUnitVersion, reorganisation } from '../schema';
import { inForceOn } from './as-of';

/** The province's own version on `date` (null when it is not in force that day). */
export async function provinceOn(
  db: Db,
  provinceId: string,
  date: string,
): Promise<{
  unitId: string;
  code: string | null;
  name: string;
  validFrom: string | null;
  validTo: string | null;
} | null> {
  const rows = await queryRows<{
    unit_id: string;
    code: string | null;
    name: string;
    valid_from: string | null;
    valid_to: string | null;
  }>(
    db,
    sql`SELECT v.unit_id, v.code, v.name, v.valid_from::text AS valid_from, v.valid_to::text AS valid_to
          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id AND u.province_id = u.id
         WHERE v.unit_id = ${provinceId} AND ${inForceOn('v', date)}`,
  );
  const r = rows[0];
  return r
    ? { unitId: r.unit_id, code: r.code, name: r.name, validFrom: r.valid_from, validTo: r.valid_to }
    : null;
}

/** The province's periods (first start, last end), to explain an effective date outside them. */
export async function provincePeriod(
  db: Db,
  provinceId: string,
): Promise<{ name: string; validFrom: string | null; validTo: string | null } | null> {
  const rows = await queryRows<{ name: string; valid_from: string | null; valid_to: string | null }>(
    db,
    sql`SELECT (array_agg(v.name ORDER BY v.valid_from DESC NULLS LAST))[1] AS name,
               CASE WHEN bool_or(v.valid_from IS NULL) THEN NULL ELSE min(v.valid_from)::text END AS valid_from,
               CASE WHEN bool_or(v.valid_to IS NULL) THEN NULL ELSE max(v.valid_to)::text END AS valid_to
          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id AND u.province_id = u.id
         WHERE v.unit_id = ${provinceId}
        HAVING count(*) > 0`,
  );
  const r = rows[0];
  return r ? { name: r.name, validFrom: r.valid_from, validTo: r.valid_to } : null;
}

/** The province's units in force on `date` (the province itself left out): what a file's rows may hang under. */
export async function unitsOfProvinceOn(db: Db, provinceId: string, date: string): Promise<ExistingUnit[]> {
  const rows = await queryRows<{
    unit_id: string;
    code: string | null;
    name: string;
    kind: OrgUnitKind;
    parent_unit_id: string | null;
  }>(
    db,
    sql`SELECT v.unit_id, v.code, v.name, v.kind, v.parent_unit_id
          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
         WHERE u.province_id = ${provinceId} AND v.unit_id <> ${provinceId} AND ${inForceOn('v', date)}`,
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentUnitId: r.parent_unit_id,
  }));
}

/** The earliest year a plan of the province covers (null without a plan). */
export async function earliestPlanYear(db: Db, provinceId: string): Promise<number | null> {
  const rows = await queryRows<{ y: number | null }>(
    db,
    sql`SELECT min(year)::int AS y FROM plan WHERE province_id = ${provinceId}`,
  );
  return rows[0]?.y ?? null;
}

/**
 * Creates the planned units of an import inside the caller's transaction, in bulk: one reorganisation of type
 * 'create' on the effective date, an org_unit and one version [effectiveDate, ∞) each. Returns the new ids in the
 * plan's order.
 */
export async function insertImportedUnits(
  tx: Db,
  o: {
    provinceId: string;
    effectiveDate: string;
    units: PlannedUnit[];
    actorId: string | null;
    fileName: string;
    legalBasis?: string | null;
  },
): Promise<{ reorganisationId: string; unitIds: string[] }> {
  const [reorg] = await tx
    .insert(reorganisation)
    .values({
      provinceId: o.provinceId,
      type: 'create',
      effectiveDate: o.effectiveDate,
      legalBasis: o.legalBasis ?? null,
      note: `Nhập ${o.units.length} đơn vị từ tệp ${o.fileName}`,
      createdBy: o.actorId,
    })
    .returning({ id: reorganisation.id });
  const ids = o.units.map(() => crypto.randomUUID());
  const units = ids.map((id) => ({
    id,
    provinceId: o.provinceId,
    source: 'import',
    sourceNote: o.fileName,
  }));
  const versions = o.units.map((u, i) => ({
    unitId: ids[i]!,
    code: u.code,
    name: u.name,
    kind: u.kind,
    adminType: u.adminType,
    parentUnitId: 'unitId' in u.parent ? u.parent.unitId : ids[u.parent.newIndex]!,
    validFrom: o.effectiveDate,
    validTo: null,
  }));
  for (let i = 0; i < units.length; i += 500) await tx.insert(orgUnit).values(units.slice(i, i + 500));
  for (let i = 0; i < versions.length; i += 500)
    await tx.insert(orgUnitVersion).values(versions.slice(i, i + 500));
  return { reorganisationId: reorg!.id, unitIds: ids };
}
