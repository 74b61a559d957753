import { type CatalogueProvince, type DefaultGroupRule, periodsOverlap } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { orgUnit, orgUnitVersion, reorganisation, unitGroup } from '../schema';

export type CatalogueRow = CatalogueProvince & {
  id: string;
  /** The platform's province made from this row (same code, overlapping period), if one was added. */
  provinceId: string | null;
};

type RawCatalogueRow = {
  id: string;
  code: string;
  name: string;
  admin_type: CatalogueProvince['adminType'];
  valid_from: string | null;
  valid_to: string | null;
  predecessor_codes: string[];
  legal_basis: string | null;
};

const toCatalogueRow = (r: RawCatalogueRow): CatalogueProvince & { id: string } => ({
  id: r.id,
  code: r.code,
  name: r.name,
  adminType: r.admin_type,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  predecessorCodes: r.predecessor_codes ?? [],
  legalBasis: r.legal_basis,
});

const catalogueSelect = sql`SELECT id, code, name, admin_type, valid_from::text AS valid_from, valid_to::text AS valid_to,
  predecessor_codes, legal_basis FROM province_catalogue`;

/** The whole catalogue, by code then start. */
export async function listCatalogue(db: Db): Promise<(CatalogueProvince & { id: string })[]> {
  const rows = await queryRows<RawCatalogueRow>(
    db,
    sql`${catalogueSelect} ORDER BY code, valid_from NULLS FIRST`,
  );
  return rows.map(toCatalogueRow);
}

export async function getCatalogueEntry(
  db: Db,
  id: string,
): Promise<(CatalogueProvince & { id: string }) | null> {
  const rows = await queryRows<RawCatalogueRow>(db, sql`${catalogueSelect} WHERE id = ${id}::uuid`);
  return rows[0] ? toCatalogueRow(rows[0]) : null;
}

/** Root units (provinces) of the platform with their code and whole period, to match catalogue rows against. */
export async function listProvincePeriods(
  db: Db,
): Promise<{ provinceId: string; code: string | null; validFrom: string | null; validTo: string | null }[]> {
  const rows = await queryRows<{
    unit_id: string;
    code: string | null;
    valid_from: string | null;
    valid_to: string | null;
  }>(
    db,
    sql`SELECT v.unit_id, max(v.code) AS code,
               CASE WHEN bool_or(v.valid_from IS NULL) THEN NULL ELSE min(v.valid_from)::text END AS valid_from,
               CASE WHEN bool_or(v.valid_to IS NULL) THEN NULL ELSE max(v.valid_to)::text END AS valid_to
          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id AND u.province_id = u.id
         WHERE v.parent_unit_id IS NULL AND v.kind = 'province'
         GROUP BY v.unit_id`,
  );
  return rows.map((r) => ({
    provinceId: r.unit_id,
    code: r.code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

/** The catalogue with, for each row, the province already added from it (same code, overlapping period). */
export async function listCatalogueWithProvinces(db: Db): Promise<CatalogueRow[]> {
  const [rows, provinces] = await Promise.all([listCatalogue(db), listProvincePeriods(db)]);
  return rows.map((r) => ({
    ...r,
    provinceId: provinces.find((p) => p.code === r.code && periodsOverlap(p, r))?.provinceId ?? null,
  }));
}

/**
 * Creates the province of a catalogue row: its own org_unit (province_id = its id) and one version with the row's
 * code, name, type and dates; a row with a start date is also recorded as a reorganisation of type 'create' with
 * the row's legal basis.
 */
export async function insertProvinceFromCatalogue(
  tx: Db,
  entry: CatalogueProvince,
  actorId: string | null,
): Promise<{ provinceId: string; reorganisationId: string | null }> {
  const id = crypto.randomUUID();
  await tx.insert(orgUnit).values({
    id,
    provinceId: id,
    source: 'province_catalogue',
    confidence: 'verified',
    sourceNote: entry.legalBasis,
  });
  await tx.insert(orgUnitVersion).values({
    unitId: id,
    code: entry.code,
    name: entry.name,
    kind: 'province',
    adminType: entry.adminType,
    parentUnitId: null,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
  });
  // A row in force since before the catalogue's records has no start date to record a creation on.
  if (entry.validFrom === null) return { provinceId: id, reorganisationId: null };
  const [reorg] = await tx
    .insert(reorganisation)
    .values({
      provinceId: id,
      type: 'create',
      effectiveDate: entry.validFrom,
      legalBasis: entry.legalBasis,
      note: 'Thêm từ danh mục tỉnh, thành phố',
      createdBy: actorId,
    })
    .returning({ id: reorganisation.id });
  return { provinceId: id, reorganisationId: reorg!.id };
}

/**
 * Gives a province the default groups (domain defaultUnitGroups): missing ones are added; an existing system group
 * of the same code takes the rule's kinds (a province that gains a district level then counts its districts) and
 * keeps its name, which an administrator may have changed. Returns the codes added.
 */
export async function ensureDefaultGroups(
  db: Db,
  provinceId: string,
  rules: DefaultGroupRule[],
): Promise<string[]> {
  if (rules.length === 0) return [];
  const added = await db
    .insert(unitGroup)
    .values(
      rules.map((r) => ({
        provinceId,
        code: r.code,
        name: r.name,
        rule: { kinds: r.kinds },
        isSystem: true,
      })),
    )
    .onConflictDoNothing()
    .returning({ code: unitGroup.code });
  const addedCodes = new Set(added.map((a) => a.code));
  for (const r of rules.filter((x) => !addedCodes.has(x.code)))
    await db.execute(
      sql`UPDATE unit_group SET rule = ${JSON.stringify({ kinds: r.kinds })}::jsonb, version = version + 1
           WHERE province_id = ${provinceId} AND code = ${r.code} AND is_system
             AND rule IS DISTINCT FROM ${JSON.stringify({ kinds: r.kinds })}::jsonb`,
    );
  return [...addedCodes];
}

/** Whether the province has (or had) units of the district level, at any time. */
export async function provinceHasDistricts(db: Db, provinceId: string): Promise<boolean> {
  const rows = await queryRows<{ n: number | string }>(
    db,
    sql`SELECT count(*) AS n FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
         WHERE u.province_id = ${provinceId} AND v.kind = 'district'`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}
