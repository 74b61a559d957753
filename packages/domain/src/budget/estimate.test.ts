import { describe, expect, it } from 'vitest';
import {
  applyAdjustments,
  budgetLineInput,
  diffLines,
  type LineSnapshot,
  resolveLine,
  totalsBy,
} from './estimate';

const line = (id: string, amount: number, extra: Partial<LineSnapshot> = {}): LineSnapshot => ({
  lineId: id,
  taskId: null,
  content: `Dòng ${id}`,
  unitCost: amount,
  quantity: 1,
  amount,
  fundingSource: 'city_budget',
  adjustReason: null,
  ...extra,
});

describe('budget lines', () => {
  it('amount = unit cost × quantity unless given', () => {
    const l = budgetLineInput.parse({
      content: 'In tờ rơi',
      unitCost: 2_500,
      quantity: 4_000,
      fundingSource: 'unit_regular',
    });
    expect(resolveLine(l).amount).toBe(10_000_000);
    const given = budgetLineInput.parse({
      content: 'Hội thảo',
      unitCost: 1,
      quantity: 1,
      amount: 7,
      fundingSource: 'other_lawful',
    });
    expect(resolveLine(given).amount).toBe(7);
  });
  it('refuses non-integers, negatives, overflow and unknown sources, naming the field', () => {
    const paths = (v: unknown) => {
      const r = budgetLineInput.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    const ok = { content: 'X', unitCost: 10, quantity: 1, fundingSource: 'city_budget' };
    expect(paths({ ...ok, unitCost: 10.5 })).toContain('unitCost');
    expect(paths({ ...ok, unitCost: -1 })).toContain('unitCost');
    expect(paths({ ...ok, amount: Number.MAX_SAFE_INTEGER + 2 })).toContain('amount');
    expect(paths({ ...ok, quantity: 0 })).toContain('quantity');
    expect(paths({ ...ok, quantity: 1.5 })).toContain('quantity');
    expect(paths({ ...ok, fundingSource: 'loan' })).toContain('fundingSource');
    expect(paths({ ...ok, content: '  ' })).toContain('content');
    expect(paths({ ...ok, unitCost: Number.MAX_SAFE_INTEGER, quantity: 3 })).toContain('amount');
    expect(paths(ok)).toEqual([]);
  });
});

describe('the difference between two rounds', () => {
  it('lists added, removed and changed lines with the reason of an adjustment', () => {
    const r1 = [line('a', 100), line('b', 200), line('c', 300)];
    const r2 = [
      line('a', 100),
      line('b', 150, { unitCost: 200, adjustReason: 'Theo định mức chi' }),
      line('d', 50),
    ];
    const d = diffLines(r1, r2);
    expect(d.totalBefore).toBe(600);
    expect(d.totalAfter).toBe(300);
    expect(d.delta).toBe(-300);
    const by = Object.fromEntries(d.lines.map((l) => [l.lineId, l]));
    expect(by.a).toMatchObject({ change: 'unchanged', delta: 0, fields: [], reason: null });
    expect(by.b).toMatchObject({
      change: 'changed',
      delta: -50,
      fields: ['amount'],
      reason: 'Theo định mức chi',
    });
    expect(by.c).toMatchObject({ change: 'removed', delta: -300, after: null });
    expect(by.d).toMatchObject({ change: 'added', delta: 50, before: null });
  });
  it('notices a change of funding source or content without a change of amount', () => {
    const d = diffLines([line('a', 1)], [line('a', 1, { fundingSource: 'unit_regular', content: 'Khác' })]);
    expect(d.lines[0]).toMatchObject({
      change: 'changed',
      fields: ['content', 'fundingSource'],
      reason: null,
    });
  });
});

describe('appraisal adjustments', () => {
  const lines = [
    line('11111111-1111-4111-8111-111111111111', 100),
    line('22222222-2222-4222-8222-222222222222', 200),
  ];
  it('changes only the named lines and keeps the reason', () => {
    const r = applyAdjustments(lines, [
      { lineId: lines[1]!.lineId, amount: 120, reason: 'Giảm theo định mức' },
    ]);
    expect(r.ok && r.lines.map((l) => [l.amount, l.adjustReason])).toEqual([
      [100, null],
      [120, 'Giảm theo định mức'],
    ]);
  });
  it('refuses a line of another estimate and a line adjusted twice', () => {
    const other = '33333333-3333-4333-8333-333333333333';
    const r = applyAdjustments(lines, [
      { lineId: other, amount: 1, reason: 'Không rõ dòng' },
      { lineId: lines[0]!.lineId, amount: 1, reason: 'Lần thứ nhất' },
      { lineId: lines[0]!.lineId, amount: 2, reason: 'Lần thứ hai' },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path)).toEqual([
        ['adjustments', 0, 'lineId'],
        ['adjustments', 2, 'lineId'],
      ]);
  });
});

describe('totals', () => {
  it('sums exactly by key, largest first', () => {
    const rows = [
      { k: 'city_budget', a: 100_000_000_000 },
      { k: 'unit_regular', a: 5 },
      { k: 'city_budget', a: 1 },
    ];
    expect(
      totalsBy(
        rows,
        (r) => r.k,
        (r) => r.a,
      ),
    ).toEqual([
      { key: 'city_budget', amount: 100_000_000_001 },
      { key: 'unit_regular', amount: 5 },
    ]);
  });
});
