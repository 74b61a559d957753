import type { IndicatorRule } from './parts';
import { type IndicatorWindowSpan, resolveIndicatorPeriod, windowsDue } from './windows';

/**
 * The dates an indicator is evaluated with on `today`: its period, the population date (the rule's as-of date, else
 * the period end, never after today nor before the period), and the windows due (empty without a window condition).
 */
export function indicatorDates(o: {
  rule: Pick<IndicatorRule, 'period' | 'asOf' | 'condition'>;
  planYear: number;
  today: string;
}): {
  period: IndicatorWindowSpan;
  asOf: string;
  windows: IndicatorWindowSpan[];
} {
  const period = resolveIndicatorPeriod(o.rule.period, o.planYear);
  const wanted = o.rule.asOf ?? period.to;
  const notBefore = o.today < period.from ? period.from : o.today;
  const asOf = wanted < o.today ? wanted : notBefore;
  const c = o.rule.condition;
  const windows = c.type === 'linked' && c.every ? windowsDue(period, c.every, o.today) : [];
  return { period, asOf, windows };
}
