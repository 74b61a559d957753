import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/*
 * The layout pieces every administrative document shares (Nghị định 30/2020/NĐ-CP, Phụ lục I): two-column header
 * with the issuer and the national motto, title block, body paragraphs, "Nơi nhận" with the signature block, fonts and
 * page setup. The plan (exports/plan-docx.ts), the consolidated report and the budget "Tờ trình" only add their body.
 */

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

/** The lines around the body of a Decree 30 document (what `layoutPlan` and `layoutConsolidatedReport` produce). */
export type Decree30Frame = {
  /** Issuer lines, printed bold; `issuerParent` (the governing body) goes above them in normal type. */
  issuer: string[];
  issuerParent?: string;
  numberLine: string;
  nationalTitle: string;
  motto: string;
  placeAndDate: string;
  docType: string;
  subject: string;
  /** Under the subject in italics ("(Ban hành kèm theo Quyết định số …)"). */
  subjectNote?: string;
  recipients: string[];
  signature: string[];
  signer: string;
  /**
   * A công văn's "V/v …" line (Phụ lục III, mẫu 1.5): printed under the number in the left column, and then no
   * centred title block (a công văn has no document-type name).
   */
  dispatchSubject?: string;
};

/** docx sizes are in half-points. */
export const half = (pt: number) => pt * 2;
export const TEXT_WIDTH = convertMillimetersToTwip(210 - DECREE30.margins.left - DECREE30.margins.right);
/** Text width of a landscape page (an appendix table): 297 mm less the same margins. */
export const LANDSCAPE_TEXT_WIDTH = convertMillimetersToTwip(
  297 - DECREE30.margins.left - DECREE30.margins.right,
);
/** Left 38 %, right 62 %: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" must stay on one line at 13 pt bold. */
const LEFT = Math.round(TEXT_WIDTH * 0.38);
const RIGHT = TEXT_WIDTH - LEFT;

export const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: half(o.size ?? DECREE30.body) });

export const centred = (
  text: string,
  o: { bold?: boolean; italics?: boolean; size?: number; before?: number } = {},
) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: o.before ? { before: o.before } : { after: 0 },
    children: [run(text, o)],
  });

/**
 * A short centred rule under the issuer's name, the motto and the subject (Phụ lục I, mục II.1–3): the top
 * border of an empty, tiny paragraph narrowed by indents, so the text above keeps its full width.
 */
export const rule = (columnTwip: number, ruleTwip: number, after = 0) =>
  new Paragraph({
    indent: { left: Math.round((columnTwip - ruleTwip) / 2), right: Math.round((columnTwip - ruleTwip) / 2) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    spacing: { before: 0, after, line: 240 },
    children: [new TextRun({ text: '', size: 4 })],
  });

export const cell = (children: (Paragraph | Table)[], widthTwip: number, borders = TableBorders.NONE) =>
  new TableCell({ children, width: { size: widthTwip, type: WidthType.DXA }, borders });

/** A body paragraph: justified, first-line indent; headings ("I.", "1.") bold and kept with what follows. */
export const bodyParagraph = (text: string, heading = false) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(DECREE30.indentMm) },
    spacing: { before: heading ? 120 : 0, after: 120, line: 300 },
    keepNext: heading,
    children: [run(text, { bold: heading })],
  });

/** Header: two borderless columns — issuer and number left; national title, motto, place and date right. */
function header(L: Decree30Frame): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT, RIGHT],
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0 },
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...(L.issuerParent ? [centred(L.issuerParent, { size: DECREE30.header })] : []),
              ...L.issuer.map((line) => centred(line, { bold: true, size: DECREE30.header })),
              rule(LEFT, Math.round(LEFT * 0.35)),
              centred(L.numberLine, { size: DECREE30.header, before: 60 }),
              ...(L.dispatchSubject ? [centred(L.dispatchSubject, { size: DECREE30.recipients + 1 })] : []),
            ],
            LEFT,
          ),
          cell(
            [
              centred(L.nationalTitle, { bold: true, size: DECREE30.header }),
              centred(L.motto, { bold: true, size: DECREE30.motto }),
              rule(RIGHT, Math.round(RIGHT * 0.55)),
              centred(L.placeAndDate, { italics: true, before: 120 }),
            ],
            RIGHT,
          ),
        ],
      }),
    ],
  });
}

/** "Nơi nhận" left, the signature block right, never split across pages. */
function signature(L: Decree30Frame): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LEFT + 400, RIGHT - 400],
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
              ...L.recipients.map(
                (r) => new Paragraph({ children: [run(`- ${r}`, { size: DECREE30.recipients })] }),
              ),
            ],
            LEFT + 400,
          ),
          cell(
            [
              ...L.signature.map((s) => centred(s, { bold: true })),
              ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
              centred(L.signer, { bold: true }),
            ],
            RIGHT - 400,
          ),
        ],
      }),
    ],
  });
}

const MARGINS = {
  top: convertMillimetersToTwip(DECREE30.margins.top),
  bottom: convertMillimetersToTwip(DECREE30.margins.bottom),
  left: convertMillimetersToTwip(DECREE30.margins.left),
  right: convertMillimetersToTwip(DECREE30.margins.right),
  header: convertMillimetersToTwip(10),
  footer: convertMillimetersToTwip(10),
};
const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: half(DECREE30.body) })],
      }),
    ],
  });

/**
 * The whole document: A4 with Decree 30 margins and fonts, page numbers centred in the top margin from page 2 on
 * (Phụ lục I, mục I.6), header, title block, `body`, then "Nơi nhận" and the signature. An `appendix` (a plan's
 * table of tasks) follows in its own landscape A4 section, page numbers continuing.
 */
export function decree30Document(
  L: Decree30Frame,
  body: (Paragraph | Table)[],
  title?: string,
  appendix?: (Paragraph | Table)[],
): Document {
  return new Document({
    creator: 'dx-comms',
    title: title ?? `${L.docType} ${L.subject}`,
    styles: { default: { document: { run: { font: DECREE30.font, size: half(DECREE30.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: MARGINS,
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: pageNumberHeader(),
        },
        children: [
          header(L),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          ...(L.dispatchSubject
            ? []
            : [
                centred(L.docType, { bold: true }),
                centred(L.subject, { bold: true }),
                ...(L.subjectNote ? [centred(L.subjectNote, { italics: true })] : []),
                rule(TEXT_WIDTH, convertMillimetersToTwip(40), 240),
              ]),
          ...body,
          new Paragraph({ children: [] }),
          signature(L),
        ],
      },
      ...(appendix?.length
        ? [
            {
              properties: {
                page: {
                  // docx swaps width and height for a landscape page: both are given as for portrait A4.
                  size: {
                    width: convertMillimetersToTwip(210),
                    height: convertMillimetersToTwip(297),
                    orientation: PageOrientation.LANDSCAPE,
                  },
                  margin: MARGINS,
                },
              },
              headers: { default: pageNumberHeader() },
              children: appendix,
            },
          ]
        : []),
    ],
  });
}
