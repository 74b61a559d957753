import type { TargetDefinition } from './definition';
import { resolvePeriod } from './definition';
import { effectiveAsOf, elapsedFraction, evaluationDates, windowsOwed } from './evaluation';

const nextDay = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The dates a target is evaluated with when a reader asks for it as of `asOf` (issue 11: every figure can be asked
 * as of any date). No date, or today or later: the live figure (`evaluationDates`: population on today clamped to
 * the period, the dashboard card). A past date: the value as it stood at the close of that day — the population in
 * force that day, records dated up to it (`until`), the windows (quarters) ended by the next morning, the share of the period
 * elapsed by then — exactly the trend's point of that day.
 */
export function evaluationDatesAsOf(o: {
  definition: Pick<TargetDefinition, 'period' | 'asOf' | 'condition'>;
  planYear: number;
  today: string;
  asOf?: string | null;
}) {
  if (!o.asOf || o.asOf >= o.today) return { ...evaluationDates(o), until: undefined as string | undefined };
  const period = resolvePeriod(o.definition.period, o.planYear);
  return {
    period,
    asOf: effectiveAsOf(o.definition, period, o.asOf),
    windows: windowsOwed(o.definition, period, nextDay(o.asOf)),
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

/** `iso` moved by whole years (29/02 falls back to 28/02). */
function shiftYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const isLeap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !isLeap ? '02-28' : md}`;
}

/**
 * How a target is computed, carried into a copy of its plan for another year (issue 11: copying a plan copies its
 * target definitions): explicit dates move with the plan year; a unit group stays named by its code, so its
 * members are resolved as of the new plan's dates when the copy is evaluated.
 */
export function copyTargetRule<R extends { period: TargetPeriodLike; asOf: string | null }>(
  rule: R,
  fromYear: number,
  toYear: number,
): R {
  const years = toYear - fromYear;
  if (years === 0) return rule;
  return {
    ...rule,
    period:
      rule.period.type === 'range'
        ? { ...rule.period, from: shiftYears(rule.period.from, years), to: shiftYears(rule.period.to, years) }
        : rule.period,
    asOf: rule.asOf === null ? null : shiftYears(rule.asOf, years),
  };
}
type TargetPeriodLike = { type: 'plan_year' } | { type: 'range'; from: string; to: string };
