import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { insertAudit } from '../queries/audit';
import type { ProvinceSettingRow } from '../queries/province-settings';
import { provinceSetting, provinceSettingsRevision } from '../schema';
import { DEPARTMENT_MERGERS_2025, findProvinceByCode, REFORM_2025_07 } from './seed';

/*
 * Hải Phòng's own words (issue 15, province settings), as dated data: the only place they live. The shapes are
 * packages/domain province-settings (PROVINCE_SETTING_SCHEMAS); seed-province-settings.test.ts checks them.
 */

/** The day the DX office's agency changed: the departments' merger (seed.ts DEPARTMENT_MERGERS_2025). */
export const DX_OFFICE_AGENCY_CHANGE_2025 = DEPARTMENT_MERGERS_2025;

/** The People's Committee as the header of 54/KH-UBND names it (data/units/haiphong-agencies-2023.csv). */
const COMMITTEE = 'Ủy ban nhân dân thành phố Hải Phòng';
/**
 * The committee's "Nơi nhận" lines; districts were abolished from 01/07/2025 (Nghị quyết 202/2025/QH15): from then
 * the lines name communes, wards and special zones.
 */
const recipients = (date: string) => [
  'Thường trực Thành ủy, Thường trực HĐND thành phố;',
  'Chủ tịch, các Phó Chủ tịch UBND thành phố;',
  date < REFORM_2025_07
    ? 'Các Sở, ban, ngành, UBND các quận, huyện;'
    : 'Các Sở, ban, ngành, UBND các xã, phường, đặc khu;',
];

export const HAIPHONG_SETTINGS: ProvinceSettingRow[] = [
  { key: 'province_word', validFrom: null, validTo: null, value: 'thành phố' },
  { key: 'peoples_committee_name', validFrom: null, validTo: null, value: COMMITTEE },
  { key: 'party_committee_name', validFrom: null, validTo: null, value: 'Thành ủy Hải Phòng' },
  {
    key: 'dx_office_agency',
    validFrom: null,
    validTo: DX_OFFICE_AGENCY_CHANGE_2025,
    value: { name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT' },
  },
  {
    key: 'dx_office_agency',
    validFrom: DX_OFFICE_AGENCY_CHANGE_2025,
    validTo: null,
    value: { name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN' },
  },
  {
    key: 'default_recipients',
    validFrom: null,
    validTo: REFORM_2025_07,
    value: recipients('2025-06-30'),
  },
  {
    key: 'default_recipients',
    validFrom: REFORM_2025_07,
    validTo: null,
    value: recipients(REFORM_2025_07),
  },
  {
    key: 'signature_block',
    validFrom: null,
    validTo: null,
    value: { title: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', name: '' },
  },
  {
    key: 'funding_source_names',
    validFrom: null,
    validTo: null,
    // Plan 54 IV: "ngân sách nhà nước theo phân cấp hiện hành (dự toán chi thường xuyên của các cơ quan, đơn vị) và
    // các nguồn hợp pháp khác"; the city's budget is "ngân sách thành phố".
    value: {
      unit_regular: 'Dự toán chi thường xuyên của đơn vị',
      city_budget: 'Ngân sách thành phố',
      other_lawful: 'Nguồn hợp pháp khác',
    },
  },
  {
    key: 'report_defaults',
    validFrom: null,
    validTo: null,
    value: { place: 'Hải Phòng', issuer: 'committee' },
  },
];

/**
 * Seeds Hải Phòng's settings at every start, idempotently: only while the province has none and they were never
 * saved (no revision row), so an install seeded before this change gets them at its next start and an
 * administrator's own settings are never overwritten. Audited when it writes. Returns whether it wrote.
 */
export async function seedProvinceSettings(db: Db): Promise<boolean> {
  const provinceId = await findProvinceByCode(db, '31');
  if (!provinceId) return false;
  return db.transaction(async (tx) => {
    // One start at a time: the revision row is the settings' lock (a concurrent start waits, then sees it).
    const [claimed] = await tx
      .insert(provinceSettingsRevision)
      .values({ provinceId, version: 0 })
      .onConflictDoNothing()
      .returning({ provinceId: provinceSettingsRevision.provinceId });
    if (!claimed) return false;
    const [existing] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(provinceSetting)
      .where(eq(provinceSetting.provinceId, provinceId));
    if ((existing?.n ?? 0) > 0) return false;
    await tx.insert(provinceSetting).values(HAIPHONG_SETTINGS.map((r) => ({ ...r, provinceId })));
    await insertAudit(tx, {
      actorUserId: null,
      actorName: 'seed',
      action: 'province_settings.seed',
      entityType: 'province',
      entityId: provinceId,
      provinceId,
      after: HAIPHONG_SETTINGS,
    });
    return true;
  });
}
