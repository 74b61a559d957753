import { formatPlaceAndDate, formatPreamble, formatShortDate, issuerLines } from './format';
import { romanAt } from './lettering';
import { PLAN_KIND_NAMES, type PlanDocument } from './plan';

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

  const h = doc.headings;
  body.push({ kind: 'part', label: `${romanAt(0)}.`, text: h.objectives.toUpperCase() });
  body.push({ kind: 'section', label: '1.', text: h.generalObjectives });
  for (const o of doc.generalObjectives) body.push({ kind: 'item', label: `${o.letter})`, text: o.text });
  body.push({ kind: 'section', label: '2.', text: h.targets });
  for (const t of doc.targets) body.push({ kind: 'item', label: `${t.letter})`, text: t.text });

  body.push({ kind: 'part', label: `${romanAt(1)}.`, text: h.themes.toUpperCase() });
  for (const t of doc.themes) {
    // Plan 54 II writes its numbered themes as ordinary paragraphs "1. Tuyên truyền …", not bold headings.
    body.push({ kind: 'item', label: `${t.label}.`, text: t.title });
    for (const b of t.bullets) body.push({ kind: 'bullet', text: b });
    for (const c of t.children) {
      body.push({ kind: 'item', label: `${c.label})`, text: c.title });
      for (const b of c.bullets) body.push({ kind: 'bullet', text: b });
    }
  }

  body.push({ kind: 'part', label: `${romanAt(2)}.`, text: h.tasks.toUpperCase() });
  for (const p of doc.tasks) body.push({ kind: 'paragraph', text: p });
  body.push({ kind: 'part', label: `${romanAt(3)}.`, text: h.funding.toUpperCase() });
  for (const p of doc.funding) body.push({ kind: 'paragraph', text: p });
  body.push({ kind: 'part', label: `${romanAt(4)}.`, text: h.organisation.toUpperCase() });
  doc.responsibilities.forEach((r, i) => {
    body.push({ kind: 'section', label: `${i + 1}.`, text: r.heading });
    for (const p of r.paragraphs) body.push({ kind: 'paragraph', text: p });
    for (const it of r.items) body.push({ kind: 'item', label: `${it.letter})`, text: it.text });
  });
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
