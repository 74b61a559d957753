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

/**
 * Where each audited kind of object keeps its name (issue 19: the audit log showed UUIDs). Constant SQL only:
 * the table and expression never come from a request.
 */
const NAMED: Record<string, { table: string; name: string; id?: string }> = {
  user: { table: 'app_user', name: 'display_name' },
  plan: { table: 'plan', name: "coalesce(code || ' — ', '') || title" },
  unit_group: { table: 'unit_group', name: 'name' },
  channel: { table: 'channel', name: 'name' },
  publication: { table: 'publication', name: 'title' },
  person: { table: 'person', name: 'full_name' },
  training: { table: 'training', name: 'title' },
  dx_model: { table: 'dx_model', name: 'name' },
  event: { table: 'event', name: 'title' },
  unit_plan: { table: 'unit_plan', name: 'document_number' },
  obstacle: { table: 'obstacle', name: 'title' },
  task: { table: 'task', name: 'title' },
  report_period: { table: 'report_period', name: 'label' },
  budget_estimate: { table: 'budget_estimate', name: 'title' },
  urging: { table: 'urging', name: 'subject' },
  org_unit_version: { table: 'org_unit_version', name: 'name' },
  // A unit's name: its latest version (the one still in force, else the last).
  org_unit: {
    table: 'org_unit_version',
    id: 'unit_id',
    name: 'name',
  },
  province: { table: 'org_unit_version', id: 'unit_id', name: 'name' },
};

/** The names of audited objects, keyed "entityType:entityId"; objects deleted since keep no name here. */
export async function auditEntityNames(
  db: Db,
  refs: { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs)
    if (r.entityId && NAMED[r.entityType] && /^[0-9a-f-]{36}$/i.test(r.entityId))
      byType.set(r.entityType, (byType.get(r.entityType) ?? new Set()).add(r.entityId));
  const out = new Map<string, string>();
  for (const [type, ids] of byType) {
    const n = NAMED[type]!;
    const idCol = n.id ?? 'id';
    const rows = await queryRows<{ id: string; name: string | null }>(
      db,
      sql`SELECT DISTINCT ON (${sql.raw(idCol)}) ${sql.raw(idCol)}::text AS id, ${sql.raw(n.name)} AS name
            FROM ${sql.raw(n.table)}
           WHERE ${sql.raw(idCol)} IN (${sql.join(
             [...ids].map((i) => sql`${i}::uuid`),
             sql`, `,
           )})
           ORDER BY ${sql.raw(idCol)}${idCol === 'unit_id' ? sql` , valid_to DESC NULLS FIRST` : sql``}`,
    );
    for (const r of rows) if (r.name) out.set(`${type}:${r.id}`, r.name);
  }
  return out;
}
