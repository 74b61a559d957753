import ExcelJS from 'exceljs';
import type { UseCaseContext } from '../../use-case/context';
import { loadPeriod } from '../reports/load-report';
import { getDataGrid } from './get-data-grid';

const UNIT_WORDS: Record<string, string> = {
  count: 'số lượng',
  people: 'người',
  households: 'hộ',
  percent: '%',
  vnd: 'đồng',
};

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Words of an item's own period inside a report period: "tháng 1/2023", "quý II/2023", "6 tháng cuối năm 2023". */
export function slotWords(frequency: string, from: string): string {
  const y = from.slice(0, 4);
  const m = Number(from.slice(5, 7));
  if (frequency === 'month') return `tháng ${m}/${y}`;
  if (frequency === 'quarter') return `quý ${ROMAN[Math.floor((m - 1) / 3)]}/${y}`;
  if (frequency === 'half_year') return m <= 6 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
  return `năm ${y}`;
}

/**
 * The header of a value's column: the item's name, unit and code in brackets (the code is what the import reads);
 * an item asked more than once in the period (a monthly item in a quarter) also names its own period, and its code
 * carries the period's first day ("[code@2023-02-01]").
 */
export const itemHeader = (
  i: { nameVi: string; unitOfMeasure: string; code: string; frequency?: string },
  slot?: { periodFrom: string; isWhole: boolean },
) => {
  const base = `${i.nameVi} (${UNIT_WORDS[i.unitOfMeasure] ?? i.unitOfMeasure})`;
  if (!slot || slot.isWhole) return `${base} [${i.code}]`;
  return `${base} — ${slotWords(i.frequency ?? '', slot.periodFrom)} [${i.code}@${slot.periodFrom}]`;
};
export const UNIT_ID_HEADER = 'Mã đơn vị (không sửa)';
export const UNIT_NAME_HEADER = 'Đơn vị';

/**
 * The Excel template of a period's figures (issue 16): one row per unit that must report (its id in column A, its
 * name in B), one column per item of the period, values already entered filled in; "Hướng dẫn" explains each column.
 */
export async function dataValuesTemplate({ ctx, periodId }: { ctx: UseCaseContext; periodId: string }) {
  // The DX office collects units' sheets (a unit enters its own figures in its report or its grid).
  await loadPeriod(ctx, periodId, 'report.manage');
  const grid = await getDataGrid({ ctx, periodId });
  const itemOf = new Map(grid.items.map((i) => [i.id, i]));
  const headers = grid.columns.map((c) =>
    itemHeader(itemOf.get(c.itemId)!, {
      periodFrom: c.periodFrom,
      isWhole: c.periodFrom === grid.period.periodFrom && c.periodTo === grid.period.periodTo,
    }),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống theo dõi chuyển đổi số';
  const sheet = wb.addWorksheet('Số liệu');
  const help = wb.addWorksheet('Hướng dẫn');
  sheet.addRow([UNIT_ID_HEADER, UNIT_NAME_HEADER, ...headers]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  sheet.getColumn(1).width = 38;
  sheet.getColumn(2).width = 40;
  headers.forEach((_, i) => {
    sheet.getColumn(i + 3).width = 28;
  });
  for (const u of grid.units)
    sheet.addRow([u.id, u.name, ...u.cells.map((c) => (c.value ? c.value.value : null))]);

  help.addRow([`Mẫu nhập số liệu — ${grid.period.label}`]).font = { bold: true, size: 13 };
  help.addRow([
    'Điền số liệu vào trang "Số liệu", mỗi dòng một đơn vị; giữ nguyên dòng tiêu đề và cột "Mã đơn vị". Ô để trống: không nhập. Tải tệp lên để chạy thử: mỗi dòng được giải thích; sửa và tải lại; xác nhận để ghi tất cả số liệu cùng lúc (hoặc không số liệu nào). Số liệu nhập vào ở trạng thái "đã gửi" để Văn phòng CĐS tiếp nhận.',
  ]);
  help.addRow([]);
  help.addRow(['Cột', 'Cách ghi']).font = { bold: true };
  help.addRow([
    UNIT_ID_HEADER,
    'Mã của đơn vị trên hệ thống, điền sẵn; để trống thì hệ thống tìm theo tên đơn vị',
  ]);
  help.addRow([UNIT_NAME_HEADER, 'Tên đơn vị']);
  for (const [k, c] of grid.columns.entries()) {
    const i = itemOf.get(c.itemId)!;
    help.addRow([
      headers[k],
      `Số không âm${i.unitOfMeasure === 'percent' ? ', không quá 100' : ''}${
        i.mayExceedPopulation ? '' : ', không vượt quá số liệu tổng của đơn vị'
      }; dùng dấu phẩy cho phần thập phân`,
    ]);
  }
  help.getColumn(1).width = 50;
  help.getColumn(2).width = 90;
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: 'mau-nhap-so-lieu.xlsx' };
}
