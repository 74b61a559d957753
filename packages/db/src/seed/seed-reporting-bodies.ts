import type { Db } from '../client';
import { NATIONAL_BODIES_KEY } from '../queries/consolidated';
import { setting } from '../schema';

/*
 * Who reports to whom, as dated data (never in code): the Ministry in charge of digital transformation, with the
 * dates it is in force. Read by packages/domain consolidated/report.ts (ministryOn).
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
 * Seeds the national bodies when absent (idempotent; a setting an administrator changed is left alone). A
 * province's own bodies and "Nơi nhận" are its province settings (seed-province-settings.ts for Hải Phòng).
 */
export async function seedReportingBodies(db: Db): Promise<void> {
  await db.insert(setting).values({ key: NATIONAL_BODIES_KEY, value: NATIONAL_BODIES }).onConflictDoNothing();
}
