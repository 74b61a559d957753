import { describe, expect, it } from 'vitest';
import { formatGoal } from '../plan/format';
import { describeGoal } from '../targets/describe';
import { meetsGoal } from '../targets/evaluation';
import { PLAN_54_TARGET_DEFINITIONS } from '../targets/plan-54';
import { indicatorDates } from './dates';
import { INDICATOR_FIXTURES } from './fixtures';
import { indicatorRule } from './parts';
import { indicatorWarnings, type RuleFacts } from './warnings';
import { windowsDue } from './windows';
import { goalInWords, indicatorInWords } from './words';

const year = { from: '2023-01-01', to: '2023-12-31' };
const facts: RuleFacts = {
  knownCodes: {},
  codeUsage: {},
  knownItems: [],
  population: null,
  unitGroupKinds: {},
};

describe('indicator parts', () => {
  it('express plan 54 and every fixture text as valid rules', () => {
    for (const r of Object.values(PLAN_54_TARGET_DEFINITIONS))
      expect(indicatorRule.safeParse(r).success).toBe(true);
    expect(INDICATOR_FIXTURES.length).toBeGreaterThanOrEqual(15);
    for (const f of INDICATOR_FIXTURES) {
      const parsed = indicatorRule.safeParse(f.rule);
      expect(parsed.error?.issues ?? [], f.key).toEqual([]);
    }
  });

  it('refuse a field the record does not have, a link of another record, and a share without condition', () => {
    const r = indicatorRule.safeParse({
      population: { record: 'channel', filters: [{ field: 'role', in: ['reporter'] }] },
      condition: { type: 'linked', link: 'attended_trainings' },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 100, unit: 'percent' },
    });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'population.filters.0.field',
      'condition.link',
    ]);
    const s = indicatorRule.safeParse({
      population: { record: 'event', filters: [{ field: 'isDx', in: ['x'] }] },
      value: { type: 'share' },
      goal: { comparator: 'gte', value: 120, unit: 'percent' },
    });
    expect(s.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'goal.value',
      'population.filters.0.is',
      'value.type',
    ]);
    // Windows need dated linked records; reported figures are reported by units, without a condition.
    const t = indicatorRule.safeParse({
      population: { record: 'unit', filters: [{ field: 'kind', in: ['school', 'nowhere'] }] },
      condition: { type: 'linked', link: 'channels', every: 'month' },
      value: { type: 'figure', item: 'x' },
      goal: { comparator: 'gte', value: 1, unit: 'count' },
    });
    expect(t.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'population.filters.0.in.1',
      'condition.every',
      'condition.type',
    ]);
  });

  it('put the formula in words from the vocabulary labels, never the codes', () => {
    const rule = indicatorRule.parse(INDICATOR_FIXTURES[0]!.rule);
    const words = indicatorInWords(rule, {
      period: year,
      asOf: '2023-12-31',
      labels: {
        person_role: { commune_official: { vi: 'cán bộ, công chức cấp xã', en: 'commune civil servants' } },
        training_tag: { digital_skills: { vi: 'kỹ năng số', en: 'digital skills' } },
      },
    });
    expect(words.vi).toBe(
      'Tỷ lệ = số người (vai trò cán bộ, công chức cấp xã) đã tham gia ít nhất 1 lớp tập huấn (nội dung kỹ năng số) từ 01/01/2023 đến 31/12/2023 / tổng số người (vai trò cán bộ, công chức cấp xã) tại ngày 31/12/2023 (không tính đối tượng chưa đến hạn). Mục tiêu: = 100%.',
    );
    expect(words.en).toContain(
      'people (role commune civil servants) that attended at least 1 trainings (on digital skills)',
    );
    expect(words.vi).not.toContain('commune_official');
    const b = indicatorInWords(indicatorRule.parse(PLAN_54_TARGET_DEFINITIONS.b), {
      period: year,
      asOf: '2023-12-31',
      labels: {},
    });
    expect(b.vi).toContain(
      'có chuyên mục "Chuyển đổi số", có ít nhất 1 tin, bài (về chuyển đổi số) mỗi quý đã qua',
    );
    // An unknown code shows bracketed (the warnings name it).
    expect(b.vi).toContain('[newspaper]');
  });

  it('windows: only those wholly inside the period and ended before today', () => {
    expect(windowsDue(year, 'quarter', '2023-10-15').map((w) => w.to)).toEqual([
      '2023-03-31',
      '2023-06-30',
      '2023-09-30',
    ]);
    expect(windowsDue(year, 'half_year', '2024-01-01')).toHaveLength(2);
    expect(windowsDue(year, 'month', '2023-03-01').map((w) => w.from)).toEqual(['2023-01-01', '2023-02-01']);
    // 2023-01-01 is a Sunday: the first whole week starts on Monday 2 January.
    expect(windowsDue(year, 'week', '2023-01-16')).toEqual([
      { from: '2023-01-02', to: '2023-01-08' },
      { from: '2023-01-09', to: '2023-01-15' },
    ]);
    const d = indicatorDates({
      rule: indicatorRule.parse(PLAN_54_TARGET_DEFINITIONS.b),
      planYear: 2023,
      today: '2023-10-15',
    });
    expect(d).toMatchObject({ asOf: '2023-10-15', period: year });
    expect(d.windows).toHaveLength(3);
  });

  it('warn when a rule can never be met or disagrees with the stated subject', () => {
    const rule = indicatorRule.parse(INDICATOR_FIXTURES[0]!.rule);
    const w = indicatorWarnings(
      { ...rule, period: { type: 'range', from: '2022-06-01', to: '2023-03-31' } },
      {
        period: { from: '2022-06-01', to: '2023-03-31' },
        planPeriod: year,
        facts: {
          ...facts,
          knownCodes: { person_role: ['commune_official'], training_tag: ['dx_writing'] },
          codeUsage: { person_role: { commune_official: 0 } },
          population: 0,
        },
        statedSubject: { type: 'record', recordKind: 'channel' },
      },
    );
    expect(w.map((x) => [x.code, x.path.join('.')])).toEqual([
      ['UNUSED_CODE', 'population.filters.0.in.0'],
      ['UNKNOWN_CODE', 'condition.filters.0.in.0'],
      ['EMPTY_POPULATION', 'population'],
      ['PERIOD_OUTSIDE_PLAN', 'period'],
      ['SUBJECT_MISMATCH', 'population'],
    ]);
    // Plan 54 a is about the reporting units group (kinds) and about plans: no warning either way.
    const a = indicatorRule.parse(PLAN_54_TARGET_DEFINITIONS.a);
    const kinds = { 'all-reporting-units': ['department', 'district', 'commune', 'mass_organisation'] };
    for (const statedSubject of [
      { type: 'unit_group', unitGroupCode: 'all-reporting-units' },
      { type: 'record', recordKind: 'unit_plan' },
    ] as const)
      expect(
        indicatorWarnings(a, {
          period: year,
          planPeriod: year,
          facts: { ...facts, unitGroupKinds: kinds },
          statedSubject,
        }),
      ).toEqual([]);
  });
});

describe('goals in people and đồng (issue 16)', () => {
  it('words a goal with its unit and the language’s separators', () => {
    expect(goalInWords({ comparator: 'gte', value: 1500, unit: 'people' }, 'vi')).toBe('≥ 1.500 người');
    expect(goalInWords({ comparator: 'gte', value: 1500, unit: 'people' }, 'en')).toBe('≥ 1,500 people');
    expect(goalInWords({ comparator: 'lte', value: 2_500_000, unit: 'vnd' }, 'vi')).toBe('≤ 2.500.000 đồng');
    expect(goalInWords({ comparator: 'lte', value: 2_500_000, unit: 'vnd' }, 'en')).toBe('≤ 2,500,000 VND');
    expect(goalInWords({ comparator: 'between', value: 1000, max: 2000, unit: 'people' }, 'vi')).toBe(
      'từ 1.000 đến 2.000 người',
    );
    expect(goalInWords({ comparator: 'eq', value: 12.5, unit: 'percent' }, 'vi')).toBe('= 12,5%');
    expect(formatGoal({ comparator: 'between', value: 1, max: 2, unit: 'count' })).toBe('1–2');
    expect(describeGoal({ comparator: 'eq', value: 3000, unit: 'people' })).toBe('= 3.000 người');
  });
  it('"= N people" and "= N đồng" are reached by more; "= N" records is exact', () => {
    expect(meetsGoal({ comparator: 'eq', value: 1500, unit: 'people' }, 1600)).toBe(true);
    expect(meetsGoal({ comparator: 'eq', value: 1500, unit: 'vnd' }, 1499)).toBe(false);
    expect(meetsGoal({ comparator: 'eq', value: 2, unit: 'count' }, 3)).toBe(false);
  });
  it('a count can be of people but never of đồng; a share is in percent', () => {
    const base = { population: { record: 'person', filters: [] }, value: { type: 'count' } } as const;
    expect(
      indicatorRule.safeParse({ ...base, goal: { comparator: 'gte', value: 10, unit: 'people' } }).success,
    ).toBe(true);
    expect(
      indicatorRule.safeParse({ ...base, goal: { comparator: 'gte', value: 10, unit: 'vnd' } }).success,
    ).toBe(false);
    expect(
      indicatorRule.safeParse({
        population: { record: 'unit', filters: [] },
        value: { type: 'figure', item: 'spent' },
        goal: { comparator: 'gte', value: 10_000_000, unit: 'vnd' },
      }).success,
    ).toBe(true);
  });
});

describe('the editor’s further parts in words (issue 16)', () => {
  const unitRule = (includePredecessors: boolean, asOf: string | null) =>
    indicatorRule.parse({
      population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
      condition: { type: 'linked', link: 'organised_events', every: 'quarter', includePredecessors },
      value: { type: 'count' },
      period: { type: 'range', from: '2023-07-01', to: '2023-12-31' },
      asOf,
      goal: { comparator: 'gte', value: 10, unit: 'count' },
    });
  const words = (r: ReturnType<typeof unitRule>) =>
    indicatorInWords(r, {
      period: { from: '2023-07-01', to: '2023-12-31' },
      asOf: r.asOf ?? '2023-12-31',
      labels: {},
    });
  it('says whether merged units’ records count, and a population date the rule states', () => {
    const own = words(unitRule(false, '2023-06-30'));
    expect(own.vi).toContain('chỉ hồ sơ của chính đơn vị, không tính đơn vị đã sáp nhập vào');
    expect(own.en).toContain("the unit's own records only");
    expect(own.vi).toContain('mỗi quý đã qua');
    expect(own.vi).toContain('từ 01/07/2023 đến 31/12/2023');
    expect(own.vi).toContain('Đối tượng tính tại ngày 30/06/2023.');
    const merged = words(unitRule(true, null));
    expect(merged.vi).toContain('kể cả của đơn vị đã sáp nhập vào');
    expect(merged.vi).not.toContain('Đối tượng tính tại ngày');
  });
});
