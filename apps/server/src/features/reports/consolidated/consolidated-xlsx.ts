import {
  type ConsolidatedData,
  describeSource,
  formatDateVi,
  TARGET_STATUS_LABELS_VI,
  UNIT_REPORT_STATUS_VI,
} from '@dx/domain';
import ExcelJS from 'exceljs';

/**
 * The annex of the consolidated report (.xlsx): sheet 1 the targets as the report states them (raw numbers, so a
 * figure reads back exactly); sheet 2 one row per unit: its report status and, per target, its own subjects due,
 * achieved and the rate; sheet 3 publications by theme. Pure: data → bytes.
 */
export async function renderConsolidatedXlsx(d: ConsolidatedData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dx-comms';
  const title = `Phụ lục: kết quả ${d.period.label} (${formatDateVi(d.period.from)} – ${formatDateVi(d.period.to)}), số liệu tính đến ngày ${formatDateVi(d.figuresDate)}`;

  const ts = wb.addWorksheet('Chỉ tiêu');
  ts.addRow([title]).font = { bold: true };
  const th = ts.addRow([
    'Mã',
    'Chỉ tiêu',
    'Kết quả',
    'Đơn vị',
    'Mục tiêu',
    'Đánh giá',
    'Số đối tượng',
    'Thuộc diện tính',
    'Đạt',
    'Cách tính',
    'Nguồn số liệu',
  ]);
  th.font = { bold: true };
  for (const t of d.targets)
    ts.addRow([
      t.code,
      t.text,
      t.value,
      t.isCount ? 'số lượng' : '%',
      t.goalText,
      TARGET_STATUS_LABELS_VI[t.status],
      t.population,
      t.due,
      t.achieved,
      t.formula ?? '',
      describeSource(t),
    ]);
  ts.columns.forEach((c, i) => {
    c.width = [8, 50, 10, 10, 10, 16, 12, 14, 8, 60, 40][i];
  });

  const us = wb.addWorksheet('Theo đơn vị');
  us.addRow([title]).font = { bold: true };
  const h1 = us.addRow([
    'STT',
    'Đơn vị',
    'Loại',
    'Tình trạng báo cáo',
    'Ngày gửi',
    ...d.targets.flatMap((t) => [`${t.code}: thuộc diện`, `${t.code}: đạt`, `${t.code}: kết quả`]),
  ]);
  h1.font = { bold: true };
  h1.alignment = { wrapText: true, vertical: 'middle' };
  d.units.forEach((u, i) => {
    us.addRow([
      i + 1,
      u.unitName,
      u.unitType,
      // The same labels as the unit table of the DOCX/PDF report.
      UNIT_REPORT_STATUS_VI[u.reportStatus] ?? u.reportStatus,
      u.submittedAt ? new Date(u.submittedAt) : null,
      ...u.targets.flatMap((t) => [t.due, t.achieved, t.value]),
    ]);
  });
  us.getColumn(2).width = 40;
  us.getColumn(4).width = 22;
  us.getColumn(5).numFmt = 'dd/mm/yyyy';
  us.getColumn(5).width = 12;

  const th2 = wb.addWorksheet('Theo nội dung');
  th2.addRow([title]).font = { bold: true };
  th2.addRow(['Mã', 'Nội dung tuyên truyền', 'Số tin, bài']).font = { bold: true };
  for (const t of d.publications.byTheme) th2.addRow([t.code, t.name, t.count]);
  th2.addRow(['', 'Tổng số tin, bài trong kỳ', d.publications.total]);
  th2.addRow(['', 'Trong đó về chuyển đổi số', d.publications.dx]);
  th2.getColumn(2).width = 70;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
