import { isValidIsoDate } from '../dates';
import { ROWS_PER_STEP, runSteps, type Steps } from '../steps';
import { foldVietnamese } from '../text';
import { readImportCount } from './import-numbers';
import { legacyTextIssues } from './import-text';
import { publicationInput } from './inputs';
import type { PublicationFormat } from './kinds';

/*
 * Import of publications from Excel/CSV (docs/brief.md "Excel/CSV import"; docs/ux.md "Excel is the native tongue"): the rows are
 * checked here, purely, against lookups the server loads; each problem is reported by row and column in
 * Vietnamese. Names of channels, themes and models match accent-insensitively (Thuỷ/Thủy alike).
 */

/** Columns of the template, in order (headers as the user sees them). */
export const PUBLICATION_IMPORT_COLUMNS = [
  { key: 'channel', header: 'Kênh (tên như đã khai báo)', example: 'Cổng TTĐT quận Hải An' },
  { key: 'title', header: 'Tiêu đề tin, bài', example: 'Hải An số hoá chợ truyền thống' },
  { key: 'url', header: 'Đường dẫn', example: 'https://xaanbinh.gov.vn/tin/123' },
  { key: 'publishedOn', header: 'Ngày đăng (dd/mm/yyyy)', example: '15/03/2023' },
  {
    key: 'format',
    header: 'Hình thức (tin/bài, phóng sự, video, phát thanh, infographic, bài đăng)',
    example: 'tin/bài',
  },
  { key: 'themes', header: 'Chủ đề (mã hoặc tên, cách nhau bởi ;)', example: 'II.4.a; II.2' },
  { key: 'models', header: 'Mô hình CĐS được giới thiệu (tên, cách nhau bởi ;)', example: '' },
  { key: 'reach', header: 'Lượt tiếp cận', example: '1200' },
  { key: 'isDx', header: 'Thuộc chuyên mục Chuyển đổi số (có/không)', example: 'có' },
] as const;
export type PublicationImportColumn = (typeof PUBLICATION_IMPORT_COLUMNS)[number]['key'];

/** A cell as read from a sheet: text, number (Excel serial date or count), date, or empty. */
export type Cell = string | number | Date | boolean | null | undefined;

/** A problem of an imported row, by column (the spec's key; null = the whole row). */
export type ImportIssue = { row: number; column: string | null; message: string };

const FORMAT_WORDS: [string, PublicationFormat][] = [
  ['tin/bai', 'article'],
  ['tin', 'article'],
  ['bai', 'article'],
  ['bai viet', 'article'],
  ['article', 'article'],
  ['phong su', 'report'],
  ['report', 'report'],
  ['video', 'video'],
  ['phat thanh', 'radio'],
  ['radio', 'radio'],
  ['infographic', 'infographic'],
  ['bai dang', 'post'],
  ['post', 'post'],
];

/** The template column behind each field of the publication input. */
const PUBLICATION_FIELD_COLUMNS: Record<string, PublicationImportColumn> = {
  channelId: 'channel',
  title: 'title',
  url: 'url',
  publishedOn: 'publishedOn',
  format: 'format',
  themeIds: 'themes',
  modelIds: 'models',
  reach: 'reach',
  isDx: 'isDx',
};

const cellText = (c: Cell): string =>
  c === null || c === undefined
    ? ''
    : c instanceof Date
      ? c.toISOString().slice(0, 10)
      : String(c).normalize('NFC').trim();

/** dd/mm/yyyy (Vietnamese), yyyy-mm-dd, an Excel date cell or an Excel serial number → yyyy-mm-dd, or null. */
export function parseImportDate(c: Cell): string | null {
  if (c instanceof Date) {
    // exceljs gives dates as UTC midnight of the calendar day typed.
    return Number.isNaN(c.getTime()) ? null : c.toISOString().slice(0, 10);
  }
  if (typeof c === 'number') {
    if (c < 20000 || c > 80000) return null;
    return new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000).toISOString().slice(0, 10);
  }
  const s = cellText(c);
  let iso: string | null = null;
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (vi) iso = `${vi[3]}-${vi[2]!.padStart(2, '0')}-${vi[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  return iso && isValidIsoDate(iso) ? iso : null;
}

export type PublicationLookups = {
  channels: { id: string; name: string; ownerUnitId: string }[];
  themes: { id: string; code: string; title: string }[];
  models: { id: string; name: string }[];
  /** Keys (see publicationKey) of publications already stored. */
  existing: Set<string>;
  /** Channel owners the importing user may write for. */
  canWriteFor: (unitId: string) => boolean;
};

/** Identity used to find duplicates: same channel, same day, same title (accent-insensitive). */
export function publicationKey(channelId: string, publishedOn: string, title: string): string {
  return `${channelId}|${publishedOn}|${foldVietnamese(title)}`;
}

export type CheckedPublication = {
  row: number;
  input: ReturnType<typeof publicationInput.parse>;
  unitId: string;
};

/**
 * Checks imported rows (row numbers as in the sheet, header = row 1). Returns the valid rows ready to save and
 * every issue by row and column; a row with any issue is not among the valid ones.
 */
export function checkPublicationRows(
  rows: { row: number; cells: Partial<Record<PublicationImportColumn, Cell>> }[],
  lookups: PublicationLookups,
): { valid: CheckedPublication[]; issues: ImportIssue[]; unitIds: Set<string> } {
  return runSteps(checkPublicationRowsSteps(rows, lookups));
}

/** checkPublicationRows in steps: it pauses every ROWS_PER_STEP rows (packages/domain/src/steps.ts). */
export function* checkPublicationRowsSteps(
  rows: { row: number; cells: Partial<Record<PublicationImportColumn, Cell>> }[],
  lookups: PublicationLookups,
): Steps<{ valid: CheckedPublication[]; issues: ImportIssue[]; unitIds: Set<string> }> {
  const channelsByName = new Map<string, PublicationLookups['channels']>();
  for (const c of lookups.channels)
    channelsByName.set(foldVietnamese(c.name), [...(channelsByName.get(foldVietnamese(c.name)) ?? []), c]);
  const themeByKey = new Map<string, string>();
  for (const t of lookups.themes) {
    themeByKey.set(t.code.toLowerCase(), t.id);
    themeByKey.set(foldVietnamese(t.title), t.id);
  }
  const modelByName = new Map(lookups.models.map((m) => [foldVietnamese(m.name), m.id]));
  const seen = new Map<string, number>();
  const valid: CheckedPublication[] = [];
  const issues: ImportIssue[] = [];
  // Owners of the channels the rows name: the units whose rights decide the rows.
  const unitIds = new Set<string>();

  let done = 0;
  for (const { row, cells } of rows) {
    if (++done % ROWS_PER_STEP === 0) yield;
    const rowIssues: ImportIssue[] = [];
    const add = (column: PublicationImportColumn | null, message: string) =>
      rowIssues.push({ row, column, message });
    legacyTextIssues(cells, (column, message) => add(column as PublicationImportColumn, message));
    const channelName = cellText(cells.channel);
    const matches = channelName ? (channelsByName.get(foldVietnamese(channelName)) ?? []) : [];
    let channel: PublicationLookups['channels'][number] | undefined;
    if (matches.length === 1) unitIds.add(matches[0]!.ownerUnitId);
    if (!channelName) add('channel', 'Thiếu tên kênh');
    else if (matches.length === 0)
      add('channel', `Không tìm thấy kênh "${channelName}"; khai báo kênh trước hoặc sửa tên cho đúng`);
    else if (matches.length > 1)
      add(
        'channel',
        `Có ${matches.length} kênh cùng tên "${channelName}"; nhập qua biểu mẫu để chọn đúng kênh`,
      );
    else if (!lookups.canWriteFor(matches[0]!.ownerUnitId))
      add('channel', 'Bạn không được nhập tin, bài cho kênh của đơn vị khác');
    else channel = matches[0];

    const dateCell = cells.publishedOn;
    const publishedOn = parseImportDate(dateCell);
    if (cellText(dateCell) === '') add('publishedOn', 'Thiếu ngày đăng');
    else if (!publishedOn)
      add('publishedOn', `Ngày "${cellText(dateCell)}" không hợp lệ; ghi theo dạng dd/mm/yyyy`);

    const formatText = foldVietnamese(cellText(cells.format));
    const format = FORMAT_WORDS.find(([w]) => w === formatText)?.[1];
    if (!formatText) add('format', 'Thiếu hình thức');
    else if (!format)
      add(
        'format',
        `Hình thức "${cellText(cells.format)}" không có trong danh sách (tin/bài, phóng sự, video, phát thanh, infographic, bài đăng)`,
      );

    const split = (c: Cell) =>
      cellText(c)
        .split(/[;\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
    const themeIds: string[] = [];
    for (const th of split(cells.themes)) {
      const id = themeByKey.get(th.toLowerCase()) ?? themeByKey.get(foldVietnamese(th));
      if (id) themeIds.push(id);
      else add('themes', `Không có chủ đề "${th}" trong kế hoạch (dùng mã như II.4.a)`);
    }
    const modelIds: string[] = [];
    for (const m of split(cells.models)) {
      const id = modelByName.get(foldVietnamese(m));
      if (id) modelIds.push(id);
      else add('models', `Không tìm thấy mô hình "${m}"`);
    }
    const reachRead = readImportCount(cells.reach, 'Lượt tiếp cận');
    if (!reachRead.ok) add('reach', reachRead.message);
    const reach = reachRead.ok ? reachRead.value : null;
    const yes = foldVietnamese(cellText(cells.isDx));
    const isDx =
      yes === '' || ['co', 'x', 'yes', 'true', '1'].includes(yes)
        ? true
        : ['khong', 'no', 'false', '0'].includes(yes)
          ? false
          : null;
    if (isDx === null) add('isDx', 'Ghi "có" hoặc "không"');

    const parsed = publicationInput.safeParse({
      channelId: channel?.id ?? '00000000-0000-4000-8000-000000000000',
      title: cellText(cells.title),
      url: cellText(cells.url),
      publishedOn: publishedOn ?? '2000-01-01',
      format: format ?? 'article',
      isDx: isDx ?? true,
      themeIds: [...new Set(themeIds)],
      modelIds: [...new Set(modelIds)],
      reach,
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const col = PUBLICATION_FIELD_COLUMNS[String(i.path[0])] ?? null;
        // A field whose cell was already reported got a stand-in value; anything else is reported, so no row
        // vanishes without a word (issue 12: every row not saved is reported).
        if (!rowIssues.some((x) => x.column === col)) add(col, i.message);
      }
    }
    if (rowIssues.length === 0 && parsed.success && channel) {
      const key = publicationKey(channel.id, parsed.data.publishedOn, parsed.data.title);
      if (lookups.existing.has(key)) add('title', 'Trùng tin, bài đã có (cùng kênh, ngày đăng, tiêu đề)');
      else if (seen.has(key)) add('title', `Trùng với dòng ${seen.get(key)} trong tệp`);
      else {
        seen.set(key, row);
        valid.push({ row, input: parsed.data, unitId: channel.ownerUnitId });
      }
    }
    issues.push(...rowIssues);
  }
  return { valid, issues, unitIds };
}
