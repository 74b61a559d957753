import {
  analyzeDatabase,
  insertTasks,
  type NewTask,
  nextTaskPosition,
  planTaskKeys,
  taskLeadCandidates,
} from '@dx/db';
import {
  type AppendixRow,
  type Cell,
  detectLegacyEncoding,
  foldVietnamese,
  isRowValid,
  legacyTextMessage,
  readAppendix,
} from '@dx/domain';
import { readTable } from '../../lib/tabular';
import { audit, inTransaction, loadPlanFor, type UseCaseContext } from '../../use-case/context';
import { expandAssignments, type PlannedAssignment } from './expand-assignments';

const MAX_ROWS = 2_000;

export type AppendixImportReport = {
  total: number;
  valid: number;
  saved: number;
  fileIssues: string[];
  rows: (AppendixRow & { valid: boolean; leadUnits: number; coordinatorUnits: number })[];
};

/**
 * The DX office imports a plan's appendix of tasks (plan 54 III) from .xlsx/.csv. `confirm: false` is the dry run:
 * every cell is read and shown as understood (units, groups, period, due date), each problem by column in
 * Vietnamese, nothing saved. `confirm: true` with the same file saves every valid row in one transaction (all or
 * nothing). `answers` settle the questions the dry run asked ("An Lão" → Huyện An Lão).
 */
export async function importAppendix({
  ctx,
  planId,
  fileName,
  content,
  confirm,
  answers,
}: {
  ctx: UseCaseContext;
  planId: string;
  fileName: string;
  content: Buffer;
  confirm: boolean;
  answers?: Record<string, { type: 'unit' | 'group'; id: string }>;
}): Promise<AppendixImportReport> {
  await loadPlanFor(ctx, planId, 'task.write');
  const table = await readTable(content, fileName, { userId: ctx.actor.userId, maxRows: MAX_ROWS });
  return importAppendixTable({ ctx, planId, fileName, table, confirm, answers });
}

/**
 * The same import from rows already read: a file's table, or the appendix table of a plan document imported with
 * the plan (features/plan-imports: its rows become tasks when the draft is confirmed).
 */
export async function importAppendixTable({
  ctx,
  planId,
  fileName,
  table,
  confirm,
  answers,
}: {
  ctx: UseCaseContext;
  planId: string;
  fileName: string;
  table: { headers: Cell[]; rows: { row: number; cells: Cell[] }[] };
  confirm: boolean;
  answers?: Record<string, { type: 'unit' | 'group'; id: string }>;
}): Promise<AppendixImportReport> {
  const plan = await loadPlanFor(ctx, planId, 'task.write');
  const planFrom = `${plan.year}-01-01`;
  const candidates = await taskLeadCandidates(ctx.db, plan.provinceId, planFrom);
  const reading = readAppendix([{ row: 1, cells: table.headers }, ...table.rows], {
    planYear: plan.year,
    candidates,
    answers,
  });
  // Text typed in a legacy font (TCVN3, VNI) is never saved as is: the row is refused with the Unicode reading.
  for (const t of table.rows) {
    const target = reading.rows.find((r) => r.row === t.row);
    t.cells.forEach((cell, i) => {
      const found = typeof cell === 'string' ? detectLegacyEncoding(cell) : null;
      if (!found) return;
      const message = `Cột "${table.headers[i] ?? i + 1}": ${legacyTextMessage(String(cell).trim(), found)}`;
      if (target) target.issues.push({ column: null, severity: 'error', message });
      else reading.fileIssues.push(`Dòng ${t.row}: ${message}`);
    });
  }
  // An appendix imported twice must not create the same tasks again: same content (accents, case and spacing
  // aside), and the same STT and section when the row has them.
  const existing = await planTaskKeys(ctx.db, planId);
  const fold = (s: string | null) => foldVietnamese(s ?? '');
  const alreadyInPlan = (row: AppendixRow) =>
    existing.find(
      (t) =>
        fold(t.title) === fold(row.title) &&
        (!row.stt || fold(t.stt) === fold(row.stt)) &&
        (!row.section || fold(t.section) === fold(row.section)),
    );
  const cache = new Map<string, string[]>();
  const planned: { row: AppendixRow; assignments: PlannedAssignment[] }[] = [];
  for (const row of reading.rows) {
    const duplicate = row.kind === 'task' && row.title ? alreadyInPlan(row) : undefined;
    if (duplicate) {
      row.issues.push({
        column: 'title',
        severity: 'error',
        message: `Nhiệm vụ đã có trong kế hoạch${duplicate.stt ? ` (STT ${duplicate.stt}${duplicate.section ? `, mục ${duplicate.section}` : ''})` : ''}: dòng này trùng, không nhập lại`,
      });
    }
    if (!isRowValid(row)) {
      planned.push({ row, assignments: [] });
      continue;
    }
    const asOf = row.timeFrame.kind === 'unknown' ? planFrom : row.timeFrame.from;
    const assignments = await expandAssignments(
      ctx.db,
      plan.provinceId,
      { leads: row.leads.matches, coordinators: row.coordinators.matches },
      asOf,
      cache,
    );
    if (!assignments.some((a) => a.role === 'lead')) {
      row.issues.push({
        column: 'lead',
        severity: 'error',
        message: `Nhóm đơn vị chủ trì không có đơn vị nào vào ngày ${asOf}`,
      });
    }
    planned.push({ row, assignments });
  }
  const valid = planned.filter((p) => isRowValid(p.row));
  const report: AppendixImportReport = {
    total: reading.rows.filter((r) => r.kind === 'task').length,
    valid: valid.length,
    saved: 0,
    fileIssues: reading.fileIssues,
    rows: planned.map((p) => ({
      ...p.row,
      valid: isRowValid(p.row),
      leadUnits: p.assignments.filter((a) => a.role === 'lead').length,
      coordinatorUnits: p.assignments.filter((a) => a.role === 'coordinator').length,
    })),
  };
  if (!confirm || valid.length === 0) return report;

  const batchId = crypto.randomUUID();
  await inTransaction(ctx, async (tx) => {
    let position = await nextTaskPosition(tx, planId);
    await insertTasks(
      tx,
      valid.map(({ row, assignments }) => {
        const tf = row.timeFrame;
        const values: NewTask = {
          planId,
          provinceId: plan.provinceId,
          section: row.section,
          stt: row.stt || null,
          position: position++,
          title: row.title,
          leadText: row.leadText,
          coordinatorText: row.coordinatorText,
          timeFrameText: tf.original,
          timeFrameKind: tf.kind,
          periodFrom: tf.kind === 'unknown' ? null : tf.from,
          periodTo: tf.kind === 'unknown' ? null : tf.to,
          dueDate: tf.kind === 'unknown' ? null : tf.dueDate,
          output: row.output,
          budgetText: row.budgetText,
          budgetAmount: row.budgetAmount,
          note: row.note,
          leadGroupIds: row.leads.matches.filter((m) => m.type === 'group').map((m) => m.id),
          importBatchId: batchId,
          createdBy: ctx.actor.userId,
        };
        return { task: values, themeIds: [], targetIds: [], assignments };
      }),
    );
    await audit(tx, ctx, {
      action: 'task.import',
      entityType: 'plan',
      entityId: planId,
      provinceId: plan.provinceId,
      after: {
        fileName,
        batchId,
        saved: valid.length,
        skippedRows: planned.filter((p) => p.row.kind === 'task' && !isRowValid(p.row)).map((p) => p.row.row),
      },
    });
  });
  // Planner statistics for the new tasks (issue 12; PGlite has no autovacuum), off the answer's path.
  void analyzeDatabase(ctx.db).catch(() => undefined);
  return { ...report, saved: valid.length };
}
