import { importColumnChoices, importColumnHelp, RECORD_IMPORT_SPECS, type RecordType } from '@dx/domain';
import ExcelJS from 'exceljs';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { loadImportLookups } from './import-records';

/** Excel refuses list validations longer than this many rows in practice; longer lists stay a plain sheet. */
const MAX_VALIDATION_ROWS = 5000;

/**
 * The template of a record type, the way units receive templates: sheet 1 for the data (headers only, choice
 * columns offer a drop-down list), "Hướng dẫn" (how to fill each column, an example row), "Danh sách" (the valid
 * values: choices, and the province's units, themes, channels, models and people the rows may name).
 */
export async function importTemplate({
  ctx,
  type,
  provinceId,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  /** Without a province the lists hold the choices only. */
  provinceId?: string;
}): Promise<{ bytes: Buffer; fileName: string }> {
  if (provinceId) authorizeProvince(ctx, 'record.read', provinceId);
  const spec = RECORD_IMPORT_SPECS[type];
  const lookups = provinceId
    ? await loadImportLookups(ctx, type, provinceId)
    : { units: [], themes: [], channels: [], models: [], people: [], vocabularies: undefined };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống theo dõi chuyển đổi số';
  const data = wb.addWorksheet(spec.sheetName);
  const help = wb.addWorksheet('Hướng dẫn');
  const lists = wb.addWorksheet('Danh sách');

  data.addRow(spec.columns.map((c) => c.header));
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  spec.columns.forEach((c, i) => {
    const column = data.getColumn(i + 1);
    column.width = Math.min(50, Math.max(14, c.header.length + 2));
    // Text cells stay text (a phone number keeps its leading 0, "01/KH" is not read as a date).
    if (['phone', 'documentNumber', 'fullName', 'title', 'name'].includes(c.key)) column.numFmt = '@';
  });

  help.addRow([`Mẫu nhập ${spec.title} từ Excel`]).font = { bold: true, size: 13 };
  help.addRow([
    `Điền từ dòng 2 của trang "${spec.sheetName}", mỗi dòng một hồ sơ; giữ nguyên dòng tiêu đề. Tải tệp lên, xem kết quả kiểm tra từng dòng rồi xác nhận: các dòng hợp lệ được lưu cùng lúc. Tên đơn vị, chủ đề, kênh không cần gõ dấu. Giá trị hợp lệ xem ở trang "Danh sách".`,
  ]);
  help.addRow([]);
  const head = help.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ']);
  head.font = { bold: true };
  for (const c of spec.columns)
    help.addRow([
      c.header,
      c.required ? 'có' : 'không',
      importColumnHelp(type, c, lookups.vocabularies),
      c.example,
    ]);
  help.getColumn(1).width = 40;
  help.getColumn(2).width = 10;
  help.getColumn(3).width = 90;
  help.getColumn(4).width = 40;
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };

  // The lists: one column per list, header in row 1.
  const columns: { title: string; values: string[]; forKey?: string }[] = [];
  for (const c of spec.columns) {
    // A vocabulary column lists the province's own terms (issue 16), the others their fixed choices.
    const choices = importColumnChoices(type, c, lookups.vocabularies);
    if (choices)
      columns.push({
        title: c.header.replace(/\s*\(.*$/, ''),
        values: choices.map((x) => x.label),
        forKey: c.key,
      });
  }
  const byName = (a: string, b: string) => a.localeCompare(b, 'vi');
  const lookupColumns = new Set(spec.columns.map((c) => c.lookup).filter(Boolean));
  if (lookupColumns.has('unit'))
    columns.push({
      title: 'Đơn vị',
      values: lookups.units
        .map((u) =>
          lookups.units.filter((x) => x.name === u.name).length > 1 && u.parentName
            ? `${u.name} (${u.parentName})`
            : u.name,
        )
        .sort(byName),
    });
  if (lookupColumns.has('theme'))
    columns.push({ title: 'Chủ đề (mã — tên)', values: lookups.themes.map((t) => `${t.code} — ${t.title}`) });
  if (lookupColumns.has('channel'))
    columns.push({ title: 'Kênh', values: [...new Set(lookups.channels.map((c) => c.name))].sort(byName) });
  if (lookupColumns.has('model'))
    columns.push({
      title: 'Mô hình CĐS',
      values: [...new Set(lookups.models.map((m) => m.name))].sort(byName),
    });
  if (lookupColumns.has('person'))
    columns.push({
      title: 'Người làm tin',
      values: [...new Set(lookups.people.map((p) => p.fullName))].sort(byName),
    });
  columns.forEach((col, i) => {
    const column = lists.getColumn(i + 1);
    column.width = 40;
    lists.getCell(1, i + 1).value = col.title;
    lists.getCell(1, i + 1).font = { bold: true };
    col.values.forEach((v, r) => {
      lists.getCell(r + 2, i + 1).value = v;
    });
    if (
      col.forKey &&
      col.values.length > 0 &&
      col.values.length < MAX_VALIDATION_ROWS &&
      col.forKey !== 'tags'
    ) {
      const letter = column.letter;
      const at = spec.columns.findIndex((c) => c.key === col.forKey) + 1;
      const dataLetter = data.getColumn(at).letter;
      // A drop-down on the data sheet; other spellings are still accepted (warning, not refusal).
      (
        data as unknown as { dataValidations: { add: (ref: string, v: ExcelJS.DataValidation) => void } }
      ).dataValidations.add(`${dataLetter}2:${dataLetter}2000`, {
        type: 'list',
        allowBlank: true,
        showErrorMessage: false,
        formulae: [`'Danh sách'!$${letter}$2:$${letter}$${col.values.length + 1}`],
      });
    }
  });
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: spec.fileName };
}
