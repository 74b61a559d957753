import { getPlanImport, insertPlan, insertPlanRevision, loadPlan, markPlanImportConfirmed } from '@dx/db';
import { AppError } from '@dx/domain';
import { isUniqueViolation } from '../../http/errors';
import { audit, type UseCaseContext } from '../../use-case/context';
import { checkPlan, duplicateNumber } from '../plans/check-plan';
import { getPlanImportDraft } from './get-plan-import';

/**
 * The user confirms a draft with their corrections: the corrected document is checked like any plan (fields,
 * Decree 30 numbering, units and groups of the province), then the plan, its first revision, the draft's status
 * and the audit entries are written in one transaction.
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
    throw new AppError('WORKFLOW.INVALID_TRANSITION', 'Bản nháp này đã được xác nhận hoặc đã bỏ', {
      status: row.status,
      planId: row.planId,
    });
  }
  const document = await checkPlan(ctx, row.provinceId, input);
  try {
    return await ctx.db.transaction(async (tx) => {
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
        throw new AppError('WORKFLOW.INVALID_TRANSITION', 'Bản nháp này vừa được xác nhận', { importId });
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
