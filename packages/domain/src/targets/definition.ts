import { z } from 'zod';
import { isoDate } from '../dates';
import { ORG_UNIT_KINDS } from '../org-unit';
import { targetGoal } from '../plan/plan';
import {
  CHANNEL_KINDS,
  DX_MODEL_KINDS,
  EVENT_KINDS,
  EVENT_LEVELS,
  PERSON_ROLES,
  UNIT_PLAN_KINDS,
} from '../records/kinds';

/*
 * A target (chỉ tiêu) as data (docs/brief.md "The six targets of plan 54"): population × condition × period × goal.
 * A plan for 2024 or another province composes its own from these building blocks; no code path per target.
 */

const nonEmpty = <T extends z.ZodTypeAny>(item: T, message: string) => z.array(item).min(1, message).max(20);

/** Who or what is counted, as of a date (the period end unless given; never later than today). */
export const targetPopulation = z.discriminatedUnion(
  'record',
  [
    z.object({
      record: z.literal('unit'),
      /** A unit group (rule by kinds or explicit members); or kinds directly. */
      unitGroupCode: z.string().trim().min(1).max(60).optional(),
      unitKinds: z.array(z.enum(ORG_UNIT_KINDS)).max(10).optional(),
    }),
    z.object({
      record: z.literal('channel'),
      channelKinds: nonEmpty(z.enum(CHANNEL_KINDS), 'Chọn loại kênh'),
    }),
    z.object({ record: z.literal('person'), roles: nonEmpty(z.enum(PERSON_ROLES), 'Chọn vai trò') }),
    /** Recognised models only (recognised on or before the as-of date). */
    z.object({
      record: z.literal('dx_model'),
      modelKinds: nonEmpty(z.enum(DX_MODEL_KINDS), 'Chọn loại mô hình'),
    }),
    z.object({
      record: z.literal('event'),
      eventKinds: nonEmpty(z.enum(EVENT_KINDS), 'Chọn loại sự kiện'),
      levels: z.array(z.enum(EVENT_LEVELS)).max(3).optional(),
    }),
  ],
  'Chọn đối tượng tính (đơn vị, kênh, người, mô hình, sự kiện)',
);
export type TargetPopulation = z.infer<typeof targetPopulation>;

/** What a member of the population must show in the period to count as achieved. */
export const targetCondition = z.discriminatedUnion(
  'type',
  [
    /** Plan 54 I.2.a: a plan of these kinds for the period's year, accepted by the DX office. */
    z.object({
      type: z.literal('accepted_unit_plan'),
      planKinds: nonEmpty(z.enum(UNIT_PLAN_KINDS), 'Chọn loại kế hoạch'),
      /** A unit merged during the period inherits its predecessors' accepted plans. */
      includePredecessors: z.boolean().default(true),
    }),
    /** Plan 54 I.2.b: a DX section, and at least one DX publication in each quarter elapsed. */
    z.object({ type: z.literal('dx_publication_each_quarter') }),
    /** Plan 54 I.2.c: attended a training with this tag held in the period. */
    z.object({ type: z.literal('attended_training'), tag: z.string().trim().min(1).max(40) }),
    /** Plan 54 I.2.d: featured by at least one publication in the period on a channel of these kinds. */
    z.object({
      type: z.literal('featured_in_publication'),
      channelKinds: nonEmpty(z.enum(CHANNEL_KINDS), 'Chọn loại kênh'),
    }),
    /** Plan 54 I.2.e: organised at least one DX event of these kinds in the period. */
    z.object({
      type: z.literal('held_event'),
      eventKinds: nonEmpty(z.enum(EVENT_KINDS), 'Chọn loại sự kiện'),
      levels: z.array(z.enum(EVENT_LEVELS)).max(3).optional(),
    }),
    /** Plan 54 I.2.đ: the number of population records (events) in the period. */
    z.object({ type: z.literal('count') }),
  ],
  'Chọn điều kiện',
);
export type TargetCondition = z.infer<typeof targetCondition>;

export const targetPeriod = z.discriminatedUnion('type', [
  /** The calendar year the plan covers. */
  z.object({ type: z.literal('plan_year') }),
  z.object({ type: z.literal('range'), from: isoDate, to: isoDate }),
]);
export type TargetPeriod = z.infer<typeof targetPeriod>;

/** Which population each condition applies to. */
const CONDITION_RECORD: Record<TargetCondition['type'], TargetPopulation['record']> = {
  accepted_unit_plan: 'unit',
  held_event: 'unit',
  dx_publication_each_quarter: 'channel',
  attended_training: 'person',
  featured_in_publication: 'dx_model',
  count: 'event',
};

const ruleShape = z.object({
  population: targetPopulation,
  condition: targetCondition,
  period: targetPeriod.default({ type: 'plan_year' }),
  /** As-of date for the population; null = the period end (capped at today). */
  asOf: isoDate.nullable().default(null),
});

function checkRule(d: z.infer<typeof ruleShape>, ctx: z.RefinementCtx): void {
  if (CONDITION_RECORD[d.condition.type] !== d.population.record) {
    ctx.addIssue({
      code: 'custom',
      path: ['condition', 'type'],
      message: 'Điều kiện không áp dụng cho đối tượng đã chọn',
    });
  }
  if (d.population.record === 'unit' && !d.population.unitGroupCode && !d.population.unitKinds?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['population', 'unitKinds'],
      message: 'Chọn nhóm đơn vị hoặc loại đơn vị',
    });
  }
  if (d.period.type === 'range' && d.period.from > d.period.to) {
    ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  }
}

/**
 * How a plan target is computed, stored beside the plan's target row (which keeps the goal, edited with the
 * plan): population, condition, period, as-of date.
 */
export const targetRule = ruleShape.superRefine(checkRule);
export type TargetRule = z.infer<typeof targetRule>;

/** A complete target definition: the rule and the goal. */
export const targetDefinition = ruleShape.extend({ goal: targetGoal }).superRefine((d, ctx) => {
  checkRule(d, ctx);
  const isCount = d.condition.type === 'count';
  if (isCount !== (d.goal.unit === 'count')) {
    ctx.addIssue({
      code: 'custom',
      path: ['goal', 'unit'],
      message: isCount
        ? 'Chỉ tiêu đếm số lượng cần mục tiêu là số lượng'
        : 'Chỉ tiêu tỷ lệ cần mục tiêu là phần trăm',
    });
  }
});
export type TargetDefinition = z.infer<typeof targetDefinition>;
export type TargetDefinitionInput = z.input<typeof targetDefinition>;

/** A period resolved to dates (inclusive). */
export type ResolvedPeriod = { from: string; to: string };

/** The dates of a target's period for a plan year. */
export function resolvePeriod(period: TargetPeriod, planYear: number): ResolvedPeriod {
  return period.type === 'plan_year'
    ? { from: `${planYear}-01-01`, to: `${planYear}-12-31` }
    : { from: period.from, to: period.to };
}

/** True when achieving the condition cannot be undone later in the period (a plan accepted stays accepted). */
export function accumulates(condition: TargetCondition): boolean {
  // Plan 54 I.2.b: "kept up" is re-judged each quarter, so meeting it now does not settle the year.
  return condition.type !== 'dx_publication_each_quarter';
}
