import { getEstimate, insertBudgetEvent, insertEstimate, replaceBudgetLines } from '@dx/db';
import { type ParsedLineInput, resolveLine, said, validationError, worded } from '@dx/domain';
import {
  audit,
  authorizeUnit,
  inTransaction,
  loadPlanFor,
  type UseCaseContext,
} from '../../use-case/context';
import { checkLineTasks } from './check-lines';
import { presentEstimateFor } from './get-estimate';

export type NewEstimateInput = {
  unitId: string;
  title: string;
  note?: string;
  kind: 'estimate' | 'supplementary';
  parentId?: string | null;
  lines: ParsedLineInput[];
};

/**
 * A unit drafts a budget estimate for a plan (plan 54 IV: units estimate the cost of their tasks), or a
 * supplementary request adding to its approved estimate (V.3.a). Drafts are the unit's until submitted.
 */
export async function createEstimate({
  ctx,
  planId,
  input,
}: {
  ctx: UseCaseContext;
  planId: string;
  input: NewEstimateInput;
}) {
  const plan = await loadPlanFor(ctx, planId, 'budget.read');
  const scope = await authorizeUnit(ctx, 'budget.write', input.unitId);
  if (scope.provinceId !== plan.provinceId)
    throw validationError(said('unit.notInPlanProvince'), [
      { path: ['unitId'], ...worded('unit.notInPlanProvince') },
    ]);
  if (input.kind === 'supplementary') {
    const parent = input.parentId ? await getEstimate(ctx.db, input.parentId) : null;
    const problem = !input.parentId
      ? 'Đề xuất bổ sung cần chọn dự toán đã được phê duyệt'
      : !parent || parent.planId !== planId || parent.unitId !== input.unitId || parent.kind !== 'estimate'
        ? 'Dự toán gốc phải là dự toán của cùng đơn vị, cùng kế hoạch'
        : parent.status !== 'approved'
          ? 'Chỉ bổ sung cho dự toán đã được phê duyệt'
          : null;
    if (problem) throw validationError(problem, [{ path: ['parentId'], message: problem }]);
  } else if (input.parentId) {
    throw validationError(said('budget.parentOnlySupplementary'), [
      { path: ['parentId'], ...worded('budget.parentOnlySupplementary') },
    ]);
  }
  if (input.lines.some((l) => l.id))
    throw validationError(said('budget.newLineWithCode'), [
      { path: ['lines'], ...worded('budget.newLineWithCode') },
    ]);
  await checkLineTasks(ctx, planId, input.lines);
  const id = await inTransaction(ctx, async (tx) => {
    const saved = await insertEstimate(tx, {
      provinceId: plan.provinceId,
      planId,
      unitId: input.unitId,
      kind: input.kind,
      parentId: input.parentId ?? null,
      title: input.title,
      note: input.note ?? '',
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await replaceBudgetLines(tx, saved.id, plan.provinceId, input.lines.map(resolveLine));
    await insertBudgetEvent(tx, {
      estimateId: saved.id,
      provinceId: plan.provinceId,
      action: 'create',
      round: 1,
      toStatus: 'draft',
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      createdAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'budget_estimate.create',
      entityType: 'budget_estimate',
      entityId: saved.id,
      provinceId: plan.provinceId,
      after: { ...input },
    });
    return saved.id;
  });
  return presentEstimateFor(ctx, (await getEstimate(ctx.db, id))!);
}
