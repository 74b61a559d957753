import { describe, expect, it } from 'vitest';
import { PLAN_54_TARGET_DEFINITIONS } from './plan-54';
import { recordsOfCondition } from './record-kinds';

describe('records behind a target condition', () => {
  it('sends each of plan 54 targets to the record a unit must enter and the records behind its figure', () => {
    const of = (letter: keyof typeof PLAN_54_TARGET_DEFINITIONS) =>
      recordsOfCondition(PLAN_54_TARGET_DEFINITIONS[letter].condition.type);
    expect(of('a')).toEqual({ action: 'unit_plan', evidence: 'unit_plan' });
    expect(of('b')).toEqual({ action: 'publication', evidence: 'channel' });
    expect(of('c')).toEqual({ action: 'training', evidence: 'person' });
    expect(of('d')).toEqual({ action: 'publication', evidence: 'dx_model' });
    expect(of('đ')).toEqual({ action: 'event', evidence: 'event' });
    expect(of('e')).toEqual({ action: 'event', evidence: 'event' });
  });

  it('knows nothing of an undefined or unknown condition', () => {
    expect(recordsOfCondition(null)).toBeNull();
    expect(recordsOfCondition('toString')).toBeNull();
  });
});
