import { getPlanImport, insertPlan, insertPlanRevision, loadPlan, markPlanImportConfirmed } from '@dx/db';
import { APPENDIX_HEADERS_VI, AppError, type PlanImportDraft, said } from '@dx/domain';
import { isUniqueViolation } from '../../http/errors';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { checkPlan, duplicateNumber } from '../plans/check-plan';
import { importAppendixTable } from '../tasks/import-appendix';
import { getPlanImportDraft } from './get-plan-import';

/**
 * The user confirms a draft with their corrections: the corrected document is checked like any plan (fields,
 * Decree 30 numbering, units and groups of the province), then the plan, its first revision, the draft's status
 * and the audit entries are written in one transaction. Then the appendix of tasks read from the document (if any)
 * becomes the plan's tasks through the appendix import's own rules (units and groups resolved, time frames read,
 * all valid rows in one transaction, audited as task.import); rows it cannot take are listed in the answer, for the
 * user to fix on the plan's tasks page.
 */
export async function confirmPlanImport({
  ctx,
  importId,
  document: input,
}: {
  ctx: UseCaseContext;
  importId: string;
  document: unknown;
}) {
  const row = await getPlanImportDraft({ ctx, importId });
  if (row.status !== 'draft') {
    throw new AppError('WORKFLOW.INVALID_TRANSITION', said('planImport.closed'), {
      status: row.status,
      planId: row.planId,
    });
  }
  const document = await checkPlan(ctx, row.provinceId, input);
  const confirmed = await createPlan(ctx, row, document);
  const appendix = (row.draft as Partial<PlanImportDraft>).appendix ?? [];
  if (appendix.length === 0 || !confirmed.planId) return { row: confirmed, appendixTasks: null };
  const columns = ['stt', 'title', 'lead', 'coordinators', 'timeFrame', 'output'] as const;
  const report = await importAppendixTable({
    ctx,
    planId: confirmed.planId,
    fileName: 'Phụ lục của văn bản nhập',
    table: {
      headers: columns.map((c) => APPENDIX_HEADERS_VI[c]),
      rows: appendix.map((r, i) => ({ row: i + 2, cells: columns.map((c) => r[c]) })),
    },
    confirm: true,
  });
  return {
    row: confirmed,
    appendixTasks: {
      rows: report.total,
      saved: report.saved,
      problems: [
        ...report.fileIssues,
        ...report.rows
          .filter((r) => r.kind === 'task' && !r.valid)
          .map((r) => `${r.stt || r.row}. ${r.title}: ${r.issues.map((x) => x.message).join('; ')}`),
      ],
    },
  };
}

async function createPlan(
  ctx: UseCaseContext,
  row: Awaited<ReturnType<typeof getPlanImportDraft>>,
  document: Awaited<ReturnType<typeof checkPlan>>,
) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const planId = await insertPlan(tx, {
        provinceId: row.provinceId,
        document,
        createdBy: ctx.actor.userId,
      });
      const stored = (await loadPlan(tx, planId))!;
      await insertPlanRevision(tx, {
        planId,
        version: 1,
        action: 'import',
        parts: [],
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        before: null,
        after: stored.document,
      });
      const draft = { ...(row.draft as Record<string, unknown>), confirmedDocument: document };
      if (!(await markPlanImportConfirmed(tx, { id: row.id, planId, draft, at: ctx.now }))) {
        throw new AppError('WORKFLOW.INVALID_TRANSITION', said('planImport.justConfirmed'), {
          importId: row.id,
        });
      }
      await audit(tx, ctx, {
        action: 'plan_import.confirm',
        entityType: 'plan_import_draft',
        entityId: row.id,
        provinceId: row.provinceId,
        after: { planId },
      });
      await audit(tx, ctx, {
        action: 'plan.import',
        entityType: 'plan',
        entityId: planId,
        provinceId: row.provinceId,
        after: { code: document.number, title: document.title, importId: row.id },
      });
      return (await getPlanImport(tx, row.id))!;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateNumber(document.number);
    throw e;
  }
}
