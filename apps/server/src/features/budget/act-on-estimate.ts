import {
  insertBudgetEvent,
  insertBudgetRevision,
  listBudgetLines,
  snapshotOf,
  updateEstimateIfVersion,
} from '@dx/db';
import {
  AppError,
  type ApprovalAction,
  approvalColumnsOf,
  said,
  transition,
  validationError,
  worded,
} from '@dx/domain';
import { audit, authorizeUnit, type UseCaseContext, versionConflict } from '../../use-case/context';
import { inEstimateTransaction, presentEstimateFor, StaleEstimate } from './get-estimate';
import { approvalActorFor, loadChain, loadEstimateFor, stateOf } from './load-estimate';

export type RoadMove = Exclude<ApprovalAction, { type: 'adjust' }>;

/**
 * Moves an estimate along the road (plan 54 V.1.d, V.2): the unit submits; the DX office returns it with comments or
 * accepts it into the consolidated estimate (forward); Finance forwards or returns; leadership approves or returns.
 * Who may act at each step is the province's chain (a setting). Records who, when and why; a submission and the
 * approval keep the lines as a revision (each round is a version).
 */
export async function actOnEstimate({
  ctx,
  estimateId,
  expectedVersion,
  move,
}: {
  ctx: UseCaseContext;
  estimateId: string;
  expectedVersion: number;
  move: RoadMove;
}) {
  const estimate = await loadEstimateFor(
    ctx,
    estimateId,
    move.type === 'submit' ? 'budget.read' : 'budget.review',
  );
  if (move.type === 'submit') await authorizeUnit(ctx, 'budget.write', estimate.unitId);
  if (estimate.version !== expectedVersion) throw versionConflict(await presentEstimateFor(ctx, estimate));
  const { chain } = await loadChain(ctx, estimate.provinceId);
  const actor = await approvalActorFor(ctx, estimate);
  const from = stateOf(estimate);
  const result = transition(chain, from, move, actor);
  if (!result.ok) throw new AppError(result.code, result.message);
  const lines = await listBudgetLines(ctx.db, estimateId);
  if (move.type === 'submit' && lines.length === 0)
    throw validationError(said('budget.noLines'), [{ path: ['lines'], ...worded('budget.addLineFirst') }]);
  const step = from.status === 'in_review' ? chain[from.stepIndex] : chain[0];
  const to = result.state;
  return inEstimateTransaction(ctx, estimateId, async (tx) => {
    const saved = await updateEstimateIfVersion(
      tx,
      estimateId,
      expectedVersion,
      {
        ...approvalColumnsOf(to),
        ...(move.type === 'submit' ? { submittedAt: ctx.now } : {}),
        ...(move.type === 'approve' ? { approvedAt: ctx.now } : {}),
      },
      ctx.now,
    );
    if (!saved) throw new StaleEstimate();
    const revision =
      move.type === 'submit' || move.type === 'approve'
        ? await insertBudgetRevision(tx, {
            estimateId,
            round: to.round,
            kind: move.type === 'submit' ? 'submitted' : 'approved',
            lines: snapshotOf(lines),
            createdBy: ctx.actor.userId,
          })
        : null;
    const reason = move.type === 'return' ? move.reason.trim() : null;
    await insertBudgetEvent(tx, {
      estimateId,
      provinceId: estimate.provinceId,
      action: move.type,
      round: to.round,
      stepKey: move.type === 'submit' ? null : (step?.key ?? null),
      stepLabel: move.type === 'submit' ? null : (step?.label ?? null),
      fromStatus: from.status,
      toStatus: to.status,
      reason,
      revisionSeq: revision?.seq ?? null,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      createdAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: `budget_estimate.${move.type}`,
      entityType: 'budget_estimate',
      entityId: estimateId,
      provinceId: estimate.provinceId,
      before: { ...approvalColumnsOf(from), version: estimate.version },
      after: { ...approvalColumnsOf(to), reason },
    });
  });
}
