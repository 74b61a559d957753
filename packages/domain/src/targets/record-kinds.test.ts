import { describe, expect, it } from 'vitest';
import { targetRule } from './definition';
import { PLAN_54_TARGET_DEFINITIONS } from './plan-54';
import { recordsOfRule } from './record-kinds';

describe('records behind a target rule', () => {
  it('sends each of plan 54 targets to the record a unit must enter and the records behind its figure', () => {
    const of = (letter: keyof typeof PLAN_54_TARGET_DEFINITIONS) =>
      recordsOfRule(targetRule.parse(PLAN_54_TARGET_DEFINITIONS[letter]));
    expect(of('a')).toEqual({ action: 'unit_plan', evidence: 'unit_plan' });
    expect(of('b')).toEqual({ action: 'publication', evidence: 'channel' });
    expect(of('c')).toEqual({ action: 'training', evidence: 'person' });
    expect(of('d')).toEqual({ action: 'publication', evidence: 'dx_model' });
    expect(of('đ')).toEqual({ action: 'event', evidence: 'event' });
    expect(of('e')).toEqual({ action: 'event', evidence: 'event' });
  });

  it('knows no record to enter for a reported figure of units', () => {
    const rule = targetRule.parse({
      population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
      value: { type: 'figure', item: 'people_reached' },
    });
    expect(recordsOfRule(rule)).toBeNull();
  });
});
