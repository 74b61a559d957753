import type { ConsolidatedLayout, ReportBlock } from '@dx/domain';
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
import { DECREE30 } from '../../../exports/plan-docx';

/*
 * The consolidated report as a DOCX "Báo cáo" (Nghị định 30/2020/NĐ-CP, Phụ lục I): the same header, rules, fonts,
 * margins and signature block as the plan export (exports/plan-docx.ts), plus bordered figure tables.
 */

const half = (pt: number) => pt * 2;
const NO_BORDERS = TableBorders.NONE;
const TEXT_WIDTH = convertMillimetersToTwip(210 - DECREE30.margins.left - DECREE30.margins.right);
const TABLE_PT = 12;

const centred = (text: string, o: { bold?: boolean; italics?: boolean; size: number; after?: number }) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: half(o.size) })],
  });
const rule = (columnTwip: number, ruleTwip: number, after = 0) =>
  new Paragraph({
    indent: { left: Math.round((columnTwip - ruleTwip) / 2), right: Math.round((columnTwip - ruleTwip) / 2) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after, line: 240 },
    children: [new TextRun({ text: '', size: 4 })],
  });
const plainCell = (children: Paragraph[], widthTwip: number) =>
  new TableCell({ children, width: { size: widthTwip, type: WidthType.DXA }, borders: NO_BORDERS });

function figureTable(b: Extract<ReportBlock, { kind: 'table' }>): Table {
  const widths = b.widths.map((w) => Math.round((TEXT_WIDTH * w) / 100));
  // Lean cells (widths come from the table grid, padding from the table): a 300-unit annex has ~2,700 of them and
  // the docx object model costs per object.
  const cellOf = (text: string, i: number, isHeader: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: isHeader || (i > 0 && text.length < 24) ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: isHeader || undefined, size: half(TABLE_PT) })],
        }),
      ],
    });
  const row = (cells: string[], isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader || undefined,
      cantSplit: true,
      children: cells.map((text, i) => cellOf(text, i, isHeader)),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    rows: [row(b.columns, true), ...b.rows.map((r) => row(r, false))],
  });
}

/** Renders the laid-out report as DOCX bytes. Pure. */
export async function renderConsolidatedDocx(L: ConsolidatedLayout): Promise<Buffer> {
  const left = Math.round(TEXT_WIDTH * 0.38);
  const right = TEXT_WIDTH - left;
  const header = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          plainCell(
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
          plainCell(
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

  const body = L.body.flatMap((b): (Paragraph | Table)[] => {
    if (b.kind === 'table') return [figureTable(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
    const isHeading = b.kind === 'part' || b.kind === 'section';
    return [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: convertMillimetersToTwip(DECREE30.indentMm) },
        spacing: { before: isHeading ? 120 : 0, after: 120, line: 300 },
        keepNext: isHeading,
        children: [new TextRun({ text: b.text, bold: isHeading, size: half(DECREE30.body) })],
      }),
    ];
  });

  const signature = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left + 400, right - 400],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          plainCell(
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
          plainCell(
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
