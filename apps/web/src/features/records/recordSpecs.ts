import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  type DX_MODEL_KINDS,
  type EVENT_KINDS,
  type EVENT_LEVELS,
  type PERSON_ROLES,
  type PUBLICATION_FORMATS,
  type RecordType,
  type TRAINING_TAGS,
  type UNIT_PLAN_KINDS,
} from '@dx/domain';
import type { Vocabulary } from '../../api/indicators';
import { todayIso } from '../../lib/dates';

/** [Vietnamese, English] */
type Words = [string, string];

export type FieldType =
  | 'text'
  | 'url'
  | 'textarea'
  | 'date'
  | 'number'
  | 'select'
  | 'checkbox'
  | 'unit'
  | 'channel'
  | 'themes'
  | 'models'
  | 'people'
  | 'tags';

export type FieldSpec = {
  key: string;
  label: Words;
  type: FieldType;
  required?: boolean;
  options?: { value: string; label: Words }[];
  /** The province vocabulary the options come from (issue 16); `options` while it has none. */
  vocabulary?: Vocabulary;
  /** Kept after "save and add another" (quick entry of many similar records). */
  sticky?: boolean;
  hint?: Words;
  initial?: () => unknown;
};

export type RecordSpec = {
  type: RecordType;
  fields: FieldSpec[];
  /** The field naming the record in lists and confirmations. */
  titleField: string;
  /** The unit field filled with the officer's unit by default. */
  unitField?: string;
};

const opts = (m: Record<string, Words>) => Object.entries(m).map(([value, label]) => ({ value, label }));
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const FORMAT_LABELS: Record<(typeof PUBLICATION_FORMATS)[number], Words> = {
  article: ['Tin, bài', 'Article'],
  report: ['Phóng sự', 'Report'],
  video: ['Video', 'Video'],
  radio: ['Phát thanh', 'Radio'],
  infographic: ['Infographic', 'Infographic'],
  post: ['Bài đăng mạng xã hội', 'Social post'],
};
const CHANNEL_EN: Record<(typeof CHANNEL_KINDS)[number], string> = {
  newspaper: 'Newspaper',
  tv: 'Television',
  radio: 'Radio',
  press_portal: 'Online newspaper',
  portal: 'Government portal / website',
  district_radio: 'District radio system',
  commune_loudspeaker: 'Commune loudspeakers',
  zalo: 'Zalo OA',
  facebook: 'Facebook page',
  youtube: 'YouTube channel',
  other: 'Other',
};
export const CHANNEL_LABELS = Object.fromEntries(
  CHANNEL_KINDS.map((k) => [k, [cap(CHANNEL_KIND_LABELS[k]), CHANNEL_EN[k]] as Words]),
) as Record<string, Words>;
export const PLAN_KIND_LABELS: Record<(typeof UNIT_PLAN_KINDS)[number], Words> = {
  communication_plan: ['Kế hoạch truyền thông năm', 'Communication plan'],
  dx_plan: ['Kế hoạch CĐS có lồng ghép truyền thông', 'DX plan with communication'],
  work_programme: [
    'Chương trình công tác có lồng ghép truyền thông CĐS',
    'Work programme with DX communication',
  ],
};
export const ROLE_LABELS: Record<(typeof PERSON_ROLES)[number], Words> = {
  reporter: ['Phóng viên', 'Reporter'],
  editor: ['Biên tập viên', 'Editor'],
  grassroots_officer: ['Cán bộ thông tin cơ sở', 'Grassroots information officer'],
};
export const MODEL_KIND_LABELS: Record<(typeof DX_MODEL_KINDS)[number], Words> = {
  model: ['Mô hình CĐS thành công', 'Successful DX model'],
  role_model: ['Gương điển hình', 'Role model'],
};
export const EVENT_KIND_LABELS: Record<(typeof EVENT_KINDS)[number], Words> = {
  contest: ['Cuộc thi', 'Contest'],
  workshop: ['Hội thảo', 'Workshop'],
  extracurricular: ['Buổi ngoại khóa', 'Extracurricular session'],
  other: ['Hoạt động khác', 'Other activity'],
};
export const EVENT_LEVEL_LABELS: Record<(typeof EVENT_LEVELS)[number], Words> = {
  city: ['Cấp tỉnh', 'Province'],
  district: ['Cấp huyện', 'District'],
  unit: ['Cấp đơn vị', 'Unit'],
};
export const TAG_LABELS: Record<(typeof TRAINING_TAGS)[number], Words> = {
  dx_writing: ['Viết tin, bài về chuyển đổi số', 'Writing DX news'],
  dx_general: ['Chuyển đổi số nói chung', 'DX in general'],
  other: ['Khác', 'Other'],
};

const UNIT: Words = ['Đơn vị', 'Unit'];

export const RECORD_SPECS: Record<RecordType, RecordSpec> = {
  publication: {
    type: 'publication',
    titleField: 'title',
    fields: [
      { key: 'channelId', label: ['Kênh đăng', 'Channel'], type: 'channel', required: true, sticky: true },
      { key: 'title', label: ['Tiêu đề tin, bài', 'Title'], type: 'text', required: true },
      {
        key: 'url',
        label: ['Đường dẫn (URL)', 'Link (URL)'],
        type: 'url',
        hint: ['Dán địa chỉ bắt đầu bằng https://', 'Paste an address starting with https://'],
      },
      {
        key: 'publishedOn',
        label: ['Ngày đăng', 'Published on'],
        type: 'date',
        required: true,
        sticky: true,
        initial: todayIso,
      },
      {
        key: 'format',
        label: ['Hình thức', 'Format'],
        type: 'select',
        required: true,
        sticky: true,
        options: opts(FORMAT_LABELS),
        initial: () => 'article',
      },
      { key: 'themeIds', label: ['Chủ đề (nội dung tuyên truyền)', 'Themes'], type: 'themes', sticky: true },
      { key: 'modelIds', label: ['Mô hình CĐS được giới thiệu', 'DX models featured'], type: 'models' },
      {
        key: 'isDx',
        label: ['Thuộc chuyên mục "Chuyển đổi số"', 'In the "Chuyển đổi số" section'],
        type: 'checkbox',
        sticky: true,
        initial: () => true,
      },
      { key: 'reach', label: ['Lượt tiếp cận (nếu biết)', 'Reach (if known)'], type: 'number' },
    ],
  },
  channel: {
    type: 'channel',
    titleField: 'name',
    unitField: 'ownerUnitId',
    fields: [
      { key: 'ownerUnitId', label: ['Đơn vị quản lý kênh', 'Owner unit'], type: 'unit', required: true },
      {
        key: 'kind',
        label: ['Loại kênh', 'Kind'],
        type: 'select',
        required: true,
        options: opts(CHANNEL_LABELS),
        vocabulary: 'channel_kind',
      },
      { key: 'name', label: ['Tên kênh', 'Name'], type: 'text', required: true },
      { key: 'address', label: ['Địa chỉ (URL)', 'Address (URL)'], type: 'url' },
      {
        key: 'hasDxSection',
        label: ['Có chuyên mục "Chuyển đổi số"', 'Has a "Chuyển đổi số" section'],
        type: 'checkbox',
        initial: () => false,
      },
      { key: 'dxSectionUrl', label: ['Địa chỉ chuyên mục', 'Section address'], type: 'url' },
      { key: 'dxSectionSince', label: ['Chuyên mục mở từ ngày', 'Section open since'], type: 'date' },
      { key: 'closedOn', label: ['Ngừng hoạt động từ ngày', 'Closed on'], type: 'date' },
    ],
  },
  unit_plan: {
    type: 'unit_plan',
    titleField: 'documentNumber',
    unitField: 'unitId',
    fields: [
      { key: 'unitId', label: UNIT, type: 'unit', required: true },
      {
        key: 'year',
        label: ['Năm', 'Year'],
        type: 'number',
        required: true,
        initial: () => Number(todayIso().slice(0, 4)),
      },
      {
        key: 'kind',
        label: ['Loại văn bản', 'Document kind'],
        type: 'select',
        required: true,
        options: opts(PLAN_KIND_LABELS),
        initial: () => 'communication_plan',
      },
      {
        key: 'documentNumber',
        label: ['Số, ký hiệu văn bản', 'Document number'],
        type: 'text',
        required: true,
        hint: ['Ví dụ: 12/KH-UBND', 'e.g. 12/KH-UBND'],
      },
      { key: 'documentDate', label: ['Ngày ban hành', 'Date issued'], type: 'date', required: true },
      { key: 'fileRef', label: ['Đường dẫn tệp văn bản', 'Link to the document file'], type: 'text' },
    ],
  },
  person: {
    type: 'person',
    titleField: 'fullName',
    unitField: 'unitId',
    fields: [
      { key: 'unitId', label: UNIT, type: 'unit', required: true, sticky: true },
      { key: 'fullName', label: ['Họ và tên', 'Full name'], type: 'text', required: true },
      {
        key: 'role',
        label: ['Vai trò', 'Role'],
        type: 'select',
        required: true,
        sticky: true,
        options: opts(ROLE_LABELS),
        vocabulary: 'person_role',
      },
      { key: 'email', label: ['Thư điện tử', 'E-mail'], type: 'text' },
      { key: 'phone', label: ['Điện thoại', 'Phone'], type: 'text' },
      { key: 'leftOn', label: ['Nghỉ, chuyển công tác từ ngày', 'Left on'], type: 'date' },
    ],
  },
  training: {
    type: 'training',
    titleField: 'title',
    unitField: 'organiserUnitId',
    fields: [
      { key: 'organiserUnitId', label: ['Đơn vị tổ chức', 'Organiser'], type: 'unit', required: true },
      { key: 'title', label: ['Tên lớp tập huấn', 'Title'], type: 'text', required: true },
      { key: 'heldOn', label: ['Ngày tổ chức', 'Held on'], type: 'date', required: true },
      {
        key: 'tags',
        label: ['Nội dung tập huấn', 'Subjects'],
        type: 'tags',
        options: opts(TAG_LABELS),
        vocabulary: 'training_tag',
        initial: () => ['dx_writing'],
      },
      { key: 'attendeeIds', label: ['Người tham dự', 'Attendees'], type: 'people' },
    ],
  },
  dx_model: {
    type: 'dx_model',
    titleField: 'name',
    unitField: 'unitId',
    fields: [
      { key: 'unitId', label: UNIT, type: 'unit', required: true },
      {
        key: 'kind',
        label: ['Loại', 'Kind'],
        type: 'select',
        required: true,
        options: opts(MODEL_KIND_LABELS),
        vocabulary: 'model_kind',
        initial: () => 'model',
      },
      { key: 'name', label: ['Tên mô hình, gương điển hình', 'Name'], type: 'text', required: true },
      { key: 'description', label: ['Mô tả', 'Description'], type: 'textarea' },
      { key: 'recognisedBy', label: ['Cơ quan công nhận', 'Recognised by'], type: 'text' },
      { key: 'recognisedOn', label: ['Ngày công nhận', 'Recognised on'], type: 'date' },
    ],
  },
  event: {
    type: 'event',
    titleField: 'title',
    unitField: 'organiserUnitId',
    fields: [
      { key: 'organiserUnitId', label: ['Đơn vị tổ chức', 'Organiser'], type: 'unit', required: true },
      {
        key: 'kind',
        label: ['Loại hoạt động', 'Kind'],
        type: 'select',
        required: true,
        options: opts(EVENT_KIND_LABELS),
        vocabulary: 'event_kind',
      },
      {
        key: 'level',
        label: ['Cấp', 'Level'],
        type: 'select',
        required: true,
        options: opts(EVENT_LEVEL_LABELS),
        vocabulary: 'event_level',
        initial: () => 'unit',
      },
      { key: 'title', label: ['Tên hoạt động', 'Title'], type: 'text', required: true },
      { key: 'heldOn', label: ['Ngày tổ chức', 'Held on'], type: 'date', required: true },
      { key: 'participants', label: ['Số người tham gia', 'Participants'], type: 'number' },
      { key: 'isDx', label: ['Về chuyển đổi số', 'About DX'], type: 'checkbox', initial: () => true },
      { key: 'themeIds', label: ['Chủ đề', 'Themes'], type: 'themes' },
    ],
  },
};

/** Empty values of a new record, with the defaults. */
export function blankValues(spec: RecordSpec, unitId: string | null): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of spec.fields) {
    v[f.key] = f.initial
      ? f.initial()
      : f.type === 'checkbox'
        ? false
        : ['themes', 'models', 'people', 'tags'].includes(f.type)
          ? []
          : f.type === 'unit'
            ? unitId
            : f.type === 'channel' || f.type === 'select'
              ? null
              : '';
  }
  return v;
}

/** Form values of a stored record. */
export function valuesOf(spec: RecordSpec, r: Record<string, unknown>): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const x = r[f.key];
    v[f.key] =
      f.type === 'checkbox'
        ? !!x
        : ['themes', 'models', 'people', 'tags'].includes(f.type)
          ? ((x as string[] | undefined) ?? [])
          : f.type === 'number'
            ? x === null || x === undefined
              ? ''
              : x
            : f.type === 'select' || f.type === 'channel' || f.type === 'unit'
              ? ((x as string | null) ?? null)
              : ((x as string | null) ?? '');
  }
  return v;
}

/** The body sent to the API: empty optional fields as null, numbers as numbers. */
export function inputOf(spec: RecordSpec, v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const x = v[f.key];
    switch (f.type) {
      case 'number':
        out[f.key] = x === '' || x === null || x === undefined ? (f.required ? undefined : null) : Number(x);
        break;
      case 'select':
      case 'channel':
      case 'unit':
        out[f.key] = x ?? undefined;
        break;
      case 'checkbox':
        out[f.key] = !!x;
        break;
      case 'themes':
      case 'models':
      case 'people':
      case 'tags':
        out[f.key] = x ?? [];
        break;
      default: {
        const s = typeof x === 'string' ? x.trim() : '';
        out[f.key] = s === '' && !f.required ? null : s;
      }
    }
  }
  return out;
}
