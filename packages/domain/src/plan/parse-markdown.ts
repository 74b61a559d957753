import { inferReportingSchedule } from '../reports/schedule';
import { inferGoal, inferTargetSubject } from './inference';
import type { DocumentReference, PlanDocumentInput, Responsibility } from './plan';

/** A block of the transcription: a paragraph with its numbering label and bullets. */
type Block = {
  kind: 'numbered' | 'lettered' | 'plain' | 'h2' | 'h3' | 'quote' | 'hr';
  label: string;
  text: string;
  bullets: string[];
};

const join = (lines: string[]) =>
  lines
    .map((l) => l.trim())
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Splits Markdown into blocks: headings, numbered "1." / lettered "a)" paragraphs with their "- " bullets. */
function toBlocks(md: string): Block[] {
  const blocks: Block[] = [];
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of md.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (current.length) paragraphs.push(current);
      current = [];
    } else if (/^#{1,6}\s/.test(line) || /^---+\s*$/.test(line)) {
      // Headings stand alone even without a blank line around them.
      if (current.length) paragraphs.push(current);
      paragraphs.push([line]);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) paragraphs.push(current);

  for (const lines of paragraphs) {
    const first = lines[0]!;
    if (/^---+\s*$/.test(first)) {
      blocks.push({ kind: 'hr', label: '', text: '', bullets: [] });
      continue;
    }
    const heading = /^(#{2,3})\s+(.*)$/.exec(first);
    if (heading) {
      const m = /^([IVX]+|\d+)\.\s+(.*)$/.exec(heading[2]!.trim());
      blocks.push({
        kind: heading[1] === '##' ? 'h2' : 'h3',
        label: m?.[1] ?? '',
        text: (m?.[2] ?? heading[2]!).trim(),
        bullets: [],
      });
      continue;
    }
    if (first.startsWith('>')) {
      blocks.push({
        kind: 'quote',
        label: '',
        text: join(lines.map((l) => l.replace(/^>\s?/, ''))),
        bullets: [],
      });
      continue;
    }
    // Bullets start with "- "; their wrapped lines are indented.
    const head: string[] = [];
    const bullets: string[][] = [];
    for (const line of lines) {
      if (/^-\s+/.test(line)) bullets.push([line.replace(/^-\s+/, '')]);
      else if (bullets.length) bullets.at(-1)!.push(line);
      else head.push(line);
    }
    // A list set apart from its "a)" line by a blank line (as Markdown formatters write it) still belongs to it.
    const previous = blocks.at(-1);
    if (head.length === 0 && previous && ['numbered', 'lettered', 'plain'].includes(previous.kind)) {
      previous.bullets.push(...bullets.map(join));
      continue;
    }
    const body = join(head);
    const numbered = /^(\d+)\.\s+(.*)$/.exec(body);
    const lettered = /^([a-zđ])\)\s+(.*)$/u.exec(body);
    const kind = numbered ? 'numbered' : lettered ? 'lettered' : 'plain';
    blocks.push({
      kind,
      label: numbered?.[1] ?? lettered?.[1] ?? '',
      text: numbered?.[2] ?? lettered?.[2] ?? body,
      bullets: bullets.map(join),
    });
  }
  return blocks;
}

const unbold = (s: string) => s.replace(/\*\*/g, '').trim();

/** "22/02/2023" or "ngày 22 tháng 02 năm 2023" → 2023-02-22. */
function isoFrom(d: string, m: string, y: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Issuers written only in a document's code (…/QĐ-UBND, …/QĐ-TTg) when the citation names none. */
const ISSUER_BY_CODE: Record<string, string> = {
  TTg: 'Thủ tướng Chính phủ',
  TU: 'Thành ủy',
  UBND: 'Ủy ban nhân dân thành phố',
};

/**
 * Reads one citation: "Quyết định số 284/QĐ-UBND ngày 24/01/2022 [của <issuer>] về <title>".
 * The citation text is kept verbatim, so the preamble prints exactly as signed.
 */
export function parseCitation(citation: string): DocumentReference | null {
  const m =
    /^(Nghị quyết|Quyết định|Kế hoạch|Chỉ thị|Thông tư|Nghị định|Luật|Công văn|Chương trình)\s+số\s+(\S+)\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+của\s+(.+?))?\s+về\s+(.+)$/u.exec(
      citation.trim(),
    );
  if (!m) return null;
  const number = m[2]!;
  const code = /[-/]([A-Za-zĐđ]+)$/u.exec(number)?.[1];
  const issuer = m[6]?.trim() ?? (code ? (ISSUER_BY_CODE[code] ?? null) : null);
  return {
    kind: m[1]!,
    number,
    issuer,
    date: isoFrom(m[3]!, m[4]!, m[5]!),
    title: m[7]!.trim(),
    citation: citation.trim(),
  };
}

const PART_KEYS = ['objectives', 'themes', 'tasks', 'funding', 'organisation'] as const;

export type ParsedPlan = { document: PlanDocumentInput; warnings: string[] };

/** A plan document with every part empty: what a parser fills in (`preambleLead` "Căn cứ" or "Thực hiện"). */
export function emptyPlanDocument(preambleLead: string): PlanDocumentInput {
  return {
    kind: 'KH',
    issuerName: '',
    parentIssuerName: null,
    number: null,
    place: '',
    date: null,
    year: 0,
    yearTo: null,
    title: '',
    headings: {
      objectives: '',
      generalObjectives: '',
      targets: '',
      themes: '',
      tasks: '',
      funding: '',
      organisation: '',
    },
    legalBases: [],
    preambleLead,
    preambleClosing: '',
    purposes: [],
    requirements: [],
    generalObjectives: [],
    targets: [],
    themes: [],
    tasks: [],
    funding: [],
    responsibilities: [],
    reportingSchedule: [],
    closing: '',
    recipients: [],
    signature: { authority: '', delegation: null, position: '', signer: '' },
    notes: [],
  };
}

/**
 * Turns the clean Markdown transcription of a plan (seed/54-KH-UBND-2023.vi.md) into the structured plan.
 * Pure: no I/O. The text is kept exactly as transcribed; notes about it are read from the transcription's header
 * (a list after a line such as "Transcription notes …:" before the first rule) into `notes`, never into the text.
 * Responsibilities get no unit links here (the caller resolves names to units); targets get the goal and subject
 * their wording implies.
 */
export function parsePlanMarkdown(md: string): ParsedPlan {
  const warnings: string[] = [];
  const all = toBlocks(md.normalize('NFC'));
  // The document starts after the first horizontal rule (the transcription's own notes come before it).
  const hr = all.findIndex((b) => b.kind === 'hr');
  const blocks = hr >= 0 ? all.slice(hr + 1) : all;
  const headerNotes =
    hr >= 0
      ? all
          .slice(0, hr)
          .filter((b) => b.kind === 'plain' && /(notes|ghi chú)(?=[\s(:])[^:]*:$/iu.test(b.text))
          .flatMap((b) => b.bullets)
      : [];

  const doc: PlanDocumentInput = { ...emptyPlanDocument('Thực hiện'), notes: [...headerNotes] };

  let part: (typeof PART_KEYS)[number] | 'front' | 'back' = 'front';
  let sub = '';
  let sawTitleLabel = false;
  let inRecipients = false;

  for (const b of blocks) {
    if (b.kind === 'h2') {
      const index = ['I', 'II', 'III', 'IV', 'V'].indexOf(b.label);
      if (index < 0) {
        warnings.push(`Bỏ qua đề mục không rõ: ${b.text}`);
        continue;
      }
      part = PART_KEYS[index]!;
      doc.headings[part] = b.text;
      sub = '';
      continue;
    }
    if (b.kind === 'quote') {
      doc.notes!.push(b.text);
      continue;
    }
    if (b.kind === 'h3') {
      sub = b.label;
      if (part === 'objectives') {
        if (b.label === '1') doc.headings.generalObjectives = b.text;
        else if (b.label === '2') doc.headings.targets = b.text;
      } else if (part === 'organisation') {
        doc.responsibilities.push({ heading: b.text, unitRefs: [], paragraphs: [], items: [] });
      }
      continue;
    }
    const raw = b.kind === 'plain' ? b.text : b.text;

    // Closing blocks: "Nơi nhận:", its list, and the signature line end the document wherever they appear.
    if (/^\*\*Nơi nhận:?\*\*/u.test(raw)) {
      part = 'back';
      inRecipients = true;
      doc.recipients = b.bullets.map((r) => r.replace(/\s+/g, ' '));
      continue;
    }
    if (/^\*\*(TM\.|KT\.|Q\.|TL\.)/u.test(raw)) {
      const m = /^\*\*(.+?)\*\*\s*(?:—\s*(.+))?$/u.exec(raw);
      const roles = (m?.[1] ?? '').split(/\s+—\s+/).map((s) => s.trim());
      doc.signature = {
        authority: roles[0] ?? '',
        delegation: roles.length > 2 ? roles[1]! : null,
        position: roles.at(-1) ?? '',
        signer: m?.[2]?.trim() ?? '',
      };
      inRecipients = false;
      continue;
    }

    if (part === 'front') {
      if (!doc.issuerName && raw.includes('CỘNG HÒA')) {
        doc.issuerName = raw.split(/\s+—\s+/)[0]!.trim();
      } else if (raw.startsWith('Số:')) {
        const m = /^Số:\s*(\S+)\s+—\s+(.+?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(
          raw,
        );
        if (m) {
          doc.number = m[1]!;
          doc.place = m[2]!.trim();
          doc.date = isoFrom(m[3]!, m[4]!, m[5]!);
        } else warnings.push(`Không đọc được số và ngày: ${raw}`);
      } else if (raw.startsWith('**')) {
        // "**KẾ HOẠCH**" then "**<title>**" (the two may share a paragraph).
        const lines = raw
          .split(/\*\*\s*\*\*/)
          .map(unbold)
          .filter(Boolean);
        for (const line of lines) {
          if (!sawTitleLabel && line === 'KẾ HOẠCH') sawTitleLabel = true;
          else doc.title = doc.title ? `${doc.title} ${line}` : line;
        }
      } else if (raw.startsWith('Thực hiện') || raw.startsWith('Căn cứ')) {
        const lead = raw.startsWith('Thực hiện') ? 'Thực hiện' : 'Căn cứ';
        doc.preambleLead = lead;
        const body = raw
          .slice(lead.length)
          .trim()
          .replace(/[,;.]$/, '');
        for (const citation of body.split(/;\s+/)) {
          const ref = parseCitation(citation);
          if (ref) doc.legalBases.push(ref);
          else warnings.push(`Không đọc được căn cứ: ${citation}`);
        }
      } else if (doc.legalBases.length) {
        doc.preambleClosing = raw;
      } else {
        doc.notes!.push(raw);
      }
      continue;
    }

    if (part === 'objectives') {
      if (b.kind !== 'lettered') {
        warnings.push(`Đoạn không có chữ cái thứ tự trong phần I: ${raw.slice(0, 60)}`);
        continue;
      }
      if (sub === '1') doc.generalObjectives.push({ letter: b.label, text: raw });
      else {
        const goal = inferGoal(raw);
        const subject = inferTargetSubject(raw);
        if (!goal) warnings.push(`Chỉ tiêu ${b.label}) không có mục tiêu định lượng`);
        if (!subject) warnings.push(`Chỉ tiêu ${b.label}) chưa xác định được đối tượng`);
        doc.targets.push({ letter: b.label, text: raw, goal: goal as never, subject: subject as never });
      }
      continue;
    }
    if (part === 'themes') {
      if (b.kind === 'numbered')
        doc.themes.push({ label: b.label, title: raw, bullets: b.bullets, children: [] });
      else if (b.kind === 'lettered' && doc.themes.length) {
        doc.themes.at(-1)!.children!.push({ label: b.label, title: raw, bullets: b.bullets });
      } else if (doc.themes.length) doc.themes.at(-1)!.bullets!.push(raw, ...b.bullets);
      continue;
    }
    if (part === 'tasks') {
      doc.tasks.push(raw);
      continue;
    }
    if (part === 'funding') {
      doc.funding.push(raw);
      continue;
    }
    if (part === 'organisation') {
      const r = doc.responsibilities.at(-1) as Responsibility | undefined;
      if (!r) {
        warnings.push(`Đoạn ngoài mục nào của phần V: ${raw.slice(0, 60)}`);
        continue;
      }
      if (b.kind === 'lettered') r.items.push({ letter: b.label, text: raw, unitRefs: [] });
      else if (r.items.length) {
        // A plain paragraph after the lettered items of the last part is the plan's closing paragraph.
        doc.closing = raw.replace(/\s*\.\/\.\s*$/, '.');
      } else r.paragraphs.push(raw);
      continue;
    }
    if (part === 'back' && !inRecipients) doc.notes!.push(raw);
    else if (part === 'back') doc.notes!.push(raw);
  }
  if (doc.date) doc.year = Number(doc.date.slice(0, 4));
  const yearInTitle = /năm (\d{4})\s*$/u.exec(doc.title);
  if (yearInTitle) doc.year = Number(yearInTitle[1]);
  if (!doc.closing) {
    // A closing paragraph with "./." may also stand alone as the last paragraph of V.
    const last = doc.responsibilities.at(-1);
    const p = last?.paragraphs?.at(-1);
    if (last?.paragraphs && p?.endsWith('./.')) {
      last.paragraphs.pop();
      doc.closing = p.replace(/\s*\.\/\.\s*$/, '.');
    }
  }
  // V. Tổ chức thực hiện usually states when units report ("báo cáo 6 tháng trước ngày 15/6 …"): the reporting
  // periods' default deadlines come from it.
  const organisation = (doc.responsibilities ?? []).flatMap((r) => [
    ...(r.paragraphs ?? []),
    ...(r.items ?? []).map((i) => i.text),
  ]);
  doc.reportingSchedule = inferReportingSchedule([...organisation, doc.closing ?? ''].join('\n'));
  return { document: doc, warnings };
}
