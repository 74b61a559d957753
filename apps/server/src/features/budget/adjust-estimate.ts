import {
  adjustBudgetLines,
  insertBudgetEvent,
  insertBudgetRevision,
  listBudgetLines,
  snapshotOf,
  updateEstimateIfVersion,
} from '@dx/db';
import {
  AppError,
  applyAdjustments,
  type LineAdjustment,
  said,
  transition,
  validationError,
} from '@dx/domain';
import { audit, type UseCaseContext, versionConflict } from '../../use-case/context';
import { inEstimateTransaction, presentEstimateFor, StaleEstimate } from './get-estimate';
import { approvalActorFor, loadChain, loadEstimateFor, stateOf } from './load-estimate';

/**
 * Appraisal (thẩm định, plan 54 V.2): at a step that may adjust (Finance by default), amounts change line by line,
 * each with a reason. The estimate stays at the step; the lines after adjustment become a new revision.
 */
export async function adjustEstimate({
  ctx,
  estimateId,
  expectedVersion,
  adjustments,
}: {
  ctx: UseCaseContext;
  estimateId: string;
  expectedVersion: number;
  adjustments: LineAdjustment[];
}) {
  const estimate = await loadEstimateFor(ctx, estimateId, 'budget.review');
  if (estimate.version !== expectedVersion) throw versionConflict(await presentEstimateFor(ctx, estimate));
  const { chain } = await loadChain(ctx, estimate.provinceId);
  const actor = await approvalActorFor(ctx, estimate);
  const state = stateOf(estimate);
  const reason = adjustments.map((a) => a.reason).join('; ');
  const result = transition(chain, state, { type: 'adjust', reason }, actor);
  if (!result.ok) throw new AppError(result.code, result.message);
  const current = snapshotOf(await listBudgetLines(ctx.db, estimateId));
  const applied = applyAdjustments(current, adjustments);
  if (!applied.ok) throw validationError(said('budget.adjustmentInvalid'), applied.issues);
  const step = state.status === 'in_review' ? chain[state.stepIndex] : undefined;
  return inEstimateTransaction(ctx, estimateId, async (tx) => {
    if (!(await updateEstimateIfVersion(tx, estimateId, expectedVersion, {}, ctx.now)))
      throw new StaleEstimate();
    await adjustBudgetLines(tx, estimateId, adjustments, ctx.actor.userId, ctx.now);
    const revision = await insertBudgetRevision(tx, {
      estimateId,
      round: state.round,
      kind: 'adjusted',
      lines: applied.lines,
      createdBy: ctx.actor.userId,
    });
    await insertBudgetEvent(tx, {
      estimateId,
      provinceId: estimate.provinceId,
      action: 'adjust',
      round: state.round,
      stepKey: step?.key ?? null,
      stepLabel: step?.label ?? null,
      fromStatus: state.status,
      toStatus: state.status,
      reason,
      revisionSeq: revision.seq,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      createdAt: ctx.now,
    });
    const before = new Map(current.map((l) => [l.lineId, l.amount]));
    await audit(tx, ctx, {
      action: 'budget_estimate.adjust',
      entityType: 'budget_estimate',
      entityId: estimateId,
      provinceId: estimate.provinceId,
      before: adjustments.map((a) => ({ lineId: a.lineId, amount: before.get(a.lineId) })),
      after: adjustments,
    });
  });
}
