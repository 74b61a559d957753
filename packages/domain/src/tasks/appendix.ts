import type { Cell } from '../records/import';
import { foldVietnamese, normalizeText } from '../text';
import { type LeadCandidates, type LeadResolution, resolveLeads } from './lead-resolution';
import { parseTimeFrame, type TimeFrame, type TimeFrameContext } from './time-frame';

/**
 * Reading a plan's appendix of tasks (plan 54 III "Danh mục nhiệm vụ … tại Phụ lục") from a sheet the way
 * provinces write it: STT / TT, Nhiệm vụ (or Nội dung), Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện,
 * Sản phẩm / Kết quả, Kinh phí, Ghi chú; group rows numbered in Roman numerals. Pure: the caller passes the units
 * and groups of the province and the plan's period.
 */
export const APPENDIX_COLUMNS = [
  'stt',
  'title',
  'lead',
  'coordinators',
  'timeFrame',
  'output',
  'budget',
  'note',
] as const;
export type AppendixColumn = (typeof APPENDIX_COLUMNS)[number];

export const APPENDIX_HEADERS_VI: Record<AppendixColumn, string> = {
  stt: 'STT',
  title: 'Nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  timeFrame: 'Thời gian thực hiện',
  output: 'Sản phẩm',
  budget: 'Kinh phí',
  note: 'Ghi chú',
};

/** Folded header → column; the first that a header starts with wins. */
const HEADER_WORDS: [RegExp, AppendixColumn][] = [
  [/^(stt|tt|so tt|so thu tu)$/, 'stt'],
  [/^(ten |noi dung )?nhiem vu|^noi dung( cong viec| thuc hien)?$|^cong viec$/, 'title'],
  [/^(co quan|don vi)? ?chu tri/, 'lead'],
  [/^(co quan|don vi)? ?phoi hop/, 'coordinators'],
  [/^thoi (gian|han)/, 'timeFrame'],
  [/^(san pham|ket qua)/, 'output'],
  [/^kinh phi|^du toan/, 'budget'],
  [/^ghi chu/, 'note'],
];

export type AppendixIssue = { column: AppendixColumn | null; message: string; severity: 'error' | 'warning' };

export type AppendixRow = {
  row: number;
  /** "kind: group" rows are headings (I, II…): they name the section the following tasks belong to. */
  kind: 'task' | 'group';
  stt: string;
  section: string | null;
  title: string;
  leadText: string;
  coordinatorText: string;
  timeFrame: TimeFrame;
  output: string;
  budgetText: string;
  /** Đồng, when the cell is a plain amount ("500.000.000", "500 triệu"); null otherwise ("Nguồn thường xuyên"). */
  budgetAmount: number | null;
  note: string;
  leads: LeadResolution;
  coordinators: LeadResolution;
  issues: AppendixIssue[];
};

export type AppendixReading = {
  headerRow: number | null;
  columns: Partial<Record<AppendixColumn, number>>;
  rows: AppendixRow[];
  /** Problems with the file as a whole (no header row, no task column). */
  fileIssues: string[];
};

const text = (c: Cell): string => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) {
    const d = c;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  return normalizeText(String(c));
};

const isRoman = (s: string) => /^(?=[ivxlc]+\.?$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\.?$/i.test(s.trim());

/** "500.000.000", "500.000.000 đ", "500 triệu", "1,5 tỷ" → đồng; anything else → null. */
export function parseBudget(cell: string): number | null {
  const f = foldVietnamese(cell).replace(/\s*(d|dong|vnd)\.?$/, '');
  let m = /^(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(f);
  if (m) return Number(m[1]!.replace(/\./g, ''));
  m = /^(\d+(?:,\d+)?)\s*(trieu|ty)$/.exec(f);
  if (m) return Math.round(Number(m[1]!.replace(',', '.')) * (m[2] === 'ty' ? 1e9 : 1e6));
  return null;
}

/** Finds the header row among the first rows and reads every row after it. */
export function readAppendix(
  sheet: { row: number; cells: Cell[] }[],
  ctx: TimeFrameContext & {
    candidates: LeadCandidates;
    answers?: Record<string, { type: 'unit' | 'group'; id: string }>;
  },
): AppendixReading {
  const fileIssues: string[] = [];
  let headerRow: number | null = null;
  const columns: Partial<Record<AppendixColumn, number>> = {};
  for (const r of sheet.slice(0, 15)) {
    const found: Partial<Record<AppendixColumn, number>> = {};
    r.cells.forEach((c, i) => {
      const f = foldVietnamese(text(c))
        .replace(/[^a-z0-9 /]/g, '')
        .trim();
      const hit = HEADER_WORDS.find(([re]) => re.test(f));
      if (hit && found[hit[1]] === undefined) found[hit[1]] = i;
    });
    if (found.title !== undefined && (found.lead !== undefined || found.timeFrame !== undefined)) {
      headerRow = r.row;
      Object.assign(columns, found);
      break;
    }
  }
  if (headerRow === null) {
    fileIssues.push(
      'Không tìm thấy dòng tiêu đề: cần ít nhất các cột "Nhiệm vụ" và "Cơ quan chủ trì" hoặc "Thời gian thực hiện"',
    );
    return { headerRow, columns, rows: [], fileIssues };
  }
  const answers = new Map(Object.entries(ctx.answers ?? {}).map(([k, v]) => [foldVietnamese(k), v]));
  const candidateName = (type: 'unit' | 'group', id: string) =>
    (type === 'unit' ? ctx.candidates.units : ctx.candidates.groups).find((c) => c.id === id)?.name ?? null;
  /** Questions the DX office answered (text → unit/group) become matches. */
  const withAnswers = (r: LeadResolution): LeadResolution => {
    const questions = [];
    const matches = [...r.matches];
    for (const q of r.questions) {
      const a = answers.get(foldVietnamese(q.text));
      const name = a ? candidateName(a.type, a.id) : null;
      if (a && name) matches.push({ type: a.type, id: a.id, name, text: q.text, confidence: 'exact' });
      else questions.push(q);
    }
    return { matches, questions };
  };

  const rows: AppendixRow[] = [];
  let section: string | null = null;
  const get = (cells: Cell[], c: AppendixColumn) =>
    columns[c] === undefined ? '' : text(cells[columns[c]!]);
  for (const r of sheet) {
    if (r.row <= headerRow) continue;
    const cells = Object.fromEntries(APPENDIX_COLUMNS.map((c) => [c, get(r.cells, c)])) as Record<
      AppendixColumn,
      string
    >;
    if (APPENDIX_COLUMNS.every((c) => cells[c] === '')) continue;
    // A column-number row under the header ("(1) (2) (3)…") is not a task.
    if (APPENDIX_COLUMNS.every((c) => cells[c] === '' || /^\(?\d+\)?$/.test(cells[c]))) continue;
    const empty: LeadResolution = { matches: [], questions: [] };
    const isGroup =
      (isRoman(cells.stt) || (cells.stt === '' && /^[IVX]+\.\s/.test(cells.title))) &&
      cells.lead === '' &&
      cells.timeFrame === '';
    if (isGroup) {
      section = [cells.stt.replace(/\.$/, ''), cells.title].filter(Boolean).join('. ');
      rows.push({
        row: r.row,
        kind: 'group',
        stt: cells.stt,
        section,
        title: cells.title,
        leadText: '',
        coordinatorText: '',
        timeFrame: { kind: 'unknown', original: '', reason: '' },
        output: '',
        budgetText: '',
        budgetAmount: null,
        note: '',
        leads: empty,
        coordinators: empty,
        issues: [],
      });
      continue;
    }
    const issues: AppendixIssue[] = [];
    const err = (column: AppendixColumn, message: string) =>
      issues.push({ column, message, severity: 'error' });
    const warn = (column: AppendixColumn, message: string) =>
      issues.push({ column, message, severity: 'warning' });
    if (cells.title === '') err('title', 'Thiếu tên nhiệm vụ');
    else if (cells.title.length > 2000) err('title', 'Tên nhiệm vụ quá dài (tối đa 2.000 ký tự)');
    const timeFrame = parseTimeFrame(cells.timeFrame, ctx);
    if (timeFrame.kind === 'unknown')
      warn(
        'timeFrame',
        `${timeFrame.reason}. Nhiệm vụ vẫn được lưu, nhưng không có hạn nên không được đôn đốc tự động`,
      );
    else if (timeFrame.yearInferred)
      warn('timeFrame', `Không ghi năm: hiểu là năm ${ctx.planYear} của kế hoạch`);
    const leads = withAnswers(cells.lead ? resolveLeads(cells.lead, ctx.candidates) : empty);
    if (cells.lead === '') err('lead', 'Thiếu cơ quan chủ trì');
    for (const q of leads.questions) err('lead', q.reason);
    if (cells.lead !== '' && leads.matches.length === 0 && leads.questions.length === 0)
      err('lead', 'Không đọc được cơ quan chủ trì');
    const coordinators = withAnswers(
      cells.coordinators ? resolveLeads(cells.coordinators, ctx.candidates) : empty,
    );
    for (const q of coordinators.questions)
      warn('coordinators', `${q.reason}; giữ nguyên văn bản, không giao cho đơn vị nào`);
    const budgetAmount = cells.budget ? parseBudget(cells.budget) : null;
    rows.push({
      row: r.row,
      kind: 'task',
      stt: cells.stt,
      section,
      title: cells.title,
      leadText: cells.lead,
      coordinatorText: cells.coordinators,
      timeFrame,
      output: cells.output,
      budgetText: cells.budget,
      budgetAmount,
      note: cells.note,
      leads,
      coordinators,
      issues,
    });
  }
  if (!rows.some((r) => r.kind === 'task')) fileIssues.push('Tệp không có nhiệm vụ nào dưới dòng tiêu đề');
  return { headerRow, columns, rows, fileIssues };
}

/** True when a row can be saved (warnings do not stop it). */
export const isRowValid = (r: AppendixRow) =>
  r.kind === 'task' && !r.issues.some((i) => i.severity === 'error');
