import { z } from 'zod';
import { isoDate } from '../dates';
import { ORG_UNIT_KINDS } from '../org-unit';
import { GOAL_UNITS } from '../plan/plan';
import { PUBLICATION_FORMATS, UNIT_PLAN_KINDS, UNIT_PLAN_STATUSES } from '../records/kinds';

/*
 * The general indicator engine's parts (issue 16; docs/architecture.md "Targets are definitions"): a target is
 * population × filters × condition × period/windows × value × goal, all data. Vocabulary values (roles, tags,
 * kinds, levels) are CODES of the province's vocabularies, never Vietnamese text: labels come from the
 * vocabulary when the formula is put into words. Nothing here names a plan or a province.
 */

/** Records the engine can count or link to (packages/db/src/records-schema.ts, org units). */
export const INDICATOR_RECORDS = [
  'unit',
  'channel',
  'person',
  'dx_model',
  'event',
  'training',
  'publication',
  'unit_plan',
] as const;
export type IndicatorRecord = (typeof INDICATOR_RECORDS)[number];

/** Per-province vocabularies (table vocabulary_term); codes of the other lists are fixed in the domain. */
export const VOCABULARIES = [
  'person_role',
  'training_tag',
  'event_kind',
  'event_level',
  'model_kind',
  'channel_kind',
] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/** Where a code field takes its values: a province vocabulary, a fixed domain list, unit groups or plan themes. */
export type CodeSource =
  | Vocabulary
  | 'unit_kind'
  | 'unit_level'
  | 'unit_group'
  | 'theme'
  | 'publication_format'
  | 'unit_plan_kind'
  | 'unit_plan_status';

/** Administrative level of a unit: the unit itself or the level it sits under (a school under a commune). */
export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;

/** Fixed code lists (those that are not per-province vocabularies). */
export const FIXED_CODES: Partial<Record<CodeSource, readonly string[]>> = {
  unit_kind: ORG_UNIT_KINDS,
  unit_level: UNIT_LEVELS,
  publication_format: PUBLICATION_FORMATS,
  unit_plan_kind: UNIT_PLAN_KINDS,
  unit_plan_status: UNIT_PLAN_STATUSES,
};

export type FieldSpec = { type: 'code'; source: CodeSource } | { type: 'flag' };

const code = (source: CodeSource): FieldSpec => ({ type: 'code', source });
const flag: FieldSpec = { type: 'flag' };
/** Every record except units has an owner unit (organiser, channel owner, employer): filter by its kind or group. */
const owned = { ownerKind: code('unit_kind'), ownerGroup: code('unit_group') };

/** The fields each record can be filtered on (the columns of records-schema.ts, and derived ones). */
export const RECORD_FIELDS = {
  unit: { kind: code('unit_kind'), group: code('unit_group'), level: code('unit_level') },
  channel: { kind: code('channel_kind'), hasDxSection: flag, ...owned },
  person: { role: code('person_role'), ...owned },
  /** recognised: on or before the population date; recognisedInPeriod: within the period ("2–3 models a year"). */
  dx_model: { kind: code('model_kind'), recognised: flag, recognisedInPeriod: flag, ...owned },
  event: { kind: code('event_kind'), level: code('event_level'), isDx: flag, theme: code('theme'), ...owned },
  training: { tag: code('training_tag'), ...owned },
  publication: {
    format: code('publication_format'),
    isDx: flag,
    theme: code('theme'),
    channelKind: code('channel_kind'),
    ...owned,
  },
  unit_plan: { kind: code('unit_plan_kind'), status: code('unit_plan_status'), ...owned },
} as const satisfies Record<IndicatorRecord, Record<string, FieldSpec>>;

export const FILTER_FIELDS = [
  ...new Set(Object.values(RECORD_FIELDS).flatMap((f) => Object.keys(f))),
] as string[] as readonly string[];

/** Dated records are counted in the period (held, published, planned for the year); others as of a date. */
export const DATED_RECORDS: readonly IndicatorRecord[] = ['event', 'training', 'publication', 'unit_plan'];

/**
 * Links from a record to the records that make it count: "at least N linked records matching F" (publications on
 * a channel, attendances of a person, features of a model, events organised by a unit, plans of a unit …).
 */
export const RECORD_LINKS = {
  unit: {
    unit_plans: 'unit_plan',
    organised_events: 'event',
    organised_trainings: 'training',
    publications: 'publication',
    channels: 'channel',
    people: 'person',
    models: 'dx_model',
  },
  channel: { publications: 'publication' },
  person: { attended_trainings: 'training' },
  dx_model: { featured_in: 'publication' },
  training: { attendees: 'person' },
  event: {},
  publication: { featured_models: 'dx_model' },
  unit_plan: {},
} as const satisfies Record<IndicatorRecord, Record<string, IndicatorRecord>>;
export type LinkName = { [R in IndicatorRecord]: keyof (typeof RECORD_LINKS)[R] }[IndicatorRecord];
export const LINK_NAMES = [
  ...new Set(Object.values(RECORD_LINKS).flatMap((l) => Object.keys(l))),
] as LinkName[];

/** The target record of a link from `record`, or null when that record has no such link. */
export function linkTarget(record: IndicatorRecord, link: string): IndicatorRecord | null {
  const links = RECORD_LINKS[record] as Record<string, IndicatorRecord>;
  return Object.hasOwn(links, link) ? links[link]! : null;
}

/** The spec of `field` on `record`, or null when the record has no such field. */
export function fieldSpec(record: IndicatorRecord, field: string): FieldSpec | null {
  const fields = RECORD_FIELDS[record] as Record<string, FieldSpec>;
  return Object.hasOwn(fields, field) ? fields[field]! : null;
}

const codeValue = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[A-Za-z0-9_.-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang');

/** A filter: a code field in a list of codes, or a flag that must be true or false. */
export const indicatorFilter = z.union([
  z.object({
    field: z.string().min(1).max(40),
    in: z.array(codeValue).min(1, 'Chọn ít nhất một giá trị').max(40),
  }),
  z.object({ field: z.string().min(1).max(40), is: z.boolean() }),
]);
export type IndicatorFilter = z.infer<typeof indicatorFilter>;
const filters = z.array(indicatorFilter).max(12).default([]);

/** Who or what is counted. Standing records as of the population date; dated records within the period. */
export const indicatorPopulation = z.object({
  record: z.enum(INDICATOR_RECORDS, 'Chọn đối tượng tính'),
  filters,
});
export type IndicatorPopulation = z.infer<typeof indicatorPopulation>;

/** Windows a linked-record condition can be required in: every one elapsed in the period. */
export const INDICATOR_WINDOWS = ['week', 'month', 'quarter', 'half_year'] as const;
export type IndicatorWindow = (typeof INDICATOR_WINDOWS)[number];

/** What a member of the population must show to count. */
export const indicatorCondition = z.discriminatedUnion(
  'type',
  [
    /** Every member counts (a count of records matching the population's filters). */
    z.object({ type: z.literal('none') }),
    z.object({
      type: z.literal('linked'),
      link: z.enum(LINK_NAMES as [LinkName, ...LinkName[]], 'Chọn loại hồ sơ liên kết'),
      filters,
      atLeast: z.number().int().min(1).max(10_000).default(1),
      /** Required in every window elapsed in the period; null = once in the period. */
      every: z.enum(INDICATOR_WINDOWS).nullable().default(null),
      /** Requirements on the member itself (a channel must have a DX section to count). */
      subject: filters,
      /**
       * Units only: records of units that had ended by the population date count for the unit that succeeded them
       * (the "as of" decision, docs/architecture.md § Org units through time); false = the unit's own records only.
       */
      includePredecessors: z.boolean().default(true),
    }),
  ],
  'Chọn điều kiện',
);
export type IndicatorCondition = z.infer<typeof indicatorCondition>;

/** A reported figure: a data item (table data_item), its accepted values for the period. */
export const figureRef = z.object({ item: codeValue });

/** What the indicator's value is. */
export const indicatorValue = z.discriminatedUnion(
  'type',
  [
    /** Members achieving the condition / members due (%, never above 100; nothing due = not applicable). */
    z.object({ type: z.literal('share') }),
    /** Number of members achieving the condition (all members for condition none). */
    z.object({ type: z.literal('count') }),
    /** Sum (or average, or last value, as the item adds up) of a reported figure over the population's units. */
    z.object({ type: z.literal('figure'), item: codeValue }),
    /** numerator / denominator × scale (DHIS2's indicator: two figures of the same units and period). */
    z.object({
      type: z.literal('ratio'),
      numerator: figureRef,
      denominator: figureRef,
      scale: z.number().positive().default(100),
    }),
  ],
  'Chọn cách tính giá trị',
);
export type IndicatorValue = z.infer<typeof indicatorValue>;

/** The plan's goal units (plan/plan.ts GOAL_UNITS): the rule's goal is the plan's. */
export const INDICATOR_GOAL_UNITS = GOAL_UNITS;
export type IndicatorGoalUnit = (typeof INDICATOR_GOAL_UNITS)[number];

export const indicatorGoal = z
  .object({
    comparator: z.enum(['eq', 'gte', 'lte', 'between'], 'Phép so sánh là eq, gte, lte hoặc between'),
    value: z.number().finite().min(0, 'Giá trị không được âm'),
    max: z.number().finite().min(0).optional(),
    unit: z.enum(INDICATOR_GOAL_UNITS, 'Đơn vị là %, số lượng, người hoặc đồng'),
  })
  .superRefine((g, ctx) => {
    if (g.comparator === 'between' && (g.max === undefined || g.max < g.value))
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: 'Khoảng cần giá trị tối đa không nhỏ hơn tối thiểu',
      });
    if (g.comparator !== 'between' && g.max !== undefined)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'Chỉ khoảng (between) mới có giá trị tối đa' });
    if (g.unit === 'percent' && Math.max(g.value, g.max ?? 0) > 100)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Tỷ lệ không vượt quá 100%' });
  });
export type IndicatorGoal = z.infer<typeof indicatorGoal>;

export const indicatorPeriod = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plan_year') }),
  z.object({ type: z.literal('range'), from: isoDate, to: isoDate }),
]);
export type IndicatorPeriod = z.infer<typeof indicatorPeriod>;

const ruleShape = z.object({
  population: indicatorPopulation,
  condition: indicatorCondition.default({ type: 'none' }),
  value: indicatorValue,
  period: indicatorPeriod.default({ type: 'plan_year' }),
  /** Population date; null = the period end (never after today). */
  asOf: isoDate.nullable().default(null),
  goal: indicatorGoal,
});

function checkFilters(
  record: IndicatorRecord,
  list: IndicatorFilter[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
) {
  list.forEach((f, i) => {
    const spec = fieldSpec(record, f.field);
    if (!spec) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'field'],
        message: `Trường "${f.field}" không có ở loại hồ sơ này`,
      });
      return;
    }
    if (spec.type === 'flag' && !('is' in f))
      ctx.addIssue({ code: 'custom', path: [...path, i, 'is'], message: 'Trường này là có/không' });
    if (spec.type === 'code') {
      if (!('in' in f)) {
        ctx.addIssue({ code: 'custom', path: [...path, i, 'in'], message: 'Chọn giá trị' });
        return;
      }
      const fixed = FIXED_CODES[spec.source];
      f.in.forEach((v, j) => {
        if (fixed && !fixed.includes(v))
          ctx.addIssue({
            code: 'custom',
            path: [...path, i, 'in', j],
            message: `Mã "${v}" không có trong danh mục`,
          });
      });
    }
  });
}

type RuleShape = z.infer<typeof ruleShape>;

/** Checks of the parts that do not depend on the goal. */
function checkParts(d: Omit<RuleShape, 'goal'>, ctx: z.RefinementCtx): void {
  const rec = d.population.record;
  checkFilters(rec, d.population.filters, ['population', 'filters'], ctx);
  const c = d.condition;
  if (c.type === 'linked') {
    const target = linkTarget(rec, c.link);
    if (!target) {
      ctx.addIssue({
        code: 'custom',
        path: ['condition', 'link'],
        message: 'Liên kết không áp dụng cho đối tượng đã chọn',
      });
    } else {
      checkFilters(target, c.filters, ['condition', 'filters'], ctx);
      if (c.every && !DATED_RECORDS.includes(target))
        ctx.addIssue({
          code: 'custom',
          path: ['condition', 'every'],
          message: 'Chỉ đếm theo kỳ được với hồ sơ có ngày',
        });
      if (c.every && target === 'unit_plan')
        ctx.addIssue({
          code: 'custom',
          path: ['condition', 'every'],
          message: 'Kế hoạch tính theo năm, không theo kỳ',
        });
    }
    checkFilters(rec, c.subject, ['condition', 'subject'], ctx);
  }
  const v = d.value;
  if (v.type === 'share' && c.type !== 'linked')
    ctx.addIssue({ code: 'custom', path: ['value', 'type'], message: 'Tỷ lệ cần một điều kiện' });
  if ((v.type === 'figure' || v.type === 'ratio') && rec !== 'unit')
    ctx.addIssue({
      code: 'custom',
      path: ['population', 'record'],
      message: 'Số liệu báo cáo do đơn vị báo cáo: chọn đối tượng là đơn vị',
    });
  if ((v.type === 'figure' || v.type === 'ratio') && c.type !== 'none')
    ctx.addIssue({
      code: 'custom',
      path: ['condition', 'type'],
      message: 'Số liệu báo cáo không kèm điều kiện',
    });
  if (d.period.type === 'range' && d.period.from > d.period.to)
    ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
}

/** The goal must suit the value: a share is a percentage, a count is not. */
function checkGoal(d: RuleShape, ctx: z.RefinementCtx): void {
  const v = d.value;
  if (v.type === 'share' && d.goal.unit !== 'percent')
    ctx.addIssue({
      code: 'custom',
      path: ['goal', 'unit'],
      message: 'Chỉ tiêu tỷ lệ cần mục tiêu là phần trăm',
    });
  // A count is of records or people, never of đồng; đồng come from a reported figure (data_item unit vnd).
  else if (v.type === 'count' && (d.goal.unit === 'percent' || d.goal.unit === 'vnd'))
    ctx.addIssue({
      code: 'custom',
      path: ['goal', 'unit'],
      message: 'Chỉ tiêu đếm cần mục tiêu là số lượng hoặc số người',
    });
}

/**
 * How a plan target is computed, as stored beside the plan's target row (table target_definition; the goal stays
 * on the plan and is edited with it): population, condition, value, period, as-of date.
 */
export const indicatorParts = ruleShape.omit({ goal: true }).superRefine(checkParts);
export type IndicatorParts = z.infer<typeof indicatorParts>;
export type IndicatorPartsInput = z.input<typeof indicatorParts>;

/**
 * A general indicator rule with its goal (issue 16). Structural checks only; whether codes exist in the province's
 * vocabularies, and whether the rule can ever be met, are `indicatorWarnings`/`unknownCodes` (they need data).
 */
export const indicatorRule = ruleShape.superRefine((d, ctx) => {
  checkParts(d, ctx);
  checkGoal(d, ctx);
});
export type IndicatorRule = z.infer<typeof indicatorRule>;
export type IndicatorRuleInput = z.input<typeof indicatorRule>;

/** Every code a rule uses, by where its values come from (to check against the province's vocabularies). */
export function codesOfRule(
  rule: IndicatorParts,
): { source: CodeSource; code: string; path: (string | number)[] }[] {
  const out: { source: CodeSource; code: string; path: (string | number)[] }[] = [];
  const scan = (record: IndicatorRecord, list: IndicatorFilter[], path: (string | number)[]) =>
    list.forEach((f, i) => {
      const spec = fieldSpec(record, f.field);
      if (spec?.type === 'code' && 'in' in f)
        for (const [j, c] of f.in.entries())
          out.push({ source: spec.source, code: c, path: [...path, i, 'in', j] });
    });
  scan(rule.population.record, rule.population.filters, ['population', 'filters']);
  if (rule.condition.type === 'linked') {
    const target = linkTarget(rule.population.record, rule.condition.link);
    if (target) scan(target, rule.condition.filters, ['condition', 'filters']);
    scan(rule.population.record, rule.condition.subject, ['condition', 'subject']);
  }
  return out;
}

/** The data items a rule reads. */
export function itemsOfRule(rule: IndicatorParts): string[] {
  const v = rule.value;
  if (v.type === 'figure') return [v.item];
  if (v.type === 'ratio') return [v.numerator.item, v.denominator.item];
  return [];
}
