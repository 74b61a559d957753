import type { PlanImportOut } from '@dx/contracts';
import type { PlanImportRow } from '@dx/db';
import type { PlanImportDraft } from '@dx/domain';

/** An import draft as the review screen needs it; nothing else of the row leaves the server. */
export function presentPlanImport(row: PlanImportRow): PlanImportOut {
  const d = row.draft as PlanImportDraft;
  return {
    id: row.id,
    provinceId: row.provinceId,
    fileName: row.fileName,
    // Checked by the table (packages/db/src/plan-import-schema.ts) against the same lists.
    source: row.source as PlanImportOut['source'],
    status: row.status as PlanImportOut['status'],
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
