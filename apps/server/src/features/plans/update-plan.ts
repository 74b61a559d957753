import { insertPlanRevision, loadPlan, updatePlan as updatePlanRows } from '@dx/db';
import type { PlanDocumentInput } from '@dx/domain';
import { isUniqueViolation } from '../../http/errors';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { checkPlan, duplicateNumber } from './check-plan';
import { loadAuthorizedPlan } from './load-plan';
import { presentPlan } from './plans.presenter';

/**
 * The DX office edits any parts of a plan (each part given replaces the stored one). Optimistic locking: a
 * stale `expectedVersion` is a 409 carrying the plan as it is now. Each save is one revision in the history.
 */
export async function updatePlan({
  ctx,
  planId,
  expectedVersion,
  patch,
}: {
  ctx: UseCaseContext;
  planId: string;
  expectedVersion: number;
  patch: Partial<PlanDocumentInput>;
}) {
  const current = await loadAuthorizedPlan(ctx, planId, 'plan.write');
  if (current.row.version !== expectedVersion) throw versionConflict(presentPlan(current));
  const document = await checkPlan(ctx, current.row.provinceId, { ...current.document, ...patch });
  const parts = Object.keys(patch).filter(
    (k) =>
      JSON.stringify((current.document as Record<string, unknown>)[k]) !==
      JSON.stringify((document as Record<string, unknown>)[k]),
  );
  try {
    return await inTransaction(ctx, async (tx) => {
      const saved = await updatePlanRows(tx, planId, expectedVersion, document, ctx.now);
      if (!saved) throw versionConflict(presentPlan((await loadPlan(tx, planId))!));
      const after = (await loadPlan(tx, planId))!;
      await insertPlanRevision(tx, {
        planId,
        version: after.row.version,
        action: 'update',
        parts,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        before: current.document,
        after: after.document,
      });
      await audit(tx, ctx, {
        action: 'plan.update',
        entityType: 'plan',
        entityId: planId,
        provinceId: current.row.provinceId,
        before: { version: current.row.version, parts },
        after: { version: after.row.version, parts },
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(document.number);
    throw error;
  }
}
