import { type IndicatorWindowSpan, windowsDue } from '../indicators/windows';
import type { TargetGoal } from '../plan/plan';
import { type ResolvedPeriod, resolvePeriod, type TargetDefinition } from './definition';

/** achieved / evaluated: rates never exceed 100%; nothing due = not applicable (null), not 0% nor 100%. */
export function rate(achieved: number, due: number): number | null {
  if (due <= 0) return null;
  return Math.min(100, Math.round((Math.min(achieved, due) * 1000) / due) / 10);
}

function dayNumber(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  );
}

/** Share of the period's days that have passed by `today` (inclusive), between 0 and 1. */
export function elapsedFraction(period: ResolvedPeriod, today: string): number {
  if (today < period.from) return 0;
  if (today >= period.to) return 1;
  return (
    (dayNumber(today) - dayNumber(period.from) + 1) / (dayNumber(period.to) - dayNumber(period.from) + 1)
  );
}

/** The date the population is taken at: the definition's as-of date, else the period end, never after today. */
export function effectiveAsOf(
  definition: Pick<TargetDefinition, 'asOf'>,
  period: ResolvedPeriod,
  today: string,
): string {
  const asOf = definition.asOf ?? period.to;
  return asOf < today ? asOf : today < period.from ? period.from : today;
}

export const TARGET_STATUSES = ['achieved', 'on_track', 'at_risk', 'behind', 'not_applicable'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Which subjects of a target to list: behind (due, not achieved), achieved, not due (not applicable), or all. */
export const SUBJECT_STATES = ['behind', 'achieved', 'not_due', 'all'] as const;
export type SubjectState = (typeof SUBJECT_STATES)[number];

/** A plan's goal or a rule's (whose unit may also be people or đồng). */
type GoalLike = Omit<TargetGoal, 'unit'> & { unit: string };

/** At risk when at least this share of the expected progress is there. */
const AT_RISK_SHARE = 0.8;

/** True when `value` meets the goal. A count above a range's maximum still meets it (more contests is not a failure). */
export function meetsGoal(goal: GoalLike, value: number): boolean {
  switch (goal.comparator) {
    case 'eq':
      // "= 100%", "= 1.500 người", "= 2 tỷ đồng" are reached (more is not a failure); "= 2 models" is exact.
      return goal.unit === 'count' ? value === goal.value : value >= goal.value;
    case 'gte':
    case 'between':
      return value >= goal.value;
    case 'lte':
      return value <= goal.value;
  }
}

/**
 * Status of a target against the time elapsed in its period: met → achieved (or on track while a condition that
 * can still be lost runs); otherwise compared with the goal pro-rated to the elapsed share of the period.
 */
export function judgeStatus(o: {
  goal: GoalLike;
  value: number | null;
  elapsed: number;
  accumulates: boolean;
}): TargetStatus {
  if (o.value === null) return 'not_applicable';
  const ended = o.elapsed >= 1;
  if (o.goal.comparator === 'lte')
    return o.value <= o.goal.value ? (ended ? 'achieved' : 'on_track') : 'behind';
  if (meetsGoal(o.goal, o.value)) return ended || o.accumulates ? 'achieved' : 'on_track';
  if (ended) return 'behind';
  const expected = o.goal.value * o.elapsed;
  if (o.value >= expected) return 'on_track';
  if (o.value >= expected * AT_RISK_SHARE) return 'at_risk';
  return 'behind';
}

/** The windows a condition required in every window owes by `today` (none for other conditions). */
export function windowsOwed(
  definition: Pick<TargetDefinition, 'condition'>,
  period: ResolvedPeriod,
  today: string,
): IndicatorWindowSpan[] {
  const c = definition.condition;
  return c.type === 'linked' && c.every ? windowsDue(period, c.every, today) : [];
}

/** The dates a definition is evaluated with on `today`: period, population date, windows due, share elapsed. */
export function evaluationDates(o: {
  definition: Pick<TargetDefinition, 'period' | 'asOf' | 'condition'>;
  planYear: number;
  today: string;
}) {
  const period = resolvePeriod(o.definition.period, o.planYear);
  return {
    period,
    asOf: effectiveAsOf(o.definition, period, o.today),
    windows: windowsOwed(o.definition, period, o.today),
    elapsed: elapsedFraction(period, o.today),
  };
}

/** How many first rows of who is behind the dashboard carries per target; the rest is paged through the list. */
export const BEHIND_PREVIEW = 20;

/** One point of a target's trend: the value as it stood at the close of `date`. */
export type TrendCheckpoint = {
  date: string;
  /** Population date, windows due and record cut-off used at that point; until null = live (the current value). */
  asOf: string;
  windows: IndicatorWindowSpan[];
  until: string | null;
};

const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Last day of each month (or quarter, for periods over two years) that ends inside the period. */
function periodEnds(period: ResolvedPeriod): string[] {
  const months: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  for (;;) {
    const end = isoOf(Date.UTC(y, m, 0) / 86_400_000); // day 0 of the next month = last day of this one
    if (end > period.to) break;
    months.push(end);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months.length > 24 ? months.filter((d) => ['03', '06', '09', '12'].includes(d.slice(5, 7))) : months;
}

/**
 * The checkpoints of a target's trend over its period on `today`: each month end already passed (quarter ends for
 * periods over two years), evaluated with the records dated up to it and the windows ended by then; then the
 * current value (live, the same as the card's figure), dated today, or the period end once the period is over.
 * Nothing before the period starts.
 */
export function trendCheckpoints(o: {
  definition: Pick<TargetDefinition, 'period' | 'asOf' | 'condition'>;
  planYear: number;
  today: string;
}): TrendCheckpoint[] {
  const period = resolvePeriod(o.definition.period, o.planYear);
  if (o.today < period.from) return [];
  const last = o.today < period.to ? o.today : period.to;
  const points: TrendCheckpoint[] = periodEnds(period)
    .filter((d) => d < last)
    .map((d) => ({
      date: d,
      asOf: effectiveAsOf(o.definition, period, d),
      // Judged the morning after: a window (a quarter) ending on that day is due.
      windows: windowsOwed(o.definition, period, isoOf(dayNumber(d) + 1)),
      until: d,
    }));
  const live = evaluationDates(o);
  points.push({ date: last, asOf: live.asOf, windows: live.windows, until: null });
  return points;
}
