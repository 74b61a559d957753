import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsolidatedLayout } from '@dx/domain';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DECREE30 } from '../../../exports/plan-docx';

/*
 * The consolidated report as PDF, drawn directly with pdfmake like the plan export (exports/plan-pdf.ts): Liberation
 * Serif 2.1.5 (metric-compatible with Times New Roman, covers U+1EA0–U+1EF9) from apps/server/assets/fonts. No
 * LibreOffice round trip, so it takes milliseconds.
 */

/** apps/server/assets/fonts (the same folder exports/plan-pdf.ts uses). */
const FONT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../assets/fonts');

let configured = false;
function configure() {
  if (configured) return;
  // The same fonts and file policy the plan export sets (pdfmake is a process-wide singleton; setting twice is harmless).
  pdfmake.setFonts({
    TimesNewRoman: {
      normal: resolve(FONT_DIR, 'LiberationSerif-Regular.ttf'),
      bold: resolve(FONT_DIR, 'LiberationSerif-Bold.ttf'),
      italics: resolve(FONT_DIR, 'LiberationSerif-Italic.ttf'),
      bolditalics: resolve(FONT_DIR, 'LiberationSerif-BoldItalic.ttf'),
    },
  });
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

const mm = (v: number) => (v * 72) / 25.4;
const M = DECREE30.margins;
const rule = (width: number, columnWidth: number): Content => ({
  canvas: [
    {
      type: 'line',
      x1: (columnWidth - width) / 2,
      y1: 1,
      x2: (columnWidth + width) / 2,
      y2: 1,
      lineWidth: 0.6,
    },
  ],
  margin: [0, 1, 0, 4],
});

/**
 * pdfmake breaks lines after "/" and "-" and widens those breaks in justified text ("54/ KH- UBND"): codes are printed
 * as unbreakable pieces, as exports/plan-pdf.ts does.
 */
function keepCodesWhole(text: string): Content {
  const parts = text.split(/(\S*\S[/-]\S+)/u).filter((p) => p !== '');
  if (parts.length === 1) return text;
  return parts.map((p) => (/\S[/-]\S/u.test(p) ? { text: p, noWrap: true } : p)) as Content;
}

/** Renders the laid-out report as PDF bytes. Pure. */
export async function renderConsolidatedPdf(L: ConsolidatedLayout): Promise<Buffer> {
  configure();
  const textWidth = mm(210 - M.left - M.right);
  const leftW = textWidth * 0.4;
  const rightW = textWidth - leftW;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [mm(M.left), mm(M.top), mm(M.right), mm(M.bottom)],
    defaultStyle: { font: 'TimesNewRoman', fontSize: DECREE30.body, lineHeight: 1.1 },
    info: { title: `${L.docType} ${L.subject}`, creator: 'dx-comms' },
    header: (currentPage: number) =>
      currentPage > 1
        ? {
            text: String(currentPage),
            alignment: 'center',
            fontSize: DECREE30.body,
            margin: [0, mm(8), 0, 0],
          }
        : null,
    content: [
      {
        table: {
          widths: [leftW, rightW],
          body: [
            [
              {
                stack: [
                  ...L.issuer.map((line) => ({
                    text: line,
                    bold: true,
                    fontSize: DECREE30.header,
                    alignment: 'center' as const,
                  })),
                  rule(leftW * 0.35, leftW - 8),
                  {
                    text: L.numberLine,
                    fontSize: DECREE30.header,
                    alignment: 'center',
                    margin: [0, 4, 0, 0],
                  },
                ],
              },
              {
                stack: [
                  { text: L.nationalTitle, bold: true, fontSize: DECREE30.header, alignment: 'center' },
                  { text: L.motto, bold: true, fontSize: DECREE30.motto, alignment: 'center' },
                  rule(rightW * 0.55, rightW - 8),
                  {
                    text: L.placeAndDate,
                    italics: true,
                    fontSize: DECREE30.body,
                    alignment: 'center',
                    margin: [0, 4, 0, 0],
                  },
                ],
              },
            ],
          ],
        },
        layout: 'noBorders',
      },
      { text: L.docType, bold: true, alignment: 'center', margin: [0, 18, 0, 0] },
      { text: L.subject, bold: true, alignment: 'center', margin: [mm(10), 0, mm(10), 0] },
      rule(mm(40), textWidth),
      ...L.body.map((b): Content => {
        if (b.kind === 'table')
          return {
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
          };
        const isHeading = b.kind === 'part' || b.kind === 'section';
        return {
          text: keepCodesWhole(b.text),
          bold: isHeading,
          alignment: 'justify',
          leadingIndent: mm(DECREE30.indentMm),
          margin: [0, isHeading ? 4 : 0, 0, 5],
          ...(isHeading && { headlineLevel: 1 }),
        };
      }),
      {
        table: {
          widths: [leftW + 10, rightW - 10],
          dontBreakRows: true,
          body: [
            [
              {
                stack: [
                  { text: 'Nơi nhận:', bold: true, italics: true, fontSize: DECREE30.recipientsLabel },
                  ...L.recipients.map((r) => ({ text: `- ${r}`, fontSize: DECREE30.recipients })),
                ],
              },
              {
                stack: [
                  ...L.signature.map((s) => ({ text: s, bold: true, alignment: 'center' as const })),
                  { text: L.signer, bold: true, alignment: 'center', margin: [0, 60, 0, 0] },
                ],
              },
            ],
          ],
        },
        layout: 'noBorders',
        margin: [0, 10, 0, 0],
        unbreakable: true,
      },
    ],
    pageBreakBefore: (node, following) =>
      node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
  };
  return pdfmake.createPdf(definition).getBuffer();
}
