import type { PlanImportRow } from '@dx/db';
import { PLAN_DOCUMENT_KINDS, type PlanImportDraft } from '@dx/domain';
import { z } from 'zod';

const span = z.object({ start: z.number(), end: z.number(), text: z.string() }).nullable();

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
});

/** An import draft as the review screen needs it; nothing else of the row leaves the server. */
export function presentPlanImport(row: PlanImportRow): z.infer<typeof planImportOut> {
  const d = row.draft as PlanImportDraft;
  return {
    id: row.id,
    provinceId: row.provinceId,
    fileName: row.fileName,
    source: row.source as z.infer<typeof planImportOut>['source'],
    status: row.status as z.infer<typeof planImportOut>['status'],
    planId: row.planId,
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    sourceText: row.sourceText,
    draft: {
      kind: d.kind,
      sourceNumber: d.sourceNumber,
      parentIssuer: d.parentIssuer,
      period: d.period,
      parentPlanNumber: d.parentPlanNumber,
      targetPeriods: d.targetPeriods,
      document: d.document as unknown as Record<string, unknown>,
      fields: d.fields,
      appendix: d.appendix,
      warnings: d.warnings,
    },
  };
}
