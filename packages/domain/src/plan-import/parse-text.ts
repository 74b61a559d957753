import { type PlanDocumentKind, parseDocumentNumber } from '../plan/document-number';
import { inferGoal, inferTargetSubject } from '../plan/inference';
import { VIETNAMESE_LETTERS } from '../plan/lettering';
import { emptyPlanDocument, parseCitation, parsePlanMarkdown } from '../plan/parse-markdown';
import {
  type DocumentReference,
  PLAN_KIND_NAMES,
  PLAN_PARTS,
  type PlanDocumentInput,
  type PlanPart,
  type Responsibility,
} from '../plan/plan';
import { DEFAULT_PLAN_HEADINGS } from '../plan/template';
import { inferReportingSchedule } from '../reports/schedule';
import { foldVietnamese } from '../text';

const KIND_BY_LABEL: Record<string, PlanDocumentKind> = {
  'ke hoach': 'KH',
  'quyet dinh': 'QĐ',
  'chuong trinh': 'CTr',
  'de an': 'ĐA',
  'huong dan': 'HD',
};

/** Where a field came from in the source text, and how sure the reader is (0–1). */
export type DraftField = {
  path: (string | number)[];
  source: { start: number; end: number; text: string } | null;
  confidence: number;
};

/** An appendix row as read from a text table (STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian | Sản phẩm). */
export type DraftAppendixRow = {
  stt: string;
  title: string;
  lead: string;
  coordinators: string;
  timeFrame: string;
  output: string;
};

export type PlanImportDraft = {
  kind: PlanDocumentKind;
  /** The number as printed, whatever its type (a Quyết định's number when the plan is attached to one). */
  sourceNumber: string | null;
  /** The People's Committee above a department in a two-line header ("UBND TỈNH …" over "SỞ …"). */
  parentIssuer: string | null;
  /** First and last year of a multi-year programme ("giai đoạn 2022-2025"). */
  period: { from: number; to: number };
  /** Per target: its year when worded "Đến năm 2025", "each-year" for "Hằng năm" / "Mỗi năm", else null. */
  targetPeriods: (number | 'each-year' | null)[];
  /** The plan a yearly plan implements, when its preamble cites one of the same kind (29/KH-UBND for 54). */
  parentPlanNumber: string | null;
  document: PlanDocumentInput;
  fields: DraftField[];
  appendix: DraftAppendixRow[];
  warnings: string[];
};

export type ParseFailure = { ok: false; code: 'EMPTY' | 'NOT_A_PLAN' | 'TOO_LARGE'; message: string };
export type ParseSuccess = { ok: true; draft: PlanImportDraft };

export type ParseOptions = {
  /** The text is repaired OCR: fields start less certain. */
  ocr?: boolean;
  /** Spans the OCR repair was unsure of (RepairResult.doubtful): a field over them gets a lower confidence. */
  doubtful?: readonly { start: number; end: number }[];
};

/** Longest text accepted (a plan of 50 pages is about 150,000 characters). */
export const MAX_IMPORT_CHARS = 1_000_000;

type Para = { text: string; start: number; end: number };

/** One paragraph per line (a Word paragraph; OCR text is joined into lines by cleanOcrLayout first). */
function paragraphsOf(text: string): Para[] {
  const out: Para[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const t = m[0].replace(/\s+/g, ' ').trim();
    if (t) out.push({ text: t, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

const f = (s: string) => foldVietnamese(s);
const isCaps = (s: string) => {
  const l = s.replace(/[^\p{L}]/gu, '');
  return l.length >= 3 && l === l.toUpperCase();
};

/** A looser reading of a citation than parseCitation: kind, number and date, the rest as the title. */
function readCitation(citation: string): DocumentReference | null {
  const strict = parseCitation(citation);
  if (strict) return strict;
  const m =
    /^(Luật|Nghị quyết|Quyết định|Kế hoạch|Chỉ thị|Thông tư|Nghị định|Công văn|Chương trình|Đề án|Hướng dẫn)\s+(?:số\s+)?(\S+\/\S+)(?:\s+ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4}))?(?:\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))?\s*(.*)$/u.exec(
      citation.trim(),
    );
  if (!m) return null;
  const d = m[3] ?? m[6];
  const mo = m[4] ?? m[7];
  const y = m[5] ?? m[8];
  const rest = (m[9] ?? '').replace(/^(của\s+.+?\s+)?(về|phê duyệt|ban hành)\s+/u, '').trim();
  return {
    kind: m[1]!,
    number: m[2]!.replace(/[,;.]$/, ''),
    issuer: /của\s+(.+?)\s+(về|phê duyệt|ban hành)\s/u.exec(m[9] ?? '')?.[1] ?? null,
    date: d && mo && y ? `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}` : null,
    title: rest || citation.trim(),
    citation: citation.trim(),
  };
}

const PART_BY_WORDS: [RegExp, PlanPart][] = [
  // "MỤC ĐÍCH, YÊU CẦU" is a part of its own ("1. Mục đích", "2. Yêu cầu"); "MỤC TIÊU" holds general and specific.
  [/^muc dich/, 'aims'],
  [/^muc tieu/, 'objectives'],
  [/^noi dung/, 'themes'],
  [/^(nhiem vu|giai phap)/, 'tasks'],
  [/^kinh phi/, 'funding'],
  [/^to chuc thuc hien/, 'organisation'],
];

/**
 * Reads the plain text of a plan (typed, pasted, from DOCX or PDF, or OCR repaired) into a draft plan: the
 * parts of a Decree 30 document found by their wording, not their position, so plans of other provinces,
 * departments, programmes and Quyết định with an attached plan read too. Markdown transcriptions (as shipped in
 * packages/db/data/plans) go through parsePlanMarkdown, so they import exactly as they are seeded. Pure.
 */
export function parsePlanText(input: string, options: ParseOptions = {}): ParseSuccess | ParseFailure {
  const text = input.normalize('NFC').replace(/\r\n?/g, '\n');
  if (text.length > MAX_IMPORT_CHARS)
    return { ok: false, code: 'TOO_LARGE', message: `Văn bản dài quá ${MAX_IMPORT_CHARS} ký tự` };
  if (!text.trim()) return { ok: false, code: 'EMPTY', message: 'Văn bản trống: không có chữ nào để đọc' };
  const draft =
    /^---+\s*$/m.test(text) && /^##\s+I\.\s/m.test(text) ? fromMarkdown(text) : fromText(text, options);
  const d = draft.document;
  const found =
    (d.title ? 1 : 0) +
    (d.targets.length || d.generalObjectives.length ? 1 : 0) +
    (d.themes.length || d.tasks.length ? 1 : 0) +
    (d.responsibilities.length ? 1 : 0);
  if (found < 2) {
    return {
      ok: false,
      code: 'NOT_A_PLAN',
      message:
        'Không nhận ra văn bản kế hoạch: cần có tên văn bản và ít nhất một trong các phần mục tiêu, nội dung, nhiệm vụ, tổ chức thực hiện',
    };
  }
  return { ok: true, draft };
}

function locate(text: string, value: string): DraftField['source'] {
  const probe = value.slice(0, 60);
  const at = probe ? text.indexOf(probe) : -1;
  if (at < 0) return null;
  return { start: at, end: at + value.length, text: text.slice(at, at + value.length) };
}

function fromMarkdown(md: string): PlanImportDraft {
  const { document, warnings } = parsePlanMarkdown(md);
  const fields: DraftField[] = [];
  const add = (path: (string | number)[], value: string) => {
    fields.push({ path, source: locate(md, value), confidence: 1 });
  };
  add(['issuerName'], document.issuerName);
  add(['title'], document.title);
  for (const [i, t] of document.targets.entries()) add(['targets', i], t.text);
  for (const [i, t] of document.themes.entries()) add(['themes', i], t.title);
  for (const [i, r] of document.responsibilities.entries()) add(['responsibilities', i], r.heading);
  for (const [i, r] of document.recipients.entries()) add(['recipients', i], r);
  return {
    kind: 'KH',
    sourceNumber: document.number ?? null,
    parentIssuer: null,
    period: { from: document.year, to: document.year },
    parentPlanNumber: parentPlan(document.legalBases, document.number ?? null),
    targetPeriods: document.targets.map((t) => targetPeriodOf(t.text)),
    document,
    fields,
    appendix: [],
    warnings,
  };
}

function parentPlan(
  bases: readonly { kind?: string; number?: string; title?: string }[],
  own: string | null,
): string | null {
  const code = own ? /\/([^-]+)-(.+)$/.exec(own) : null;
  const hit = bases.find(
    (b) => b.kind === 'Kế hoạch' && b.number !== own && (!code || b.number?.endsWith(`/KH-${code[2]}`)),
  );
  return hit?.number && /giai đoạn/u.test(hit.title ?? '') ? hit.number : null;
}

const SIGN_AUTHORITY = /^(TM|KT|TL|Q|TUQ)\.\s*/u;
const POSITION =
  /^(PHÓ )?(CHỦ TỊCH|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|TRƯỞNG PHÒNG|BỘ TRƯỞNG|THỨ TRƯỞNG|BÍ THƯ)$/u;

function fromText(text: string, options: ParseOptions): PlanImportDraft {
  const base = options.ocr ? 0.85 : 0.95;
  const paras = paragraphsOf(text);
  const doc = emptyPlanDocument('Căn cứ');
  const warnings: string[] = [];
  const fields: DraftField[] = [];
  const appendix: DraftAppendixRow[] = [];
  const doubtful = options.doubtful ?? [];
  // Each doubtful word in a paragraph lowers its fields' confidence (a third of it at most for one word in four).
  const doubt = (p: Para) => {
    const words = p.text.split(/\s+/).length;
    const unsure = doubtful.filter((d) => d.start >= p.start && d.end <= p.end).length;
    return Math.min(0.5, (unsure / Math.max(1, words)) * 1.5);
  };
  const mark = (path: (string | number)[], p: Para | null, confidence = base) =>
    fields.push({
      path,
      source: p ? { start: p.start, end: p.end, text: p.text } : null,
      confidence: p ? Math.round(confidence * (1 - doubt(p)) * 100) / 100 : confidence,
    });
  let kind: PlanDocumentKind | null = null;
  let sourceNumber: string | null = null;
  let parentIssuer: string | null = null;
  const issuerLines: Para[] = [];

  type State =
    | 'header'
    | 'title'
    | 'preamble'
    | 'decision'
    | 'body'
    | 'recipients'
    | 'signature'
    | 'appendix';
  let state: State = 'header';
  let part: (typeof PART_BY_WORDS)[number][1] | null = null;
  let sub: 'general' | 'targets' | 'purpose' | 'requirements' | null = null;
  const partsSeen: PlanPart[] = [];
  let closingSeen = false;
  let decisionSignature: PlanDocumentInput['signature'] | null = null;
  const titleParts: string[] = [];
  let titleFirst: Para | null = null;

  const readSignature = (p: Para) => {
    const sig = doc.signature;
    if (SIGN_AUTHORITY.test(p.text)) {
      const isAuthority = /^TM\./u.test(p.text) || !sig.authority;
      if (isAuthority) sig.authority = p.text;
      else sig.delegation = p.text;
      mark(['signature', isAuthority ? 'authority' : 'delegation'], p);
      return true;
    }
    if (POSITION.test(p.text)) {
      sig.position = p.text;
      mark(['signature', 'position'], p);
      return true;
    }
    if (sig.authority || sig.position) {
      if (/^[\p{Lu}][\p{Ll}]*(\s+[\p{Lu}][\p{Ll}]*){1,4}$/u.test(p.text) && !sig.signer) {
        sig.signer = p.text;
        mark(['signature', 'signer'], p);
        return true;
      }
    }
    return false;
  };

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    const t = p.text;
    const ft = f(t);

    if (/^noi nhan\s*:?/.test(ft)) {
      state = 'recipients';
      const inline = t.replace(/^Nơi nhận\s*:?\s*/iu, '');
      for (const r of inline.split(/\s*-\s+/).filter(Boolean)) doc.recipients.push(r.trim());
      continue;
    }
    if (state === 'recipients' && /^-\s*/.test(t)) {
      doc.recipients.push(t.replace(/^-\s*/, ''));
      mark(['recipients', doc.recipients.length - 1], p);
      continue;
    }
    if (
      (state === 'recipients' || state === 'signature' || state === 'body') &&
      (SIGN_AUTHORITY.test(t) || POSITION.test(t))
    ) {
      state = 'signature';
      readSignature(p);
      continue;
    }
    if (state === 'signature') {
      if (readSignature(p)) continue;
      if (kind === 'QĐ' && /^(ỦY BAN|UBND|SỞ|BAN)\b/u.test(t)) {
        // The plan attached to a Quyết định starts its own header: keep the decision's signature.
        decisionSignature = { ...doc.signature };
        state = 'header';
      } else if (/^phu luc/.test(ft)) {
        state = 'appendix';
        continue;
      } else continue;
    }
    if (state === 'appendix') {
      const cells = t.split(/\s*\|\s*|\t+/).map((c) => c.trim());
      if (cells.length >= 3 && /^\d+$/.test(cells[0] ?? '')) {
        appendix.push({
          stt: cells[0]!,
          title: cells[1] ?? '',
          lead: cells[2] ?? '',
          coordinators: cells[3] ?? '',
          timeFrame: cells[4] ?? '',
          output: cells[5] ?? '',
        });
      }
      continue;
    }

    if (state === 'header') {
      if (/^cong hoa xa hoi chu nghia viet nam|^doc lap - tu do - hanh phuc/.test(ft)) continue;
      const num =
        /^S\p{L}\s*:\s*(\S+?)(?:\s*—\s*|\s+)(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(
          t,
        );
      if (num) {
        sourceNumber = num[1]!.replace(/\s+/g, '');
        doc.place = num[2]!.trim();
        doc.date = `${num[5]}-${num[4]!.padStart(2, '0')}-${num[3]!.padStart(2, '0')}`;
        mark(['number'], p);
        mark(['place'], p);
        mark(['date'], p);
        continue;
      }
      // The number and the place and date on lines of their own (the two columns of the header read apart).
      const numberOnly = /^S\p{L}\s*:\s*(\S+)$/u.exec(t);
      if (numberOnly) {
        sourceNumber = numberOnly[1]!;
        mark(['number'], p);
        continue;
      }
      const placeDate =
        /^([\p{Lu}][^,]{1,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/u.exec(t);
      if (placeDate) {
        doc.place = placeDate[1]!.trim();
        doc.date = `${placeDate[4]}-${placeDate[3]!.padStart(2, '0')}-${placeDate[2]!.padStart(2, '0')}`;
        mark(['place'], p);
        mark(['date'], p);
        continue;
      }
      const label = KIND_BY_LABEL[ft.replace(/:$/, '')];
      if (label && isCaps(t)) {
        if (!kind) kind = label;
        else if (kind === 'QĐ') {
          // The attached plan: its own title replaces the decision's.
          titleParts.length = 0;
          titleFirst = null;
        }
        state = 'title';
        continue;
      }
      if (isCaps(t) && !sourceNumber && !kind) {
        issuerLines.push(p);
        continue;
      }
      // The header of a plan attached to a Quyết định repeats the issuer.
      if (isCaps(t) && kind === 'QĐ') continue;
      if (/^\(?ban hanh kem theo/.test(ft)) continue;
      if (!sourceNumber) continue;
    }
    if (state === 'title') {
      if (/^(thuc hien|can cu|trien khai)\b/.test(ft) || /^[IVX]+\.\s/.test(t) || /^dieu 1\b/.test(ft))
        state = 'preamble';
      else if (/^\(?ban hanh kem theo/.test(ft)) {
        const m = /Quyết định số\s+(\S+)/u.exec(t);
        if (m && !sourceNumber) sourceNumber = m[1]!;
        continue;
      } else if (isCaps(t) && titleParts.length) {
        // "ỦY BAN NHÂN DÂN TỈNH …" above the preamble of a Quyết định: the authority, not the title.
        continue;
      } else {
        titleParts.push(t);
        titleFirst ??= p;
        continue;
      }
    }
    if (state === 'preamble') {
      if (/^(thuc hien|can cu)\b/.test(ft)) {
        const lead = /^Thực hiện/u.test(t) ? 'Thực hiện' : 'Căn cứ';
        if (!doc.legalBases.length) doc.preambleLead = lead;
        let body = t.replace(/^(Thực hiện|Căn cứ)\s*/u, '').replace(/[,;.]$/, '');
        // A text layer may run the closing sentence of the preamble on ("…năm 2023, Ủy ban nhân dân … ban hành …").
        const runOn = /,\s+([\p{Lu}][^;]*\bban hành\b[^;]*)$/u.exec(body);
        if (runOn) {
          body = body.slice(0, runOn.index);
          doc.preambleClosing = runOn[1]!;
          mark(['preambleClosing'], p, base * 0.8);
        }
        for (const c of body.split(/;\s+(?:căn cứ\s+)?/u)) {
          const ref = readCitation(c);
          if (ref) {
            doc.legalBases.push(ref);
            mark(['legalBases', doc.legalBases.length - 1], p, ref === parseCitation(c) ? base : base * 0.8);
          } else if (c.trim()) {
            // A law cited by name and date has no number to read: the citation as written is the whole basis.
            doc.legalBases.push({
              kind: '',
              number: '',
              issuer: null,
              date: null,
              title: '',
              citation: c.trim(),
            });
            mark(['legalBases', doc.legalBases.length - 1], p, base * 0.6);
          }
        }
        continue;
      }
      if (/^quyet dinh\s*:?$/.test(ft) || /^dieu \d+\./.test(ft)) {
        state = 'decision';
        continue;
      }
      if (!/^[IVX]+\.\s/.test(t)) {
        if (/ban hanh|nhu sau|sau day/.test(ft)) {
          doc.preambleClosing = t;
          mark(['preambleClosing'], p);
        } else doc.notes!.push(t);
        continue;
      }
      state = 'body';
    }
    if (state === 'decision') {
      // Articles of a Quyết định that attaches the plan: not plan content.
      if (/^(ỦY BAN|UBND|SỞ)\b/u.test(t)) state = 'header';
      continue;
    }

    // Body of the plan.
    const roman = /^([IVX]+)\.\s*(.+)$/u.exec(t);
    if (roman && isCaps(roman[2]!)) {
      const heading = roman[2]!.trim();
      const fh = f(heading);
      part = PART_BY_WORDS.find(([re]) => re.test(fh))?.[1] ?? null;
      sub = null;
      if (!part) {
        warnings.push(`Phần chưa xếp được vào kế hoạch: ${heading}`);
        continue;
      }
      if (!doc.headings[part]) doc.headings[part] = heading;
      if (!partsSeen.includes(part)) partsSeen.push(part);
      mark(['headings', part], p);
      continue;
    }
    const numbered = /^(\d{1,2})\.\s+(.+)$/u.exec(t);
    const lettered = /^([a-zđ])\)\s+(.+)$/u.exec(t);
    const bullet = /^[-–•+]\s*(.+)$/u.exec(t);
    if (part === 'aims') {
      if (numbered) {
        sub = /yeu cau/.test(f(numbered[2]!)) ? 'requirements' : 'purpose';
        doc.headings[sub] = numbered[2]!;
        continue;
      }
      const list = sub === 'requirements' ? doc.requirements! : doc.purposes!;
      list.push(lettered?.[2] ?? bullet?.[1] ?? t);
      mark([sub === 'requirements' ? 'requirements' : 'purposes', list.length - 1], p);
      continue;
    }
    if (part === 'objectives') {
      if (numbered) {
        const fh = f(numbered[2]!);
        sub = /cu the|chi tieu/.test(fh) ? 'targets' : 'general';
        if (sub === 'targets') doc.headings.targets = numbered[2]!;
        else doc.headings.generalObjectives ||= numbered[2]!;
        continue;
      }
      const body = lettered?.[2] ?? bullet?.[1] ?? t;
      const target = sub === 'targets' || (sub === null && inferGoal(body) !== null && /\d/.test(body));
      if (target) {
        const letter = lettered?.[1] ?? nextLetter(doc.targets.length);
        const goal = inferGoal(body);
        const subject = inferTargetSubject(body);
        if (!goal) warnings.push(`Chỉ tiêu ${letter}) không có mục tiêu định lượng`);
        if (!subject) warnings.push(`Chỉ tiêu ${letter}) chưa xác định được đối tượng`);
        doc.targets.push({ letter, text: body, goal: goal as never, subject: subject as never });
        const at = doc.targets.length - 1;
        mark(['targets', at], p, lettered ? base : base * 0.8);
        mark(['targets', at, 'goal'], p, goal ? base * 0.9 : 0.2);
        mark(['targets', at, 'subject'], p, subject ? 0.7 : 0.1);
      } else {
        doc.generalObjectives.push({
          letter: lettered?.[1] ?? nextLetter(doc.generalObjectives.length),
          text: body,
        });
        mark(['generalObjectives', doc.generalObjectives.length - 1], p, lettered ? base : base * 0.8);
      }
      continue;
    }
    if (part === 'themes') {
      if (numbered) {
        doc.themes.push({ label: numbered[1]!, title: numbered[2]!, bullets: [], children: [] });
        mark(['themes', doc.themes.length - 1], p);
      } else if (lettered && doc.themes.length) {
        const th = doc.themes.at(-1)!;
        th.children!.push({ label: lettered[1]!, title: lettered[2]!, bullets: [] });
        mark(['themes', doc.themes.length - 1, 'children', th.children!.length - 1], p);
      } else if (doc.themes.length) {
        const th = doc.themes.at(-1)!;
        const target = th.children!.length ? th.children!.at(-1)! : th;
        target.bullets!.push(bullet?.[1] ?? t);
      } else warnings.push(`Đoạn ngoài nội dung nào: ${t.slice(0, 60)}`);
      continue;
    }
    if (part === 'tasks' || part === 'funding') {
      doc[part].push(t);
      mark([part, doc[part].length - 1], p);
      continue;
    }
    if (part === 'organisation') {
      const last = doc.responsibilities.at(-1) as Responsibility | undefined;
      if (numbered) {
        doc.responsibilities.push({ heading: numbered[2]!, unitRefs: [], paragraphs: [], items: [] });
        mark(['responsibilities', doc.responsibilities.length - 1], p);
      } else if (lettered && last) {
        last.items.push({ letter: lettered[1]!, text: lettered[2]!, unitRefs: [] });
      } else if (last && (last.items.length || last.paragraphs.length) && !bullet) {
        doc.closing = t.replace(/\s*\.\/\.\s*$/, '.');
        closingSeen = true;
        mark(['closing'], p);
      } else if (last) last.paragraphs.push(t.replace(/\s*\.\/\.\s*$/, '.'));
      else {
        doc.closing = t.replace(/\s*\.\/\.\s*$/, '.');
        mark(['closing'], p);
      }
      continue;
    }
    if (!part && t) warnings.push(`Đoạn chưa xếp được: ${t.slice(0, 60)}`);
  }

  // The parts in the document's order, then those it does not have (empty, so not printed until filled in).
  doc.parts = [...partsSeen, ...PLAN_PARTS.filter((x) => !partsSeen.includes(x))];
  // Parts the document does not have keep the default heading (they are not printed while empty).
  for (const key of Object.keys(DEFAULT_PLAN_HEADINGS) as (keyof typeof DEFAULT_PLAN_HEADINGS)[]) {
    if (!doc.headings[key]) doc.headings[key] = DEFAULT_PLAN_HEADINGS[key];
  }
  // Header: issuer (a department under its People's Committee in the two-line header).
  if (issuerLines.length) {
    const lines = issuerLines.map((l) => l.text);
    const dept = lines.findIndex((l) =>
      /^(SỞ|BAN|VĂN PHÒNG|THANH TRA|CÔNG AN|BỘ CHỈ HUY|PHÒNG)(?=\s|$)/u.test(l),
    );
    if (dept > 0) {
      parentIssuer = lines.slice(0, dept).join(' ');
      doc.issuerName = lines.slice(dept).join(' ');
    } else doc.issuerName = lines.join(' ');
    mark(['issuerName'], issuerLines[0]!);
  } else warnings.push('Không tìm thấy tên cơ quan ban hành');
  doc.title = titleParts.join(' ');
  if (titleFirst) mark(['title'], titleFirst);
  else warnings.push('Không tìm thấy tên (trích yếu) văn bản');
  if (decisionSignature && !doc.signature.authority) doc.signature = decisionSignature;
  // The document's kind and its number go together (54/KH-UBND; a Quyết định's number when the plan is attached).
  const docKind: PlanDocumentKind = kind ?? 'KH';
  doc.kind = docKind;
  if (sourceNumber && parseDocumentNumber(sourceNumber)?.typeCode === docKind) doc.number = sourceNumber;
  else if (sourceNumber)
    warnings.push(
      `Số ${sourceNumber} không khớp loại văn bản (${PLAN_KIND_NAMES[docKind]}, ${docKind}): để trống số`,
    );
  doc.parentIssuerName = parentIssuer;
  if (!doc.closing && !closingSeen) {
    const last = doc.responsibilities.at(-1);
    const lp = last?.paragraphs?.at(-1);
    if (last?.paragraphs && lp && /\.\/\.\s*$/.test(lp)) {
      last.paragraphs.pop();
      doc.closing = lp.replace(/\s*\.\/\.\s*$/, '.');
    }
  }
  const years =
    /(?:giai đoạn|từ năm)\s+(\d{4})\s*[-–]\s*(\d{4})/u.exec(doc.title) ??
    /(\d{4})\s*[-–]\s*(\d{4})\s*$/u.exec(doc.title);
  const single = /năm (\d{4})\s*$/u.exec(doc.title);
  const period = years
    ? { from: Number(years[1]), to: Number(years[2]) }
    : single
      ? { from: Number(single[1]), to: Number(single[1]) }
      : doc.date
        ? { from: Number(doc.date.slice(0, 4)), to: Number(doc.date.slice(0, 4)) }
        : { from: 0, to: 0 };
  doc.year = period.from;
  doc.yearTo = period.to > period.from ? period.to : null;
  if (!doc.signature.position && /^KT\./u.test(doc.signature.delegation ?? '')) {
    doc.signature.position = `PHÓ ${doc.signature.delegation!.replace(/^KT\.\s*/u, '')}`;
    mark(['signature', 'position'], null, 0.5);
  }
  if (!doc.signature.authority && doc.signature.position) doc.signature.authority = doc.signature.position;
  // The reporting deadlines the organisation part states become the plan's schedule (periods default to them).
  doc.reportingSchedule = inferReportingSchedule(
    [
      ...doc.responsibilities.flatMap((r) => [
        ...(r.paragraphs ?? []),
        ...(r.items ?? []).map((i) => i.text),
      ]),
      doc.closing,
    ].join('\n'),
  );
  return {
    kind: docKind,
    sourceNumber,
    parentIssuer,
    period,
    parentPlanNumber: parentPlan(doc.legalBases, doc.number ?? null),
    targetPeriods: doc.targets.map((t) => targetPeriodOf(t.text)),
    document: doc,
    fields,
    appendix,
    warnings,
  };
}

/** Item letters in the order Vietnamese documents use them (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9). */
const LETTERS: readonly string[] = VIETNAMESE_LETTERS;
function nextLetter(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/** A multi-year programme words its targets per year ("Hằng năm, …") or for a year ("Đến năm 2025, …"). */
export function targetPeriodOf(text: string): number | 'each-year' | null {
  const folded = foldVietnamese(text);
  const by = /^(den|trong) nam (\d{4})/.exec(folded);
  if (by) return Number(by[2]);
  if (/^(hang nam|moi nam)\b/.test(folded)) return 'each-year';
  return null;
}
