import { listAssignments, listTasks } from '@dx/db';
import { EFFECTIVE_STATUSES, formatDateVi, localDateOf, STATUS_LABELS_VI } from '@dx/domain';
import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../../use-case/context';
import { loadPlanFor } from '../../use-case/context';
import { presentTask, type TaskOut } from './tasks.presenter';

/** Each lead unit's status; for a group-led task (dozens of units) the count per status instead. */
function statusCell(leads: TaskOut['assignments']): string {
  if (leads.length <= 10)
    return leads.map((a) => `${a.unitName}: ${STATUS_LABELS_VI[a.effectiveStatus]}`).join('\n');
  return EFFECTIVE_STATUSES.map((s) => [s, leads.filter((a) => a.effectiveStatus === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${STATUS_LABELS_VI[s]}: ${n} đơn vị`)
    .join('\n');
}

/**
 * The appendix with the current status of every unit's part (plan 54 III, V.1.a), as .xlsx ready to attach to a
 * report: the columns as provinces write them, section rows in Roman numerals, plus "Tình hình thực hiện"; a
 * second sheet lists every unit's part.
 */
export async function exportAppendix({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  const plan = await loadPlanFor(ctx, planId, 'task.read');
  const today = localDateOf(ctx.now);
  const { items } = await listTasks(ctx.db, { planId, today, limit: 10_000, offset: 0 });
  const parts = await listAssignments(
    ctx.db,
    items.map((t) => t.id),
  );
  const tasks = items.map((t) =>
    presentTask(
      t,
      parts.filter((p) => p.taskId === t.id),
      { themeIds: [], targetIds: [] },
      today,
    ),
  );

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục nhiệm vụ');
  ws.addRow([
    `PHỤ LỤC: DANH MỤC NHIỆM VỤ — Kế hoạch ${plan.code ?? plan.title} — tình hình đến ngày ${formatDateVi(today)}`,
  ]);
  ws.mergeCells(1, 1, 1, 10);
  ws.getRow(1).font = { bold: true };
  const header = ws.addRow([
    'STT',
    'Nhiệm vụ',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời gian thực hiện',
    'Hạn hoàn thành',
    'Sản phẩm',
    'Kinh phí',
    'Tình hình thực hiện theo đơn vị',
    'Tiến độ',
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  let section: string | null = null;
  for (const t of tasks) {
    if (t.section && t.section !== section) {
      section = t.section;
      const r = ws.addRow([section]);
      r.font = { bold: true };
      ws.mergeCells(r.number, 1, r.number, 10);
    }
    const leads = t.assignments.filter((a) => a.role === 'lead');
    ws.addRow([
      t.stt ?? '',
      t.title,
      t.leadText,
      t.coordinatorText,
      t.timeFrame.text,
      t.timeFrame.dueDate ? formatDateVi(t.timeFrame.dueDate) : '',
      t.output,
      t.budgetText,
      statusCell(leads),
      t.progress.total ? `${t.progress.done}/${t.progress.total} đơn vị hoàn thành` : '',
    ]).alignment = { wrapText: true, vertical: 'top' };
  }
  [6, 50, 28, 24, 18, 14, 24, 16, 45, 16].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // Every unit's part, one row each: the list a report attaches to name who is behind.
  const byUnit = wb.addWorksheet('Theo đơn vị');
  byUnit.addRow([
    'STT',
    'Nhiệm vụ',
    'Đơn vị',
    'Vai trò',
    'Tình trạng',
    'Hạn hoàn thành',
    'Cập nhật lần cuối',
  ]).font = { bold: true };
  for (const t of tasks) {
    for (const a of t.assignments) {
      byUnit.addRow([
        t.stt ?? '',
        t.title,
        a.unitName,
        a.role === 'lead' ? 'Chủ trì' : 'Phối hợp',
        STATUS_LABELS_VI[a.effectiveStatus],
        t.timeFrame.dueDate ? formatDateVi(t.timeFrame.dueDate) : '',
        formatDateVi(localDateOf(new Date(a.updatedAt))),
      ]);
    }
  }
  [6, 50, 36, 10, 16, 14, 16].forEach((w, i) => {
    byUnit.getColumn(i + 1).width = w;
  });
  const fileName = `phu-luc-nhiem-vu-${(plan.code ?? String(plan.year)).replace(/[^\w-]+/g, '-')}.xlsx`;
  return { fileName, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
