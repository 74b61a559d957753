import { describe, expect, it } from 'vitest';
import { tcvn3ToUnicode } from '../legacy-encoding';
import type { Cell } from '../records/import';
import {
  checkUnitImport,
  defaultEffectiveDate,
  type UnitImportContext,
  UnitImportHeaderError,
} from './check';
import { detectColumns, kindOfType } from './columns';

const province = { unitId: 'p', code: '30', name: 'Tỉnh Hải Dương' };
const empty: UnitImportContext = { province, existing: [] };
const table = (lines: Cell[][]) => lines.map((cells, i) => ({ row: i + 2, cells }));
const HEAD = ['code_if_known', 'name', 'type', 'parent_name'];

describe('reading a units file in the platform layout (data/units/*.csv)', () => {
  it('understands every row: the province itself, districts, communes under them, agencies under the province', () => {
    const r = checkUnitImport(
      HEAD,
      table([
        ['30', 'Tỉnh Hải Dương', 'Tỉnh', ''],
        ['288', 'Thành phố Hải Dương', 'Thành phố', 'Tỉnh Hải Dương'],
        [10507, 'Phường Cẩm Thượng', 'Phường', 'Thành phố Hải Dương'],
        ['', 'Sở Nội vụ', 'Sở', ''],
        ['', 'Báo Hải Dương', 'Cơ quan báo chí', 'Tỉnh Hải Dương'],
        ['', 'Trường THCS Lê Quý Đôn', 'Trường THCS', 'thanh pho hai duong'],
        ['', 'Hội Nông dân tỉnh', 'Hội', ''],
      ]),
      empty,
    );
    expect(r.format).toBe('units');
    expect(r.errors).toBe(0);
    expect(r.rows.map((x) => x.status)).toEqual(['skipped', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(r.units.map((u) => [u.name, u.kind, u.parent])).toEqual([
      ['Thành phố Hải Dương', 'district', { unitId: 'p' }],
      ['Phường Cẩm Thượng', 'commune', { newIndex: 0 }],
      ['Sở Nội vụ', 'department', { unitId: 'p' }],
      ['Báo Hải Dương', 'press_agency', { unitId: 'p' }],
      ['Trường THCS Lê Quý Đôn', 'school', { newIndex: 0 }],
      ['Hội Nông dân tỉnh', 'mass_organisation', { unitId: 'p' }],
    ]);
    expect(r.units[1]!.code).toBe('10507');
    expect(r.counts).toEqual({
      district: 1,
      commune: 1,
      department: 1,
      press_agency: 1,
      school: 1,
      mass_organisation: 1,
    });
  });

  it('places a child listed before its parent after it', () => {
    const r = checkUnitImport(
      HEAD,
      table([
        ['10507', 'Phường Cẩm Thượng', 'Phường', 'Thành phố Hải Dương'],
        ['288', 'Thành phố Hải Dương', 'Thành phố', ''],
      ]),
      empty,
    );
    expect(r.units.map((u) => u.name)).toEqual(['Thành phố Hải Dương', 'Phường Cẩm Thượng']);
    expect(r.units[1]!.parent).toEqual({ newIndex: 0 });
  });

  it('hangs a row under a unit the province already has, matching names without accents or old tone marks', () => {
    const r = checkUnitImport(HEAD, table([['', 'Xã Mới', 'Xã', 'Huyện Thuỷ Nguyên']]), {
      province,
      existing: [
        { unitId: 'd1', code: '311', name: 'Huyện Thủy Nguyên', kind: 'district', parentUnitId: 'p' },
      ],
    });
    expect(r.errors).toBe(0);
    expect(r.units[0]!.parent).toEqual({ unitId: 'd1' });
  });

  it('explains an unknown parent, a duplicate code, an unknown type and a missing name', () => {
    const r = checkUnitImport(
      HEAD,
      table([
        ['288', 'Thành phố Hải Dương', 'Thành phố', ''],
        ['10507', 'Phường Cẩm Thượng', 'Phường', 'Huyện Không Có'],
        ['10510', 'Phường Bình Hàn', 'Phường', 'Thành phố Hải Dương'],
        ['10510', 'Phường Ngọc Châu', 'Phường', 'Thành phố Hải Dương'],
        ['10513', 'Ấp Một', 'Ấp', 'Thành phố Hải Dương'],
        ['10514', '', 'Xã', 'Thành phố Hải Dương'],
      ]),
      empty,
    );
    expect(r.errors).toBe(5);
    const msg = (row: number) => r.rows.find((x) => x.row === row)!.messages.join(' | ');
    expect(msg(3)).toContain('Không tìm thấy đơn vị cấp trên "Huyện Không Có"');
    expect(msg(4)).toContain('Mã 10510 trùng với dòng 5');
    expect(msg(5)).toContain('Mã 10510 trùng với dòng 4');
    expect(msg(6)).toContain('Loại "Ấp" không rõ');
    expect(msg(7)).toContain('Thiếu tên đơn vị');
    expect(r.rows.find((x) => x.row === 2)!.status).toBe('ok');
  });

  it('explains a code or a name the province already has on the date', () => {
    const r = checkUnitImport(
      HEAD,
      table([
        ['288', 'Thành phố Mới', 'Thành phố', ''],
        ['', 'Sở Nội vụ', 'Sở', ''],
      ]),
      {
        province,
        existing: [
          { unitId: 'd', code: '288', name: 'Thành phố Hải Dương', kind: 'district', parentUnitId: 'p' },
          { unitId: 's', code: null, name: 'Sở Nội vụ', kind: 'department', parentUnitId: 'p' },
        ],
      },
    );
    expect(r.rows[0]!.messages).toContain(
      'Mã 288 đã thuộc "Thành phố Hải Dương" trên hệ thống vào ngày hiệu lực',
    );
    expect(r.rows[1]!.messages.join()).toContain('"Sở Nội vụ" đã có trên hệ thống');
  });

  it('explains a parent name that two units share, and a commune placed under a commune', () => {
    const r = checkUnitImport(
      HEAD,
      table([
        ['1', 'Huyện A', 'Huyện', ''],
        ['2', 'Xã Tân Dân', 'Xã', 'Huyện A'],
        ['3', 'Huyện B', 'Huyện', ''],
        ['4', 'Xã Tân Dân', 'Xã', 'Huyện B'],
        ['5', 'Trường Tiểu học Tân Dân', 'Trường', 'Xã Tân Dân'],
        ['6', 'Xã Con', 'Xã', 'Huyện A'],
        ['7', 'Xã Cháu', 'Xã', 'Xã Con'],
      ]),
      empty,
    );
    const msg = (row: number) => r.rows.find((x) => x.row === row)!.messages.join(' | ');
    expect(msg(6)).toContain('Có 2 đơn vị tên "Xã Tân Dân" (dòng 3, dòng 5)');
    expect(msg(8)).toContain('không thể trực thuộc "Xã Con"');
    expect(r.rows.find((x) => x.row === 3)!.status).toBe('ok');
  });

  it('refuses the rows of a child whose parent row has a problem, so the tree stays whole', () => {
    const r = checkUnitImport(
      HEAD,
      table([
        ['288', 'Thành phố Hải Dương', 'Loại lạ', ''],
        ['10507', 'Phường Cẩm Thượng', 'Phường', 'Thành phố Hải Dương'],
      ]),
      empty,
    );
    expect(r.rows[1]!.status).toBe('error');
    expect(r.rows[1]!.messages).toContain('Đơn vị cấp trên ở dòng 2 có lỗi; sửa dòng đó trước');
    expect(r.units).toEqual([]);
  });

  it('stores decomposed (NFD) text as NFC and says so; refuses text typed in a legacy font with its reading', () => {
    const nfd = 'Phường Cẩm Thượng'.normalize('NFD');
    const tcvn = 'X· T©n D©n';
    expect(tcvn3ToUnicode(tcvn)).toBe('Xã Tân Dân');
    const r = checkUnitImport(
      HEAD,
      table([
        ['10507', nfd, 'Phường', ''],
        ['10510', tcvn, 'Xã', ''],
      ]),
      empty,
    );
    expect(r.rows[0]).toMatchObject({ status: 'ok', name: 'Phường Cẩm Thượng' });
    expect(r.units[0]!.name).toBe('Phường Cẩm Thượng'.normalize('NFC'));
    expect(r.rows[0]!.messages.join()).toContain('NFD');
    expect(r.rows[1]!.status).toBe('error');
    expect(r.rows[1]!.messages.join()).toContain('TCVN3');
    expect(r.rows[1]!.messages.join()).toContain('Xã Tân Dân');
  });

  it('refuses a province-level row of another province and a bad code', () => {
    const r = checkUnitImport(
      HEAD,
      table([
        ['31', 'Thành phố Hải Phòng', 'Thành phố Trung ương', ''],
        ['1 2', 'Xã Một', 'Xã', ''],
      ]),
      empty,
    );
    expect(r.rows[0]!.messages.join()).toContain('là cấp tỉnh');
    expect(r.rows[1]!.messages.join()).toContain('Mã "1 2" không hợp lệ');
  });

  it('refuses a header row it does not know', () => {
    expect(() => checkUnitImport(['A', 'B'], [], empty)).toThrow(UnitImportHeaderError);
  });
});

describe('reading the statistics office’s official list', () => {
  const GSO = ['Tỉnh / Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp'];

  it('creates each district once and every commune under it; pads codes Excel shortened', () => {
    const r = checkUnitImport(
      GSO,
      table([
        ['Tỉnh Hải Dương', 30, 'Thành phố Hải Dương', 288, 'Phường Cẩm Thượng', 10507, 'Phường'],
        ['Tỉnh Hải Dương', 30, 'Thành phố Hải Dương', 288, 'Xã Tân Hưng', 10525, 'Xã'],
        ['Tỉnh Hải Dương', 30, 'Huyện Nam Sách', 291, 'Thị trấn Nam Sách', 10615, 'Thị trấn'],
        ['Tỉnh Hải Dương', 30, 'Huyện Thanh Hà', 94, 'Xã Thanh Hải', 4, 'Xã'],
      ]),
      empty,
    );
    expect(r.format).toBe('gso');
    const ordered = r.units.map((u) => [u.code, u.name, u.kind, u.adminType]);
    expect(ordered).toContainEqual(['288', 'Thành phố Hải Dương', 'district', 'Thành phố']);
    expect(ordered).toContainEqual(['10615', 'Thị trấn Nam Sách', 'commune', 'Thị trấn']);
    expect(ordered).toContainEqual(['00004', 'Xã Thanh Hải', 'commune', 'Xã']);
    expect(r.errors).toBe(0);
    expect(r.counts).toEqual({ district: 3, commune: 4 });
    expect(r.units.filter((u) => u.kind === 'district').map((u) => u.code)).toEqual(['288', '291', '094']);
    const commune = r.units.find((u) => u.name === 'Xã Thanh Hải')!;
    expect(r.units[(commune.parent as { newIndex: number }).newIndex]!.name).toBe('Huyện Thanh Hà');
  });

  it('reads the list after 01/07/2025, without districts, communes directly under the province', () => {
    const r = checkUnitImport(
      ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp'],
      table([
        ['31', 'Thành phố Hải Phòng', '11311', 'Phường Hồng Bàng', 'Phường'],
        ['31', 'Thành phố Hải Phòng', '11950', 'Đặc khu Cát Hải', 'Đặc khu'],
      ]),
      { province: { unitId: 'hp', code: '31', name: 'Thành phố Hải Phòng' }, existing: [] },
    );
    expect(r.errors).toBe(0);
    expect(r.units.map((u) => [u.name, u.kind, u.parent])).toEqual([
      ['Phường Hồng Bàng', 'commune', { unitId: 'hp' }],
      ['Đặc khu Cát Hải', 'commune', { unitId: 'hp' }],
    ]);
  });

  it('explains a row of another province and an unknown level', () => {
    const r = checkUnitImport(
      GSO,
      table([
        ['Tỉnh Bắc Ninh', 27, 'Huyện Yên Phong', 258, 'Xã Dũng Liệt', 9193, 'Xã'],
        ['Tỉnh Hải Dương', 30, 'Huyện Nam Sách', 291, 'Xóm Một', 10616, 'Xóm'],
      ]),
      empty,
    );
    expect(r.rows.find((x) => x.name === 'Xã Dũng Liệt')!.messages.join()).toContain(
      'Dòng thuộc "Tỉnh Bắc Ninh", không phải Tỉnh Hải Dương',
    );
    expect(r.rows.find((x) => x.name === 'Xóm Một')!.messages.join()).toContain('Loại "Xóm" không rõ');
  });
});

describe('columns and types', () => {
  it('recognises both layouts by their headers, in Vietnamese or English', () => {
    expect(detectColumns(['Mã', 'Tên đơn vị', 'Loại', 'Đơn vị cấp trên'])?.format).toBe('units');
    expect(detectColumns(['Ma PX', 'Phuong Xa'])?.format).toBe('gso');
    expect(detectColumns(['x'])).toBeNull();
  });

  it('reads type words as kinds and knows "Thành phố" from its place', () => {
    expect(kindOfType('Thành phố', true)).toBe('district');
    expect(kindOfType('Thành phố', false)).toBe('province');
    expect(kindOfType('Sở (đặc thù)', true)).toBe('department');
    expect(kindOfType('Trường THPT', true)).toBe('school');
    expect(kindOfType('Đài Phát thanh và Truyền hình', true)).toBe('press_agency');
    expect(kindOfType('Mặt trận Tổ quốc', true)).toBe('mass_organisation');
    expect(kindOfType('Ấp', true)).toBeNull();
  });
});

describe('the effective date offered', () => {
  it('is 1 January of the earliest plan year, or of this year without a plan — never today', () => {
    expect(defaultEffectiveDate(2023, '2026-12-07')).toBe('2023-01-01');
    expect(defaultEffectiveDate(null, '2026-12-07')).toBe('2026-01-01');
  });

  it('stays within the province’s life: the last 1 January of one that ended, the first day of one formed later', () => {
    expect(defaultEffectiveDate(null, '2026-12-07', { validFrom: null, validTo: '2025-07-01' })).toBe(
      '2025-01-01',
    );
    expect(defaultEffectiveDate(null, '2026-12-07', { validFrom: null, validTo: '2025-01-01' })).toBe(
      '2024-01-01',
    );
    expect(defaultEffectiveDate(2023, '2026-12-07', { validFrom: '2025-07-01', validTo: null })).toBe(
      '2025-07-01',
    );
  });
});
