import { type AppendixLayout, blockText, layoutPlan, type PlanDocument } from '@dx/domain';
import type { Content } from 'pdfmake/interfaces';
import { bodyParagraph, renderDecree30Pdf } from './decree30-pdf';

/** The appendix of tasks on a new landscape page: title lines, then the table with its group rows spanning it. */
function appendixContent(A: AppendixLayout): Content[] {
  const span = A.columns.length;
  return [
    { text: A.title, bold: true, alignment: 'center', pageBreak: 'before', pageOrientation: 'landscape' },
    { text: A.subtitle, bold: true, alignment: 'center' },
    { text: A.attachedTo, italics: true, alignment: 'center', margin: [0, 0, 0, 8] },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: A.widths.map((w) => `${w}%`),
        body: [
          A.columns.map((c) => ({ text: c, bold: true, alignment: 'center' as const })),
          ...A.rows.map((r) =>
            r.kind === 'group'
              ? [{ text: r.text, bold: true, colSpan: span }, ...Array.from({ length: span - 1 }, () => ({}))]
              : r.cells.map((c, i) => ({
                  text: c,
                  alignment: i === 0 || i === 4 ? ('center' as const) : ('left' as const),
                })),
          ),
        ],
      },
      fontSize: 12,
    },
  ];
}

/**
 * Renders a plan as a PDF in the format of Nghị định 30/2020/NĐ-CP; with its appendix of tasks (landscape pages)
 * when it has tasks. Pure: plan → bytes.
 */
export async function renderPlanPdf(
  doc: PlanDocument,
  appendix: AppendixLayout | null = null,
): Promise<Buffer> {
  const L = layoutPlan(doc);
  return renderDecree30Pdf(
    L,
    L.body.map((b) => bodyParagraph(blockText(b), b.kind === 'part' || b.kind === 'section')),
    appendix ? appendixContent(appendix) : [],
  );
}
