import { insertBudgetEvent, listBudgetLines, replaceBudgetLines, updateEstimateIfVersion } from '@dx/db';
import {
  AppError,
  type FieldIssue,
  type ParsedLineInput,
  resolveLine,
  said,
  validationError,
  worded,
} from '@dx/domain';
import { audit, authorizeUnit, type UseCaseContext, versionConflict } from '../../use-case/context';
import { checkLineTasks } from './check-lines';
import { inEstimateTransaction, presentEstimateFor, StaleEstimate } from './get-estimate';
import { loadEstimateFor } from './load-estimate';

/**
 * The unit edits its draft (or returned) estimate: title, note and the whole list of lines (added, changed, removed
 * in one save). A line keeps its id so the next round's diff follows it. 409 when someone changed it meanwhile.
 */
export async function saveEstimateLines({
  ctx,
  estimateId,
  expectedVersion,
  input,
}: {
  ctx: UseCaseContext;
  estimateId: string;
  expectedVersion: number;
  input: { title?: string; note?: string; lines: ParsedLineInput[] };
}) {
  const estimate = await loadEstimateFor(ctx, estimateId, 'budget.read');
  await authorizeUnit(ctx, 'budget.write', estimate.unitId);
  if (estimate.version !== expectedVersion) throw versionConflict(await presentEstimateFor(ctx, estimate));
  if (estimate.status !== 'draft' && estimate.status !== 'returned')
    throw new AppError('WORKFLOW.INVALID_TRANSITION', said('budget.notEditable'));
  const current = new Set((await listBudgetLines(ctx.db, estimateId)).map((l) => l.id));
  const issues: FieldIssue[] = [];
  input.lines.forEach((l, i) => {
    if (l.id && !current.has(l.id))
      issues.push({ path: ['lines', i, 'id'], ...worded('budget.lineElsewhere') });
  });
  if (new Set(input.lines.map((l) => l.id).filter(Boolean)).size !== input.lines.filter((l) => l.id).length)
    issues.push({ path: ['lines'], ...worded('budget.lineTwice') });
  if (issues.length) throw validationError(said('budget.linesInvalid'), issues);
  await checkLineTasks(ctx, estimate.planId, input.lines);
  return inEstimateTransaction(ctx, estimateId, async (tx) => {
    const saved = await updateEstimateIfVersion(
      tx,
      estimateId,
      expectedVersion,
      {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
      },
      ctx.now,
    );
    if (!saved) throw new StaleEstimate();
    await replaceBudgetLines(tx, estimateId, estimate.provinceId, input.lines.map(resolveLine));
    await insertBudgetEvent(tx, {
      estimateId,
      provinceId: estimate.provinceId,
      action: 'edit',
      round: estimate.round,
      fromStatus: estimate.status,
      toStatus: estimate.status,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      createdAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'budget_estimate.edit',
      entityType: 'budget_estimate',
      entityId: estimateId,
      provinceId: estimate.provinceId,
      after: input,
    });
  });
}
