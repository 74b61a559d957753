import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { consolidatedReport } from '../schema';

/* The consolidated report as issued (migration 0017): stored once, read back unchanged, never updated. */

export type IssuedConsolidatedReport = typeof consolidatedReport.$inferSelect;

/** The report of `periodId` issued by `issuer`, if it has been issued. */
export async function getIssuedConsolidatedReport(
  db: Db,
  periodId: string,
  issuer: string,
): Promise<IssuedConsolidatedReport | null> {
  const [row] = await db
    .select()
    .from(consolidatedReport)
    .where(and(eq(consolidatedReport.periodId, periodId), eq(consolidatedReport.issuer, issuer)));
  return row ?? null;
}

/** Stores an issued report; null when that period and issuer already have one (the first issue stands). */
export async function insertIssuedConsolidatedReport(
  db: Db,
  row: typeof consolidatedReport.$inferInsert,
): Promise<IssuedConsolidatedReport | null> {
  const [inserted] = await db.insert(consolidatedReport).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}
