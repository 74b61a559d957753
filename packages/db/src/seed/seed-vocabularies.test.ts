import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { listVocabularyTerms, upsertVocabularyTerms } from '../queries/indicators';
import { createTestDatabase } from '../testing';
import { findProvinceByCode, seedUnits } from './seed';
import { HAI_PHONG_VOCABULARIES, seedVocabularies } from './seed-vocabularies';

let handle: DatabaseHandle;
let hp: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedUnits(handle.db);
  hp = (await findProvinceByCode(handle.db, '31'))!;
});
afterAll(async () => {
  await handle?.close();
});

describe('Hải Phòng vocabularies', () => {
  it('are seeded once, and an administrator’s edit survives a second seed', async () => {
    expect(await seedVocabularies(handle.db)).toBe(HAI_PHONG_VOCABULARIES.length);
    const levels = (await listVocabularyTerms(handle.db, hp)).filter((t) => t.vocabulary === 'event_level');
    expect(levels.map((t) => [t.code, t.labelVi])).toEqual([
      ['city', 'cấp thành phố'],
      ['district', 'cấp quận, huyện'],
      ['unit', 'cấp đơn vị'],
    ]);
    // After 01/07/2025 there are no districts and the province's level is named "cấp tỉnh" by the administrator.
    expect(
      await upsertVocabularyTerms(handle.db, hp, [
        {
          vocabulary: 'event_level',
          code: 'city',
          labelVi: 'cấp tỉnh',
          labelEn: 'provincial level',
          position: 0,
        },
        {
          vocabulary: 'event_level',
          code: 'district',
          labelVi: 'cấp quận, huyện',
          labelEn: 'district level',
          position: 1,
          validTo: '2025-07-01',
        },
        {
          vocabulary: 'person_role',
          code: 'commune_official',
          labelVi: 'cán bộ, công chức cấp xã',
          labelEn: 'commune civil servant',
          position: 3,
        },
      ]),
    ).toBe(3);
    expect(await seedVocabularies(handle.db)).toBe(0);
    const after = await listVocabularyTerms(handle.db, hp, '2025-08-01');
    expect(after.filter((t) => t.vocabulary === 'event_level').map((t) => t.labelVi)).toEqual([
      'cấp tỉnh',
      'cấp đơn vị',
    ]);
    expect(after.filter((t) => t.vocabulary === 'person_role').map((t) => t.code)).toEqual([
      'reporter',
      'editor',
      'grassroots_officer',
      'commune_official',
    ]);
    // An unchanged term is not rewritten.
    expect(
      await upsertVocabularyTerms(handle.db, hp, [
        {
          vocabulary: 'event_level',
          code: 'city',
          labelVi: 'cấp tỉnh',
          labelEn: 'provincial level',
          position: 0,
        },
      ]),
    ).toBe(0);
  });
});
