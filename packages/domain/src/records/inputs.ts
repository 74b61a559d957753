import { z } from 'zod';
import { isoDate } from '../dates';
import { stripInvisible } from '../text';
import { PUBLICATION_FORMATS, UNIT_PLAN_KINDS } from './kinds';

/*
 * What a unit enters for each kind of evidence record (docs/brief.md "Records a unit enters"), checked at the edge with
 * a Vietnamese message per field (UX "Forgiving input"). Text is stored in NFC.
 */

const nfc = (s: string) => stripInvisible(s).normalize('NFC').replace(/\s+/g, ' ');
const text = (message: string, max = 500) =>
  z.string(message).trim().min(1, message).max(max, `Tối đa ${max} ký tự`).transform(nfc);
const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => (s === '' ? null : nfc(s)))
    .nullable()
    .optional()
    .transform((s) => s ?? null);
const url = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => s === '' || /^https?:\/\/\S+$/i.test(s), 'Địa chỉ phải bắt đầu bằng http:// hoặc https://')
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .transform((s) => s ?? null);
const unitId = z.uuid('Chọn đơn vị');
const optionalDate = isoDate
  .nullable()
  .optional()
  .transform((d) => d ?? null);
/** Largest value of the integer columns that hold counts (reach, participants): more is a 400, not a 500. */
export const MAX_COUNT = 2_147_483_647;
/**
 * A code of one of the province's vocabularies (issue 16: roles, training tags, channel, model and event kinds and
 * levels are the province's own; import-specs.ts RECORD_VOCABULARY_FIELDS). The shape is checked here; the server
 * checks the code against the province's terms.
 */
const vocabularyCode = (message: string) =>
  z
    .string(message)
    .trim()
    .min(1, message)
    .max(60)
    .regex(/^[A-Za-z0-9_.-]+$/, message);
const ids = (message: string) => z.array(z.uuid(message)).max(200).default([]);

export const unitPlanInput = z.object({
  unitId,
  year: z
    .number('Nhập năm')
    .int('Năm không hợp lệ')
    .min(2000, 'Năm không hợp lệ')
    .max(2100, 'Năm không hợp lệ'),
  kind: z.enum(
    UNIT_PLAN_KINDS,
    'Chọn loại văn bản (kế hoạch truyền thông, kế hoạch CĐS, chương trình công tác)',
  ),
  documentNumber: text('Nhập số, ký hiệu văn bản', 60),
  documentDate: isoDate,
  fileRef: optionalText(500),
});

export const channelInput = z
  .object({
    ownerUnitId: unitId,
    kind: vocabularyCode('Chọn loại kênh trong danh mục'),
    name: text('Nhập tên kênh', 300),
    address: url,
    hasDxSection: z.boolean().default(false),
    dxSectionUrl: url,
    dxSectionSince: optionalDate,
    closedOn: optionalDate,
  })
  .superRefine((c, ctx) => {
    if (!c.hasDxSection && (c.dxSectionUrl || c.dxSectionSince)) {
      ctx.addIssue({
        code: 'custom',
        path: ['hasDxSection'],
        message: 'Đánh dấu kênh có chuyên mục "Chuyển đổi số"',
      });
    }
  });

export const publicationInput = z.object({
  channelId: z.uuid('Chọn kênh'),
  title: text('Nhập tiêu đề tin, bài', 1000),
  url,
  publishedOn: isoDate,
  format: z.enum(
    PUBLICATION_FORMATS,
    'Chọn hình thức (tin, bài, phóng sự, video, phát thanh, infographic, bài đăng)',
  ),
  isDx: z.boolean().default(true),
  themeIds: ids('Chủ đề không hợp lệ'),
  modelIds: ids('Mô hình không hợp lệ'),
  reach: z
    .number()
    .int('Số lượt tiếp cận là số nguyên')
    .min(0, 'Số lượt tiếp cận không âm')
    .max(MAX_COUNT, 'Số lượt tiếp cận quá lớn')
    .nullable()
    .optional()
    .transform((n) => n ?? null),
});

export const personInput = z.object({
  unitId,
  fullName: text('Nhập họ và tên', 200),
  // A code of the province's person_role vocabulary (issue 16; checked by the server against it).
  role: vocabularyCode('Chọn vai trò trong danh mục'),
  email: z
    .email('Thư điện tử không hợp lệ')
    .nullable()
    .optional()
    .transform((s) => s ?? null),
  phone: optionalText(30),
  leftOn: optionalDate,
});

export const trainingInput = z.object({
  organiserUnitId: unitId,
  title: text('Nhập tên lớp tập huấn', 500),
  heldOn: isoDate,
  tags: z.array(vocabularyCode('Chọn nội dung tập huấn trong danh mục')).max(10).default([]),
  attendeeIds: z.array(z.uuid('Người tham dự không hợp lệ')).max(5000).default([]),
});

export const dxModelInput = z
  .object({
    unitId,
    kind: vocabularyCode('Chọn loại mô hình trong danh mục'),
    name: text('Nhập tên mô hình', 500),
    description: optionalText(4000),
    recognisedBy: optionalText(300),
    recognisedOn: optionalDate,
  })
  .superRefine((m, ctx) => {
    if ((m.recognisedBy === null) !== (m.recognisedOn === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [m.recognisedBy === null ? 'recognisedBy' : 'recognisedOn'],
        message: 'Nhập cả cơ quan công nhận và ngày công nhận',
      });
    }
  });

export const eventInput = z.object({
  organiserUnitId: unitId,
  kind: vocabularyCode('Chọn loại hoạt động trong danh mục'),
  level: vocabularyCode('Chọn cấp trong danh mục'),
  title: text('Nhập tên hoạt động', 500),
  heldOn: isoDate,
  participants: z
    .number()
    .int()
    .min(0, 'Số người tham gia không âm')
    .max(MAX_COUNT, 'Số người tham gia quá lớn')
    .nullable()
    .optional()
    .transform((n) => n ?? null),
  isDx: z.boolean().default(true),
  themeIds: ids('Chủ đề không hợp lệ'),
});

/** Record kinds a unit enters, with their input schema (the API path uses the plural, kebab-case name). */
export const RECORD_INPUTS = {
  unit_plan: unitPlanInput,
  channel: channelInput,
  publication: publicationInput,
  person: personInput,
  training: trainingInput,
  dx_model: dxModelInput,
  event: eventInput,
} as const;
export type RecordType = keyof typeof RECORD_INPUTS;
export type RecordInput<K extends RecordType> = z.infer<(typeof RECORD_INPUTS)[K]>;
