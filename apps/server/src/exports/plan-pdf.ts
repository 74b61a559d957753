import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockText, layoutPlan, type PlanDocument } from '@dx/domain';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DECREE30 } from './plan-docx';

/**
 * Times New Roman is not free to ship; Liberation Serif 2.x is metric-compatible and covers Vietnamese
 * (U+1EA0–U+1EF9). The files live in the repository so a fresh `npm install && npm start` can render PDFs.
 */
export const FONT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/fonts');

let configured = false;
/** pdfmake is a process-wide singleton: fonts and file policies are set once. */
function configure() {
  if (configured) return;
  pdfmake.setFonts({
    TimesNewRoman: {
      normal: resolve(FONT_DIR, 'LiberationSerif-Regular.ttf'),
      bold: resolve(FONT_DIR, 'LiberationSerif-Bold.ttf'),
      italics: resolve(FONT_DIR, 'LiberationSerif-Italic.ttf'),
      bolditalics: resolve(FONT_DIR, 'LiberationSerif-BoldItalic.ttf'),
    },
  });
  // pdfmake 0.3 asks for a policy on files and URLs (ARCHITECTURE § Traps): only our font folder, no network.
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

const mm = (v: number) => (v * 72) / 25.4;
const M = DECREE30.margins;

/** A short centred rule (under the issuer's name, the motto and the subject: Phụ lục I, mục II.1–3). */
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
 * pdfmake breaks lines after "/" and "-" and, in justified text, widens those breaks ("03- NQ/ TU"). Document
 * codes and ranges (54/KH-UBND, 2022-2025) are printed as unbreakable pieces instead.
 */
function keepCodesWhole(text: string): Content {
  const parts = text.split(/(\S*\S[/-]\S+)/u).filter((p) => p !== '');
  if (parts.length === 1) return text;
  return parts.map((p) => (/\S[/-]\S/u.test(p) ? { text: p, noWrap: true } : p)) as Content;
}

/** Renders a plan as a PDF in the format of Nghị định 30/2020/NĐ-CP. Pure: plan → bytes. */
export async function renderPlanPdf(doc: PlanDocument): Promise<Buffer> {
  configure();
  const L = layoutPlan(doc);
  const textWidth = mm(210 - M.left - M.right);
  const leftW = textWidth * 0.4;
  const rightW = textWidth - leftW;

  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [mm(M.left), mm(M.top), mm(M.right), mm(M.bottom)],
    defaultStyle: { font: 'TimesNewRoman', fontSize: DECREE30.body, lineHeight: 1.1 },
    info: { title: `${L.docType} ${L.subject}`, creator: 'dx-comms' },
    // Page number centred at the top, from page 2 on (Phụ lục I, mục I.6).
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
        // Borderless two-column header (Phụ lục I, mục II.1–II.5).
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
        const isHeading = b.kind === 'part' || b.kind === 'section';
        return {
          text: keepCodesWhole(blockText(b)),
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
    // Keep a heading with the paragraph after it.
    pageBreakBefore: (node, following) =>
      node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
  };
  return pdfmake.createPdf(definition).getBuffer();
}
