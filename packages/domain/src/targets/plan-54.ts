import { MASS_MEDIA_CHANNEL_KINDS } from '../records/kinds';
import type { TargetDefinitionInput } from './definition';

/**
 * The six targets of 54/KH-UBND (Hải Phòng, 2023), part I.2, as data (docs/brief.md "The six targets of plan 54").
 * Keyed by the target's letter; the seed stores them in target_definition against the plan's target rows.
 */
export const PLAN_54_TARGET_DEFINITIONS: Record<'a' | 'b' | 'c' | 'd' | 'đ' | 'e', TargetDefinitionInput> = {
  // Plan 54 I.2.a: 100% of units have a communication plan (or DX communication in their DX plan / programme).
  a: {
    population: { record: 'unit', unitKinds: ['department', 'district', 'commune', 'mass_organisation'] },
    condition: { type: 'accepted_unit_plan', planKinds: ['communication_plan', 'dx_plan', 'work_programme'] },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.b: 100% of city press agencies, the city portal, unit portals and district radio systems keep
  // up a "Chuyển đổi số" section.
  b: {
    population: {
      record: 'channel',
      channelKinds: ['newspaper', 'tv', 'radio', 'press_portal', 'portal', 'district_radio'],
    },
    condition: { type: 'dx_publication_each_quarter' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.c: 100% of reporters, editors and grassroots information officers trained in DX news writing.
  c: {
    population: { record: 'person', roles: ['reporter', 'editor', 'grassroots_officer'] },
    condition: { type: 'attended_training', tag: 'dx_writing' },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.d: 100% of recognised DX models and role models featured in the mass media.
  d: {
    population: { record: 'dx_model', modelKinds: ['model', 'role_model'] },
    condition: { type: 'featured_in_publication', channelKinds: [...MASS_MEDIA_CHANNEL_KINDS] },
    goal: { comparator: 'eq', value: 100, unit: 'percent' },
  },
  // Plan 54 I.2.đ: 01–02 city-level contests or workshops on DX.
  đ: {
    population: { record: 'event', eventKinds: ['contest', 'workshop'], levels: ['city'] },
    condition: { type: 'count' },
    goal: { comparator: 'between', value: 1, max: 2, unit: 'count' },
  },
  // Plan 54 I.2.e: at least 50% of schools hold a DX communication activity (extracurricular or other).
  e: {
    population: { record: 'unit', unitKinds: ['school'] },
    condition: { type: 'held_event', eventKinds: ['extracurricular', 'contest', 'workshop', 'other'] },
    goal: { comparator: 'gte', value: 50, unit: 'percent' },
  },
};
