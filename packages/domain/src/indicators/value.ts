import { rate } from '../targets/evaluation';
import type { IndicatorRule } from './parts';

/** The totals the compiler returns for an indicator (packages/db queries/indicators.ts). */
export type IndicatorTotals = {
  population: number;
  due: number;
  achieved: number;
  numerator: number | null;
  denominator: number | null;
};

/**
 * The value of an indicator from its totals: a share (never above 100%, null when nothing is due), a count, the
 * reported figure, or numerator / denominator × scale (null when no unit reported both), to one decimal.
 */
export function indicatorValueOf(
  value: IndicatorRule['value'],
  t: Omit<IndicatorTotals, 'population'>,
): number | null {
  switch (value.type) {
    case 'share':
      return rate(t.achieved, t.due);
    case 'count':
      return t.achieved;
    case 'figure':
      return t.numerator;
    case 'ratio':
      return t.numerator === null || !t.denominator
        ? null
        : Math.round((t.numerator / t.denominator) * value.scale * 10) / 10;
  }
}
