import { evaluationDatesAsOf } from '../targets/as-of';
import type { TargetDefinition } from '../targets/definition';

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
 * The dates a target definition is evaluated with for a report whose figures stand at `date`: the dashboard's own
 * rule for a figure asked as of a date (`evaluationDatesAsOf`, targets/as-of.ts) — before today the value as it
 * stood at the close of that day, exactly the trend point of that day; on today the live evaluation. One rule,
 * written once: a report and the dashboard cannot disagree on a date.
 */
export function evaluationDatesOn(o: {
  definition: Pick<TargetDefinition, 'period' | 'asOf' | 'condition'>;
  planYear: number;
  date: string;
  today: string;
}) {
  return evaluationDatesAsOf({
    definition: o.definition,
    planYear: o.planYear,
    today: o.today,
    asOf: o.date,
  });
}
