import {
  type IndicatorParts,
  type IndicatorPeriod,
  type IndicatorRule,
  type IndicatorRuleInput,
  indicatorParts,
  indicatorRule,
} from '../indicators/parts';
import { type IndicatorWindowSpan, resolveIndicatorPeriod } from '../indicators/windows';

/*
 * A target (chỉ tiêu) as data (docs/brief.md "The six targets of plan 54"; issue 16): built from the general parts of
 * packages/domain/src/indicators — population × filters × condition (at least N linked records, optionally in every
 * window) × value × period × goal. A plan for another year or province composes its own; no code path per target.
 */

/** How a plan target is computed, as stored (target_definition.rule): the parts without the goal. */
export const targetRule = indicatorParts;
export type TargetRule = IndicatorParts;

/** A complete target definition: the parts and the goal (from the plan's target row). */
export const targetDefinition = indicatorRule;
export type TargetDefinition = IndicatorRule;
export type TargetDefinitionInput = IndicatorRuleInput;
export type TargetPeriod = IndicatorPeriod;

/** A period resolved to dates (inclusive). */
export type ResolvedPeriod = IndicatorWindowSpan;

/** The dates of a target's period for a plan year. */
export const resolvePeriod = (period: TargetPeriod, planYear: number): ResolvedPeriod =>
  resolveIndicatorPeriod(period, planYear);

/**
 * True when achieving the condition cannot be undone later in the period (a plan accepted stays accepted); false
 * for a condition required in every window (Plan 54 I.2.b: "kept up" is re-judged each quarter).
 */
export function accumulates(d: Pick<TargetRule, 'condition'>): boolean {
  return !(d.condition.type === 'linked' && d.condition.every);
}

/** True when the value is a count (no share of a population): counts have nobody behind. */
export const isCountValue = (d: Pick<TargetRule, 'value'>): boolean => d.value.type === 'count';
