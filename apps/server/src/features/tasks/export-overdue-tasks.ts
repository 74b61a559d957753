import { compareVi, formatDateVi, localDateOf } from '@dx/domain';
import ExcelJS from 'exceljs';
import { loadPlanFor, type UseCaseContext } from '../../use-case/context';
import { listTasks } from './list-tasks';

const ROLE_VI = { lead: 'Chủ trì', coordinator: 'Phối hợp' } as const;
const DAY_MS = 86_400_000;
/** Most tasks one list exports (an appendix has tens of tasks; a group-led one hundreds of parts). */
const MAX_TASKS = 1000;

/**
 * The overdue tasks list (who is behind on the appendix, plan 54 III and V.1.a "đôn đốc") as XLSX: one row per unit
 * part past its due date and not done, exactly the parts the tasks screen marks "Quá hạn", with the date the list
 * is as of and the criterion written on the sheet.
 */
export async function exportOverdueTasks({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  const plan = await loadPlanFor(ctx, planId, 'task.read');
  const { items, today } = await listTasks({
    ctx,
    planId,
    filter: { status: 'overdue', limit: MAX_TASKS, offset: 0 },
  });
  const rows = items.flatMap((t) =>
    t.assignments.filter((a) => a.effectiveStatus === 'overdue').map((a) => ({ task: t, part: a })),
  );
  rows.sort((x, y) =>
    x.part.role !== y.part.role
      ? x.part.role === 'lead'
        ? -1
        : 1
      : compareVi(x.part.unitName, y.part.unitName) ||
        (x.task.timeFrame.dueDate ?? '').localeCompare(y.task.timeFrame.dueDate ?? ''),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dx-comms';
  const ws = wb.addWorksheet('Nhiệm vụ quá hạn', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.addRow(['DANH SÁCH ĐƠN VỊ CÓ NHIỆM VỤ QUÁ HẠN']).font = { bold: true, size: 13 };
  ws.addRow([`Kế hoạch${plan.code ? ` số ${plan.code}` : ''}: ${plan.title} — Phụ lục nhiệm vụ`]);
  ws.addRow([
    `Tính đến hết ngày ${formatDateVi(today)}; xuất ngày ${formatDateVi(localDateOf(ctx.now))}; ${rows.length} dòng.`,
  ]).font = { italic: true };
  ws.addRow([
    `Tiêu chí: phần việc của đơn vị chưa "Hoàn thành" mà hạn hoàn thành của nhiệm vụ đã qua (hạn < ${formatDateVi(today)}); số ngày quá hạn = ngày ${formatDateVi(today)} − hạn hoàn thành.`,
  ]);
  const header = ws.addRow([
    'STT',
    'Đơn vị',
    'Vai trò',
    'Nhiệm vụ',
    'Hạn hoàn thành',
    'Số ngày quá hạn',
    'Trạng thái đơn vị báo',
  ]);
  header.font = { bold: true };
  [6, 40, 10, 60, 14, 14, 20].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const STORED_VI = {
    not_started: 'Chưa thực hiện',
    in_progress: 'Đang thực hiện',
    done: 'Hoàn thành',
    blocked: 'Vướng mắc',
  } as const;
  rows.forEach(({ task, part }, i) => {
    const due = task.timeFrame.dueDate;
    const days = due ? Math.round((Date.parse(today) - Date.parse(due)) / DAY_MS) : null;
    ws.addRow([
      i + 1,
      part.unitName,
      ROLE_VI[part.role],
      `${task.stt ? `${task.stt}. ` : ''}${task.title}`,
      due ? formatDateVi(due) : '',
      days,
      STORED_VI[part.status],
    ]).alignment = { wrapText: true, vertical: 'top' };
  });
  return {
    fileName: `nhiem-vu-qua-han-${today}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
