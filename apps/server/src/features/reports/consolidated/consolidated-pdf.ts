import type { ConsolidatedLayout } from '@dx/domain';
import type { Content } from 'pdfmake/interfaces';
import { bodyParagraph, renderDecree30Pdf } from '../../../exports/decree30-pdf';

/*
 * The consolidated report as PDF: the Decree 30 frame shared with the plan export (exports/decree30-pdf.ts), plus
 * bordered figure tables.
 */

/** Renders the laid-out report as PDF bytes. Pure. */
export async function renderConsolidatedPdf(L: ConsolidatedLayout): Promise<Buffer> {
  const body = L.body.map(
    (b): Content =>
      b.kind === 'table'
        ? {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: b.widths.map((w) => `${w}%`),
              body: [
                b.columns.map((c) => ({ text: c, bold: true, alignment: 'center' as const })),
                ...b.rows.map((r) =>
                  r.map((c, i) => ({
                    text: c,
                    alignment: i > 0 && c.length < 24 ? ('center' as const) : ('left' as const),
                  })),
                ),
              ],
            },
            fontSize: 11,
            margin: [0, 2, 0, 8],
          }
        : bodyParagraph(b.text, b.kind === 'part' || b.kind === 'section'),
  );
  return renderDecree30Pdf(L, body);
}
