import { formatPlaceAndDate, formatPreamble, formatShortDate, issuerLines } from './format';
import { romanAt } from './lettering';
import { PLAN_KIND_NAMES, type PlanDocument, type PlanPart } from './plan';

/**
 * The body of a plan as the official document lays it out (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9):
 * parts "I." bold upper case, items "1." bold, sub-items "a)" and bullets "-" in normal type.
 * The DOCX and PDF renderers and the screen all print exactly these blocks, so they never drift apart.
 */
export type BodyBlock =
  | { kind: 'part'; label: string; text: string }
  | { kind: 'section'; label: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; label: string; text: string }
  | { kind: 'bullet'; text: string };

export type OfficialLayout = {
  issuer: string[];
  /** The body a department belongs to, printed above it in normal type ("UBND TỈNH …" over "SỞ …"). */
  issuerParent?: string;
  numberLine: string;
  nationalTitle: string;
  motto: string;
  placeAndDate: string;
  docType: string;
  subject: string;
  /** Under the subject, in italics: "(Ban hành kèm theo Quyết định số … ngày …)" for a plan attached to a decision. */
  subjectNote?: string;
  body: BodyBlock[];
  recipients: string[];
  signature: string[];
  signer: string;
};

/** "./." closes the body of the document (Nghị định 30/2020, Phụ lục I, mục II.9 c). */
const withEndMark = (text: string) => `${text.replace(/[.\s]+$/, '')}./.`;

/** Lays a plan out as the official document: header, title, body blocks, "Nơi nhận" and signature. */
export function layoutPlan(doc: PlanDocument): OfficialLayout {
  const body: BodyBlock[] = [];
  const preamble = formatPreamble(doc.preambleLead, doc.legalBases);
  if (preamble) body.push({ kind: 'paragraph', text: preamble });
  if (doc.preambleClosing) body.push({ kind: 'paragraph', text: doc.preambleClosing });

  // Each part the plan has, in its order; a part with nothing in it is not printed (not even its heading), and
  // the parts and sections printed are numbered I., II., … and 1., 2., … as they come (Nghị định 30/2020,
  // Phụ lục I, mục II.9).
  const h = doc.headings;
  let printed = 0;
  for (const part of doc.parts) {
    const blocks = partBlocks(doc, part);
    if (blocks.length === 0) continue;
    body.push({ kind: 'part', label: `${romanAt(printed++)}.`, text: partHeading(h, part).toUpperCase() });
    body.push(...blocks);
  }
  if (doc.closing) body.push({ kind: 'paragraph', text: withEndMark(doc.closing) });
  else {
    const last = body.at(-1);
    if (last && last.kind !== 'part' && last.kind !== 'section') last.text = withEndMark(last.text);
  }

  const s = doc.signature;
  // A plan attached to a Quyết định is printed as the plan (KẾ HOẠCH) under the decision's number and date
  // (Nghị định 30/2020, Phụ lục I, mục II.6: "Ban hành kèm theo …"); every other kind is titled by its own name.
  const attached = doc.kind === 'QĐ';
  const parent = doc.parentIssuerName?.trim();
  return {
    issuer: parent ? [doc.issuerName.trim()] : issuerLines(doc.issuerName),
    ...(parent && { issuerParent: parent }),
    numberLine: `Số: ${doc.number ?? `      /${doc.kind}-…`}`,
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeAndDate: formatPlaceAndDate(doc.place, doc.date),
    docType: (attached ? PLAN_KIND_NAMES.KH : PLAN_KIND_NAMES[doc.kind]).toLocaleUpperCase('vi'),
    subject: doc.title,
    ...(attached && {
      subjectNote: `(Ban hành kèm theo Quyết định${doc.number ? ` số ${doc.number}` : ''}${doc.date ? ` ngày ${formatShortDate(doc.date)}` : ''})`,
    }),
    body,
    recipients: doc.recipients,
    signature: [s.authority, s.delegation, s.position].filter((x): x is string => !!x),
    signer: s.signer,
  };
}

/** The heading a part prints under (the plan's own wording). */
export function partHeading(h: PlanDocument['headings'], part: PlanPart): string {
  return part === 'aims' ? h.aims : part === 'organisation' ? h.organisation : h[part];
}

/** Numbered sections "1. …", "2. …" of a part, each printed only when it has something under it. */
function sections(list: [string, BodyBlock[]][]): BodyBlock[] {
  const out: BodyBlock[] = [];
  let n = 0;
  for (const [text, blocks] of list) {
    if (blocks.length === 0) continue;
    out.push({ kind: 'section', label: `${++n}.`, text }, ...blocks);
  }
  return out;
}

/** The blocks under one part's heading; none when the part is empty. */
function partBlocks(doc: PlanDocument, part: PlanPart): BodyBlock[] {
  const h = doc.headings;
  const bullets = (xs: string[]): BodyBlock[] => xs.map((text) => ({ kind: 'bullet', text }));
  const paragraphs = (xs: string[]): BodyBlock[] => xs.map((text) => ({ kind: 'paragraph', text }));
  switch (part) {
    case 'aims':
      return sections([
        [h.purpose, bullets(doc.purposes)],
        [h.requirements, bullets(doc.requirements)],
      ]);
    case 'objectives':
      return sections([
        [
          h.generalObjectives,
          doc.generalObjectives.map((o) => ({ kind: 'item', label: `${o.letter})`, text: o.text })),
        ],
        [h.targets, doc.targets.map((t) => ({ kind: 'item', label: `${t.letter})`, text: t.text }))],
      ]);
    case 'themes':
      return doc.themes.flatMap((t): BodyBlock[] => [
        // Plan 54 II writes its numbered themes as ordinary paragraphs "1. Tuyên truyền …", not bold headings.
        { kind: 'item', label: `${t.label}.`, text: t.title },
        ...bullets(t.bullets),
        ...t.children.flatMap((c): BodyBlock[] => [
          { kind: 'item', label: `${c.label})`, text: c.title },
          ...bullets(c.bullets),
        ]),
      ]);
    case 'tasks':
      return paragraphs(doc.tasks);
    case 'funding':
      return paragraphs(doc.funding);
    case 'organisation':
      return doc.responsibilities.flatMap((r, i): BodyBlock[] => [
        { kind: 'section', label: `${i + 1}.`, text: r.heading },
        ...paragraphs(r.paragraphs),
        ...r.items.map((it): BodyBlock => ({ kind: 'item', label: `${it.letter})`, text: it.text })),
      ]);
  }
}

/** A block's text with its label, as printed. */
export function blockText(b: BodyBlock): string {
  return 'label' in b ? `${b.label} ${b.text}` : b.kind === 'bullet' ? `- ${b.text}` : b.text;
}

const FILE_PREFIX: Record<PlanDocument['kind'], string> = {
  KH: 'Ke-hoach',
  QĐ: 'Quyet-dinh',
  CTr: 'Chuong-trinh',
  ĐA: 'De-an',
  HD: 'Huong-dan',
};

/** A file name safe everywhere: "Ke-hoach-54-KH-UBND-2023", "Chuong-trinh-05-CTr-UBND-2022-2025". */
export function exportFileName(doc: PlanDocument): string {
  const code = (doc.number ?? 'du-thao')
    .replace(/[^A-Za-z0-9Đđ]+/g, '-')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd');
  return `${FILE_PREFIX[doc.kind]}-${code}-${doc.year}${doc.yearTo ? `-${doc.yearTo}` : ''}`;
}
