import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { planImportDraft } from '../plan-import-schema';
import { inForceOn } from './as-of';
import { NATIONAL_BODIES_KEY } from './consolidated';

export type PlanImportRow = typeof planImportDraft.$inferSelect;

/** Stores a draft read from an uploaded plan document; returns the row. */
export async function insertPlanImport(
  db: Db,
  v: {
    provinceId: string;
    uploadedBy: string | null;
    fileName: string | null;
    source: 'text' | 'ocr' | 'docx' | 'pdf';
    sourceText: string;
    draft: unknown;
  },
): Promise<PlanImportRow> {
  const [row] = await db.insert(planImportDraft).values(v).returning();
  return row!;
}

export async function getPlanImport(db: Db, id: string): Promise<PlanImportRow | null> {
  const [row] = await db.select().from(planImportDraft).where(eq(planImportDraft.id, id));
  return row ?? null;
}

/** Marks a draft confirmed as `planId`, only while it is still a draft; false when it no longer was. */
export async function markPlanImportConfirmed(
  db: Db,
  v: { id: string; planId: string; draft: unknown; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(planImportDraft)
    .set({ status: 'confirmed', planId: v.planId, draft: v.draft, confirmedAt: v.at, updatedAt: v.at })
    .where(and(eq(planImportDraft.id, v.id), eq(planImportDraft.status, 'draft')))
    .returning({ id: planImportDraft.id });
  return rows.length === 1;
}

/** Units of a province in force on a date, with their names, to link the organisations a plan names. */
export async function unitNamesInProvince(
  db: Db,
  provinceId: string,
  asOf: string,
): Promise<{ unitId: string; name: string; kind: string }[]> {
  const rows = await queryRows<{ unit_id: string; name: string; kind: string }>(
    db,
    sql`SELECT v.unit_id, v.name, v.kind FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
        WHERE u.province_id = ${provinceId}
          AND ${inForceOn('v', asOf)}`,
  );
  return rows.map((r) => ({ unitId: r.unit_id, name: r.name, kind: r.kind }));
}

/** Every string inside a JSON value (a setting's names, lines and titles), depth first. */
function stringsOf(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}

/**
 * The names a province's own documents use, for the OCR repair's language model (issue 15: the shipped corpus names
 * no place or agency): every name its units other than communes have had (all versions, any date: a plan may be years
 * old; a province's plan names its departments, districts and press one by one but not its hundreds of communes,
 * whose names — Tân Thành, Cát Bi — outweighed common words in the model: plan 54 measured 97.77% with them, 97.97%
 * without, bench/plan-import.ts), every word of
 * its settings (People's Committee, Party committee, the DX office's agencies over time, recipients, signature,
 * funding sources) and the national bodies (the Ministry over time). Distinct, in no particular order.
 */
export async function provinceNamesForRepair(db: Db, provinceId: string): Promise<string[]> {
  const [units, settings, national] = await Promise.all([
    queryRows<{ name: string }>(
      db,
      sql`SELECT DISTINCT v.name FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
           WHERE u.province_id = ${provinceId} AND v.kind <> 'commune'`,
    ),
    queryRows<{ value: unknown }>(
      db,
      sql`SELECT ps.value FROM province_setting ps WHERE ps.province_id = ${provinceId}`,
    ),
    queryRows<{ value: unknown }>(
      db,
      sql`SELECT s.value FROM setting s WHERE s.key = ${NATIONAL_BODIES_KEY}`,
    ),
  ]);
  const words = [
    ...units.map((r) => r.name),
    ...stringsOf(
      settings.map((r) => r.value),
      [],
    ),
    ...stringsOf(
      national.map((r) => r.value),
      [],
    ),
  ];
  return [...new Set(words.map((w) => w.trim()).filter(Boolean))];
}
