import {
  isoDate,
  PUBLICATION_FORMATS,
  RECORD_INPUTS,
  type RecordType,
  UNIT_PLAN_KINDS,
  UNIT_PLAN_STATUSES,
} from '@dx/domain';
import { z } from 'zod';
import { pagination, recordVersion } from './common';

// Records a unit enters (docs/brief.md "Records a unit enters"): one set of routes per kind under RECORD_PATHS.

// Requests

export const recordParams = z.object({ id: z.uuid() });
export const recordFileParams = z.object({ fileId: z.uuid('Mã tệp không hợp lệ') });

/**
 * The list of one kind. Strict: an unknown parameter is a 400, so a misspelt filter never silently lists everything.
 * New filters are added here (the server reads them from request.query, the web's fetcher from this type).
 */
export const recordsQuery = z.strictObject({
  provinceId: z.uuid(),
  unitId: z.uuid().optional(),
  /** With unitId: also the units below it (org-unit tree as of today). */
  includeBelow: z.enum(['true', 'false'], 'Ghi true hoặc false').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** With includeBelow: the org-unit tree as of this day (default today). */
  asOf: isoDate.optional(),
  /** Publications and events about this theme of the plan (RECORD_LIST_FILTERS; any other kind: 400). */
  themeId: z.uuid('Mã chủ đề không hợp lệ').optional(),
  /** Publications on this channel (RECORD_LIST_FILTERS; any other kind: 400). */
  channelId: z.uuid('Mã kênh không hợp lệ').optional(),
  /** Channels with a DX section (true) or without one (false) (RECORD_LIST_FILTERS; any other kind: 400). */
  dx: z.enum(['true', 'false'], 'Ghi true hoặc false').optional(),
  ...pagination,
});
export type RecordsQuery = z.input<typeof recordsQuery>;

/** The body of a new record of each kind (the domain's input schema). */
export const recordBodies = RECORD_INPUTS;
export type RecordBody<K extends RecordType> = z.input<(typeof RECORD_INPUTS)[K]>;
/** The body of an edit: the version read and the record. */
export const recordUpdateBody = <K extends RecordType>(type: K) =>
  z.object({ version: recordVersion, record: RECORD_INPUTS[type] });
export const recordDeleteQuery = z.strictObject({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const recordFileBody = z.object({
  fileName: z.string().trim().min(1, 'Thiếu tên tệp').max(255, 'Tên tệp tối đa 255 ký tự'),
  contentBase64: z.base64('Nội dung tệp phải mã hoá base64').max(5_600_000, 'Tệp quá lớn (tối đa 4 MB)'),
});

export const recordImportBody = z.object({
  provinceId: z.uuid(),
  fileName: z.string().trim().min(1, 'Thiếu tên tệp').max(255),
  contentBase64: z
    .base64('Nội dung tệp phải mã hoá base64')
    .max(6_000_000, 'Tệp quá lớn (tối đa khoảng 4 MB)'),
  confirm: z.boolean().default(false),
});
export const recordImportFileQuery = z.strictObject({
  provinceId: z.uuid(),
  confirm: z.enum(['true', 'false']).default('false'),
});
export const recordTemplateQuery = z.strictObject({ provinceId: z.uuid().optional() });
/** A confirm names the stage its dry run answered with (issue 12: the file is read and checked once). */
export const recordImportConfirmBody = z.strictObject({ stageId: z.uuid() });

export const unitPlanReviewBody = z.object({
  version: recordVersion,
  decision: z.enum(['accept', 'return'], 'Chọn chấp nhận hoặc trả lại'),
  note: z.string().trim().max(4000).nullable().default(null),
});
export type UnitPlanReviewBody = z.input<typeof unitPlanReviewBody>;

// Responses

const day = z.string();
/**
 * The fields of each kind that leave the server, beside the common ones: the presenter's whitelist is these keys, so a
 * new column never leaks and a field missing here is a compile error in the presenter.
 */
export const RECORD_OUT_FIELDS = {
  unit_plan: {
    unitId: z.uuid(),
    year: z.number().int(),
    kind: z.enum(UNIT_PLAN_KINDS),
    documentNumber: z.string(),
    documentDate: day,
    fileRef: z.string().nullable(),
    status: z.enum(UNIT_PLAN_STATUSES),
    reviewNote: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  },
  channel: {
    ownerUnitId: z.uuid(),
    /** A code of the province's channel_kind vocabulary (issue 16). */
    kind: z.string(),
    name: z.string(),
    address: z.string().nullable(),
    hasDxSection: z.boolean(),
    dxSectionUrl: z.string().nullable(),
    dxSectionSince: day.nullable(),
    closedOn: day.nullable(),
  },
  publication: {
    channelId: z.uuid(),
    unitId: z.uuid(),
    title: z.string(),
    url: z.string().nullable(),
    publishedOn: day,
    format: z.enum(PUBLICATION_FORMATS),
    isDx: z.boolean(),
    reach: z.number().int().nullable(),
  },
  person: {
    unitId: z.uuid(),
    fullName: z.string(),
    /** A code of the province's person_role vocabulary. */
    role: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    leftOn: day.nullable(),
  },
  training: { organiserUnitId: z.uuid(), title: z.string(), heldOn: day, tags: z.array(z.string()) },
  dx_model: {
    unitId: z.uuid(),
    /** A code of the province's model_kind vocabulary. */
    kind: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    recognisedBy: z.string().nullable(),
    recognisedOn: day.nullable(),
  },
  event: {
    organiserUnitId: z.uuid(),
    /** Codes of the province's event_kind and event_level vocabularies. */
    kind: z.string(),
    level: z.string(),
    title: z.string(),
    heldOn: day,
    participants: z.number().int().nullable(),
    isDx: z.boolean(),
  },
} as const satisfies Record<RecordType, Record<string, z.ZodType>>;

export const recordFileOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.string(),
  url: z.string(),
});
export type RecordFileOut = z.infer<typeof recordFileOut>;

const common = {
  id: z.uuid(),
  provinceId: z.uuid(),
  version: z.number().int(),
  updatedAt: z.string(),
  /** Links, when read one by one: themes and models of a publication or event, attendees of a training. */
  themeIds: z.array(z.uuid()).optional(),
  modelIds: z.array(z.uuid()).optional(),
  attendeeIds: z.array(z.uuid()).optional(),
  /** In lists: the owning unit's name. */
  unitName: z.string().nullable().optional(),
  /** Read one by one: the attached files. */
  files: z.array(recordFileOut).optional(),
};

const outOf = <K extends RecordType>(type: K) =>
  z.object({ type: z.literal(type), ...common, ...RECORD_OUT_FIELDS[type] });

/** A record of one kind as the server sends it. */
export const RECORD_OUTS = {
  unit_plan: outOf('unit_plan'),
  channel: outOf('channel'),
  publication: outOf('publication'),
  person: outOf('person'),
  training: outOf('training'),
  dx_model: outOf('dx_model'),
  event: outOf('event'),
} as const;
export type RecordOutOf<K extends RecordType> = z.infer<(typeof RECORD_OUTS)[K]>;

/** A record of any kind (tagged by `type`). */
export const recordOut = z.discriminatedUnion('type', [
  RECORD_OUTS.unit_plan,
  RECORD_OUTS.channel,
  RECORD_OUTS.publication,
  RECORD_OUTS.person,
  RECORD_OUTS.training,
  RECORD_OUTS.dx_model,
  RECORD_OUTS.event,
]);
export type RecordOut = z.infer<typeof recordOut>;
export const recordListOut = <K extends RecordType>(type: K) =>
  z.object({ items: z.array(RECORD_OUTS[type]), total: z.number() });
export type RecordListOut<K extends RecordType = RecordType> = { items: RecordOutOf<K>[]; total: number };

export const recordImportOut = z.object({
  total: z.number(),
  valid: z.number(),
  saved: z.number(),
  batchId: z.number().nullable(),
  /** The dry run's checked rows, waiting for their confirm (null once confirmed, or when no row is valid). */
  stageId: z.string().nullable(),
  issues: z.array(z.object({ row: z.number(), column: z.string().nullable(), message: z.string() })),
});
export type RecordImportOut = z.infer<typeof recordImportOut>;
