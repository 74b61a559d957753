import { type AppendixLayout, blockText, layoutPlan, type PlanDocument } from '@dx/domain';
import { AlignmentType, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { bodyParagraph, centred, decree30Document, LANDSCAPE_TEXT_WIDTH, run } from './decree30-docx';

const TABLE_PT = 12;

/** The appendix of tasks: title lines, then the bordered table with its group rows spanning every column. */
function appendixContent(A: AppendixLayout): (Paragraph | Table)[] {
  const widths = A.widths.map((w) => Math.round((LANDSCAPE_TEXT_WIDTH * w) / 100));
  const para = (text: string, o: { bold?: boolean; centre?: boolean } = {}) =>
    new Paragraph({
      alignment: o.centre ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [run(text, { bold: o.bold, size: TABLE_PT })],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: A.columns.map((c) => new TableCell({ children: [para(c, { bold: true, centre: true })] })),
  });
  const rows = A.rows.map((r) =>
    r.kind === 'group'
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ columnSpan: A.columns.length, children: [para(r.text, { bold: true })] }),
          ],
        })
      : new TableRow({
          cantSplit: true,
          children: r.cells.map(
            (c, i) => new TableCell({ children: [para(c, { centre: i === 0 || i === 4 })] }),
          ),
        }),
  );
  return [
    centred(A.title, { bold: true }),
    centred(A.subtitle, { bold: true }),
    centred(A.attachedTo, { italics: true }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    new Table({
      width: { size: LANDSCAPE_TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      rows: [header, ...rows],
    }),
  ];
}

/**
 * Renders a plan as a DOCX in the format of Nghị định 30/2020/NĐ-CP; with its appendix of tasks (a landscape
 * section) when it has tasks. Pure: plan → bytes.
 */
export async function renderPlanDocx(
  doc: PlanDocument,
  appendix: AppendixLayout | null = null,
): Promise<Buffer> {
  const L = layoutPlan(doc);
  const body = L.body.map((b) => bodyParagraph(blockText(b), b.kind === 'part' || b.kind === 'section'));
  return Packer.toBuffer(
    decree30Document(L, body, undefined, appendix ? appendixContent(appendix) : undefined),
  );
}
