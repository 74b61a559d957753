import { describe, expect, it } from 'vitest';
import { dataItemSlots, isItemAskedInPeriod } from './data-items';

const item = (frequency: string, validFrom: string | null = null, validTo: string | null = null) => ({
  frequency,
  validFrom,
  validTo,
});
const q1 = { kind: 'quarter', periodFrom: '2023-01-01', periodTo: '2023-03-31' };
const year = { kind: 'year', periodFrom: '2023-01-01', periodTo: '2023-12-31' };

/* A report asks each item at its own frequency (issue 16): three monthly values in a quarter, none of a coarser item. */
describe('dataItemSlots', () => {
  it('asks an item of the period’s kind once, for the period’s own dates', () => {
    const odd = { kind: 'quarter', periodFrom: '2023-01-15', periodTo: '2023-04-14' };
    expect(dataItemSlots(item('quarter'), odd)).toEqual([{ from: '2023-01-15', to: '2023-04-14' }]);
  });
  it('asks a monthly item once per calendar month inside the period', () => {
    expect(dataItemSlots(item('month'), q1)).toEqual([
      { from: '2023-01-01', to: '2023-01-31' },
      { from: '2023-02-01', to: '2023-02-28' },
      { from: '2023-03-01', to: '2023-03-31' },
    ]);
    expect(dataItemSlots(item('month'), year)).toHaveLength(12);
    expect(dataItemSlots(item('quarter'), year).map((s) => s.from)).toEqual([
      '2023-01-01',
      '2023-04-01',
      '2023-07-01',
      '2023-10-01',
    ]);
    expect(dataItemSlots(item('half_year'), year).map((s) => s.to)).toEqual(['2023-06-30', '2023-12-31']);
  });
  it('never asks a coarser item, and only the months the item is in force', () => {
    expect(dataItemSlots(item('year'), q1)).toEqual([]);
    expect(dataItemSlots(item('half_year'), q1)).toEqual([]);
    expect(dataItemSlots(item('month', '2023-02-10'), q1).map((s) => s.from)).toEqual([
      '2023-02-01',
      '2023-03-01',
    ]);
    expect(dataItemSlots(item('month', null, '2023-02-01'), q1).map((s) => s.from)).toEqual(['2023-01-01']);
    expect(isItemAskedInPeriod(item('quarter', '2023-04-01'), q1)).toBe(false);
    expect(isItemAskedInPeriod(item('month'), q1)).toBe(true);
  });
});
