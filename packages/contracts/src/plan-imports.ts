import { PLAN_DOCUMENT_KINDS } from '@dx/domain';
import { z } from 'zod';

// Responses

const span = z.object({ start: z.number(), end: z.number(), text: z.string() }).nullable();

/** An imported plan document waiting for review (GET /api/plans/imports/:id). */
export const planImportOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  fileName: z.string().nullable(),
  source: z.enum(['text', 'ocr', 'docx', 'pdf']),
  status: z.enum(['draft', 'confirmed', 'discarded']),
  planId: z.string().nullable(),
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
