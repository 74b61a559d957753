import type { LineSnapshot } from '@dx/domain';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import {
  budgetAttachment,
  budgetEstimate,
  budgetEvent,
  budgetLine,
  budgetRevision,
  setting,
} from '../schema';
import { unitNameAsOf } from './as-of';
import { type ReadScope, readScopeSql } from './read-scope';

// SQL of the budget feature (the only place it lives).

export type EstimateRow = typeof budgetEstimate.$inferSelect;
export type NewEstimate = typeof budgetEstimate.$inferInsert;
export type BudgetLineRow = typeof budgetLine.$inferSelect;
export type BudgetRevisionRow = typeof budgetRevision.$inferSelect;
export type BudgetEventRow = typeof budgetEvent.$inferSelect;
export type EstimateListItem = EstimateRow & { unitName: string; total: number; lineCount: number };

/** A unit's latest name (estimates are of the current year's structure; history keeps the unit's id). */
const unitName = (unit: SQL) => unitNameAsOf(unit, null);

/** Stores a new estimate (draft). */
export async function insertEstimate(db: Db, row: NewEstimate): Promise<EstimateRow> {
  const [saved] = await db.insert(budgetEstimate).values(row).returning();
  return saved!;
}

export async function getEstimate(db: Db, id: string): Promise<EstimateRow | null> {
  const [row] = await db.select().from(budgetEstimate).where(eq(budgetEstimate.id, id));
  return row ?? null;
}

export type EstimateFilter = {
  planId: string;
  status?: string;
  unitId?: string;
  kind?: string;
  parentId?: string;
  /** Only the estimates the caller may read (a unit officer: its own subtree, docs/security.md "Scope of reading"). */
  readable?: ReadScope;
  limit: number;
  offset: number;
};

/** Estimates of a plan with their unit's name and current total, filtered by status, unit (and below) and kind. */
export async function listEstimates(
  db: Db,
  f: EstimateFilter,
): Promise<{ items: EstimateListItem[]; total: number }> {
  const conds = [sql`e.plan_id = ${f.planId}`];
  if (f.status) conds.push(sql`e.status = ${f.status}`);
  if (f.kind) conds.push(sql`e.kind = ${f.kind}`);
  if (f.parentId) conds.push(sql`e.parent_id = ${f.parentId}`);
  if (f.unitId) conds.push(sql`e.unit_id = ${f.unitId}`);
  if (f.readable) conds.push(readScopeSql(f.readable, sql`e.province_id`, [sql`e.unit_id`]));
  const where = sql.join(conds, sql` AND `);
  const rows = await queryRows<{ id: string; unit_name: string; total: string | null; n: number }>(
    db,
    sql`SELECT e.id, ${unitName(sql`e.unit_id`)} AS unit_name,
               (SELECT sum(l.amount) FROM budget_line l WHERE l.estimate_id = e.id)::text AS total,
               (SELECT count(*)::int FROM budget_line l WHERE l.estimate_id = e.id) AS n
          FROM budget_estimate e WHERE ${where}
         ORDER BY e.updated_at DESC, e.id LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const [c] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM budget_estimate e WHERE ${where}`,
  );
  if (rows.length === 0) return { items: [], total: Number(c?.n ?? 0) };
  const full = await db
    .select()
    .from(budgetEstimate)
    .where(
      inArray(
        budgetEstimate.id,
        rows.map((r) => r.id),
      ),
    );
  const byId = new Map(full.map((r) => [r.id, r]));
  return {
    items: rows.map((r) => ({
      ...byId.get(r.id)!,
      unitName: r.unit_name ?? '',
      total: Number(r.total ?? 0),
      lineCount: Number(r.n),
    })),
    total: Number(c?.n ?? 0),
  };
}

export async function unitNameOf(db: Db, unitId: string): Promise<string> {
  const [r] = await queryRows<{ name: string | null }>(
    db,
    sql`SELECT ${unitName(sql`${unitId}::uuid`)} AS name`,
  );
  return r?.name ?? '';
}

export async function listBudgetLines(db: Db, estimateId: string): Promise<BudgetLineRow[]> {
  return db
    .select()
    .from(budgetLine)
    .where(eq(budgetLine.estimateId, estimateId))
    .orderBy(asc(budgetLine.position));
}

/** The lines as a snapshot (what a revision keeps). */
export const snapshotOf = (lines: BudgetLineRow[]): LineSnapshot[] =>
  lines.map((l) => ({
    lineId: l.id,
    taskId: l.taskId,
    content: l.content,
    unitCost: l.unitCost,
    quantity: l.quantity,
    amount: l.amount,
    fundingSource: l.fundingSource as LineSnapshot['fundingSource'],
    adjustReason: l.adjustReason,
  }));

/**
 * Replaces an estimate's lines with `lines` (inside the caller's transaction): lines with a known id are updated in
 * place (so a line keeps its identity across rounds and the diff can follow it), the others are inserted, and the
 * lines left out are deleted. A line whose amount the unit changes loses the appraisal's reason.
 */
export async function replaceBudgetLines(
  db: Db,
  estimateId: string,
  provinceId: string,
  lines: (Omit<LineSnapshot, 'lineId' | 'adjustReason'> & { id?: string })[],
): Promise<void> {
  const current = await listBudgetLines(db, estimateId);
  const byId = new Map(current.map((l) => [l.id, l]));
  const keep = new Set(lines.map((l) => l.id).filter((id): id is string => !!id && byId.has(id)));
  const gone = current.filter((l) => !keep.has(l.id)).map((l) => l.id);
  if (gone.length) await db.delete(budgetLine).where(inArray(budgetLine.id, gone));
  for (const [i, l] of lines.entries()) {
    const values = {
      position: i + 1,
      taskId: l.taskId,
      content: l.content,
      unitCost: l.unitCost,
      quantity: l.quantity,
      amount: l.amount,
      requestedAmount: l.amount,
      fundingSource: l.fundingSource,
    };
    const old = l.id ? byId.get(l.id) : undefined;
    if (old) {
      const same = old.amount === l.amount;
      await db
        .update(budgetLine)
        .set({ ...values, adjustReason: same ? old.adjustReason : null })
        .where(eq(budgetLine.id, old.id));
    } else {
      await db.insert(budgetLine).values({ ...values, estimateId, provinceId });
    }
  }
}

/** Sets appraised amounts with their reason (inside the caller's transaction). */
export async function adjustBudgetLines(
  db: Db,
  estimateId: string,
  adjustments: { lineId: string; amount: number; reason: string }[],
  userId: string,
  now: Date,
): Promise<void> {
  for (const a of adjustments) {
    await db
      .update(budgetLine)
      .set({ amount: a.amount, adjustReason: a.reason, adjustedBy: userId, adjustedAt: now })
      .where(and(eq(budgetLine.id, a.lineId), eq(budgetLine.estimateId, estimateId)));
  }
}

/**
 * Moves an estimate on (state columns, title…) only if nobody changed it since `expectedVersion` was read: the
 * UPDATE's WHERE is the lock, so of two concurrent writers exactly one gets a row back. Null = stale.
 */
export async function updateEstimateIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  fields: Partial<NewEstimate>,
  now: Date,
): Promise<EstimateRow | null> {
  const [row] = await db
    .update(budgetEstimate)
    .set({ ...fields, version: sql`${budgetEstimate.version} + 1`, updatedAt: now })
    .where(and(eq(budgetEstimate.id, id), eq(budgetEstimate.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Keeps the lines as they stand now as the next revision; returns its number. */
export async function insertBudgetRevision(
  db: Db,
  r: {
    estimateId: string;
    round: number;
    kind: 'submitted' | 'adjusted' | 'approved';
    lines: LineSnapshot[];
    createdBy: string | null;
  },
): Promise<BudgetRevisionRow> {
  const [m] = await queryRows<{ n: number | null }>(
    db,
    sql`SELECT max(seq) AS n FROM budget_revision WHERE estimate_id = ${r.estimateId}`,
  );
  const total = r.lines.reduce((s, l) => s + l.amount, 0);
  const [saved] = await db
    .insert(budgetRevision)
    .values({ ...r, seq: Number(m?.n ?? 0) + 1, total })
    .returning();
  return saved!;
}

export async function listBudgetRevisions(db: Db, estimateId: string): Promise<BudgetRevisionRow[]> {
  return db
    .select()
    .from(budgetRevision)
    .where(eq(budgetRevision.estimateId, estimateId))
    .orderBy(asc(budgetRevision.seq));
}

export async function getBudgetRevision(
  db: Db,
  estimateId: string,
  seq: number,
): Promise<BudgetRevisionRow | null> {
  const [row] = await db
    .select()
    .from(budgetRevision)
    .where(and(eq(budgetRevision.estimateId, estimateId), eq(budgetRevision.seq, seq)));
  return row ?? null;
}

export async function insertBudgetEvent(
  db: Db,
  row: typeof budgetEvent.$inferInsert,
): Promise<BudgetEventRow> {
  const [saved] = await db.insert(budgetEvent).values(row).returning();
  return saved!;
}

export async function listBudgetEvents(db: Db, estimateId: string): Promise<BudgetEventRow[]> {
  return db
    .select()
    .from(budgetEvent)
    .where(eq(budgetEvent.estimateId, estimateId))
    .orderBy(asc(budgetEvent.id));
}

export async function insertBudgetAttachment(db: Db, row: typeof budgetAttachment.$inferInsert) {
  const [saved] = await db.insert(budgetAttachment).values(row).returning({
    id: budgetAttachment.id,
    fileName: budgetAttachment.fileName,
    contentType: budgetAttachment.contentType,
    size: budgetAttachment.size,
    createdAt: budgetAttachment.createdAt,
  });
  return saved!;
}

/** Attachments of an estimate, without their content. */
export async function listBudgetAttachments(db: Db, estimateId: string) {
  return db
    .select({
      id: budgetAttachment.id,
      fileName: budgetAttachment.fileName,
      contentType: budgetAttachment.contentType,
      size: budgetAttachment.size,
      createdAt: budgetAttachment.createdAt,
    })
    .from(budgetAttachment)
    .where(eq(budgetAttachment.estimateId, estimateId))
    .orderBy(desc(budgetAttachment.createdAt));
}

export async function getBudgetAttachment(db: Db, id: string) {
  const [row] = await db.select().from(budgetAttachment).where(eq(budgetAttachment.id, id));
  return row ?? null;
}

/** Sum of the approved supplementary requests added to an estimate. */
export async function approvedSupplementTotal(db: Db, parentId: string): Promise<number> {
  const [r] = await queryRows<{ s: string | null }>(
    db,
    sql`SELECT sum(l.amount)::text AS s FROM budget_line l JOIN budget_estimate e ON e.id = l.estimate_id
         WHERE e.parent_id = ${parentId} AND e.kind = 'supplementary' AND e.status = 'approved'`,
  );
  return Number(r?.s ?? 0);
}

/** One line of the plan's estimates with what the totals group it by (unit, task, theme, funding source). */
export type PlanBudgetLine = {
  estimateId: string;
  estimateKind: string;
  estimateStatus: string;
  stepIndex: number | null;
  unitId: string;
  unitName: string;
  lineId: string;
  position: number;
  taskId: string | null;
  taskTitle: string | null;
  content: string;
  unitCost: number;
  quantity: number;
  amount: number;
  requestedAmount: number;
  fundingSource: string;
  adjustReason: string | null;
  themeIds: string[];
};

/** Every line of a plan's submitted (not draft) estimates, with unit name, task title and the task's themes. */
export async function listPlanBudgetLines(db: Db, planId: string): Promise<PlanBudgetLine[]> {
  const rows = await queryRows<{
    estimate_id: string;
    kind: string;
    status: string;
    step_index: number | null;
    unit_id: string;
    unit_name: string | null;
    line_id: string;
    position: number;
    task_id: string | null;
    task_title: string | null;
    content: string;
    unit_cost: string;
    quantity: string;
    amount: string;
    requested_amount: string;
    funding_source: string;
    adjust_reason: string | null;
    theme_ids: string[] | null;
  }>(
    db,
    sql`SELECT e.id AS estimate_id, e.kind, e.status, e.step_index, e.unit_id, ${unitName(sql`e.unit_id`)} AS unit_name,
               l.id AS line_id, l.position, l.task_id, t.title AS task_title, l.content,
               l.unit_cost::text AS unit_cost, l.quantity::text AS quantity, l.amount::text AS amount,
               l.requested_amount::text AS requested_amount, l.funding_source, l.adjust_reason,
               (SELECT array_agg(x.theme_id::text ORDER BY x.theme_id) FROM task_theme x WHERE x.task_id = l.task_id) AS theme_ids
          FROM budget_line l JOIN budget_estimate e ON e.id = l.estimate_id LEFT JOIN task t ON t.id = l.task_id
         WHERE e.plan_id = ${planId} AND e.status <> 'draft'
         ORDER BY unit_name, e.created_at, l.position`,
  );
  return rows.map((r) => ({
    estimateId: r.estimate_id,
    estimateKind: r.kind,
    estimateStatus: r.status,
    stepIndex: r.step_index === null ? null : Number(r.step_index),
    unitId: r.unit_id,
    unitName: r.unit_name ?? '',
    lineId: r.line_id,
    position: Number(r.position),
    taskId: r.task_id,
    taskTitle: r.task_title,
    content: r.content,
    unitCost: Number(r.unit_cost),
    quantity: Number(r.quantity),
    amount: Number(r.amount),
    requestedAmount: Number(r.requested_amount),
    fundingSource: r.funding_source,
    adjustReason: r.adjust_reason,
    themeIds: r.theme_ids ?? [],
  }));
}

/** Themes of a plan by id (code and name), for the totals by theme. */
export async function planThemeNames(
  db: Db,
  planId: string,
): Promise<Map<string, { code: string; name: string }>> {
  const rows = await queryRows<{ id: string; code: string | null; name: string }>(
    db,
    sql`SELECT id, code, title AS name FROM plan_theme WHERE plan_id = ${planId}`,
  );
  return new Map(rows.map((r) => [r.id, { code: r.code ?? '', name: r.name }]));
}

/** Whether every task id belongs to the plan. */
export async function tasksOfPlan(db: Db, planId: string, taskIds: string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM task WHERE plan_id = ${planId} AND id IN (${sql.join(
      taskIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.id));
}

/** A setting with its version (for optimistic locking of configuration). */
export async function getSettingRow(
  db: Db,
  key: string,
): Promise<{ value: unknown; version: number } | null> {
  const [row] = await db
    .select({ value: setting.value, version: setting.version })
    .from(setting)
    .where(eq(setting.key, key));
  return row ?? null;
}

/**
 * Writes a setting if it is still at `expectedVersion` (0 = not stored yet); returns the new version, or null when
 * someone else wrote it first.
 */
export async function putSettingIfVersion(
  db: Db,
  key: string,
  value: unknown,
  expectedVersion: number,
  now: Date,
): Promise<number | null> {
  if (expectedVersion === 0) {
    const rows = await db
      .insert(setting)
      .values({ key, value, version: 1, updatedAt: now })
      .onConflictDoNothing()
      .returning({ version: setting.version });
    return rows[0]?.version ?? null;
  }
  const [row] = await db
    .update(setting)
    .set({ value, version: sql`${setting.version} + 1`, updatedAt: now })
    .where(and(eq(setting.key, key), eq(setting.version, expectedVersion)))
    .returning({ version: setting.version });
  return row?.version ?? null;
}
