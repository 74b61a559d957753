import type { TargetDefinition } from '../targets/definition';
import { resolvePeriod } from '../targets/definition';
import { effectiveAsOf, elapsedFraction, evaluationDates, quartersDue } from '../targets/evaluation';

/**
 * The day a report's figures stand at (issue 11, "a report for a past period shows the figures as of the period's
 * end"): the period's last day once it has passed, else today (a report of the running period is live).
 */
export function reportFiguresDate(period: { to: string }, today: string): string {
  return period.to < today ? period.to : today;
}

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The day deadlines are judged on for figures standing at the close of `date`: the next morning when `date` has
 * passed (a task due on the period's last day and not done by its close is overdue; a quarter ending that day is
 * due), today when live.
 */
export function judgedOn(date: string, today: string): string {
  return date < today ? nextDay(date) : today;
}

/**
 * The dates a target definition is evaluated with for a report whose figures stand at `date`: before today, the
 * value as it stood at the close of that day, exactly like the dashboard's trend point of that day
 * (`trendCheckpoints`: records dated later and plans accepted later left out, quarters ended by the next morning
 * due); on today, the live evaluation (`evaluationDates`, the dashboard card). `until` is undefined when live.
 */
export function evaluationDatesOn(o: {
  definition: Pick<TargetDefinition, 'period' | 'asOf'>;
  planYear: number;
  date: string;
  today: string;
}) {
  if (o.date >= o.today) return { ...evaluationDates(o), until: undefined };
  const period = resolvePeriod(o.definition.period, o.planYear);
  return {
    period,
    asOf: effectiveAsOf(o.definition, period, o.date),
    quarters: quartersDue(period, judgedOn(o.date, o.today)),
    elapsed: elapsedFraction(period, o.date),
    until: o.date as string | undefined,
  };
}
