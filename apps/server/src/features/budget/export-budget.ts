import { unitNameOf } from '@dx/db';
import {
  committeeNameOf,
  ESTIMATE_STATUS_LABELS,
  type EstimateStatus,
  formatDateVi,
  formatVnd,
  localDateOf,
  sumDong,
} from '@dx/domain';
import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../../use-case/context';
import { provinceSettingsInForce } from '../provinces/settings-in-force';
import { renderBudgetSubmissionDocx } from './budget-docx';
import { budgetTotals, isConsolidated, type TotalRow } from './budget-totals';
import { loadChain } from './load-estimate';

const MONEY_FMT = '#,##0';

/**
 * The consolidated estimate of a plan as .xlsx (plan 54 V.1.d: the DX office consolidates): every submitted line by
 * unit with subtotals, requested / appraised amounts and the reason of each adjustment; a sheet of totals by funding
 * source, unit, task and theme. Amounts are exact integers (đồng) in number cells.
 */
export async function exportBudgetXlsx({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  const { plan, lines, totals, sourceLabel } = await budgetTotals({ ctx, planId });
  const today = localDateOf(ctx.now);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp dự toán');
  ws.addRow([
    `TỔNG HỢP DỰ TOÁN KINH PHÍ — Kế hoạch ${plan.code ?? plan.title} — đến ngày ${formatDateVi(today)}`,
  ]);
  ws.mergeCells(1, 1, 1, 11);
  ws.getRow(1).font = { bold: true };
  const header = ws.addRow([
    'STT',
    'Đơn vị',
    'Nội dung',
    'Nhiệm vụ',
    'Nguồn kinh phí',
    'Đơn giá (đồng)',
    'Số lượng',
    'Đề nghị (đồng)',
    'Thẩm định/phê duyệt (đồng)',
    'Tình trạng',
    'Lý do điều chỉnh',
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const byUnit = new Map<string, typeof lines>();
  for (const l of lines) byUnit.set(l.unitId, [...(byUnit.get(l.unitId) ?? []), l]);
  let n = 0;
  for (const unitLines of byUnit.values()) {
    for (const l of unitLines) {
      n++;
      ws.addRow([
        n,
        l.unitName,
        l.content,
        l.taskTitle ?? '',
        sourceLabel(l.fundingSource),
        l.unitCost,
        l.quantity,
        l.requestedAmount,
        isConsolidated(l) ? l.amount : null,
        ESTIMATE_STATUS_LABELS[l.estimateStatus as EstimateStatus] ?? l.estimateStatus,
        l.adjustReason ?? '',
      ]);
    }
    const sub = ws.addRow([
      null,
      `Cộng ${unitLines[0]!.unitName}`,
      null,
      null,
      null,
      null,
      null,
      sumDong(unitLines.map((l) => l.requestedAmount)),
      sumDong(unitLines.filter(isConsolidated).map((l) => l.amount)),
    ]);
    sub.font = { bold: true };
  }
  const total = ws.addRow([
    null,
    'TỔNG CỘNG',
    null,
    null,
    null,
    null,
    null,
    sumDong(lines.map((l) => l.requestedAmount)),
    totals.consolidated,
  ]);
  total.font = { bold: true };
  for (const c of [6, 8, 9]) ws.getColumn(c).numFmt = MONEY_FMT;
  ws.columns.forEach((col, i) => {
    col.width = [6, 28, 40, 30, 24, 16, 10, 18, 20, 16, 30][i] ?? 14;
  });

  const t = wb.addWorksheet('Tổng theo nhóm');
  const block = (title: string, rows: TotalRow[]) => {
    t.addRow([title]).font = { bold: true };
    t.addRow(['', 'Đề nghị (đồng)', 'Đã tổng hợp (đồng)', 'Đã phê duyệt (đồng)']).font = { italic: true };
    for (const r of rows) t.addRow([r.label, r.requested, r.consolidated, r.approved]);
    t.addRow([]);
  };
  block('Theo nguồn kinh phí', totals.bySource);
  block('Theo đơn vị', totals.byUnit);
  block('Theo nhiệm vụ', totals.byTask);
  block('Theo nội dung tuyên truyền', totals.byTheme);
  t.addRow(['Tổng cộng', totals.requested, totals.consolidated, totals.approved]).font = { bold: true };
  for (const c of [2, 3, 4]) t.getColumn(c).numFmt = MONEY_FMT;
  t.getColumn(1).width = 50;
  for (const c of [2, 3, 4]) t.getColumn(c).width = 20;

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { bytes, fileName: `du-toan-ke-hoach-${plan.year}.xlsx` };
}

/**
 * The draft "Tờ trình" to the province's People's Committee asking it to approve the consolidated estimate (plan 54
 * V.1.d, V.2), in the layout of Decree 30/2020: issued by the unit of the chain's first step, else the DX office's
 * agency in force today (province settings, issue 15); the committee, header and place are the province's own.
 */
export async function exportBudgetDocx({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  const { plan, lines, totals } = await budgetTotals({ ctx, planId });
  const today = localDateOf(ctx.now);
  const { chain } = await loadChain(ctx, plan.provinceId);
  const words = await provinceSettingsInForce(ctx.db, plan.provinceId, today);
  const first = chain[0];
  const issuer = first?.unitId
    ? await unitNameOf(ctx.db, first.unitId)
    : (words.dx_office_agency?.name ?? 'Cơ quan thường trực chuyển đổi số');
  const province = await unitNameOf(ctx.db, plan.provinceId);
  const committeeName = committeeNameOf(words, province);
  const consolidated = lines.filter(isConsolidated);
  const bytes = await renderBudgetSubmissionDocx({
    committeeName,
    issuerParent: `UBND ${committeeName.replace(/^Ủy ban nhân dân\s+/iu, '').toLocaleUpperCase('vi')}`,
    issuerName: issuer,
    place: plan.place ?? words.report_defaults?.place ?? province.replace(/^(Thành phố|Tỉnh)\s+/i, ''),
    date: today,
    planRef: plan.code ?? plan.title,
    planTitle: plan.title,
    planYear: plan.year,
    total: totals.consolidated,
    bySource: totals.bySource
      .filter((r) => r.consolidated > 0)
      .map((r) => ({ label: r.label, amount: r.consolidated })),
    byUnit: totals.byUnit
      .filter((r) => r.consolidated > 0)
      .map((r) => ({ label: r.label, amount: r.consolidated })),
    lineCount: consolidated.length,
    unitCount: new Set(consolidated.map((l) => l.unitId)).size,
  });
  return { bytes, fileName: `to-trinh-du-toan-${plan.year}.docx`, formatted: formatVnd(totals.consolidated) };
}
