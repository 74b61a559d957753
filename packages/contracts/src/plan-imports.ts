import { MAX_IMPORT_CHARS, PLAN_DOCUMENT_KINDS } from '@dx/domain';
import { z } from 'zod';

// Requests

export const planImportParams = z.object({ importId: z.uuid('Mã bản nháp không hợp lệ') });

/** A plan document to read: pasted text (OCR text too) or a file's bytes (DOCX, PDF with a text layer, UTF-8 text). */
export const planImportBody = z
  .object({
    provinceId: z.uuid('Chọn tỉnh, thành phố'),
    fileName: z.string().trim().max(255).optional(),
    text: z.string().max(MAX_IMPORT_CHARS, `Văn bản dài quá ${MAX_IMPORT_CHARS} ký tự`).optional(),
    /** The file's bytes in base64 (DOCX, PDF or UTF-8 text). */
    contentBase64: z.base64('Nội dung tệp phải mã hóa base64').max(7_000_000).optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.text === undefined) === (b.contentBase64 === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'Gửi văn bản (text) hoặc tệp (contentBase64), một trong hai',
      });
    }
  });
export type PlanImportBody = z.input<typeof planImportBody>;

/** The reviewed plan: checked by the create-plan rules in the use case, with `body.document.…` paths. */
export const confirmPlanImportBody = z.object({
  document: z.record(z.string(), z.unknown(), 'Gửi kế hoạch đã rà soát (document)'),
});

// Responses

/** How a draft was read and where it stands (packages/db/src/plan-import-schema.ts checks the same lists). */
export const PLAN_IMPORT_SOURCE_VALUES = ['text', 'ocr', 'docx', 'pdf'] as const;
export const PLAN_IMPORT_STATUS_VALUES = ['draft', 'confirmed', 'discarded'] as const;

const span = z.object({ start: z.number(), end: z.number(), text: z.string() }).nullable();

/** An imported plan document waiting for review (GET /api/plans/imports/:id). */
export const planImportOut = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  fileName: z.string().nullable(),
  source: z.enum(PLAN_IMPORT_SOURCE_VALUES),
  status: z.enum(PLAN_IMPORT_STATUS_VALUES),
  planId: z.uuid().nullable(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  /** The text the draft was read from (after OCR repair): field spans point into it. */
  sourceText: z.string(),
  draft: z.object({
    kind: z.enum(PLAN_DOCUMENT_KINDS),
    sourceNumber: z.string().nullable(),
    parentIssuer: z.string().nullable(),
    period: z.object({ from: z.number(), to: z.number() }),
    parentPlanNumber: z.string().nullable(),
    targetPeriods: z.array(z.union([z.number(), z.literal('each-year'), z.null()])),
    /** The plan as read, possibly incomplete (a target whose subject the user must choose). */
    document: z.record(z.string(), z.unknown()),
    fields: z.array(
      z.object({ path: z.array(z.union([z.string(), z.number()])), source: span, confidence: z.number() }),
    ),
    appendix: z.array(
      z.object({
        stt: z.string(),
        title: z.string(),
        lead: z.string(),
        coordinators: z.string(),
        timeFrame: z.string(),
        output: z.string(),
      }),
    ),
    warnings: z.array(z.string()),
  }),
  /**
   * Only in the answer to a confirm: the document's appendix rows made into the plan's tasks (how many rows, how many
   * saved, and why each other row was not); null when the document had no appendix.
   */
  appendixTasks: z
    .object({ rows: z.number(), saved: z.number(), problems: z.array(z.string()) })
    .nullable()
    .optional(),
});

export type PlanImportOut = z.infer<typeof planImportOut>;
