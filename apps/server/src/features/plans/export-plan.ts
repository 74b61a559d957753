import { exportFileName } from '@dx/domain';
import { renderPlanDocx } from '../../exports/plan-docx';
import { renderPlanPdf } from '../../exports/plan-pdf';
import type { UseCaseContext } from '../../use-case/context';
import { loadAuthorizedPlan } from './load-plan';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The plan as the official document (Nghị định 30/2020/NĐ-CP), as DOCX or PDF bytes. */
export async function exportPlan({
  ctx,
  planId,
  format,
}: {
  ctx: UseCaseContext;
  planId: string;
  format: 'docx' | 'pdf';
}) {
  const stored = await loadAuthorizedPlan(ctx, planId, 'plan.read');
  const bytes =
    format === 'docx' ? await renderPlanDocx(stored.document) : await renderPlanPdf(stored.document);
  return { bytes, contentType: TYPES[format], fileName: `${exportFileName(stored.document)}.${format}` };
}
