import type { Db } from '../client';
import { consolidatedSettingKey, NATIONAL_BODIES_KEY } from '../queries/consolidated';
import { setting } from '../schema';
import { findProvinceByCode, REFORM_2025_07 } from './seed';

/*
 * Who reports to whom, as dated data (never in code): the Ministry in charge of digital transformation, and for
 * Hải Phòng the bodies that issue its consolidated report (plan 54 V.1.a) and the "Nơi nhận" of that report, each
 * with the dates it is in force. Read by packages/domain consolidated/report.ts (ministryOn, issuerOn).
 */

/**
 * The Ministry provinces report digital transformation to. Bộ Thông tin và Truyền thông merged into Bộ Khoa học và
 * Công nghệ from 01/03/2025: Nghị quyết 176/2025/QH15 of the National Assembly (18/02/2025) on the structure of the
 * Government, effective 01/03/2025; functions in Nghị định 55/2025/NĐ-CP.
 */
export const MINISTRY_MERGER_2025 = '2025-03-01';
export const NATIONAL_BODIES = {
  ministries: [
    { validFrom: null, validTo: MINISTRY_MERGER_2025, name: 'Bộ Thông tin và Truyền thông' },
    {
      validFrom: MINISTRY_MERGER_2025,
      validTo: null,
      name: 'Bộ Khoa học và Công nghệ',
      basis: 'Nghị quyết 176/2025/QH15 ngày 18/02/2025 (hiệu lực 01/03/2025); Nghị định 55/2025/NĐ-CP',
    },
  ],
};

/**
 * Hải Phòng: the People's Committee (header of 54/KH-UBND) and the DX office's agency — Sở Thông tin và Truyền thông,
 * then Sở Khoa học và Công nghệ from the date data/units/haiphong-agencies-2023.csv gives for the merger (the same
 * date the unit seed ends the Sở TT&TT on); districts abolished from 01/07/2025 (Nghị quyết 202/2025/QH15).
 */
export const HAIPHONG_CONSOLIDATED = {
  place: 'Hải Phòng',
  issuers: {
    committee: [
      {
        validFrom: null,
        validTo: null,
        name: 'Ủy ban nhân dân thành phố Hải Phòng',
        header: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG'],
        code: 'BC-UBND',
        signature: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      },
    ],
    dx_office: [
      {
        validFrom: null,
        validTo: REFORM_2025_07,
        name: 'Sở Thông tin và Truyền thông',
        header: ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'],
        code: 'BC-STTTT',
        signature: ['GIÁM ĐỐC'],
      },
      {
        validFrom: REFORM_2025_07,
        validTo: null,
        name: 'Sở Khoa học và Công nghệ',
        header: ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ'],
        code: 'BC-SKHCN',
        signature: ['GIÁM ĐỐC'],
      },
    ],
  },
  recipients: [
    { text: 'Thường trực Thành ủy, Thường trực HĐND thành phố;', issuers: ['committee'] },
    { text: 'Chủ tịch, các Phó Chủ tịch UBND thành phố;', issuers: ['committee'] },
    { text: 'Các Sở, ban, ngành, UBND các quận, huyện;', validTo: REFORM_2025_07, issuers: ['committee'] },
    {
      text: 'Các Sở, ban, ngành, UBND các xã, phường, đặc khu;',
      validFrom: REFORM_2025_07,
      issuers: ['committee'],
    },
    { text: 'Giám đốc Sở;', issuers: ['dx_office'] },
  ],
};

/**
 * Seeds the national bodies and Hải Phòng's consolidated-report settings when absent (idempotent; a setting an
 * administrator changed is left alone).
 */
export async function seedReportingBodies(db: Db): Promise<void> {
  await db.insert(setting).values({ key: NATIONAL_BODIES_KEY, value: NATIONAL_BODIES }).onConflictDoNothing();
  const provinceId = await findProvinceByCode(db, '31');
  if (!provinceId) return;
  await db
    .insert(setting)
    .values({ key: consolidatedSettingKey(provinceId), value: HAIPHONG_CONSOLIDATED })
    .onConflictDoNothing();
}
