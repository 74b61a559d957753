import { formatDateVi, formatVnd } from '@dx/domain';
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DECREE30 } from '../../exports/plan-docx';

export type BudgetSubmission = {
  provinceName: string;
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

const half = (pt: number) => pt * 2;
const TEXT_WIDTH = convertMillimetersToTwip(210 - DECREE30.margins.left - DECREE30.margins.right);
const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: half(o.size ?? DECREE30.body) });
const centred = (
  text: string,
  o: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {},
) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [run(text, o)],
  });
const body = (text: string, o: { bold?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(DECREE30.indentMm) },
    spacing: { after: 120, line: 300 },
    children: [run(text, o)],
  });
const rule = (col: number, len: number) =>
  new Paragraph({
    indent: { left: Math.round((col - len) / 2), right: Math.round((col - len) / 2) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after: 0, line: 240 },
    children: [new TextRun({ text: '', size: 4 })],
  });
const cell = (children: Paragraph[], w: number, borders = TableBorders.NONE) =>
  new TableCell({ children, width: { size: w, type: WidthType.DXA }, borders });

/**
 * The draft "Tờ trình" (submission) asking the People's Committee to approve the consolidated budget estimate, in the
 * layout of Nghị định 30/2020/NĐ-CP (Phụ lục III, mẫu 1.4 "Tờ trình"): issuer and national title in two columns,
 * number "Số: …/TTr-…", place and date, "TỜ TRÌNH" and its subject, "Kính gửi", the body, "Nơi nhận" and the
 * signature block. Pure: data → bytes; numbers are left blank for the issuer's clerical office to fill in.
 */
export async function renderBudgetSubmissionDocx(d: BudgetSubmission): Promise<Buffer> {
  const left = Math.round(TEXT_WIDTH * 0.38);
  const right = TEXT_WIDTH - left;
  const [y, m, day] = d.date.split('-');
  const header = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centred(
                d.provinceName
                  .toUpperCase()
                  .replace(/^THÀNH PHỐ/, 'UBND THÀNH PHỐ')
                  .replace(/^TỈNH/, 'UBND TỈNH'),
                { size: DECREE30.header },
              ),
              centred(d.issuerName.toUpperCase(), { bold: true, size: DECREE30.header }),
              rule(left, Math.round(left * 0.35)),
              centred('Số:      /TTr-', { size: DECREE30.header }),
            ],
            left,
          ),
          cell(
            [
              centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: DECREE30.header }),
              centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: DECREE30.motto }),
              rule(right, Math.round(right * 0.55)),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: 120 },
                children: [run(`${d.place}, ngày ${day} tháng ${m} năm ${y}`, { italics: true })],
              }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
  const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
  const grid = { top: thin, bottom: thin, left: thin, right: thin };
  const moneyTable = (rows: { label: string; amount: number }[]) =>
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [Math.round(TEXT_WIDTH * 0.65), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.65)],
      rows: [
        ...rows.map(
          (r) =>
            new TableRow({
              children: [
                cell(
                  [new Paragraph({ children: [run(r.label, { size: 13 })] })],
                  Math.round(TEXT_WIDTH * 0.65),
                  grid,
                ),
                cell(
                  [
                    new Paragraph({
                      alignment: AlignmentType.RIGHT,
                      children: [run(formatVnd(r.amount), { size: 13 })],
                    }),
                  ],
                  TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.65),
                  grid,
                ),
              ],
            }),
        ),
        new TableRow({
          children: [
            cell(
              [new Paragraph({ children: [run('Tổng cộng', { bold: true, size: 13 })] })],
              Math.round(TEXT_WIDTH * 0.65),
              grid,
            ),
            cell(
              [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  children: [run(formatVnd(d.total), { bold: true, size: 13 })],
                }),
              ],
              TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.65),
              grid,
            ),
          ],
        }),
      ],
    });
  const signature = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left + 400, right - 400],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({
                children: [run('Nơi nhận:', { bold: true, italics: true, size: DECREE30.recipientsLabel })],
              }),
              ...['Như trên;', 'Sở Tài chính;', 'Lưu: VT.'].map(
                (r) => new Paragraph({ children: [run(`- ${r}`, { size: DECREE30.recipients })] }),
              ),
            ],
            left + 400,
          ),
          cell(
            [centred('GIÁM ĐỐC', { bold: true }), ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] }))],
            right - 400,
          ),
        ],
      }),
    ],
  });
  const doc = new Document({
    creator: 'dx-comms',
    title: `Tờ trình dự toán kinh phí ${d.planRef}`,
    styles: { default: { document: { run: { font: DECREE30.font, size: half(DECREE30.body) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(DECREE30.margins.top),
              bottom: convertMillimetersToTwip(DECREE30.margins.bottom),
              left: convertMillimetersToTwip(DECREE30.margins.left),
              right: convertMillimetersToTwip(DECREE30.margins.right),
            },
          },
        },
        children: [
          header,
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centred('TỜ TRÌNH', { bold: true }),
          centred(`Về việc phê duyệt dự toán kinh phí thực hiện Kế hoạch ${d.planRef}`, { bold: true }),
          rule(TEXT_WIDTH, convertMillimetersToTwip(40)),
          new Paragraph({
            spacing: { before: 240, after: 240 },
            alignment: AlignmentType.CENTER,
            children: [run(`Kính gửi: Ủy ban nhân dân ${d.provinceName}.`)],
          }),
          body(`Căn cứ Kế hoạch ${d.planRef} (${d.planTitle});`),
          body(
            `Trên cơ sở dự toán của ${d.unitCount} cơ quan, đơn vị (${d.lineCount} nội dung chi) đã được tổng hợp và thẩm định, ${d.issuerName} kính trình Ủy ban nhân dân ${d.provinceName} xem xét, phê duyệt dự toán kinh phí thực hiện Kế hoạch năm ${d.planYear} với tổng số tiền ${formatVnd(d.total)}, cụ thể như sau:`,
          ),
          body('1. Theo nguồn kinh phí', { bold: true }),
          moneyTable(d.bySource),
          body('2. Theo cơ quan, đơn vị', { bold: true }),
          moneyTable(d.byUnit),
          body(`(Chi tiết tại Biểu tổng hợp dự toán kèm theo, lập ngày ${formatDateVi(d.date)}.)`),
          body(`${d.issuerName} kính trình Ủy ban nhân dân ${d.provinceName} xem xét, quyết định./.`),
          new Paragraph({ children: [] }),
          signature,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
