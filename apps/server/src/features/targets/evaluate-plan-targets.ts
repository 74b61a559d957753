import {
  evaluateTargetFacts,
  getPlanRow,
  listPlanTargetRules,
  type PlanTargetRule,
  type TargetFacts,
} from '@dx/db';
import {
  AppError,
  accumulates,
  BEHIND_PREVIEW,
  describeGoal,
  describeTarget,
  evaluationDatesAsOf,
  judgeStatus,
  localDateOf,
  rate,
  type TargetDefinition,
  type TargetStatus,
  targetDefinition,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

export type TargetEvaluation = {
  target: PlanTargetRule;
  definition: TargetDefinition | null;
  period: { from: string; to: string } | null;
  asOf: string | null;
  elapsed: number | null;
  /** Percent for rates (null = not applicable), a number for counts. */
  value: number | null;
  status: TargetStatus | 'not_defined';
  formula: string | null;
  goalText: string;
  facts: TargetFacts | null;
};

/** Loads a plan's targets for reading: the plan must exist and be in the actor's province. */
export async function loadPlanTargets(ctx: UseCaseContext, planId: string) {
  // Both read at once (one round trip less per dashboard request); nothing leaves before the province check.
  const [plan, targets] = await Promise.all([
    getPlanRow(ctx.db, planId),
    listPlanTargetRules(ctx.db, planId),
  ]);
  if (!plan) throw new AppError('PLAN.NOT_FOUND', 'Không tìm thấy kế hoạch', { planId });
  authorizeProvince(ctx, 'target.read', plan.provinceId);
  return { plan, targets };
}

/**
 * Evaluates one target live over the records (no stored figures): now, or as it stood at the close of `asOf`
 * (the population in force that day, records dated up to it; evaluationDatesAsOf decides).
 */
export async function evaluateTarget(
  ctx: Pick<UseCaseContext, 'db' | 'now'>,
  target: PlanTargetRule,
  opts: { ownerUnitIds?: string[]; behindLimit?: number; asOf?: string } = {},
): Promise<TargetEvaluation> {
  const { asOf: requested, ...evaluationOpts } = opts;
  const goalText = describeGoal(target.goal);
  if (!target.rule) {
    return {
      target,
      definition: null,
      period: null,
      asOf: null,
      elapsed: null,
      value: null,
      status: 'not_defined',
      formula: null,
      goalText,
      facts: null,
    };
  }
  const definition = targetDefinition.parse({ ...target.rule, goal: target.goal });
  const dates = evaluationDatesAsOf({
    definition,
    planYear: target.planYear,
    today: localDateOf(ctx.now),
    asOf: requested,
  });
  const facts = await evaluateTargetFacts(ctx.db, {
    definition,
    ...dates,
    provinceIds: [target.provinceId],
    ...evaluationOpts,
  });
  const isCount = definition.condition.type === 'count';
  const value = isCount ? facts.achieved : rate(facts.achieved, facts.due);
  const status = judgeStatus({
    goal: definition.goal,
    value,
    elapsed: dates.elapsed,
    accumulates: accumulates(definition.condition),
  });
  return {
    target,
    definition,
    period: dates.period,
    asOf: dates.asOf,
    elapsed: dates.elapsed,
    value,
    status,
    formula: describeTarget(definition, dates.period),
    goalText,
    facts,
  };
}

/**
 * Every target of a plan with its value, status, breakdowns and the first BEHIND_PREVIEW of who is behind (the DX
 * office dashboard); the whole list is paged through GET …/targets/:id/subjects.
 */
export async function evaluatePlanTargets({
  ctx,
  planId,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  /** As it stood at the close of this day; omitted = now. */
  asOf?: string;
}) {
  const { plan, targets } = await loadPlanTargets(ctx, planId);
  // Independent statements: on PostgreSQL they run in parallel on the pool; PGlite runs them one by one.
  const evaluations = await Promise.all(
    targets.map((t) => evaluateTarget(ctx, t, { behindLimit: BEHIND_PREVIEW, asOf })),
  );
  return { plan, evaluations };
}
