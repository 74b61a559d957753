import { and, desc, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { appUser, urging } from '../schema';

export type UrgingRow = typeof urging.$inferSelect;
export type NewUrging = Omit<typeof urging.$inferInsert, 'number'>;

/**
 * Writes a dispatch with the next number of its province and year (Decree 30, Điều 15: numbered from 01 each year).
 * A transaction-scoped advisory lock on (province, year) serialises issuers, so two dispatches never take the same
 * number; the unique index (urging_number_uq) is the backstop. Call inside the transaction that writes the rest.
 */
export async function insertUrgingNumbered(tx: Db, row: NewUrging): Promise<UrgingRow> {
  await queryRows(
    tx,
    sql`SELECT pg_advisory_xact_lock(hashtext(${`urging:${row.provinceId}`}), ${row.year}::int)`,
  );
  const [top] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT COALESCE(MAX(number), 0)::int AS n FROM urging
         WHERE province_id = ${row.provinceId}::uuid AND year = ${row.year}::int`,
  );
  const [saved] = await tx
    .insert(urging)
    .values({ ...row, number: Number(top?.n ?? 0) + 1 })
    .returning();
  return saved!;
}

export async function getUrging(db: Db, id: string): Promise<UrgingRow | null> {
  const [row] = await db.select().from(urging).where(eq(urging.id, id));
  return row ?? null;
}

/** A plan's dispatches, newest first, with the issuer's display name. */
export async function listUrgings(
  db: Db,
  planId: string,
  limit = 200,
): Promise<(UrgingRow & { createdByName: string | null })[]> {
  const rows = await db
    .select({ u: urging, createdByName: appUser.displayName })
    .from(urging)
    .leftJoin(appUser, eq(appUser.id, urging.createdBy))
    .where(and(eq(urging.planId, planId)))
    .orderBy(desc(urging.createdAt), desc(urging.number))
    .limit(limit);
  return rows.map((r) => ({ ...r.u, createdByName: r.createdByName }));
}

export async function setUrgingDelivery(db: Db, id: string, delivery: UrgingRow['delivery']): Promise<void> {
  await db.update(urging).set({ delivery }).where(eq(urging.id, id));
}

/**
 * Phones and Zalo ids of the active officers of each unit (the people a reminder outside the app reaches), the same
 * people as unitRecipients reaches by e-mail.
 */
export async function unitChannelAddresses(
  db: Db,
  unitIds: readonly string[],
): Promise<Map<string, { phones: string[]; zaloIds: string[] }>> {
  const out = new Map<string, { phones: string[]; zaloIds: string[] }>();
  if (unitIds.length === 0) return out;
  const rows = await queryRows<{ unit_id: string; phone: string | null; zalo_user_id: string | null }>(
    db,
    sql`SELECT DISTINCT g.unit_id, u.phone, u.zalo_user_id FROM role_grant g JOIN app_user u ON u.id = g.user_id
         WHERE g.unit_id IN (${sql.join(
           unitIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )}) AND u.is_active AND g.role IN ('unit_officer', 'viewer')
           AND (u.phone IS NOT NULL OR u.zalo_user_id IS NOT NULL)
         ORDER BY u.phone NULLS LAST, u.zalo_user_id NULLS LAST`,
  );
  for (const r of rows) {
    const cur = out.get(r.unit_id) ?? { phones: [], zaloIds: [] };
    if (r.phone && !cur.phones.includes(r.phone)) cur.phones.push(r.phone);
    if (r.zalo_user_id && !cur.zaloIds.includes(r.zalo_user_id)) cur.zaloIds.push(r.zalo_user_id);
    out.set(r.unit_id, cur);
  }
  return out;
}
