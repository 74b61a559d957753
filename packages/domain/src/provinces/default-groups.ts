import type { OrgUnitKind } from '../org-unit';

/*
 * The unit groups every province gets (issue 15): targets, responsibilities and the appendix import refer to
 * them ("Các sở, ban, ngành", "UBND cấp xã"…). Each is a rule by kind, so its members are the province's units of
 * those kinds as of a date; the group of district People's Committees exists only where that level exists
 * (abolished from 01/07/2025, Luật Tổ chức chính quyền địa phương 2025).
 */

export type DefaultGroupRule = {
  code: string;
  name: string;
  kinds: OrgUnitKind[];
};

/** What decides which groups a province gets: whether it has (or had) a district level. */
export type ProvinceLevels = { hasDistricts: boolean };

/** The district level ends on this day (Nghị quyết 202/2025/QH15; Luật Tổ chức chính quyền địa phương 2025). */
export const DISTRICT_LEVEL_ENDS = '2025-07-01';

/** A provincial-level unit in force before the district level ended had districts; one formed from that day has none. */
export function levelsOfProvince(p: { validFrom: string | null }): ProvinceLevels {
  return { hasDistricts: p.validFrom === null || p.validFrom < DISTRICT_LEVEL_ENDS };
}

/**
 * The default groups of a province. Names are neutral (no province's words); a seed may name them its own way
 * through `names` (code → name), keeping the codes other features match on (tasks/lead-resolution.ts).
 */
export function defaultUnitGroups(
  levels: ProvinceLevels,
  names: Partial<Record<string, string>> = {},
): DefaultGroupRule[] {
  const rules: DefaultGroupRule[] = [
    { code: 'all-departments', name: 'Các sở, ban, ngành', kinds: ['department'] },
    ...(levels.hasDistricts
      ? [{ code: 'all-districts', name: 'UBND cấp huyện', kinds: ['district'] as OrgUnitKind[] }]
      : []),
    { code: 'all-communes', name: 'UBND cấp xã', kinds: ['commune'] },
    { code: 'all-schools', name: 'Các trường học', kinds: ['school'] },
    { code: 'all-press', name: 'Các cơ quan báo chí', kinds: ['press_agency'] },
    {
      code: 'all-mass-organisations',
      name: 'Các tổ chức chính trị - xã hội, hội, đoàn thể',
      kinds: ['mass_organisation'],
    },
    levels.hasDistricts
      ? {
          code: 'all-local-government',
          name: 'Các sở, ban, ngành; UBND cấp huyện, cấp xã',
          kinds: ['department', 'district', 'commune'],
        }
      : {
          code: 'all-local-government',
          name: 'Các sở, ban, ngành; UBND cấp xã',
          kinds: ['department', 'commune'],
        },
  ];
  return rules.map((r) => ({ ...r, name: names[r.code] ?? r.name }));
}
