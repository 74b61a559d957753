import { describe, expect, it } from 'vitest';
import {
  type CatalogueProvince,
  catalogueInForce,
  checkCatalogue,
  periodsOverlap,
  provincesOn,
  provinceWord,
  readCatalogueRows,
} from './catalogue';
import { defaultUnitGroups, levelsOfProvince } from './default-groups';

const row = (
  p: Partial<CatalogueProvince> & Pick<CatalogueProvince, 'code' | 'name'>,
): CatalogueProvince => ({
  adminType: p.name.startsWith('Tỉnh') ? 'Tỉnh' : 'Thành phố Trung ương',
  validFrom: null,
  validTo: null,
  predecessorCodes: [],
  legalBasis: null,
  ...p,
});

describe('province catalogue', () => {
  const rows = [
    row({ code: '30', name: 'Tỉnh Hải Dương', validTo: '2025-07-01' }),
    row({ code: '31', name: 'Thành phố Hải Phòng', validTo: '2025-07-01' }),
    row({ code: '31', name: 'Thành phố Hải Phòng', validFrom: '2025-07-01', predecessorCodes: ['30', '31'] }),
    row({ code: '40', name: 'Tỉnh Nghệ An' }),
  ];

  it('keeps the rows in force on a day, half-open like every "as of"', () => {
    expect(provincesOn(rows, '2025-06-30').map((r) => r.code)).toEqual(['31', '30', '40']); // by name
    expect(provincesOn(rows, '2025-07-01').map((r) => [r.code, r.validFrom])).toEqual([
      ['31', '2025-07-01'],
      ['40', null],
    ]);
    expect(catalogueInForce(rows[0]!, '2025-07-01')).toBe(false);
  });

  it('names the province in its own word', () => {
    expect(provinceWord('Tỉnh')).toBe('tỉnh');
    expect(provinceWord('Thành phố Trung ương')).toBe('thành phố');
  });

  it('finds a consistent catalogue consistent and says what is wrong with another', () => {
    expect(checkCatalogue(rows)).toEqual([]);
    const broken = [
      ...rows,
      row({ code: '40', name: 'Tỉnh Nghệ An', validFrom: '2030-01-01' }),
      row({
        code: '99',
        name: 'Thành phố Mới',
        adminType: 'Tỉnh',
        validFrom: '2026-01-01',
        predecessorCodes: ['98'],
      }),
    ];
    expect(checkCatalogue(broken)).toEqual([
      'code 40: Tỉnh Nghệ An and Tỉnh Nghệ An overlap',
      'Thành phố Mới: name does not start with its type',
      'Thành phố Mới: predecessor 98 does not end on 2026-01-01',
    ]);
  });

  it('reads the data file rows and refuses a malformed one', () => {
    const read = readCatalogueRows([
      {
        code: '68',
        name: 'Tỉnh Lâm Đồng',
        admin_type: 'Tỉnh',
        valid_from: '2025-07-01',
        valid_to: '',
        predecessor_codes: '60;67;68',
        legal_basis: 'Nghị quyết 202/2025/QH15',
      },
    ]);
    expect(read[0]).toMatchObject({
      validFrom: '2025-07-01',
      validTo: null,
      predecessorCodes: ['60', '67', '68'],
    });
    expect(() => readCatalogueRows([{ code: '7', name: 'x', admin_type: 'Tỉnh' }])).toThrow(/two digits/);
    expect(() => readCatalogueRows([{ code: '07', name: 'x', admin_type: 'Huyện' }])).toThrow(/admin_type/);
  });

  it('overlaps periods as half-open intervals', () => {
    expect(
      periodsOverlap({ validFrom: null, validTo: '2025-07-01' }, { validFrom: '2025-07-01', validTo: null }),
    ).toBe(false);
    expect(
      periodsOverlap({ validFrom: null, validTo: null }, { validFrom: '2025-07-01', validTo: null }),
    ).toBe(true);
  });
});

describe('default unit groups', () => {
  it('give a province formed after the district level ended no district group', () => {
    const codes = defaultUnitGroups(levelsOfProvince({ validFrom: '2025-07-01' })).map((g) => g.code);
    expect(codes).toEqual([
      'all-departments',
      'all-communes',
      'all-schools',
      'all-press',
      'all-mass-organisations',
      'all-local-government',
    ]);
    const local = defaultUnitGroups({ hasDistricts: false }).find((g) => g.code === 'all-local-government');
    expect(local?.kinds).toEqual(['department', 'commune']);
  });

  it('give a province with districts the People’s Committees of every level, and let a seed name them', () => {
    const groups = defaultUnitGroups(levelsOfProvince({ validFrom: null }), {
      'all-districts': 'UBND các huyện',
    });
    expect(groups.find((g) => g.code === 'all-districts')).toEqual({
      code: 'all-districts',
      name: 'UBND các huyện',
      kinds: ['district'],
    });
    expect(groups.find((g) => g.code === 'all-local-government')?.kinds).toEqual([
      'department',
      'district',
      'commune',
    ]);
  });
});
