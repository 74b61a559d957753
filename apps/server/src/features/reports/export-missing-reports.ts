import {
  compareVi,
  formatDateVi,
  localDateOf,
  type OrgUnitKind,
  TIMELINESS_LABELS_VI,
  UNIT_KIND_LABELS,
} from '@dx/domain';
import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../../use-case/context';
import { getPeriodCompleteness } from './get-period-completeness';

/**
 * The missing reports list of a period (plan 54 V.1.a: who has not reported) as XLSX: every required unit that has
 * not submitted — past the deadline first, then those whose deadline has not come — from the same use case as the
 * period's screen (optionally one unit group), with the as-of date and the criterion written on the sheet.
 */
export async function exportMissingReports({
  ctx,
  periodId,
  groupId,
}: {
  ctx: UseCaseContext;
  periodId: string;
  groupId?: string;
}) {
  const c = await getPeriodCompleteness({ ctx, periodId, groupId });
  const rows = c.units
    .filter((u) => u.class === 'missing' || u.class === 'pending')
    .sort((a, b) =>
      a.class === b.class ? compareVi(a.unitName, b.unitName) : a.class === 'missing' ? -1 : 1,
    );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dx-comms';
  const ws = wb.addWorksheet('Chưa nộp báo cáo', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.addRow([`DANH SÁCH ĐƠN VỊ CHƯA NỘP BÁO CÁO — ${c.period.label.toLocaleUpperCase('vi')}`]).font = {
    bold: true,
    size: 13,
  };
  ws.addRow([
    `Kỳ từ ${formatDateVi(c.period.periodFrom)} đến ${formatDateVi(c.period.periodTo)}; hạn nộp ${formatDateVi(c.period.dueDate)}.`,
  ]);
  ws.addRow([
    `Tính đến hết ngày ${formatDateVi(c.today)}; xuất ngày ${formatDateVi(localDateOf(ctx.now))}; ${rows.length} đơn vị chưa nộp / ${c.summary.required} đơn vị phải báo cáo (${c.summary.missing} quá hạn).`,
  ]).font = { italic: true };
  ws.addRow([
    `Tiêu chí: đơn vị phải báo cáo kỳ này chưa gửi báo cáo lần nào; "${TIMELINESS_LABELS_VI.missing}" khi ngày ${formatDateVi(c.today)} đã qua hạn nộp ${formatDateVi(c.period.dueDate)}, "${TIMELINESS_LABELS_VI.pending}" khi chưa qua.`,
  ]);
  const header = ws.addRow(['STT', 'Đơn vị', 'Mã đơn vị', 'Loại đơn vị', 'Tình trạng', 'Số lần đã nhắc']);
  header.font = { bold: true };
  [6, 45, 12, 20, 26, 14].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  rows.forEach((u, i) => {
    ws.addRow([
      i + 1,
      u.unitName,
      u.unitCode ?? '',
      UNIT_KIND_LABELS[u.unitKind as OrgUnitKind] ?? u.unitKind,
      TIMELINESS_LABELS_VI[u.class],
      u.reminders.count,
    ]).alignment = { wrapText: true, vertical: 'top' };
  });
  return {
    fileName: `chua-nop-bao-cao-${c.period.periodTo}-${c.today}.xlsx`,
    bytes: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
