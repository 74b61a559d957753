import { evaluateTargetFacts, getPlanRow, indicatorLabels, indicatorRuleFacts, loadPlan } from '@dx/db';
import {
  AppError,
  type IndicatorRule,
  indicatorDates,
  indicatorInWords,
  indicatorValueOf,
  indicatorWarnings,
  localDateOf,
  said,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** How many subjects the preview shows (who counts and who does not). */
const SAMPLE = 10;

/**
 * The rule editor's live preview (issue 16): a rule that is not saved, evaluated now over the plan's province —
 * value, population, a sample of who counts and who does not, the formula in words from the province's
 * vocabulary labels, and the warnings (codes unknown or unused, empty population, period outside the plan).
 * Whoever may write the plan's targets may preview.
 */
export async function previewIndicator({
  ctx,
  planId,
  rule,
  planTargetId,
}: {
  ctx: UseCaseContext;
  planId: string;
  rule: IndicatorRule;
  planTargetId?: string;
}) {
  const plan = await getPlanRow(ctx.db, planId);
  if (!plan) throw new AppError('PLAN.NOT_FOUND', said('plan.notFound'), { planId });
  authorizeProvince(ctx, 'plan.write', plan.provinceId);
  const today = localDateOf(ctx.now);
  const dates = indicatorDates({ rule, planYear: plan.year, today });
  const facts = await evaluateTargetFacts(ctx.db, {
    definition: rule,
    ...dates,
    provinceIds: [plan.provinceId],
    behindLimit: SAMPLE,
    listAll: true,
  });
  const ruleFacts = await indicatorRuleFacts(ctx.db, {
    provinceId: plan.provinceId,
    planId,
    rule,
    period: dates.period,
  });
  const words = await indicatorLabels(ctx.db, plan.provinceId);
  // The target being edited: what the plan says it measures (I.2), compared with what the rule counts.
  const statedSubject = planTargetId
    ? ((await loadPlan(ctx.db, planId))?.document.targets.find((t) => t.id === planTargetId)?.subject ?? null)
    : null;
  return {
    period: dates.period,
    asOf: dates.asOf,
    value: indicatorValueOf(rule.value, facts),
    facts,
    formula: indicatorInWords(rule, { period: dates.period, asOf: dates.asOf, ...words }),
    warnings: indicatorWarnings(rule, {
      period: dates.period,
      planPeriod: { from: `${plan.year}-01-01`, to: `${plan.year}-12-31` },
      facts: { ...ruleFacts, population: facts.population },
      statedSubject,
    }),
  };
}
