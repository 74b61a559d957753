import { getPlanRow, indicatorLabels, listPlanTargetRules, type PlanTargetRule } from '@dx/db';
import {
  AppError,
  describeGoal,
  describeTarget,
  evaluationDates,
  localDateOf,
  type Permission,
  said,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { definitionOf, type FormulaWords } from './evaluate-plan-targets';

/** A plan target's rule with its goal (from the plan) and the formula in words; rule null = not defined yet. */
export type TargetDefinitionView = {
  target: PlanTargetRule;
  goalText: string;
  formula: { vi: string; en: string } | null;
};

/** Loads one target of a plan: the plan must exist, be in a province the actor may act on, and hold the target. */
export async function loadPlanTarget(
  ctx: UseCaseContext,
  planId: string,
  planTargetId: string,
  permission: Permission,
) {
  const plan = await getPlanRow(ctx.db, planId);
  if (!plan) throw new AppError('PLAN.NOT_FOUND', said('plan.notFound'), { planId });
  authorizeProvince(ctx, permission, plan.provinceId);
  const target = (await listPlanTargetRules(ctx.db, planId)).find((t) => t.planTargetId === planTargetId);
  if (!target) throw new AppError('TARGET.NOT_FOUND', said('target.notFound'), { planTargetId });
  return { plan, target };
}

/** The rule with the formula in words, for the period it resolves to in the plan's year. */
export function viewDefinition(
  ctx: Pick<UseCaseContext, 'now'>,
  target: PlanTargetRule,
  words: FormulaWords,
): TargetDefinitionView {
  const goalText = describeGoal(target.goal);
  // A goal edited with the plan may no longer suit the stored rule (a count goal on a share): no formula then.
  const definition = definitionOf(target);
  if (!definition) return { target, goalText, formula: null };
  const dates = evaluationDates({ definition, planYear: target.planYear, today: localDateOf(ctx.now) });
  return {
    target,
    goalText,
    formula: describeTarget(definition, { period: dates.period, ...words }),
  };
}

/** How one target of a plan is computed (population, condition, value, period, as-of), readable by the province. */
export async function getTargetDefinition({
  ctx,
  planId,
  planTargetId,
}: {
  ctx: UseCaseContext;
  planId: string;
  planTargetId: string;
}): Promise<TargetDefinitionView> {
  const { plan, target } = await loadPlanTarget(ctx, planId, planTargetId, 'target.read');
  return viewDefinition(ctx, target, await indicatorLabels(ctx.db, plan.provinceId));
}
