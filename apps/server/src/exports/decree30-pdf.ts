import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DECREE30, type Decree30Frame } from './decree30-docx';

/*
 * The Decree 30/2020 frame drawn directly with pdfmake (no LibreOffice round trip, so it takes milliseconds): the same
 * header, rules, fonts, margins and signature block as the DOCX (exports/decree30-docx.ts). The plan
 * (exports/plan-pdf.ts) and the consolidated report only add their body.
 */

/**
 * Times New Roman is not free to ship; Liberation Serif 2.x is metric-compatible and covers Vietnamese
 * (U+1EA0–U+1EF9). The files live in the repository so a fresh `npm install && npm start` can render PDFs.
 */
const FONT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/fonts');

let configured = false;
/** pdfmake is a process-wide singleton: fonts and file policies are set once, here only. */
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
  // pdfmake 0.3 asks for a policy on files and URLs (docs/design.md § Traps): only our font folder, no network.
  pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(FONT_DIR));
  pdfmake.setUrlAccessPolicy(() => false);
  configured = true;
}

/** "(Ban hành kèm theo Quyết định số …)" under the subject, in italics. */
const subjectNote = (text: string): Content => ({
  text,
  italics: true,
  alignment: 'center',
  margin: [mm(10), 0, mm(10), 0],
});

/** Millimetres to PDF points. */
const mm = (v: number) => (v * 72) / 25.4;
const M = DECREE30.margins;
const TEXT_WIDTH = mm(210 - M.left - M.right);
const LEFT = TEXT_WIDTH * 0.4;
const RIGHT = TEXT_WIDTH - LEFT;

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

/** A body paragraph: justified, first-line indent; headings bold and kept with the paragraph after them. */
export const bodyParagraph = (text: string, heading = false): Content => ({
  text: keepCodesWhole(text),
  bold: heading,
  alignment: 'justify',
  leadingIndent: mm(DECREE30.indentMm),
  margin: [0, heading ? 4 : 0, 0, 5],
  ...(heading && { headlineLevel: 1 }),
});

/** Borderless two-column header (Phụ lục I, mục II.1–II.5). */
const header = (L: Decree30Frame): Content => ({
  table: {
    widths: [LEFT, RIGHT],
    body: [
      [
        {
          stack: [
            ...(L.issuerParent
              ? [{ text: L.issuerParent, fontSize: DECREE30.header, alignment: 'center' as const }]
              : []),
            ...L.issuer.map((line) => ({
              text: line,
              bold: true,
              fontSize: DECREE30.header,
              alignment: 'center' as const,
            })),
            rule(LEFT * 0.35, LEFT - 8),
            { text: L.numberLine, fontSize: DECREE30.header, alignment: 'center', margin: [0, 4, 0, 0] },
          ],
        },
        {
          stack: [
            { text: L.nationalTitle, bold: true, fontSize: DECREE30.header, alignment: 'center' },
            { text: L.motto, bold: true, fontSize: DECREE30.motto, alignment: 'center' },
            rule(RIGHT * 0.55, RIGHT - 8),
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
});

/** "Nơi nhận" left, the signature block right, never split across pages. */
const signature = (L: Decree30Frame): Content => ({
  table: {
    widths: [LEFT + 10, RIGHT - 10],
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
});

/**
 * Renders a Decree 30 document — A4, margins, fonts, page numbers from page 2, header, title, `body`, signature —
 * then `after` the signature (a plan's appendix of tasks, which opens its own landscape page).
 */
export async function renderDecree30Pdf(
  L: Decree30Frame,
  body: Content[],
  after: Content[] = [],
): Promise<Buffer> {
  configure();
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
      header(L),
      { text: L.docType, bold: true, alignment: 'center', margin: [0, 18, 0, 0] },
      { text: L.subject, bold: true, alignment: 'center', margin: [mm(10), 0, mm(10), 0] },
      ...(L.subjectNote ? [subjectNote(L.subjectNote)] : []),
      rule(mm(40), TEXT_WIDTH),
      ...body,
      signature(L),
      ...after,
    ],
    // Keep a heading with the paragraph after it.
    pageBreakBefore: (node, following) =>
      node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
  };
  return pdfmake.createPdf(definition).getBuffer();
}
