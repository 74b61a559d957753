import { indicatorLabels } from '@dx/db';
import { AppError, said } from '@dx/domain';
import { authorizeUnit, type UseCaseContext } from '../../use-case/context';
import { evaluateTarget, loadPlanTargets } from './evaluate-plan-targets';

/**
 * A unit's own standing against every target of a plan ("Việc của tôi": what do I still owe): the unit itself,
 * its channels, people and models, each achieved or not, with what is missing.
 */
export async function getUnitStanding({
  ctx,
  planId,
  unitId,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  unitId: string;
  /** As it stood at the close of this day; omitted = now. */
  asOf?: string;
}) {
  const { plan, targets } = await loadPlanTargets(ctx, planId);
  const scope = await authorizeUnit(ctx, 'record.read', unitId);
  if (scope.provinceId !== plan.provinceId)
    throw new AppError('AUTH.FORBIDDEN', said('unit.notInPlanProvince'));
  const words = indicatorLabels(ctx.db, plan.provinceId);
  const evaluations = await Promise.all(
    targets.map((t) => evaluateTarget(ctx, t, { ownerUnitIds: [unitId], behindLimit: 500, asOf, words })),
  );
  return { plan, unitId, evaluations };
}
