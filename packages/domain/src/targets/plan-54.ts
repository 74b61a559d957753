import type { IndicatorRuleInput } from '../indicators/parts';
import { MASS_MEDIA_CHANNEL_KINDS } from '../records/kinds';

/**
 * The six targets of 54/KH-UBND (Hải Phòng, 2023) part I.2 in the general parts (issue 16; docs/brief.md "The six
 * targets of plan 54"). Keyed by letter; the seed stores them (without the goal) against the plan's target rows.
 */
export const PLAN_54_TARGET_DEFINITIONS: Record<'a' | 'b' | 'c' | 'd' | 'đ' | 'e', IndicatorRuleInput> = {
  // Plan 54 I.2.a: units with a communication plan (or DX communication in their DX plan / programme) accepted.
  a: {
    population: {
      record: 'unit',
      filters: [{ field: 'kind', in: ['department', 'district', 'commune', 'mass_organisation'] }],
    },
    condition: {
      type: 'linked',
      link: 'unit_plans',
      filters: [
        { field: 'kind', in: ['communication_plan', 'dx_plan', 'work_programme'] },
        { field: 'status', in: ['accepted'] },
      ],
      includePredecessors: true,
    },
    value: { type: 'share' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.b: channels keeping up a "Chuyển đổi số" section: a DX publication in every quarter elapsed.
  b: {
    population: {
      record: 'channel',
      filters: [
        { field: 'kind', in: ['newspaper', 'tv', 'radio', 'press_portal', 'portal', 'district_radio'] },
      ],
    },
    condition: {
      type: 'linked',
      link: 'publications',
      filters: [{ field: 'isDx', is: true }],
      every: 'quarter',
      subject: [{ field: 'hasDxSection', is: true }],
    },
    value: { type: 'share' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.c: reporters, editors and grassroots information officers trained in DX news writing.
  c: {
    population: {
      record: 'person',
      filters: [{ field: 'role', in: ['reporter', 'editor', 'grassroots_officer'] }],
    },
    condition: {
      type: 'linked',
      link: 'attended_trainings',
      filters: [{ field: 'tag', in: ['dx_writing'] }],
    },
    value: { type: 'share' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.d: recognised DX models and role models featured in the mass media.
  d: {
    population: {
      record: 'dx_model',
      filters: [
        { field: 'kind', in: ['model', 'role_model'] },
        { field: 'recognised', is: true },
      ],
    },
    condition: {
      type: 'linked',
      link: 'featured_in',
      filters: [{ field: 'channelKind', in: [...MASS_MEDIA_CHANNEL_KINDS] }],
    },
    value: { type: 'share' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.đ: 01–02 city-level contests or workshops on DX.
  đ: {
    population: {
      record: 'event',
      filters: [
        { field: 'kind', in: ['contest', 'workshop'] },
        { field: 'level', in: ['city'] },
        { field: 'isDx', is: true },
      ],
    },
    value: { type: 'count' },
    goal: { comparator: 'between', value: 1, max: 2, unit: 'count' },
  },
  // Plan 54 I.2.e: schools holding a DX communication activity (extracurricular or other).
  e: {
    population: { record: 'unit', filters: [{ field: 'kind', in: ['school'] }] },
    condition: {
      type: 'linked',
      link: 'organised_events',
      filters: [
        { field: 'isDx', is: true },
        { field: 'kind', in: ['extracurricular', 'contest', 'workshop', 'other'] },
      ],
    },
    value: { type: 'share' },
    goal: { comparator: 'gte', value: 50, unit: 'percent' },
  },
};
