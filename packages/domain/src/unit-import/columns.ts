import type { OrgUnitKind } from '../org-unit';
import { foldVietnamese } from '../text';

/*
 * The two layouts a list of units arrives in (issue 15):
 * - the platform's own (and data/units/*.csv): code, name, type, parent name — for administrative units and for
 *   agencies, press, schools and mass organisations alike (the type column says which);
 * - the statistics office's official list (danhmuchanhchinh.gso.gov.vn, QĐ 124/2004/QĐ-TTg): one row per commune
 *   with the codes and names of its province, district (where any) and commune, and its level.
 */

export type UnitImportFormat = 'units' | 'gso';

/** Header words each column is known by (accent-folded, lower case); the first is what the template writes. */
export const UNITS_COLUMNS = {
  code: ['ma', 'code_if_known', 'code', 'ma don vi', 'ma so'],
  name: ['ten don vi', 'name', 'ten', 'don vi'],
  type: ['loai', 'type', 'loai don vi', 'cap'],
  parent: ['don vi cap tren', 'parent_name', 'parent', 'truc thuoc', 'cap tren'],
} as const;

export const GSO_COLUMNS = {
  provinceCode: ['ma tp', 'ma tinh', 'ma tinh/tp', 'ma tinh, tp', 'ma tinh/thanh pho'],
  provinceName: [
    'tinh / thanh pho',
    'tinh/thanh pho',
    'tinh thanh pho',
    'ten tinh',
    'ten tinh/thanh pho',
    'tinh',
  ],
  districtCode: ['ma qh', 'ma huyen', 'ma quan huyen', 'ma quan/huyen'],
  districtName: ['quan huyen', 'quan / huyen', 'quan/huyen', 'ten huyen', 'ten quan/huyen', 'huyen'],
  communeCode: ['ma px', 'ma xa', 'ma phuong xa', 'ma phuong/xa'],
  communeName: ['phuong xa', 'phuong / xa', 'phuong/xa', 'ten xa', 'ten phuong/xa', 'xa'],
  level: ['cap', 'cap hanh chinh', 'loai'],
} as const;

const fold = (h: string) =>
  foldVietnamese(h)
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');

function indexOf(headers: readonly string[], names: readonly string[]): number | undefined {
  const folded = headers.map(fold);
  for (const n of names) {
    const i = folded.indexOf(fold(n));
    if (i >= 0) return i;
  }
  return undefined;
}

export type ColumnMap =
  | { format: 'units'; code?: number; name: number; type?: number; parent?: number }
  | {
      format: 'gso';
      provinceCode?: number;
      provinceName?: number;
      districtCode?: number;
      districtName?: number;
      communeCode?: number;
      communeName: number;
      level?: number;
    };

/**
 * Which layout the header row is, and where each column sits; null when neither is recognised (the message then
 * lists the headers each layout expects).
 */
export function detectColumns(headers: readonly string[]): ColumnMap | null {
  const communeName = indexOf(headers, GSO_COLUMNS.communeName);
  const communeCode = indexOf(headers, GSO_COLUMNS.communeCode);
  if (communeName !== undefined && communeCode !== undefined)
    return {
      format: 'gso',
      provinceCode: indexOf(headers, GSO_COLUMNS.provinceCode),
      provinceName: indexOf(headers, GSO_COLUMNS.provinceName),
      districtCode: indexOf(headers, GSO_COLUMNS.districtCode),
      districtName: indexOf(headers, GSO_COLUMNS.districtName),
      communeCode,
      communeName,
      level: indexOf(headers, GSO_COLUMNS.level),
    };
  const name = indexOf(headers, UNITS_COLUMNS.name);
  if (name === undefined) return null;
  return {
    format: 'units',
    code: indexOf(headers, UNITS_COLUMNS.code),
    name,
    type: indexOf(headers, UNITS_COLUMNS.type),
    parent: indexOf(headers, UNITS_COLUMNS.parent),
  };
}

/** The headers of the platform's template, in order (Vietnamese, as users see them). */
export const UNITS_TEMPLATE_HEADERS = ['Mã', 'Tên đơn vị', 'Loại', 'Đơn vị cấp trên'] as const;

/**
 * Type words, as official lists and agencies write them, to the kind of unit (docs/brief.md domain words). Matched on
 * the folded text; a type not here is refused with the list of known ones rather than guessed.
 */
const TYPE_WORDS: [string, OrgUnitKind][] = [
  ['thanh pho trung uong', 'province'],
  ['thanh pho truc thuoc trung uong', 'province'],
  ['tinh', 'province'],
  ['ubnd cap tinh', 'province'],
  ['quan', 'district'],
  ['huyen', 'district'],
  ['thi xa', 'district'],
  ['thanh pho thuoc tinh', 'district'],
  ['thanh pho thuoc thanh pho trung uong', 'district'],
  ['xa', 'commune'],
  ['phuong', 'commune'],
  ['thi tran', 'commune'],
  ['dac khu', 'commune'],
  ['so', 'department'],
  ['ban', 'department'],
  ['nganh', 'department'],
  ['co quan chuyen mon', 'department'],
  ['co quan', 'department'],
  ['department', 'department'],
  ['co quan bao chi', 'press_agency'],
  ['bao', 'press_agency'],
  ['dai', 'press_agency'],
  ['dai phat thanh', 'press_agency'],
  ['dai phat thanh va truyen hinh', 'press_agency'],
  ['tap chi', 'press_agency'],
  ['press_agency', 'press_agency'],
  ['truong', 'school'],
  ['truong hoc', 'school'],
  ['truong mam non', 'school'],
  ['truong tieu hoc', 'school'],
  ['truong thcs', 'school'],
  ['truong thpt', 'school'],
  ['truong trung hoc co so', 'school'],
  ['truong trung hoc pho thong', 'school'],
  ['truong lien cap', 'school'],
  ['school', 'school'],
  ['hoi', 'mass_organisation'],
  ['hoi nghe nghiep', 'mass_organisation'],
  ['doan the', 'mass_organisation'],
  ['mat tran', 'mass_organisation'],
  ['to chuc chinh tri - xa hoi', 'mass_organisation'],
  ['to chuc chinh tri xa hoi', 'mass_organisation'],
  ['mass_organisation', 'mass_organisation'],
  ['doanh nghiep', 'enterprise'],
  ['enterprise', 'enterprise'],
  ['khac', 'other'],
  ['other', 'other'],
];
const TYPE_KIND = new Map(TYPE_WORDS);

/** The type words listed in messages and the template's help. */
export const KNOWN_TYPES_TEXT =
  'Tỉnh, Thành phố Trung ương, Quận, Huyện, Thị xã, Thành phố, Xã, Phường, Thị trấn, Đặc khu, Sở, Ban, Cơ quan báo chí, Trường, Hội, Đoàn thể, Mặt trận, Doanh nghiệp, Khác';

/**
 * The kind a type word names. "Thành phố" is a province without a parent and a district-level city under one
 * (Thành phố Thủy Nguyên, 2025); "Sở (đặc thù)", "Trường THCS Lê Lợi" match on their leading words. Null = unknown.
 */
export function kindOfType(type: string, underProvince: boolean): OrgUnitKind | null {
  const t = foldVietnamese(type).replace(/\s*\(.*\)\s*$/, '');
  if (t === 'thanh pho') return underProvince ? 'district' : 'province';
  const exact = TYPE_KIND.get(t);
  if (exact) return exact;
  // The longest known words the type starts with ("truong thcs le loi" → school; "so noi vu" → department).
  const words = t.split(' ');
  for (let n = Math.min(words.length - 1, 6); n >= 1; n--) {
    const head = words.slice(0, n).join(' ');
    const kind = TYPE_KIND.get(head);
    if (kind) return kind;
  }
  return null;
}

/** The type word a unit's name starts with ("Huyện Nam Sách" → "Huyện"), for the official list's districts. */
export function typeFromName(name: string): string | null {
  const m = /^(Thành phố|Thị xã|Thị trấn|Quận|Huyện|Phường|Xã|Đặc khu|Tỉnh)\s/iu.exec(name.normalize('NFC'));
  return m ? m[1]! : null;
}

/** Official codes are fixed width per level (QĐ 124/2004/QĐ-TTg): 2 digits a province, 3 a district, 5 a commune. */
export const CODE_WIDTH: Partial<Record<OrgUnitKind, number>> = { province: 2, district: 3, commune: 5 };
