import { listAppendixTasks } from '@dx/db';
import { exportFileName, layoutPlanAppendix } from '@dx/domain';
import { renderPlanDocx } from '../../exports/plan-docx';
import { renderPlanPdf } from '../../exports/plan-pdf';
import type { UseCaseContext } from '../../use-case/context';
import { loadAuthorizedPlan } from './load-plan';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** The plan as the official document (Nghị định 30/2020/NĐ-CP), with its appendix of tasks, as DOCX or PDF bytes. */
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
  const appendix = layoutPlanAppendix(stored.document, await listAppendixTasks(ctx.db, planId));
  const bytes =
    format === 'docx'
      ? await renderPlanDocx(stored.document, appendix)
      : await renderPlanPdf(stored.document, appendix);
  return { bytes, contentType: TYPES[format], fileName: `${exportFileName(stored.document)}.${format}` };
}
