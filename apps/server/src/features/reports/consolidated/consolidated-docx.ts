import type { ConsolidatedLayout, ReportBlock } from '@dx/domain';
import { AlignmentType, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { bodyParagraph, decree30Document, run, TEXT_WIDTH } from '../../../exports/decree30-docx';

/*
 * The consolidated report as a DOCX "Báo cáo" (Nghị định 30/2020/NĐ-CP, Phụ lục I): the Decree 30 frame shared with
 * the plan export (exports/decree30-docx.ts), plus bordered figure tables.
 */

const TABLE_PT = 12;

function figureTable(b: Extract<ReportBlock, { kind: 'table' }>): Table {
  const widths = b.widths.map((w) => Math.round((TEXT_WIDTH * w) / 100));
  // Lean cells (widths come from the table grid, padding from the table): a 300-unit annex has ~2,700 of them and
  // the docx object model costs per object.
  const cellOf = (text: string, i: number, isHeader: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: isHeader || (i > 0 && text.length < 24) ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { bold: isHeader || undefined, size: TABLE_PT })],
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
  const body = L.body.flatMap((b): (Paragraph | Table)[] =>
    b.kind === 'table'
      ? [figureTable(b), new Paragraph({ spacing: { after: 120 }, children: [] })]
      : [bodyParagraph(b.text, b.kind === 'part' || b.kind === 'section')],
  );
  return Packer.toBuffer(decree30Document(L, body));
}
