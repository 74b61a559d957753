import { describe, expect, it } from 'vitest';
import { targetRule } from './definition';
import { partsOfLegacyRule } from './legacy-rule';
import { PLAN_54_TARGET_DEFINITIONS } from './plan-54';

/** Plan 54's six rules as they were stored before issue 16 (one condition type per target). */
const STORED_BEFORE = {
  a: {
    population: { record: 'unit', unitKinds: ['department', 'district', 'commune', 'mass_organisation'] },
    condition: {
      type: 'accepted_unit_plan',
      planKinds: ['communication_plan', 'dx_plan', 'work_programme'],
      includePredecessors: true,
    },
  },
  b: {
    population: {
      record: 'channel',
      channelKinds: ['newspaper', 'tv', 'radio', 'press_portal', 'portal', 'district_radio'],
    },
    condition: { type: 'dx_publication_each_quarter' },
  },
  c: {
    population: { record: 'person', roles: ['reporter', 'editor', 'grassroots_officer'] },
    condition: { type: 'attended_training', tag: 'dx_writing' },
  },
  d: {
    population: { record: 'dx_model', modelKinds: ['model', 'role_model'] },
    condition: {
      type: 'featured_in_publication',
      channelKinds: ['newspaper', 'tv', 'radio', 'press_portal'],
    },
  },
  đ: {
    population: { record: 'event', eventKinds: ['contest', 'workshop'], levels: ['city'] },
    condition: { type: 'count' },
  },
  e: {
    population: { record: 'unit', unitKinds: ['school'] },
    condition: { type: 'held_event', eventKinds: ['extracurricular', 'contest', 'workshop', 'other'] },
  },
} as const;

describe('rules stored before the parts', () => {
  it('read into the parts of plan 54 (shown identical in value to the old engine, issue 16)', () => {
    for (const [letter, stored] of Object.entries(STORED_BEFORE)) {
      const parts = targetRule.parse(PLAN_54_TARGET_DEFINITIONS[letter as keyof typeof STORED_BEFORE]);
      expect(partsOfLegacyRule({ ...stored, period: { type: 'plan_year' }, asOf: null }), letter).toEqual(
        parts,
      );
    }
  });
  it('keep their period and as-of date; read a group; leave rules in parts and unknown shapes alone', () => {
    const ranged = partsOfLegacyRule({
      population: { record: 'unit', unitGroupCode: 'xa-phuong' },
      condition: { type: 'accepted_unit_plan', planKinds: ['dx_plan'] },
      period: { type: 'range', from: '2024-01-01', to: '2024-06-30' },
      asOf: '2024-06-30',
    });
    expect(ranged).toMatchObject({
      population: { record: 'unit', filters: [{ field: 'group', in: ['xa-phuong'] }] },
      period: { type: 'range', from: '2024-01-01', to: '2024-06-30' },
      asOf: '2024-06-30',
    });
    expect(partsOfLegacyRule(targetRule.parse(PLAN_54_TARGET_DEFINITIONS.a))).toBeNull();
    expect(partsOfLegacyRule({ population: { record: 'unit' }, condition: { type: 'other' } })).toBeNull();
    expect(partsOfLegacyRule(null)).toBeNull();
  });
});
