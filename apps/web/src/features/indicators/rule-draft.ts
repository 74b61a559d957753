import {
  type CodeSource,
  FIXED_CODES,
  FIXED_LABELS,
  type IndicatorRecord,
  linkTarget,
  RECORD_FIELDS,
  RECORD_LINKS,
} from '@dx/domain';
import type { DataItem } from '../../api/data-items';
import type { RuleDraft, TargetDefinition, VocabularyTerm } from '../../api/indicators';

/*
 * The rule editor's state (issue 16): the parts of packages/domain/src/indicators/parts.ts as the screen edits them —
 * population and filters, the condition (link, filters, at least N, every window, requirements on the member itself,
 * predecessors' records), value, period (the plan's year or a range), population date and goal.
 */

export type Filter = RuleDraft['population']['filters'] extends (infer F)[] | undefined ? F : never;
type Condition = NonNullable<RuleDraft['condition']>;
type Linked = Extract<Condition, { type: 'linked' }>;
export type ValueType = RuleDraft['value']['type'];
export type Goal = RuleDraft['goal'];
export type Window = NonNullable<Linked['every']>;

export type Draft = {
  record: IndicatorRecord;
  filters: Filter[];
  condition: 'none' | 'linked';
  link: string;
  linkFilters: Filter[];
  atLeast: number;
  every: Window | null;
  value: ValueType;
  item: string;
  numerator: string;
  denominator: string;
  scale: number;
  goal: Goal;
  /** The plan's year, or a range of dates (yyyy-mm-dd; '' while typed). */
  period: 'plan_year' | 'range';
  from: string;
  to: string;
  /** Population date; '' = the period's end (never after today). */
  asOf: string;
  /** Requirements on the member itself (a channel must have a DX section). */
  subject: Filter[];
  /** Units only: records of units merged into the unit count for it. */
  includePredecessors: boolean;
};

/** The links a record offers (the first is the default when the record changes). */
export const linksOf = (record: IndicatorRecord): string[] => Object.keys(RECORD_LINKS[record]);
/** The fields a record can be filtered on. */
export const fieldsOf = (record: IndicatorRecord): string[] => Object.keys(RECORD_FIELDS[record]);

/** A draft from a stored definition (rule null = a fresh one, starting with a share of people). */
export function draftOf(def: Pick<TargetDefinition, 'rule' | 'goal'>): Draft {
  const rule = (def.rule ?? null) as Partial<RuleDraft> | null;
  const c = rule?.condition;
  const v = rule?.value;
  const record = rule?.population?.record ?? 'person';
  return {
    record,
    filters: rule?.population?.filters ?? [],
    condition: rule ? (c?.type ?? 'none') : 'linked',
    link: c?.type === 'linked' ? c.link : (linksOf(record)[0] ?? ''),
    linkFilters: c?.type === 'linked' ? (c.filters ?? []) : [],
    atLeast: c?.type === 'linked' ? (c.atLeast ?? 1) : 1,
    every: c?.type === 'linked' ? (c.every ?? null) : null,
    value: v?.type ?? (def.goal.unit === 'percent' ? 'share' : 'count'),
    item: v?.type === 'figure' ? v.item : '',
    numerator: v?.type === 'ratio' ? v.numerator.item : '',
    denominator: v?.type === 'ratio' ? v.denominator.item : '',
    scale: v?.type === 'ratio' ? (v.scale ?? 100) : 100,
    goal: { ...def.goal },
    period: rule?.period?.type ?? 'plan_year',
    from: rule?.period?.type === 'range' ? rule.period.from : '',
    to: rule?.period?.type === 'range' ? rule.period.to : '',
    asOf: rule?.asOf ?? '',
    subject: c?.type === 'linked' ? (c.subject ?? []) : [],
    // The engine's default (packages/domain indicators/parts.ts): the "as of" decision of docs/architecture.md.
    includePredecessors: c?.type === 'linked' ? (c.includePredecessors ?? true) : true,
  };
}

/** The rule the preview evaluates and the definition stores (the goal is stored on the plan). */
export function ruleOf(d: Draft): RuleDraft {
  const condition: Condition =
    d.condition === 'linked'
      ? {
          type: 'linked',
          link: d.link as Linked['link'],
          filters: d.linkFilters,
          atLeast: d.atLeast,
          every: d.every,
          subject: d.subject,
          // Only units have predecessors (org_unit_succession); other records keep the engine's default.
          ...(d.record === 'unit' ? { includePredecessors: d.includePredecessors } : {}),
        }
      : { type: 'none' };
  const value: RuleDraft['value'] =
    d.value === 'figure'
      ? { type: 'figure', item: d.item }
      : d.value === 'ratio'
        ? {
            type: 'ratio',
            numerator: { item: d.numerator },
            denominator: { item: d.denominator },
            scale: d.scale,
          }
        : { type: d.value };
  const goal: Goal =
    d.goal.comparator === 'between'
      ? d.goal
      : { comparator: d.goal.comparator, value: d.goal.value, unit: d.goal.unit };
  return {
    population: { record: d.record, filters: d.filters },
    condition,
    value,
    period: d.period === 'range' ? { type: 'range', from: d.from, to: d.to } : { type: 'plan_year' },
    asOf: d.asOf || null,
    goal,
  };
}

/** A new population record: filters and link of the old one no longer apply. */
export function withRecord(d: Draft, record: IndicatorRecord): Draft {
  const link = linksOf(record)[0] ?? '';
  return {
    ...d,
    record,
    filters: [],
    link,
    linkFilters: [],
    every: null,
    condition: link ? d.condition : 'none',
    subject: [],
  };
}

/** The record a draft's condition links to (null = no condition). */
export const linkedRecord = (d: Draft): IndicatorRecord | null =>
  d.condition === 'linked' ? linkTarget(d.record, d.link) : null;

/** A fresh filter on a field: a flag starts true, a code list empty. */
export function newFilter(record: IndicatorRecord, field: string): Filter {
  const spec = (RECORD_FIELDS[record] as Record<string, { type: string }>)[field];
  return spec?.type === 'flag' ? { field, is: true } : { field, in: [] };
}

export const sourceOf = (record: IndicatorRecord, field: string): CodeSource | null => {
  const spec = (RECORD_FIELDS[record] as Record<string, { type: string; source?: CodeSource }>)[field];
  return spec?.type === 'code' ? (spec.source ?? null) : null;
};

/** What a code source offers: vocabulary terms in force, fixed lists, the province's unit groups, plan themes. */
export type Choices = {
  terms: VocabularyTerm[];
  /** The province's data items (reported figures), picked by name: their codes never show. */
  items: Pick<DataItem, 'code' | 'nameVi' | 'nameEn' | 'unitOfMeasure' | 'validTo'>[];
  groups: { code: string; name: string }[];
  themes: { code: string; title: string }[];
  today: string;
};

export function optionsOf(
  source: CodeSource,
  choices: Choices,
  lang: 'vi' | 'en',
  chosen: string[] = [],
): { value: string; label: string }[] {
  let out: { value: string; label: string }[];
  if (source === 'unit_group') out = choices.groups.map((g) => ({ value: g.code, label: g.name }));
  else if (source === 'theme')
    out = choices.themes.map((t) => ({ value: t.code, label: `${t.code} ${t.title}` }));
  else if (FIXED_CODES[source])
    out = FIXED_CODES[source]!.map((c) => {
      const w = FIXED_LABELS[source]?.[c];
      return { value: c, label: w ? w[lang] : c };
    });
  else
    out = choices.terms
      .filter(
        (t) =>
          t.vocabulary === source && (!t.validTo || t.validTo > choices.today || chosen.includes(t.code)),
      )
      .map((t) => ({ value: t.code, label: (lang === 'en' && t.labelEn) || t.labelVi }));
  // A chosen code the lists no longer hold stays visible (it is what the stored rule says).
  for (const c of chosen) if (!out.some((o) => o.value === c)) out.push({ value: c, label: c });
  return out;
}

/** The data items to pick from: those in force, and the one chosen even if it has ended (what the rule says). */
export function itemOptionsOf(
  choices: Choices,
  lang: 'vi' | 'en',
  chosen: string,
  none: string,
): { value: string; label: string }[] {
  const out = choices.items
    .filter((i) => !i.validTo || i.validTo > choices.today || i.code === chosen)
    .map((i) => ({ value: i.code, label: (lang === 'en' && i.nameEn) || i.nameVi }));
  // A code no item has (typed through the API): shown as itself in brackets, as the formula shows it.
  if (chosen && !out.some((o) => o.value === chosen)) out.push({ value: chosen, label: `[${chosen}]` });
  return [{ value: '', label: none }, ...out];
}

/** The goal unit a reported figure suggests (its unit of measure); households and counts are counts. */
export function goalUnitOfItem(unit: DataItem['unitOfMeasure']): Goal['unit'] {
  return unit === 'people' || unit === 'vnd' || unit === 'percent' ? unit : 'count';
}
