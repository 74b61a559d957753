import { formatDateVi, formatPlaceAndDate, formatVnd } from '@dx/domain';
import { AlignmentType, BorderStyle, Packer, Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  bodyParagraph,
  cell,
  type Decree30Frame,
  decree30Document,
  run,
  TEXT_WIDTH,
} from '../../exports/decree30-docx';

export type BudgetSubmission = {
  /** The People's Committee addressed, by its full name ("Ủy ban nhân dân tỉnh …", province settings). */
  committeeName: string;
  /** The issuer's parent line ("UBND TỈNH …"). */
  issuerParent: string;
  issuerName: string;
  place: string;
  date: string;
  planRef: string;
  planTitle: string;
  planYear: number;
  total: number;
  bySource: { label: string; amount: number }[];
  byUnit: { label: string; amount: number }[];
  lineCount: number;
  unitCount: number;
};

/**
 * The draft "Tờ trình" (submission) asking the People's Committee to approve the consolidated budget estimate, in the
 * layout of Nghị định 30/2020/NĐ-CP (Phụ lục III, mẫu 1.4 "Tờ trình"): issuer and national title in two columns,
 * number "Số: …/TTr-…", place and date, "TỜ TRÌNH" and its subject, "Kính gửi", the body, "Nơi nhận" and the
 * signature block. Pure: data → bytes; numbers are left blank for the issuer's clerical office to fill in.
 */
export async function renderBudgetSubmissionDocx(d: BudgetSubmission): Promise<Buffer> {
  const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
  const grid = { top: thin, bottom: thin, left: thin, right: thin };
  const labelW = Math.round(TEXT_WIDTH * 0.65);
  const amountW = TEXT_WIDTH - labelW;
  const moneyRow = (label: string, amount: number, bold?: boolean) =>
    new TableRow({
      children: [
        cell([new Paragraph({ children: [run(label, { bold, size: 13 })] })], labelW, grid),
        cell(
          [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [run(formatVnd(amount), { bold, size: 13 })],
            }),
          ],
          amountW,
          grid,
        ),
      ],
    });
  const moneyTable = (rows: { label: string; amount: number }[]) =>
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [labelW, amountW],
      rows: [...rows.map((r) => moneyRow(r.label, r.amount)), moneyRow('Tổng cộng', d.total, true)],
    });
  const frame: Decree30Frame = {
    issuerParent: d.issuerParent,
    issuer: [d.issuerName.toLocaleUpperCase('vi')],
    numberLine: 'Số:      /TTr-',
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeAndDate: formatPlaceAndDate(d.place, d.date),
    docType: 'TỜ TRÌNH',
    subject: `Về việc phê duyệt dự toán kinh phí thực hiện Kế hoạch ${d.planRef}`,
    recipients: ['Như trên;', 'Sở Tài chính;', 'Lưu: VT.'],
    signature: ['GIÁM ĐỐC'],
    signer: '',
  };
  const doc = decree30Document(
    frame,
    [
      new Paragraph({
        spacing: { after: 240 },
        alignment: AlignmentType.CENTER,
        children: [run(`Kính gửi: ${d.committeeName}.`)],
      }),
      bodyParagraph(`Căn cứ Kế hoạch ${d.planRef} (${d.planTitle});`),
      bodyParagraph(
        `Trên cơ sở dự toán của ${d.unitCount} cơ quan, đơn vị (${d.lineCount} nội dung chi) đã được tổng hợp và thẩm định, ${d.issuerName} kính trình ${d.committeeName} xem xét, phê duyệt dự toán kinh phí thực hiện Kế hoạch năm ${d.planYear} với tổng số tiền ${formatVnd(d.total)}, cụ thể như sau:`,
      ),
      bodyParagraph('1. Theo nguồn kinh phí', true),
      moneyTable(d.bySource),
      bodyParagraph('2. Theo cơ quan, đơn vị', true),
      moneyTable(d.byUnit),
      bodyParagraph(`(Chi tiết tại Biểu tổng hợp dự toán kèm theo, lập ngày ${formatDateVi(d.date)}.)`),
      bodyParagraph(`${d.issuerName} kính trình ${d.committeeName} xem xét, quyết định./.`),
    ],
    `Tờ trình dự toán kinh phí ${d.planRef}`,
  );
  return Packer.toBuffer(doc);
}
