import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { appUser, notification, setting } from '../schema';

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

/** Notifications addressed to some units, newest first, with the sender's name (a reminder shows who sent it). */
export async function listNotificationsForUnits(
  db: Db,
  unitIds: string[],
  limit = 50,
): Promise<(NotificationRow & { sentByName: string | null })[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select({ n: notification, sentByName: appUser.displayName })
    .from(notification)
    .leftJoin(appUser, eq(appUser.id, notification.sentBy))
    .where(inArray(notification.unitId, unitIds))
    .orderBy(desc(notification.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.n, sentByName: r.sentByName }));
}

/** Unread notifications of some units (the count on the bell). */
export async function countUnreadNotifications(db: Db, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notification)
    .where(and(inArray(notification.unitId, unitIds), isNull(notification.readAt)));
  return Number(row?.n ?? 0);
}

/**
 * Marks a unit's notifications read (`ids` null = all of them) and returns those newly marked; one already read
 * keeps its first read time. Ids of another unit are ignored (the caller checks they exist first if it must).
 */
export async function markNotificationsRead(
  db: Db,
  unitId: string,
  ids: string[] | null,
  at: Date,
): Promise<{ id: string }[]> {
  return db
    .update(notification)
    .set({ readAt: at })
    .where(
      and(
        eq(notification.unitId, unitId),
        isNull(notification.readAt),
        ids === null ? undefined : ids.length ? inArray(notification.id, ids) : sql`FALSE`,
      ),
    )
    .returning({ id: notification.id });
}

export async function getNotification(db: Db, id: string): Promise<NotificationRow | null> {
  const [row] = await db.select().from(notification).where(eq(notification.id, id));
  return row ?? null;
}

/*
 * Reminder e-mails go through an outbox: the request writes each notification with email_status 'queued' in its own
 * transaction, then enqueues a job; the job claims rows ('sending'), sends, and records 'sent', 'retrying' (a failed
 * attempt, retried by the job) or 'failed' (attempts exhausted), with the error. A job lost between commit and
 * enqueue (a crash) is picked up by the periodic sweep, and so is a send cut off half-way.
 */

/**
 * Claims notifications whose e-mail is to send (→ 'sending'), so two workers never send the same one: these ids
 * when queued or retrying; or (ids null, the sweep) those queued since before `queuedBefore` and those stuck in
 * 'sending' since before `stuckBefore`.
 */
export async function claimNotificationMails(
  db: Db,
  ids: string[] | null,
  opts: { queuedBefore: Date; stuckBefore: Date; limit?: number },
): Promise<NotificationRow[]> {
  const which =
    ids === null
      ? sql`(n.email_status = 'queued' AND n.created_at < ${opts.queuedBefore.toISOString()}::timestamptz)
             OR (n.email_status = 'sending' AND n.created_at < ${opts.stuckBefore.toISOString()}::timestamptz)`
      : ids.length
        ? sql`n.email_status IN ('queued', 'retrying') AND n.id IN (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`FALSE`;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE notification SET email_status = 'sending'
         WHERE id IN (SELECT n.id FROM notification n WHERE ${which}
                       ORDER BY n.created_at LIMIT ${opts.limit ?? 500} FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (rows.length === 0) return [];
  return db
    .select()
    .from(notification)
    .where(
      inArray(
        notification.id,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(notification.createdAt));
}

/** Records how a claimed notification's e-mail went. */
export async function recordNotificationMail(
  db: Db,
  id: string,
  outcome: { status: 'sent' | 'retrying' | 'failed'; error: string | null },
): Promise<void> {
  await db
    .update(notification)
    .set({ emailStatus: outcome.status, emailError: outcome.error })
    .where(and(eq(notification.id, id), eq(notification.emailStatus, 'sending')));
}
