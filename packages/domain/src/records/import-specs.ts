import type { Vocabulary } from '../indicators/parts';
import { ROWS_PER_STEP, runSteps, type Steps } from '../steps';
import { resolveLeads } from '../tasks/lead-resolution';
import { foldVietnamese } from '../text';
import {
  type Cell,
  checkPublicationRowsSteps,
  type ImportIssue,
  PUBLICATION_IMPORT_COLUMNS,
  parseImportDate,
  publicationKey,
} from './import';
import { readImportCount } from './import-numbers';
import { legacyTextIssues } from './import-text';
import { RECORD_INPUTS, type RecordType } from './inputs';
import {
  CHANNEL_KINDS,
  DX_MODEL_KINDS,
  EVENT_KINDS,
  EVENT_LEVELS,
  PERSON_ROLES,
  TRAINING_TAGS,
} from './kinds';

export * from '../legacy-encoding';
export * from './import-numbers';
export * from './import-text';

/*
 * Excel/CSV import of every kind of evidence record (docs/brief.md "Excel/CSV import"; docs/ux.md "Excel is the native tongue"):
 * one template per record type, each row checked here, purely, against lookups the server loads, each problem
 * reported by row and column in Vietnamese. Names of units, themes, channels, models and people match
 * accent-insensitively (Thuỷ/Thủy alike), units also through the abbreviations appendices use (UBND, TT&TT…).
 */

/** A value a choice column accepts: the words a unit may write (folded) → the stored value. */
export type ImportChoice = { value: string; label: string; words: string[] };

export type ImportColumnSpec = {
  key: string;
  header: string;
  example: string;
  required: boolean;
  /** How to write the cell (instructions sheet). */
  help: string;
  /** Choice columns: the values accepted (lists sheet). */
  choices?: readonly ImportChoice[];
  /** Columns whose valid values come from the province's data (lists sheet filled by the server). */
  lookup?: 'unit' | 'channel' | 'theme' | 'model' | 'person';
};

export type RecordImportSpec = {
  type: RecordType;
  /** Sheet and file names, title of the screen ("Nhập … từ Excel"). */
  sheetName: string;
  fileName: string;
  title: string;
  columns: readonly ImportColumnSpec[];
};

const c = (value: string, label: string, ...words: string[]): ImportChoice => ({
  value,
  label,
  words: [label, value, ...words].map(foldVietnamese),
});

export const UNIT_PLAN_KIND_CHOICES = [
  c('communication_plan', 'kế hoạch truyền thông', 'ke hoach truyen thong cds', 'kh truyen thong'),
  c('dx_plan', 'kế hoạch chuyển đổi số', 'kế hoạch CĐS', 'kh cds', 'ke hoach cds'),
  c('work_programme', 'chương trình công tác', 'chuong trinh', 'ke hoach cong tac'),
] as const;
export const CHANNEL_KIND_CHOICES = [
  c('newspaper', 'báo in', 'báo', 'tạp chí'),
  c('tv', 'truyền hình', 'đài truyền hình', 'tv'),
  c('radio', 'phát thanh', 'đài phát thanh'),
  c('press_portal', 'báo điện tử', 'trang báo điện tử'),
  c(
    'portal',
    'cổng/trang thông tin điện tử',
    'cổng TTĐT',
    'trang TTĐT',
    'cổng thông tin điện tử',
    'trang thông tin điện tử',
    'cổng thông tin',
    'trang thông tin',
  ),
  c(
    'district_radio',
    'đài truyền thanh cấp huyện',
    'truyền thanh huyện',
    'đài truyền thanh',
    'hệ thống truyền thanh cấp huyện',
  ),
  c(
    'commune_loudspeaker',
    'loa truyền thanh cơ sở',
    'loa truyền thanh',
    'loa',
    'đài truyền thanh cơ sở',
    'hệ thống loa',
  ),
  c('zalo', 'Zalo OA', 'zalo', 'zalo oa'),
  c('facebook', 'Facebook', 'fanpage', 'trang facebook'),
  c('youtube', 'YouTube', 'kênh youtube'),
  c('other', 'khác'),
] as const;
export const PERSON_ROLE_CHOICES = [
  c('reporter', 'phóng viên', 'pv'),
  c('editor', 'biên tập viên', 'btv', 'biên tập'),
  c(
    'grassroots_officer',
    'cán bộ thông tin cơ sở',
    'thông tin cơ sở',
    'cán bộ thông tin',
    'tuyên truyền viên cơ sở',
  ),
] as const;
export const TRAINING_TAG_CHOICES = [
  c(
    'dx_writing',
    'viết tin, bài về CĐS',
    'viết tin cđs',
    'viết tin, bài về chuyển đổi số',
    'viết tin chuyển đổi số',
    'viết tin',
    'kỹ năng viết tin',
  ),
  c('dx_general', 'CĐS chung', 'chuyển đổi số chung', 'chuyển đổi số', 'cđs', 'kiến thức cđs'),
  c('other', 'khác'),
] as const;
export const DX_MODEL_KIND_CHOICES = [
  c('model', 'mô hình', 'mô hình cđs', 'mô hình chuyển đổi số'),
  c('role_model', 'gương điển hình', 'điển hình', 'gương điển hình tiên tiến', 'cá nhân điển hình'),
] as const;
export const EVENT_KIND_CHOICES = [
  c('contest', 'cuộc thi', 'hội thi', 'thi'),
  c('workshop', 'hội thảo', 'tọa đàm', 'toạ đàm', 'diễn đàn'),
  c('extracurricular', 'ngoại khóa', 'ngoại khoá', 'hoạt động ngoại khóa', 'sinh hoạt ngoại khóa'),
  c('other', 'khác'),
] as const;
export const EVENT_LEVEL_CHOICES = [
  c('city', 'thành phố', 'cấp thành phố', 'tỉnh', 'cấp tỉnh'),
  c('district', 'quận, huyện', 'cấp huyện', 'huyện', 'quận', 'cấp quận'),
  c('unit', 'đơn vị', 'cấp đơn vị', 'cơ sở', 'cấp cơ sở', 'trường', 'xã', 'phường'),
] as const;
const YES_NO = [c('true', 'có', 'x', 'yes', '1'), c('false', 'không', 'no', '0')] as const;

const labelsOf = (choices: readonly ImportChoice[]) => choices.map((x) => x.label).join(' / ');
const DATE_HELP = 'Ngày theo dạng dd/mm/yyyy (ví dụ 15/03/2023) hoặc ô kiểu ngày của Excel';
const unitColumn = (header: string, example: string): ImportColumnSpec => ({
  key: 'unit',
  header,
  example,
  required: true,
  lookup: 'unit',
  help: 'Tên đơn vị như trong danh mục (không cần dấu; trùng tên thì ghi kèm đơn vị cấp trên trong ngoặc, ví dụ "Xã An Hòa (Huyện An Lão)"). Để trống: đơn vị của bạn (khi bạn chỉ làm cho một đơn vị)',
});
const themesColumn = (header: string): ImportColumnSpec => ({
  key: 'themes',
  header,
  example: 'II.4.a; II.2',
  required: false,
  lookup: 'theme',
  help: 'Mã chủ đề của kế hoạch (như II.4.a) hoặc tên chủ đề; nhiều chủ đề cách nhau bởi dấu ;',
});
const yesNoColumn = (key: string, header: string, help: string): ImportColumnSpec => ({
  key,
  header,
  example: 'có',
  required: false,
  choices: YES_NO,
  help,
});

export const RECORD_IMPORT_SPECS: Record<RecordType, RecordImportSpec> = {
  unit_plan: {
    type: 'unit_plan',
    sheetName: 'Kế hoạch',
    fileName: 'mau-nhap-ke-hoach.xlsx',
    title: 'kế hoạch của đơn vị',
    columns: [
      unitColumn('Đơn vị', 'Quận Hải An'),
      { key: 'year', header: 'Năm', example: '2023', required: true, help: 'Năm của kế hoạch, ví dụ 2023' },
      {
        key: 'kind',
        header: `Loại văn bản (${labelsOf(UNIT_PLAN_KIND_CHOICES)})`,
        example: 'kế hoạch truyền thông',
        required: true,
        choices: UNIT_PLAN_KIND_CHOICES,
        help: 'Kế hoạch truyền thông riêng, hoặc kế hoạch CĐS / chương trình công tác có lồng ghép nội dung truyền thông (KH 54 I.2.a)',
      },
      {
        key: 'documentNumber',
        header: 'Số, ký hiệu văn bản',
        example: '125/KH-UBND',
        required: true,
        help: 'Như trên văn bản, tối đa 60 ký tự',
      },
      {
        key: 'documentDate',
        header: 'Ngày ban hành (dd/mm/yyyy)',
        example: '20/02/2023',
        required: true,
        help: DATE_HELP,
      },
    ],
  },
  channel: {
    type: 'channel',
    sheetName: 'Kênh',
    fileName: 'mau-nhap-kenh.xlsx',
    title: 'kênh thông tin',
    columns: [
      unitColumn('Đơn vị chủ quản', 'Quận Hải An'),
      {
        key: 'kind',
        header: 'Loại kênh',
        example: 'cổng/trang thông tin điện tử',
        required: true,
        choices: CHANNEL_KIND_CHOICES,
        help: `Một trong: ${labelsOf(CHANNEL_KIND_CHOICES)}`,
      },
      {
        key: 'name',
        header: 'Tên kênh',
        example: 'Cổng TTĐT quận Hải An',
        required: true,
        help: 'Tên kênh; tin, bài sẽ được nhập theo đúng tên này',
      },
      {
        key: 'address',
        header: 'Địa chỉ (đường dẫn)',
        example: 'https://xaanbinh.gov.vn',
        required: false,
        help: 'Bắt đầu bằng http:// hoặc https://',
      },
      yesNoColumn(
        'hasDxSection',
        'Có chuyên mục Chuyển đổi số (có/không)',
        'Ghi "có" nếu kênh có chuyên mục "Chuyển đổi số" (KH 54 I.2.b); để trống là "không"',
      ),
      {
        key: 'dxSectionUrl',
        header: 'Đường dẫn chuyên mục CĐS',
        example: 'https://xaanbinh.gov.vn/chuyen-doi-so',
        required: false,
        help: 'Bắt đầu bằng http:// hoặc https://',
      },
      {
        key: 'dxSectionSince',
        header: 'Chuyên mục CĐS có từ ngày (dd/mm/yyyy)',
        example: '01/03/2023',
        required: false,
        help: DATE_HELP,
      },
    ],
  },
  publication: {
    type: 'publication',
    sheetName: 'Tin bài',
    fileName: 'mau-nhap-tin-bai.xlsx',
    title: 'tin, bài',
    columns: PUBLICATION_IMPORT_COLUMNS.map((col) => ({
      ...col,
      required: ['channel', 'title', 'publishedOn', 'format'].includes(col.key),
      help:
        col.key === 'channel'
          ? 'Tên kênh như đã khai báo (không cần dấu)'
          : col.key === 'publishedOn'
            ? DATE_HELP
            : col.key === 'themes'
              ? 'Mã chủ đề của kế hoạch (như II.4.a) hoặc tên chủ đề; nhiều chủ đề cách nhau bởi dấu ;'
              : col.key === 'models'
                ? 'Tên mô hình CĐS như đã khai báo; nhiều mô hình cách nhau bởi dấu ;'
                : col.key === 'reach'
                  ? 'Số nguyên không âm (1200 hoặc 1.200)'
                  : col.key === 'isDx'
                    ? 'Để trống là "có"'
                    : col.key === 'format'
                      ? 'Một trong: tin/bài, phóng sự, video, phát thanh, infographic, bài đăng'
                      : '',
      ...(col.key === 'channel'
        ? { lookup: 'channel' as const }
        : col.key === 'themes'
          ? { lookup: 'theme' as const }
          : col.key === 'models'
            ? { lookup: 'model' as const }
            : {}),
    })),
  },
  person: {
    type: 'person',
    sheetName: 'Người làm tin',
    fileName: 'mau-nhap-nguoi-lam-tin.xlsx',
    title: 'phóng viên, biên tập viên, cán bộ thông tin cơ sở',
    columns: [
      unitColumn('Đơn vị', 'Phường Đằng Lâm'),
      {
        key: 'fullName',
        header: 'Họ và tên',
        example: 'Nguyễn Thị Thu Hà',
        required: true,
        help: 'Họ và tên đầy đủ',
      },
      {
        key: 'role',
        header: 'Vai trò',
        example: 'cán bộ thông tin cơ sở',
        required: true,
        choices: PERSON_ROLE_CHOICES,
        help: `Một trong: ${labelsOf(PERSON_ROLE_CHOICES)} (KH 54 I.2.c)`,
      },
      {
        key: 'email',
        header: 'Thư điện tử',
        example: 'thuha@xaanbinh.gov.vn',
        required: false,
        help: 'Không bắt buộc',
      },
      {
        key: 'phone',
        header: 'Điện thoại',
        example: '0912 345 678',
        required: false,
        help: 'Không bắt buộc',
      },
    ],
  },
  training: {
    type: 'training',
    sheetName: 'Tập huấn',
    fileName: 'mau-nhap-tap-huan.xlsx',
    title: 'lớp tập huấn',
    columns: [
      unitColumn('Đơn vị tổ chức', 'Sở Khoa học và Công nghệ'),
      {
        key: 'title',
        header: 'Tên lớp tập huấn',
        example: 'Tập huấn kỹ năng viết tin, bài về chuyển đổi số',
        required: true,
        help: 'Tên lớp, tối đa 500 ký tự',
      },
      {
        key: 'heldOn',
        header: 'Ngày tổ chức (dd/mm/yyyy)',
        example: '12/06/2023',
        required: true,
        help: DATE_HELP,
      },
      {
        key: 'tags',
        header: 'Nội dung tập huấn (cách nhau bởi ;)',
        example: 'viết tin, bài về CĐS',
        required: false,
        choices: TRAINING_TAG_CHOICES,
        help: `Một hoặc nhiều trong: ${labelsOf(TRAINING_TAG_CHOICES)}; cách nhau bởi dấu ; ("viết tin, bài về CĐS" được tính cho chỉ tiêu I.2.c)`,
      },
      {
        key: 'attendees',
        header: 'Người tham dự (họ tên, cách nhau bởi ;)',
        example: 'Nguyễn Thị Thu Hà; Trần Văn Nam',
        required: false,
        lookup: 'person',
        help: 'Họ tên như đã khai báo ở "Người làm tin"; trùng tên thì ghi kèm đơn vị trong ngoặc, ví dụ "Trần Văn Nam (Phường Đằng Lâm)"',
      },
    ],
  },
  dx_model: {
    type: 'dx_model',
    sheetName: 'Mô hình',
    fileName: 'mau-nhap-mo-hinh.xlsx',
    title: 'mô hình, gương điển hình',
    columns: [
      unitColumn('Đơn vị', 'Quận Lê Chân'),
      {
        key: 'kind',
        header: 'Loại (mô hình / gương điển hình)',
        example: 'mô hình',
        required: true,
        choices: DX_MODEL_KIND_CHOICES,
        help: `Một trong: ${labelsOf(DX_MODEL_KIND_CHOICES)} (KH 54 I.2.d)`,
      },
      {
        key: 'name',
        header: 'Tên mô hình, gương điển hình',
        example: 'Chợ 4.0 Lê Chân',
        required: true,
        help: 'Tên, tối đa 500 ký tự',
      },
      {
        key: 'description',
        header: 'Mô tả',
        example: 'Thanh toán không dùng tiền mặt tại chợ',
        required: false,
        help: 'Không bắt buộc',
      },
      {
        key: 'recognisedBy',
        header: 'Cơ quan công nhận',
        example: 'UBND tỉnh',
        required: false,
        help: 'Ghi cùng ngày công nhận, hoặc để trống cả hai',
      },
      {
        key: 'recognisedOn',
        header: 'Ngày công nhận (dd/mm/yyyy)',
        example: '30/08/2023',
        required: false,
        help: DATE_HELP,
      },
    ],
  },
  event: {
    type: 'event',
    sheetName: 'Hoạt động',
    fileName: 'mau-nhap-hoat-dong.xlsx',
    title: 'cuộc thi, hội thảo, hoạt động',
    columns: [
      unitColumn('Đơn vị tổ chức', 'Trường THCS Chu Văn An'),
      {
        key: 'kind',
        header: 'Loại hoạt động',
        example: 'ngoại khóa',
        required: true,
        choices: EVENT_KIND_CHOICES,
        help: `Một trong: ${labelsOf(EVENT_KIND_CHOICES)} (KH 54 I.2.đ, I.2.e)`,
      },
      {
        key: 'level',
        header: 'Cấp',
        example: 'đơn vị',
        required: true,
        choices: EVENT_LEVEL_CHOICES,
        help: `Một trong: ${labelsOf(EVENT_LEVEL_CHOICES)}`,
      },
      {
        key: 'title',
        header: 'Tên hoạt động',
        example: 'Ngoại khóa "Em tìm hiểu chuyển đổi số"',
        required: true,
        help: 'Tên, tối đa 500 ký tự',
      },
      {
        key: 'heldOn',
        header: 'Ngày tổ chức (dd/mm/yyyy)',
        example: '10/10/2023',
        required: true,
        help: DATE_HELP,
      },
      {
        key: 'participants',
        header: 'Số người tham gia',
        example: '350',
        required: false,
        help: 'Số nguyên không âm',
      },
      themesColumn('Chủ đề (mã hoặc tên, cách nhau bởi ;)'),
      yesNoColumn('isDx', 'Về chuyển đổi số (có/không)', 'Để trống là "có"'),
    ],
  },
};

/** A sheet's header folded for matching (the hint in brackets dropped): "Ngày đăng (dd/mm/yyyy)" ~ "ngay dang". */
export const importHeaderKey = (h: string) => foldVietnamese(h.replace(/\(.*$/, ''));

/**
 * Which sheet column holds each column of the spec: by header (accent-insensitive, hint ignored), else by its
 * position in the template.
 */
export function mapImportColumns(type: RecordType, headers: readonly string[]): Map<string, number> {
  const folded = headers.map(importHeaderKey);
  const index = new Map<string, number>();
  RECORD_IMPORT_SPECS[type].columns.forEach((col, i) => {
    const at = folded.indexOf(importHeaderKey(col.header));
    index.set(col.key, at >= 0 ? at : i);
  });
  return index;
}

/**
 * The fields of each record kind whose values are codes of a province vocabulary (issue 16; indicators/parts.ts
 * VOCABULARIES): the server checks a written record's codes against them, an import reads its cells through them.
 */
export const RECORD_VOCABULARY_FIELDS = {
  channel: { kind: 'channel_kind' },
  person: { role: 'person_role' },
  training: { tags: 'training_tag' },
  dx_model: { kind: 'model_kind' },
  event: { kind: 'event_kind', level: 'event_level' },
} as const satisfies Partial<Record<RecordType, Record<string, Vocabulary>>>;

/**
 * The platform's default codes of each vocabulary (records/kinds.ts): what a province that has not set a vocabulary
 * of its own writes. Once it has terms in a vocabulary, only those count.
 */
export const DEFAULT_VOCABULARY_CODES: Record<Vocabulary, readonly string[]> = {
  person_role: PERSON_ROLES,
  training_tag: TRAINING_TAGS,
  event_kind: EVENT_KINDS,
  event_level: EVENT_LEVELS,
  model_kind: DX_MODEL_KINDS,
  channel_kind: CHANNEL_KINDS,
};

/**
 * The codes of a written record that its province's vocabularies do not hold, with their field paths. `terms` are the
 * codes in force of each vocabulary the province has set (an empty list when all its terms have ended); a vocabulary
 * it has never set (absent) takes the defaults.
 */
export function unknownVocabularyCodes(
  type: RecordType,
  input: Record<string, unknown>,
  terms: Partial<Record<Vocabulary, readonly string[]>>,
  /** The record as stored, on an update: a code it already holds stays valid after its term was retired. */
  stored?: Record<string, unknown>,
): { path: (string | number)[]; vocabulary: Vocabulary; code: string }[] {
  const fields = (RECORD_VOCABULARY_FIELDS as Partial<Record<RecordType, Record<string, Vocabulary>>>)[type];
  const out: { path: (string | number)[]; vocabulary: Vocabulary; code: string }[] = [];
  for (const [field, vocabulary] of Object.entries(fields ?? {})) {
    const codes = terms[vocabulary] ?? DEFAULT_VOCABULARY_CODES[vocabulary];
    const v = input[field];
    const values = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
    const held = stored?.[field];
    const kept = new Set(Array.isArray(held) ? held : held === undefined || held === null ? [] : [held]);
    values.forEach((code, i) => {
      if (typeof code === 'string' && !codes.includes(code) && !kept.has(code))
        out.push({ path: Array.isArray(v) ? [field, i] : [field], vocabulary, code });
    });
  }
  return out;
}

/** The vocabulary a field of a record kind takes its codes from, or null. */
export function vocabularyOfField(type: RecordType, field: string): Vocabulary | null {
  const fields = (RECORD_VOCABULARY_FIELDS as Partial<Record<RecordType, Record<string, Vocabulary>>>)[type];
  return fields && Object.hasOwn(fields, field) ? fields[field]! : null;
}

/** A province's vocabulary term as an import reads it (code stored, labels written by units). */
export type ImportTerm = { code: string; labelVi: string; labelEn: string };

/**
 * The choices of a vocabulary column from the province's terms in force: its Vietnamese and English labels and its
 * code, plus the usual ways of writing a built-in code ("pv" for phóng viên) when the province uses that code.
 */
export function vocabularyChoices(
  terms: readonly ImportTerm[],
  builtIn: readonly ImportChoice[] = [],
): ImportChoice[] {
  return terms.map((t) => {
    const known = builtIn.find((b) => b.value === t.code);
    const words = [t.labelVi, t.labelEn, t.code].filter(Boolean).map(foldVietnamese);
    return { value: t.code, label: t.labelVi, words: [...new Set([...words, ...(known?.words ?? [])])] };
  });
}

/**
 * A column's choices: the province's vocabulary terms when the column takes a vocabulary the province has set, else
 * the built-in list (the template's lists sheet and the check of a row read the same).
 */
export function importColumnChoices(
  type: RecordType,
  column: ImportColumnSpec,
  vocabularies?: Partial<Record<Vocabulary, readonly ImportTerm[]>>,
): readonly ImportChoice[] | undefined {
  const vocabulary = vocabularyOfField(type, column.key);
  const terms = vocabulary ? vocabularies?.[vocabulary] : undefined;
  return terms ? vocabularyChoices(terms, column.choices) : column.choices;
}

/** How to fill a column (the template's instructions): a vocabulary column lists the province's own words. */
export function importColumnHelp(
  type: RecordType,
  column: ImportColumnSpec,
  vocabularies?: Partial<Record<Vocabulary, readonly ImportTerm[]>>,
): string {
  const vocabulary = vocabularyOfField(type, column.key);
  const terms = vocabulary ? vocabularies?.[vocabulary] : undefined;
  if (!terms) return column.help;
  const list = terms.map((t) => t.labelVi).join(' / ');
  return column.key === 'tags' ? `Một hoặc nhiều trong: ${list}; cách nhau bởi dấu ;` : `Một trong: ${list}`;
}

export type ImportUnit = { id: string; name: string; parentName: string | null };
export type RecordImportLookups = {
  /** Units of the province in force today. */
  units: ImportUnit[];
  channels: { id: string; name: string; ownerUnitId: string }[];
  themes: { id: string; code: string; title: string }[];
  models: { id: string; name: string }[];
  people: { id: string; fullName: string; unitId: string }[];
  /** Identities (recordImportKey) of records already stored. */
  existing: Set<string>;
  /** Units the importing user may write records for. */
  canWriteFor: (unitId: string) => boolean;
  /** The unit an empty unit cell means (the user's only unit), if any. */
  defaultUnitId?: string | null;
  /**
   * The province's vocabulary terms in force, by vocabulary (issue 16): a vocabulary column accepts only these. A
   * vocabulary left out (one the province has never set) falls back to the built-in choices.
   */
  vocabularies?: Partial<Record<Vocabulary, readonly ImportTerm[]>>;
};

export type CheckedRecord = {
  row: number;
  /** The record as the form would send it (RECORD_INPUTS[type] parsed). */
  input: Record<string, unknown>;
  /** The unit the record belongs to. */
  unitId: string;
  key: string;
};

/**
 * The identity of a record, to find duplicates in the database and within the file: same unit and (folded)
 * name, number or title, plus the date for dated records.
 */
export function recordImportKey(type: RecordType, r: Record<string, unknown>): string {
  const f = (v: unknown) => foldVietnamese(String(v ?? ''));
  switch (type) {
    case 'unit_plan':
      return `${r.unitId}|${r.year}|${f(r.documentNumber)}`;
    case 'channel':
      return `${r.ownerUnitId}|${f(r.name)}`;
    case 'publication':
      return publicationKey(String(r.channelId), String(r.publishedOn), String(r.title));
    case 'person':
      return `${r.unitId}|${f(r.fullName)}`;
    case 'training':
    case 'event':
      return `${r.organiserUnitId}|${r.heldOn}|${f(r.title)}`;
    case 'dx_model':
      return `${r.unitId}|${f(r.name)}`;
  }
}

const DUPLICATE_MESSAGE: Record<RecordType, [column: string, text: string]> = {
  unit_plan: ['documentNumber', 'Trùng văn bản đã có (cùng đơn vị, năm, số ký hiệu)'],
  channel: ['name', 'Trùng kênh đã có (cùng đơn vị, tên kênh)'],
  publication: ['title', 'Trùng tin, bài đã có (cùng kênh, ngày đăng, tiêu đề)'],
  person: ['fullName', 'Trùng người đã có (cùng đơn vị, họ tên)'],
  training: ['title', 'Trùng lớp tập huấn đã có (cùng đơn vị, ngày, tên lớp)'],
  dx_model: ['name', 'Trùng mô hình đã có (cùng đơn vị, tên)'],
  event: ['title', 'Trùng hoạt động đã có (cùng đơn vị, ngày, tên)'],
};

/** Input fields → the template column they come from (to report zod's findings by column). */
const FIELD_COLUMNS: Record<string, string> = {
  unitId: 'unit',
  ownerUnitId: 'unit',
  organiserUnitId: 'unit',
  themeIds: 'themes',
  modelIds: 'models',
  attendeeIds: 'attendees',
};

export const importCellText = (v: Cell): string =>
  v === null || v === undefined
    ? ''
    : v instanceof Date
      ? v.toISOString().slice(0, 10)
      : String(v).normalize('NFC').replace(/\s+/g, ' ').trim();

const splitList = (v: Cell) =>
  importCellText(v)
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads "Tên (Cấp trên)" → ["Tên", "Cấp trên"]. */
function withParent(text: string): [string, string | null] {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(text);
  return m ? [m[1]!.trim(), m[2]!.trim()] : [text, null];
}

/** Resolves unit names: exact folded name first, then the appendix matcher (abbreviations, partial names). */
export function makeUnitResolver(units: readonly ImportUnit[]) {
  const byName = new Map<string, ImportUnit[]>();
  for (const u of units)
    byName.set(foldVietnamese(u.name), [...(byName.get(foldVietnamese(u.name)) ?? []), u]);
  const memo = new Map<string, { unit: ImportUnit } | { error: string }>();
  return (text: string): { unit: ImportUnit } | { error: string } => {
    const hit = memo.get(text);
    if (hit) return hit;
    let out: { unit: ImportUnit } | { error: string };
    const [name, parent] = withParent(text);
    let same = byName.get(foldVietnamese(name)) ?? [];
    if (parent && same.length > 1)
      same = same.filter((u) => u.parentName && foldVietnamese(u.parentName) === foldVietnamese(parent));
    if (same.length === 1) out = { unit: same[0]! };
    else if (same.length > 1)
      out = {
        error: `Có ${same.length} đơn vị tên "${name}"; ghi kèm đơn vị cấp trên, ví dụ "${same[0]!.name} (${same[0]!.parentName ?? '…'})"`,
      };
    else {
      const r = resolveLeads(name, { units, groups: [] });
      const q = r.questions[0];
      if (r.matches.length === 1 && r.questions.length === 0) {
        out = { unit: units.find((u) => u.id === r.matches[0]!.id)! };
      } else if (q?.kind === 'ambiguous') out = { error: q.reason };
      else out = { error: `Không tìm thấy đơn vị "${text}" trong danh mục đơn vị của tỉnh` };
    }
    memo.set(text, out);
    return out;
  };
}

/** A choice cell → its value; `undefined` when the text is not one of the choices. */
export function readChoice(choices: readonly ImportChoice[], v: Cell): string | undefined {
  const t = foldVietnamese(importCellText(v));
  return choices.find((ch) => ch.words.includes(t))?.value;
}

/**
 * Checks imported rows of any record type (row numbers as in the sheet, header = row 1). Returns the valid rows
 * ready to save, every issue by row and column, and the units the rows named (the server checks the user's right
 * to write for them). A row with any issue is not among the valid ones.
 */
export function checkRecordRows(
  type: RecordType,
  rows: { row: number; cells: Record<string, Cell> }[],
  lookups: RecordImportLookups,
): { valid: CheckedRecord[]; issues: ImportIssue[]; unitIds: Set<string> } {
  return runSteps(checkRecordRowsSteps(type, rows, lookups));
}

/** checkRecordRows in steps: it pauses every ROWS_PER_STEP rows (packages/domain/src/steps.ts). */
export function* checkRecordRowsSteps(
  type: RecordType,
  rows: { row: number; cells: Record<string, Cell> }[],
  lookups: RecordImportLookups,
): Steps<{ valid: CheckedRecord[]; issues: ImportIssue[]; unitIds: Set<string> }> {
  if (type === 'publication') {
    const r = yield* checkPublicationRowsSteps(rows, lookups);
    return {
      valid: r.valid.map((v) => ({
        row: v.row,
        input: v.input,
        unitId: v.unitId,
        key: recordImportKey('publication', v.input),
      })),
      issues: r.issues,
      unitIds: r.unitIds,
    };
  }
  const spec = RECORD_IMPORT_SPECS[type];
  const resolveUnit = makeUnitResolver(lookups.units);
  const themeByKey = new Map<string, string>();
  for (const t of lookups.themes) {
    if (!themeByKey.has(t.code.toLowerCase())) themeByKey.set(t.code.toLowerCase(), t.id);
    if (!themeByKey.has(foldVietnamese(t.title))) themeByKey.set(foldVietnamese(t.title), t.id);
  }
  const unitName = new Map(lookups.units.map((u) => [u.id, u.name]));
  const peopleByName = new Map<string, RecordImportLookups['people'][number][]>();
  for (const p of lookups.people)
    peopleByName.set(foldVietnamese(p.fullName), [
      ...(peopleByName.get(foldVietnamese(p.fullName)) ?? []),
      p,
    ]);
  const schema = RECORD_INPUTS[type];
  const choiceColumns = new Map(
    spec.columns.map((x) => [x.key, importColumnChoices(type, x, lookups.vocabularies)]),
  );
  const seen = new Map<string, number>();
  const valid: CheckedRecord[] = [];
  const issues: ImportIssue[] = [];
  const unitIds = new Set<string>();

  let done = 0;
  for (const { row, cells } of rows) {
    if (++done % ROWS_PER_STEP === 0) yield;
    const rowIssues: ImportIssue[] = [];
    const add = (column: string | null, message: string) => {
      if (!rowIssues.some((i) => i.column === column)) rowIssues.push({ row, column, message });
    };
    legacyTextIssues(cells, add);
    const text = (key: string) => importCellText(cells[key]);
    const col = (key: string) => spec.columns.find((x) => x.key === key)!;
    const values: Record<string, unknown> = {};

    // The unit (owner, organiser).
    let unitId: string | null = null;
    const unitText = text('unit');
    if (!unitText) {
      if (lookups.defaultUnitId) unitId = lookups.defaultUnitId;
      else add('unit', `Thiếu tên đơn vị (cột "${col('unit').header}")`);
    } else {
      const r = resolveUnit(unitText);
      if ('error' in r) add('unit', r.error);
      else unitId = r.unit.id;
    }
    if (unitId) {
      unitIds.add(unitId);
      if (!lookups.canWriteFor(unitId))
        add(
          'unit',
          `Bạn không được nhập hồ sơ cho "${unitName.get(unitId) ?? unitText}" (chỉ đơn vị mình và đơn vị trực thuộc)`,
        );
    }

    for (const column of spec.columns) {
      const k = column.key;
      if (k === 'unit') continue;
      const t = text(k);
      const choices = choiceColumns.get(k);
      if (choices && k !== 'tags' && k !== 'hasDxSection' && k !== 'isDx') {
        if (!t) {
          if (column.required) add(k, `Thiếu ${column.header.replace(/\s*\(.*$/, '').toLowerCase()}`);
          continue;
        }
        const v = readChoice(choices, cells[k]);
        if (v) values[k] = v;
        else add(k, `"${t}" không có trong danh sách (${labelsOf(choices)})`);
      } else if (k === 'hasDxSection' || k === 'isDx') {
        if (!t) values[k] = k === 'isDx';
        else {
          const v = readChoice(YES_NO, cells[k]);
          if (v) values[k] = v === 'true';
          else add(k, 'Ghi "có" hoặc "không"');
        }
      } else if (k === 'tags') {
        const tags: string[] = [];
        const tagChoices = choices ?? TRAINING_TAG_CHOICES;
        for (const piece of splitList(cells[k])) {
          const v = readChoice(tagChoices, piece);
          if (v) tags.push(v);
          else add(k, `Nội dung "${piece}" không có trong danh sách (${labelsOf(tagChoices)})`);
        }
        values.tags = [...new Set(tags)];
      } else if (/On$|Date$|Since$/.test(k)) {
        if (!t) {
          if (column.required) add(k, `Thiếu ${column.header.replace(/\s*\(.*$/, '').toLowerCase()}`);
          values[k] = null;
          continue;
        }
        const d = parseImportDate(cells[k]);
        if (d) values[k] = d;
        else add(k, `Ngày "${t}" không hợp lệ; ghi theo dạng dd/mm/yyyy`);
      } else if (k === 'year' || k === 'participants') {
        // A number cell is read as a number (1.5 is not 15); text by the Vietnamese convention.
        const r = readImportCount(cells[k], k === 'year' ? 'Năm' : 'Số người');
        if (!r.ok) add(k, r.message);
        else if (r.value === null) {
          if (column.required) add(k, 'Thiếu năm');
          values[k] = null;
        } else values[k] = r.value;
      } else if (k === 'themes') {
        const ids: string[] = [];
        for (const th of splitList(cells[k])) {
          const id = themeByKey.get(th.toLowerCase()) ?? themeByKey.get(foldVietnamese(th));
          if (id) ids.push(id);
          else add(k, `Không có chủ đề "${th}" trong kế hoạch (dùng mã như II.4.a)`);
        }
        values.themeIds = [...new Set(ids)];
      } else if (k === 'attendees') {
        const ids: string[] = [];
        for (const piece of splitList(cells[k])) {
          const [name, unit] = withParent(piece);
          let found = peopleByName.get(foldVietnamese(name)) ?? [];
          if (unit && found.length > 1) {
            const r = resolveUnit(unit);
            found = 'unit' in r ? found.filter((p) => p.unitId === r.unit.id) : [];
          }
          if (found.length === 1) ids.push(found[0]!.id);
          else if (found.length === 0)
            add(k, `Không tìm thấy người "${piece}"; khai báo ở "Người làm tin" trước hoặc sửa tên cho đúng`);
          else
            add(
              k,
              `Có ${found.length} người tên "${name}"; ghi kèm đơn vị, ví dụ "${name} (${unitName.get(found[0]!.unitId) ?? '…'})"`,
            );
        }
        values.attendeeIds = [...new Set(ids)];
      } else {
        if (!t && column.required) add(k, `Thiếu ${column.header.replace(/\s*\(.*$/, '').toLowerCase()}`);
        values[k] = t === '' ? null : t;
      }
    }

    const ownerField =
      type === 'channel'
        ? 'ownerUnitId'
        : type === 'training' || type === 'event'
          ? 'organiserUnitId'
          : 'unitId';
    const candidate: Record<string, unknown> = {
      ...values,
      [ownerField]: unitId ?? '00000000-0000-4000-8000-000000000000',
    };
    // Required fields with a problem already reported get a stand-in so zod reports only what is left.
    for (const column of spec.columns) {
      if (rowIssues.some((i) => i.column === column.key) && column.key in candidate)
        delete candidate[column.key];
    }
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const field = String(i.path[0] ?? '');
        const column = FIELD_COLUMNS[field] ?? field;
        if (!spec.columns.some((x) => x.key === column)) continue;
        if (rowIssues.some((x) => x.column === column)) continue;
        // A missing value whose cell had a problem was reported already.
        add(column, i.message);
      }
      // No row is left out without a word (issue 12): a failure outside the template's columns names the row.
      if (rowIssues.length === 0) add(null, parsed.error.issues[0]?.message ?? 'Dòng không hợp lệ');
    }
    if (rowIssues.length === 0 && parsed.success && unitId) {
      const input = parsed.data as Record<string, unknown>;
      const key = recordImportKey(type, input);
      const [dupColumn, dupText] = DUPLICATE_MESSAGE[type];
      if (lookups.existing.has(key)) add(dupColumn, dupText);
      else if (seen.has(key)) add(dupColumn, `Trùng với dòng ${seen.get(key)} trong tệp`);
      else {
        seen.set(key, row);
        valid.push({ row, input, unitId, key });
      }
    }
    issues.push(...rowIssues);
  }
  return { valid, issues, unitIds };
}
