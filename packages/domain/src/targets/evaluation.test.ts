import { describe, expect, it } from 'vitest';
import { targetDefinition } from './definition';
import { describeTarget } from './describe';
import {
  effectiveAsOf,
  elapsedFraction,
  judgeStatus,
  rate,
  trendCheckpoints,
  windowsOwed,
} from './evaluation';
import { PLAN_54_TARGET_DEFINITIONS } from './plan-54';

const year = { from: '2023-01-01', to: '2023-12-31' };
const pct = (comparator: 'eq' | 'gte', value: number) => ({ comparator, value, unit: 'percent' as const });

describe('rate', () => {
  it('is null (not applicable) when nothing is due, and never exceeds 100%', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 2)).toBe(100);
    expect(rate(1, 3)).toBe(33.3);
  });
});

describe('elapsed time and windows', () => {
  it('counts elapsed days inclusively', () => {
    expect(elapsedFraction(year, '2022-12-31')).toBe(0);
    expect(elapsedFraction(year, '2023-12-31')).toBe(1);
    expect(elapsedFraction(year, '2023-07-02')).toBeCloseTo(183 / 365, 5);
  });
  it('owes only the windows that have ended, and none without a window condition (Plan 54 I.2.b)', () => {
    const b = targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS.b);
    expect(windowsOwed(b, year, '2023-03-31')).toEqual([]);
    expect(windowsOwed(b, year, '2023-04-01').map((q) => q.from)).toEqual(['2023-01-01']);
    expect(windowsOwed(b, year, '2024-02-01')).toHaveLength(4);
    expect(windowsOwed(targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS.a), year, '2024-02-01')).toEqual([]);
  });
  it('takes the population as of the period end, never later than today', () => {
    expect(effectiveAsOf({ asOf: null }, year, '2024-03-01')).toBe('2023-12-31');
    expect(effectiveAsOf({ asOf: null }, year, '2023-06-01')).toBe('2023-06-01');
    expect(effectiveAsOf({ asOf: '2023-06-30' }, year, '2024-01-01')).toBe('2023-06-30');
  });
});

describe('judgeStatus', () => {
  it('judges against the goal pro-rated to the elapsed share of the period', () => {
    expect(judgeStatus({ goal: pct('eq', 100), value: 100, elapsed: 0.5, accumulates: true })).toBe(
      'achieved',
    );
    expect(judgeStatus({ goal: pct('eq', 100), value: 100, elapsed: 0.5, accumulates: false })).toBe(
      'on_track',
    );
    expect(judgeStatus({ goal: pct('eq', 100), value: 55, elapsed: 0.5, accumulates: true })).toBe(
      'on_track',
    );
    expect(judgeStatus({ goal: pct('eq', 100), value: 45, elapsed: 0.5, accumulates: true })).toBe('at_risk');
    expect(judgeStatus({ goal: pct('eq', 100), value: 30, elapsed: 0.5, accumulates: true })).toBe('behind');
    expect(judgeStatus({ goal: pct('gte', 50), value: 49, elapsed: 1, accumulates: true })).toBe('behind');
    expect(judgeStatus({ goal: pct('gte', 50), value: null, elapsed: 1, accumulates: true })).toBe(
      'not_applicable',
    );
  });
  it('treats a count range as met from its minimum (Plan 54 I.2.đ: 01–02 contests)', () => {
    const goal = { comparator: 'between' as const, value: 1, max: 2, unit: 'count' as const };
    expect(judgeStatus({ goal, value: 0, elapsed: 0.9, accumulates: true })).toBe('behind');
    expect(judgeStatus({ goal, value: 3, elapsed: 1, accumulates: true })).toBe('achieved');
  });
});

describe('target definitions', () => {
  it("defines plan 54's six targets as valid data with a formula in words", () => {
    for (const [letter, input] of Object.entries(PLAN_54_TARGET_DEFINITIONS)) {
      const parsed = targetDefinition.safeParse(input);
      expect(parsed.success, letter).toBe(true);
      const words = describeTarget(parsed.data!, { period: year, labels: {} });
      expect(words.vi, letter).toMatch(/Mục tiêu/);
      expect(words.en, letter).toMatch(/Goal/);
    }
    const a = targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS.a);
    expect(describeTarget(a, { period: year, labels: {} }).vi).toContain(
      'tổng số đơn vị (loại sở, ban, ngành hoặc quận, huyện hoặc xã, phường, thị trấn',
    );
  });
  it('rejects a link that does not fit the population, and a share with a count goal', () => {
    const r = targetDefinition.safeParse({
      population: { record: 'person', filters: [{ field: 'role', in: ['reporter'] }] },
      condition: { type: 'linked', link: 'publications' },
      value: { type: 'share' },
      goal: { comparator: 'eq', value: 2, unit: 'count' },
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['condition.link', 'goal.unit']));
  });
});

describe('trend checkpoints over the period', () => {
  const year2023 = {
    period: { type: 'plan_year' as const },
    asOf: null,
    condition: { type: 'linked' as const, link: 'publications' as const, every: 'quarter' as const },
  } as Parameters<typeof trendCheckpoints>[0]['definition'];
  it('has every month end passed, then the live value dated today', () => {
    const points = trendCheckpoints({ definition: year2023, planYear: 2023, today: '2023-04-15' });
    expect(points.map((p) => [p.date, p.until])).toEqual([
      ['2023-01-31', '2023-01-31'],
      ['2023-02-28', '2023-02-28'],
      ['2023-03-31', '2023-03-31'],
      ['2023-04-15', null],
    ]);
    // At the close of 31/03 the first quarter has ended, so it is due (Plan 54 I.2.b); on 28/02 nothing is.
    expect(points[1]!.windows).toEqual([]);
    expect(points[2]!.windows).toEqual([{ from: '2023-01-01', to: '2023-03-31' }]);
    expect(points[2]!.asOf).toBe('2023-03-31');
  });
  it('ends on the period end once the period is over; nothing before it starts', () => {
    const done = trendCheckpoints({ definition: year2023, planYear: 2023, today: '2026-11-26' });
    expect(done).toHaveLength(12);
    expect(done.at(-1)).toMatchObject({ date: '2023-12-31', until: null, asOf: '2023-12-31' });
    expect(done.at(-1)!.windows).toHaveLength(4);
    expect(trendCheckpoints({ definition: year2023, planYear: 2023, today: '2022-12-31' })).toEqual([]);
    // On the first day only the live point.
    expect(trendCheckpoints({ definition: year2023, planYear: 2023, today: '2023-01-01' })).toHaveLength(1);
  });
  it('uses quarter ends for periods over two years, and honours a fixed as-of date', () => {
    const long = trendCheckpoints({
      definition: {
        period: { type: 'range', from: '2021-01-01', to: '2025-12-31' },
        asOf: '2022-06-30',
        condition: { type: 'none' },
      },
      planYear: 2021,
      today: '2023-01-10',
    });
    expect(long.map((p) => p.date)).toEqual([
      '2021-03-31',
      '2021-06-30',
      '2021-09-30',
      '2021-12-31',
      '2022-03-31',
      '2022-06-30',
      '2022-09-30',
      '2022-12-31',
      '2023-01-10',
    ]);
    expect(long[0]!.asOf).toBe('2021-03-31');
    expect(long[7]!.asOf).toBe('2022-06-30');
  });
});
