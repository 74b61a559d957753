import { describe, expect, it } from 'vitest';
import { FUNDING_SOURCE_LABELS } from '../budget/estimate';
import {
  fundingSourceNames,
  overlappingPeriods,
  PROVINCE_SETTING_KEYS,
  PROVINCE_SETTING_LABELS,
  PROVINCE_SETTING_SCHEMAS,
  type ProvinceSettings,
  periodsDisjoint,
  provinceSettingsSchema,
  settingOn,
} from './index';

const agency = (name: string, shortName: string) => ({ name, shortName });
const settings: ProvinceSettings = {
  province_word: [{ validFrom: null, validTo: null, value: 'tỉnh' }],
  dx_office_agency: [
    { validFrom: null, validTo: '2025-03-01', value: agency('Sở Thông tin và Truyền thông', 'Sở TT&TT') },
    { validFrom: '2025-03-01', validTo: null, value: agency('Sở Khoa học và Công nghệ', 'Sở KH&CN') },
  ],
};

describe('settingOn', () => {
  it('gives the value in force on a date, half-open: the new agency from its first day', () => {
    expect(settingOn(settings, 'dx_office_agency', '2025-02-28')?.shortName).toBe('Sở TT&TT');
    expect(settingOn(settings, 'dx_office_agency', '2025-03-01')?.shortName).toBe('Sở KH&CN');
    expect(settingOn(settings, 'dx_office_agency', '2020-01-01')?.name).toBe('Sở Thông tin và Truyền thông');
    expect(settingOn(settings, 'province_word', '2030-12-31')).toBe('tỉnh');
  });

  it('gives null for a key not set, or a date no period covers', () => {
    expect(settingOn(settings, 'party_committee_name', '2025-01-01')).toBeNull();
    const gap: ProvinceSettings = {
      party_committee_name: [{ validFrom: '2024-01-01', validTo: '2024-06-01', value: 'Tỉnh ủy A' }],
    };
    expect(settingOn(gap, 'party_committee_name', '2023-12-31')).toBeNull();
    expect(settingOn(gap, 'party_committee_name', '2024-06-01')).toBeNull();
    expect(settingOn(gap, 'party_committee_name', '2024-05-31')).toBe('Tỉnh ủy A');
  });
});

describe('overlappingPeriods', () => {
  it('accepts adjoining periods and open ends that do not meet', () => {
    expect(periodsDisjoint(settings.dx_office_agency ?? [])).toBe(true);
    expect(
      periodsDisjoint([
        { validFrom: '2025-07-01', validTo: null },
        { validFrom: null, validTo: '2025-03-01' },
        { validFrom: '2025-03-01', validTo: '2025-07-01' },
      ]),
    ).toBe(true);
    expect(periodsDisjoint([])).toBe(true);
  });

  it('names each period that overlaps an earlier one, in the caller order', () => {
    expect(
      overlappingPeriods([
        { validFrom: '2025-03-01', validTo: null },
        { validFrom: null, validTo: '2025-03-02' },
        { validFrom: '2026-01-01', validTo: '2026-02-01' },
      ]),
    ).toEqual([
      { index: 1, with: 0 },
      { index: 2, with: 0 },
    ]);
    expect(
      overlappingPeriods([
        { validFrom: null, validTo: null },
        { validFrom: null, validTo: null },
      ]),
    ).toEqual([{ index: 1, with: 0 }]);
  });
});

describe('provinceSettingsSchema', () => {
  it('accepts well-formed settings and every key has a label in both languages', () => {
    expect(provinceSettingsSchema.safeParse(settings).success).toBe(true);
    for (const k of PROVINCE_SETTING_KEYS) {
      expect(PROVINCE_SETTING_LABELS[k].vi.length).toBeGreaterThan(2);
      expect(PROVINCE_SETTING_LABELS[k].en.length).toBeGreaterThan(2);
      expect(PROVINCE_SETTING_SCHEMAS[k]).toBeDefined();
    }
  });

  it('rejects overlapping periods, a period ending before it starts, a bad value and an unknown key, with field paths', () => {
    const r = provinceSettingsSchema.safeParse({
      dx_office_agency: [
        { validFrom: null, validTo: '2025-04-01', value: agency('Sở Thông tin và Truyền thông', 'Sở TT&TT') },
        { validFrom: '2025-03-01', validTo: null, value: agency('Sở Khoa học và Công nghệ', 'Sở KH&CN') },
      ],
      party_committee_name: [{ validFrom: '2025-03-01', validTo: '2025-03-01', value: 'Tỉnh ủy B' }],
      province_word: [{ validFrom: null, validTo: null, value: 'huyện' }],
      mayor: [],
    });
    expect(r.success).toBe(false);
    const paths = (r.error?.issues ?? []).map((i) => i.path.join('.'));
    expect(paths).toContain('party_committee_name.0.validTo');
    expect(paths).toContain('province_word.0.value');
    expect(paths).toContain('');
    const unknown = r.error?.issues.find((i) => i.code === 'unrecognized_keys');
    expect(unknown).toBeDefined();
  });

  it('reports an overlap at the later period', () => {
    const r = provinceSettingsSchema.safeParse({
      dx_office_agency: [
        { validFrom: null, validTo: '2025-04-01', value: agency('Sở Thông tin và Truyền thông', 'Sở TT&TT') },
        { validFrom: '2025-03-01', validTo: null, value: agency('Sở Khoa học và Công nghệ', 'Sở KH&CN') },
      ],
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['dx_office_agency.1.validFrom', 'Thời gian hiệu lực trùng với dòng 1'],
    ]);
  });

  it('requires every funding source to be named', () => {
    const ok = {
      unit_regular: 'Chi thường xuyên',
      city_budget: 'Ngân sách tỉnh',
      other_lawful: 'Nguồn khác',
    };
    expect(PROVINCE_SETTING_SCHEMAS.funding_source_names.safeParse(ok).success).toBe(true);
    expect(
      PROVINCE_SETTING_SCHEMAS.funding_source_names.safeParse({ ...ok, city_budget: undefined }).success,
    ).toBe(false);
  });
});

describe('fundingSourceNames', () => {
  it("uses the province's names when set and well formed, else the neutral ones", () => {
    const own = {
      unit_regular: 'Chi thường xuyên',
      city_budget: 'Ngân sách tỉnh',
      other_lawful: 'Nguồn khác',
    };
    expect(fundingSourceNames(own)).toEqual(own);
    expect(fundingSourceNames(null)).toEqual(FUNDING_SOURCE_LABELS);
    expect(fundingSourceNames({ city_budget: 'Ngân sách tỉnh' })).toEqual(FUNDING_SOURCE_LABELS);
  });
});
