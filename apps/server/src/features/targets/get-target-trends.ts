import { type EvaluationInput, evaluateTargetTotals } from '@dx/db';
import {
  evaluationDatesAsOf,
  indicatorValueOf,
  localDateOf,
  resolvePeriod,
  type TargetDefinition,
  trendCheckpoints,
} from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { definitionOf, loadPlanTargets } from './evaluate-plan-targets';

export type TrendPoint = { date: string; value: number | null; due: number; achieved: number };
export type TargetTrend = { planTargetId: string; points: TrendPoint[] };

/**
 * The trend of every target of a plan over its period: the value at each month end passed (quarter ends for long
 * periods) and now, computed live from the records with as-of dates (records dated later and plans accepted later
 * left out). All points of all targets in ONE statement; the last point equals the card's figure.
 */
export async function getTargetTrends({
  ctx,
  planId,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  /** The trend up to this day, its last point the figure as of that day; omitted = up to now. */
  asOf?: string;
}) {
  const { plan, targets } = await loadPlanTargets(ctx, planId);
  const now = localDateOf(ctx.now);
  // A past date: the trend stops there, and its last point is the value at the close of that day.
  const isPast = asOf !== undefined && asOf < now;
  const today = isPast ? asOf : now;
  const series: {
    planTargetId: string;
    definition: TargetDefinition | null;
    dates: string[];
    from: number;
  }[] = [];
  const inputs: EvaluationInput[] = [];
  for (const t of targets) {
    const definition = definitionOf(t);
    if (!definition) {
      series.push({ planTargetId: t.planTargetId, definition: null, dates: [], from: inputs.length });
      continue;
    }
    const points = trendCheckpoints({ definition, planYear: t.planYear, today });
    series.push({
      planTargetId: t.planTargetId,
      definition,
      dates: points.map((p) => p.date),
      from: inputs.length,
    });
    for (const p of points) {
      // The last point of a trend asked as of a past day is that day's figure, dated exactly as the card's.
      const last =
        p.until === null && isPast
          ? evaluationDatesAsOf({ definition, planYear: t.planYear, today: now, asOf })
          : null;
      inputs.push({
        definition,
        period: resolvePeriod(definition.period, t.planYear),
        asOf: last?.asOf ?? p.asOf,
        windows: last?.windows ?? p.windows,
        until: last?.until ?? p.until ?? undefined,
        provinceIds: [t.provinceId],
      });
    }
  }
  const totals = await evaluateTargetTotals(ctx.db, inputs);
  const trends: TargetTrend[] = series.map((s) => ({
    planTargetId: s.planTargetId,
    points: s.dates.map((date, i) => {
      const c = totals[s.from + i]!;
      return {
        date,
        due: c.due,
        achieved: c.achieved,
        value: s.definition ? indicatorValueOf(s.definition.value, c) : null,
      };
    }),
  }));
  return { plan, today, trends };
}
