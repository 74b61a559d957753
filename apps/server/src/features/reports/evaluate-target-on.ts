import { evaluateTargetFacts, type PlanTargetRule } from '@dx/db';
import {
  accumulates,
  describeGoal,
  describeTarget,
  evaluationDatesOn,
  judgeStatus,
  localDateOf,
  rate,
  targetDefinition,
} from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import type { TargetEvaluation } from '../targets/evaluate-plan-targets';

/**
 * One target evaluated as it stood at the close of `date` (a report's figures date, domain `reportFiguresDate`):
 * the same statement and the same rules as the dashboard (features/targets evaluateTarget), with the as-of dates of
 * the dashboard's trend point of that day (`evaluationDatesOn`); on today it is the dashboard card itself.
 */
export async function evaluateTargetOn(
  ctx: Pick<UseCaseContext, 'db' | 'now'>,
  target: PlanTargetRule,
  o: { date: string; ownerUnitIds?: string[]; behindLimit?: number },
): Promise<TargetEvaluation> {
  const goalText = describeGoal(target.goal);
  if (!target.rule)
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
  const definition = targetDefinition.parse({ ...target.rule, goal: target.goal });
  const { elapsed, ...dates } = evaluationDatesOn({
    definition,
    planYear: target.planYear,
    date: o.date,
    today: localDateOf(ctx.now),
  });
  const facts = await evaluateTargetFacts(ctx.db, {
    definition,
    ...dates,
    provinceIds: [target.provinceId],
    ownerUnitIds: o.ownerUnitIds,
    behindLimit: o.behindLimit,
  });
  const isCount = definition.condition.type === 'count';
  const value = isCount ? facts.achieved : rate(facts.achieved, facts.due);
  return {
    target,
    definition,
    period: dates.period,
    asOf: dates.asOf,
    elapsed,
    value,
    status: judgeStatus({
      goal: definition.goal,
      value,
      elapsed,
      accumulates: accumulates(definition.condition),
    }),
    formula: describeTarget(definition, dates.period),
    goalText,
    facts,
  };
}
