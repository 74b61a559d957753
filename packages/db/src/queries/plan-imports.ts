import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { planImportDraft } from '../plan-import-schema';
import { inForceOn } from './as-of';

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
