import { desc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { notification, setting } from '../schema';

export type NotificationRow = typeof notification.$inferSelect;
export type NewNotification = typeof notification.$inferInsert;

/** A setting's JSON value (e.g. `smtp`), or null. */
export async function getSettingValue(db: Db, key: string): Promise<unknown | null> {
  const [row] = await db.select({ value: setting.value }).from(setting).where(eq(setting.key, key));
  return row?.value ?? null;
}

/** E-mail addresses of the active users holding a grant on each unit (the people a reminder reaches). */
export async function unitRecipients(db: Db, unitIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (unitIds.length === 0) return out;
  const rows = await queryRows<{ unit_id: string; email: string }>(
    db,
    sql`SELECT DISTINCT g.unit_id, u.email FROM role_grant g JOIN app_user u ON u.id = g.user_id
         WHERE g.unit_id IN (${sql.join(
           unitIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )}) AND u.is_active AND u.email IS NOT NULL AND g.role IN ('unit_officer', 'viewer')
         ORDER BY u.email`,
  );
  for (const r of rows) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), r.email]);
  return out;
}

export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(notification).values(rows).returning();
}

/** Notifications addressed to some units, newest first. */
export async function listNotificationsForUnits(
  db: Db,
  unitIds: string[],
  limit = 50,
): Promise<NotificationRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(notification)
    .where(inArray(notification.unitId, unitIds))
    .orderBy(desc(notification.createdAt))
    .limit(limit);
}
