import { blockText, layoutPlan, type PlanDocument } from '@dx/domain';
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** Font sizes in points and page geometry in millimetres, by Nghị định 30/2020/NĐ-CP, Phụ lục I, mục I. */
export const DECREE30 = {
  /** Times New Roman, Unicode (TCVN 6909:2001). */
  font: 'Times New Roman',
  body: 14,
  header: 13,
  motto: 14,
  recipientsLabel: 12,
  recipients: 11,
  /** A4; top, bottom 20–25 mm; left 30–35 mm; right 15–20 mm. */
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  /** First-line indent of body paragraphs (1–1.27 cm). */
  indentMm: 12.7,
} as const;

const half = (pt: number) => pt * 2; // docx sizes are in half-points
const NO_BORDERS = TableBorders.NONE;
const TEXT_WIDTH = convertMillimetersToTwip(210 - DECREE30.margins.left - DECREE30.margins.right);

const centred = (text: string, o: { bold?: boolean; italics?: boolean; size: number; after?: number }) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: half(o.size) })],
  });

/**
 * A short centred rule under the issuer's name, the motto and the subject (Phụ lục I, mục II.1–3): the top
 * border of an empty, tiny paragraph narrowed by indents, so the text above keeps its full width.
 */
const rule = (columnTwip: number, ruleTwip: number, after = 0) =>
  new Paragraph({
    indent: { left: Math.round((columnTwip - ruleTwip) / 2), right: Math.round((columnTwip - ruleTwip) / 2) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after, line: 240 },
    children: [new TextRun({ text: '', size: 4 })],
  });

const cell = (children: Paragraph[], widthTwip: number) =>
  new TableCell({ children, width: { size: widthTwip, type: WidthType.DXA }, borders: NO_BORDERS });

/** Renders a plan as a DOCX in the format of Nghị định 30/2020/NĐ-CP. Pure: plan → bytes. */
export async function renderPlanDocx(doc: PlanDocument): Promise<Buffer> {
  const L = layoutPlan(doc);
  // Left 38 %, right 62 %: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" must stay on one line at 13 pt bold.
  const left = Math.round(TEXT_WIDTH * 0.38);
  const right = TEXT_WIDTH - left;

  // Header: two borderless columns — issuer and number left; national title, motto, place and date right.
  const header = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    margins: { left: 0, right: 0 },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...L.issuer.map((line) => centred(line, { bold: true, size: DECREE30.header })),
              rule(left, Math.round(left * 0.35)),
              new Paragraph({
                spacing: { before: 60 },
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: L.numberLine, size: half(DECREE30.header) })],
              }),
            ],
            left,
          ),
          cell(
            [
              centred(L.nationalTitle, { bold: true, size: DECREE30.header }),
              centred(L.motto, { bold: true, size: DECREE30.motto }),
              rule(right, Math.round(right * 0.55)),
              new Paragraph({
                spacing: { before: 120 },
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: L.placeAndDate, italics: true, size: half(DECREE30.body) })],
              }),
            ],
            right,
          ),
        ],
      }),
    ],
  });

  const body = L.body.map((b) => {
    const isHeading = b.kind === 'part' || b.kind === 'section';
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: convertMillimetersToTwip(DECREE30.indentMm) },
      spacing: { before: isHeading ? 120 : 0, after: 120, line: 300 },
      keepNext: isHeading,
      children: [new TextRun({ text: blockText(b), bold: isHeading, size: half(DECREE30.body) })],
    });
  });

  const signature = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left + 400, right - 400],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({
                children: [
                  new TextRun({
                    text: 'Nơi nhận:',
                    bold: true,
                    italics: true,
                    size: half(DECREE30.recipientsLabel),
                  }),
                ],
              }),
              ...L.recipients.map(
                (r) =>
                  new Paragraph({
                    children: [new TextRun({ text: `- ${r}`, size: half(DECREE30.recipients) })],
                  }),
              ),
            ],
            left + 400,
          ),
          cell(
            [
              ...L.signature.map((s) => centred(s, { bold: true, size: DECREE30.body })),
              ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
              centred(L.signer, { bold: true, size: DECREE30.body }),
            ],
            right - 400,
          ),
        ],
      }),
    ],
  });

  const document = new Document({
    creator: 'dx-comms',
    title: `${L.docType} ${L.subject}`,
    styles: { default: { document: { run: { font: DECREE30.font, size: half(DECREE30.body) } } } },
    sections: [
      {
        properties: {
          // Page numbers centred in the top margin, not on the first page (Phụ lục I, mục I.6).
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(DECREE30.margins.top),
              bottom: convertMillimetersToTwip(DECREE30.margins.bottom),
              left: convertMillimetersToTwip(DECREE30.margins.left),
              right: convertMillimetersToTwip(DECREE30.margins.right),
              header: convertMillimetersToTwip(10),
              footer: convertMillimetersToTwip(10),
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: half(DECREE30.body) })],
              }),
            ],
          }),
        },
        children: [
          header,
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centred(L.docType, { bold: true, size: DECREE30.body }),
          centred(L.subject, { bold: true, size: DECREE30.body }),
          rule(TEXT_WIDTH, convertMillimetersToTwip(40), 240),
          ...body,
          new Paragraph({ children: [] }),
          signature,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
