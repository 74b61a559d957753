import type { TargetSubject } from '../plan/plan';
import {
  type CodeSource,
  codesOfRule,
  FIXED_CODES,
  type IndicatorRule,
  itemsOfRule,
  linkTarget,
} from './parts';
import type { IndicatorWindowSpan } from './windows';

export const INDICATOR_WARNING_CODES = [
  'UNKNOWN_CODE',
  'UNUSED_CODE',
  'UNKNOWN_ITEM',
  'EMPTY_POPULATION',
  'PERIOD_OUTSIDE_PLAN',
  'NO_WINDOW_DUE',
  'SUBJECT_MISMATCH',
] as const;

/** Why a rule may never be met, or disagrees with what the plan says it measures. */
export type IndicatorWarning = {
  code: (typeof INDICATOR_WARNING_CODES)[number];
  path: (string | number)[];
  message: string;
  messageEn: string;
};

/** What the database knows about the rule's codes and population (packages/db queries/indicators.ts). */
export type RuleFacts = {
  /** Codes that exist, by source (vocabulary terms valid in the period, unit groups, plan themes). */
  knownCodes: Partial<Record<CodeSource, string[]>>;
  /** How many records use each code of the rule (0 = a filter no record uses). */
  codeUsage: Partial<Record<CodeSource, Record<string, number>>>;
  /** Data items that exist. */
  knownItems: string[];
  /** Size of the population as of the population date; null = not computed. */
  population: number | null;
  /** Kinds of units of each unit group (to compare a target's stated subject with a rule by kinds). */
  unitGroupKinds: Record<string, string[]>;
};

/**
 * Warnings for the rule editor (issue 16): codes not in the province's vocabularies, filters no record uses, an
 * empty population, a period outside the plan, windows that never come due, and a stated subject (plan target
 * I.2 text → TargetSubject) that the rule does not measure. Pure: the facts come from the database.
 */
export function indicatorWarnings(
  rule: IndicatorRule,
  o: {
    period: IndicatorWindowSpan;
    planPeriod: IndicatorWindowSpan;
    facts: RuleFacts;
    statedSubject?: TargetSubject | null;
  },
): IndicatorWarning[] {
  const out: IndicatorWarning[] = [];
  for (const c of codesOfRule(rule)) {
    const known = FIXED_CODES[c.source] ?? o.facts.knownCodes[c.source];
    if (known && !known.includes(c.code)) {
      out.push({
        code: 'UNKNOWN_CODE',
        path: c.path,
        message: `Mã "${c.code}" không có trong danh mục`,
        messageEn: `Code "${c.code}" is not in the vocabulary`,
      });
      continue;
    }
    const used = o.facts.codeUsage[c.source]?.[c.code];
    if (used === 0)
      out.push({
        code: 'UNUSED_CODE',
        path: c.path,
        message: `Chưa có hồ sơ nào dùng giá trị "${c.code}": điều kiện này chưa thể đạt`,
        messageEn: `No record uses "${c.code}" yet: this filter cannot be met`,
      });
  }
  for (const item of itemsOfRule(rule))
    if (!o.facts.knownItems.includes(item))
      out.push({
        code: 'UNKNOWN_ITEM',
        path: ['value'],
        message: `Chưa có số liệu báo cáo mã "${item}"`,
        messageEn: `No data item "${item}"`,
      });
  if (o.facts.population === 0)
    out.push({
      code: 'EMPTY_POPULATION',
      path: ['population'],
      message: 'Không có đối tượng nào để tính: chỉ tiêu không bao giờ đạt',
      messageEn: 'The population is empty: the target can never be met',
    });
  if (o.period.from < o.planPeriod.from || o.period.to > o.planPeriod.to)
    out.push({
      code: 'PERIOD_OUTSIDE_PLAN',
      path: ['period'],
      message: 'Thời gian tính nằm ngoài thời gian của kế hoạch',
      messageEn: 'The period lies outside the plan',
    });
  const c = rule.condition;
  if (c.type === 'linked' && c.every) {
    const days = (Date.parse(o.period.to) - Date.parse(o.period.from)) / 86_400_000 + 1;
    const need = { week: 7, month: 28, quarter: 90, half_year: 181 }[c.every];
    if (days < need)
      out.push({
        code: 'NO_WINDOW_DUE',
        path: ['condition', 'every'],
        message: 'Thời gian tính ngắn hơn một kỳ: không kỳ nào đến hạn',
        messageEn: 'The period is shorter than one window: nothing ever comes due',
      });
  }
  const s = o.statedSubject;
  if (s && !subjectAgrees(rule, s, o.facts.unitGroupKinds))
    out.push({
      code: 'SUBJECT_MISMATCH',
      path: ['population'],
      message: 'Đối tượng của chỉ tiêu trong kế hoạch khác với đối tượng của cách tính',
      messageEn: "The plan's stated subject differs from what the rule counts",
    });
  return out;
}

/** True when the rule counts what the plan's target says it is about. */
export function subjectAgrees(
  rule: IndicatorRule,
  subject: TargetSubject,
  unitGroupKinds: Record<string, string[]>,
): boolean {
  const pop = rule.population;
  if (subject.type === 'unit_group') {
    if (pop.record !== 'unit') return false;
    const group = pop.filters.find((f) => f.field === 'group');
    if (group && 'in' in group) return group.in.includes(subject.unitGroupCode);
    const kinds = pop.filters.find((f) => f.field === 'kind');
    const groupKinds = unitGroupKinds[subject.unitGroupCode];
    if (!kinds || !('in' in kinds) || !groupKinds) return false;
    return kinds.in.length === groupKinds.length && kinds.in.every((k) => groupKinds.includes(k));
  }
  if (pop.record === subject.recordKind) return true;
  // "Units with an accepted plan" is about plans: the linked record names the subject too.
  return (
    rule.condition.type === 'linked' && linkTarget(pop.record, rule.condition.link) === subject.recordKind
  );
}
