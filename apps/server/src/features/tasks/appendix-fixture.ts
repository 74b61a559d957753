import ExcelJS from 'exceljs';

/** Test fixture: an appendix sheet as provinces write it (plan 54 III), a title row above the header. Base64. */
export async function appendixXlsx(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC: DANH MỤC NHIỆM VỤ TRUYỀN THÔNG VỀ CHUYỂN ĐỔI SỐ NĂM 2023']);
  ws.addRow([
    'STT',
    'Nhiệm vụ',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời gian thực hiện',
    'Sản phẩm',
    'Kinh phí',
    'Ghi chú',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
