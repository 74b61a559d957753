import {
  approvedSupplementTotal,
  type Db,
  type EstimateRow,
  getEstimate as getEstimateRow,
  listBudgetAttachments,
  listBudgetEvents,
  listBudgetLines,
  listBudgetRevisions,
  unitNameOf,
} from '@dx/db';
import { availableActions } from '@dx/domain';
import { inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { presentEstimate } from './budget.presenter';
import { approvalActorFor, loadChain, loadEstimateFor, stateOf } from './load-estimate';

/** An estimate as the caller sees it: lines, history, rounds, files, and the moves the caller may make now. */
export async function presentEstimateFor(ctx: UseCaseContext, estimate: EstimateRow) {
  const { chain } = await loadChain(ctx, estimate.provinceId);
  const actor = await approvalActorFor(ctx, estimate);
  return presentEstimate({
    estimate,
    unitName: await unitNameOf(ctx.db, estimate.unitId),
    lines: await listBudgetLines(ctx.db, estimate.id),
    events: await listBudgetEvents(ctx.db, estimate.id),
    revisions: await listBudgetRevisions(ctx.db, estimate.id),
    attachments: await listBudgetAttachments(ctx.db, estimate.id),
    chain,
    availableActions: availableActions(chain, stateOf(estimate), actor),
    canEdit: actor.canEdit,
    supplementApprovedTotal:
      estimate.kind === 'estimate' ? await approvedSupplementTotal(ctx.db, estimate.id) : 0,
  });
}

/** One estimate, for anyone in its province. */
export async function getEstimate({ ctx, estimateId }: { ctx: UseCaseContext; estimateId: string }) {
  const estimate = await loadEstimateFor(ctx, estimateId, 'budget.read_item');
  return presentEstimateFor(ctx, estimate);
}

/** Thrown inside a transaction when the estimate's version moved on; rolls it back. */
export class StaleEstimate extends Error {}

/**
 * Runs a write in one transaction; when the optimistic lock fails (someone else wrote first), everything is rolled
 * back and the caller gets 409 with the estimate as it is now, so nothing the user typed is lost.
 */
export async function inEstimateTransaction(
  ctx: UseCaseContext,
  estimateId: string,
  work: (tx: Db) => Promise<void>,
) {
  try {
    await inTransaction(ctx, work);
  } catch (e) {
    if (!(e instanceof StaleEstimate)) throw e;
    throw versionConflict(await presentEstimateFor(ctx, (await getEstimateRow(ctx.db, estimateId))!));
  }
  return presentEstimateFor(ctx, (await getEstimateRow(ctx.db, estimateId))!);
}
