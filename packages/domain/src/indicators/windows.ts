import { addDays } from '../dates';
import type { IndicatorPeriod, IndicatorWindow } from './parts';

/** A window of a period (inclusive local dates). */
export type IndicatorWindowSpan = { from: string; to: string };

/** The dates of an indicator's period for a plan year. */
export function resolveIndicatorPeriod(period: IndicatorPeriod, planYear: number): IndicatorWindowSpan {
  return period.type === 'plan_year'
    ? { from: `${planYear}-01-01`, to: `${planYear}-12-31` }
    : { from: period.from, to: period.to };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function calendarWindows(from: string, to: string, months: number): IndicatorWindowSpan[] {
  const out: IndicatorWindowSpan[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    for (let m = 1; m <= 12; m += months) {
      const e = m + months - 1;
      out.push({ from: `${y}-${pad(m)}-01`, to: `${y}-${pad(e)}-${pad(lastDay(y, e))}` });
    }
  return out;
}

/** Monday-to-Sunday weeks starting on or after `from`. */
function weeks(from: string, to: string): IndicatorWindowSpan[] {
  const out: IndicatorWindowSpan[] = [];
  const dow = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7; // 0 = Monday
  let start = dow === 0 ? from : addDays(from, 7 - dow);
  while (start <= to) {
    out.push({ from: start, to: addDays(start, 6) });
    start = addDays(start, 7);
  }
  return out;
}

/**
 * The windows (week, month, quarter, half-year) lying wholly inside the period that have ended before `today`:
 * a window still running is not yet due (the rule of Plan 54 I.2.b "each quarter so far", for any window).
 */
export function windowsDue(
  period: IndicatorWindowSpan,
  every: IndicatorWindow,
  today: string,
): IndicatorWindowSpan[] {
  const all =
    every === 'week'
      ? weeks(period.from, period.to)
      : calendarWindows(period.from, period.to, every === 'month' ? 1 : every === 'quarter' ? 3 : 6);
  return all.filter((w) => w.from >= period.from && w.to <= period.to && w.to < today);
}
