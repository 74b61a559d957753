import type { TargetDefinition } from './definition';
import { resolvePeriod } from './definition';
import { effectiveAsOf, elapsedFraction, evaluationDates, quartersDue } from './evaluation';

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The dates a target is evaluated with when a reader asks for it as of `asOf` (issue 11: every figure can be asked
 * as of any date). No date, or today or later: the live figure (`evaluationDates`: population on today clamped to
 * the period, the dashboard card). A past date: the value as it stood at the close of that day — the population in
 * force that day, records dated up to it (`until`), the quarters ended by the next morning, the share of the period
 * elapsed by then — exactly the trend's point of that day.
 */
export function evaluationDatesAsOf(o: {
  definition: Pick<TargetDefinition, 'period' | 'asOf'>;
  planYear: number;
  today: string;
  asOf?: string | null;
}) {
  if (!o.asOf || o.asOf >= o.today) return { ...evaluationDates(o), until: undefined as string | undefined };
  const period = resolvePeriod(o.definition.period, o.planYear);
  return {
    period,
    asOf: effectiveAsOf(o.definition, period, o.asOf),
    quarters: quartersDue(period, nextDay(o.asOf)),
    elapsed: elapsedFraction(period, o.asOf),
    until: o.asOf as string | undefined,
  };
}

/**
 * The as-of date a reader sees by default for a period (the dashboard's date picker): today, clamped into the
 * period (a past plan shows its last day, a future one its first).
 */
export function defaultAsOf(period: { from: string; to: string }, today: string): string {
  return today > period.to ? period.to : today < period.from ? period.from : today;
}
