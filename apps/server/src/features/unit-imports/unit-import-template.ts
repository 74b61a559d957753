import { KNOWN_TYPES_TEXT, UNITS_TEMPLATE_HEADERS } from '@dx/domain';
import ExcelJS from 'exceljs';

/**
 * The template for importing units (issue 15): sheet 1 with the platform's four columns, "Hướng dẫn" with how to
 * fill each and example rows. The statistics office's list is accepted as published, without this template.
 * The examples name no real province: the file is the same for every province.
 */
export async function unitImportTemplate(): Promise<{ bytes: Buffer; fileName: string }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hệ thống theo dõi chuyển đổi số';
  const data = wb.addWorksheet('Đơn vị');
  const help = wb.addWorksheet('Hướng dẫn');
  data.addRow([...UNITS_TEMPLATE_HEADERS]);
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  [12, 50, 22, 50].forEach((w, i) => {
    data.getColumn(i + 1).width = w;
  });
  // Codes stay text: "00004" keeps its zeros.
  data.getColumn(1).numFmt = '@';

  help.addRow(['Mẫu nhập danh sách đơn vị']).font = { bold: true, size: 13 };
  help.addRow([
    'Điền từ dòng 2 của trang "Đơn vị", mỗi dòng một đơn vị; giữ nguyên dòng tiêu đề. Tải tệp lên để chạy thử: mỗi dòng được hiểu hoặc giải thích lỗi; sửa và tải lại; chọn ngày hiệu lực rồi xác nhận — tất cả các đơn vị được tạo cùng lúc, hoặc không đơn vị nào. Cũng nhận danh mục hành chính của Tổng cục Thống kê (cột Mã PX, Phường Xã, Cấp…) như khi tải về.',
  ]);
  help.addRow([]);
  const head = help.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ']);
  head.font = { bold: true };
  help.addRow([
    'Mã',
    'không',
    'Mã chính thức (mã ĐVHC của Tổng cục Thống kê) nếu có; không trùng trong tỉnh',
    '10507',
  ]);
  help.addRow(['Tên đơn vị', 'có', 'Tên đầy đủ, kể cả chữ chỉ loại ("Xã …", "Sở …")', 'Xã An Bình']);
  help.addRow(['Loại', 'có', `Một trong: ${KNOWN_TYPES_TEXT}`, 'Xã']);
  help.addRow([
    'Đơn vị cấp trên',
    'không',
    'Tên đơn vị cấp trên (trong tệp hoặc đã có trên hệ thống); bỏ trống = trực thuộc tỉnh, thành phố. Không cần gõ dấu.',
    'Huyện An Bình',
  ]);
  help.addRow([]);
  help.addRow(['Ví dụ']).font = { bold: true };
  for (const r of [
    ['', 'Sở Nội vụ', 'Sở', ''],
    ['', 'Báo tỉnh', 'Cơ quan báo chí', ''],
    ['001', 'Huyện An Bình', 'Huyện', ''],
    ['00004', 'Xã An Bình', 'Xã', 'Huyện An Bình'],
    ['', 'Trường THCS An Bình', 'Trường', 'Xã An Bình'],
    ['', 'Hội Nông dân', 'Hội', ''],
  ])
    help.addRow(r);
  help.getColumn(1).width = 20;
  help.getColumn(2).width = 40;
  help.getColumn(3).width = 90;
  help.getColumn(4).width = 30;
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: 'mau-nhap-don-vi.xlsx' };
}
