import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { auditLog } from '../schema';

export type AuditEntry = {
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  provinceId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
};

/** Appends to the audit trail, in the caller's transaction so the entry exists iff the write does. */
export async function insertAudit(db: Db, e: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: e.actorUserId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    provinceId: e.provinceId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId ?? null,
    ip: e.ip ?? null,
  });
}

export type AuditFilter = {
  provinceIds: string[] | null;
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Keyset pagination: entries with id below this. */
  beforeId?: number;
};

export type AuditRow = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  provinceId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/** Newest first; `from`/`to` are local dates (inclusive). */
export async function listAudit(db: Db, f: AuditFilter): Promise<AuditRow[]> {
  const conds = [sql`TRUE`];
  if (f.provinceIds !== null) {
    if (f.provinceIds.length === 0) return [];
    conds.push(
      sql`province_id IN (${sql.join(
        f.provinceIds.map((p) => sql`${p}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (f.entityType) conds.push(sql`entity_type = ${f.entityType}`);
  if (f.entityId) conds.push(sql`entity_id = ${f.entityId}`);
  if (f.action) conds.push(sql`action = ${f.action}`);
  if (f.actorUserId) conds.push(sql`actor_user_id = ${f.actorUserId}`);
  if (f.from) conds.push(sql`at >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'`);
  if (f.to) conds.push(sql`at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')`);
  if (f.beforeId) conds.push(sql`id < ${f.beforeId}`);
  const rows = await queryRows<{
    id: string | number;
    at: string | Date;
    actor_user_id: string | null;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    province_id: string | null;
    before: unknown;
    after: unknown;
    request_id: string | null;
  }>(
    db,
    sql`SELECT * FROM ${auditLog} WHERE ${sql.join(conds, sql` AND `)} ORDER BY id DESC LIMIT ${f.limit}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    provinceId: r.province_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
  }));
}
