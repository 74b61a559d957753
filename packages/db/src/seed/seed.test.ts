import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { countUnitsByKind, getUnitDetail, listProvinces, listUnits } from '../queries/org-units';
import { createTestDatabase } from '../testing';
import { findProvinceByCode, seedUnits } from './seed';

describe('seeded units through time', () => {
  let h: DatabaseHandle;
  let hp: string;
  beforeAll(async () => {
    h = await createTestDatabase();
    const summary = await seedUnits(h.db);
    expect(summary?.unmatchedMerges).toEqual([]);
    hp = (await findProvinceByCode(h.db, '31'))!;
  });
  afterAll(async () => h?.close());

  it('is idempotent', async () => {
    expect(await seedUnits(h.db)).toBeNull();
  });

  it('has Hải Phòng with 15 districts and 217 communes on 30/06/2023', async () => {
    const counts = await countUnitsByKind(h.db, hp, '2023-06-30');
    expect(counts.district).toBe(15);
    expect(counts.commune).toBe(217);
    expect(counts.province).toBe(1);
  });

  it('has 167 communes after the 01/01/2025 arrangement', async () => {
    const counts = await countUnitsByKind(h.db, hp, '2025-03-01');
    expect(counts.commune).toBe(167);
    expect(counts.district).toBe(15);
  });

  it('has no districts and 114 communes on 01/08/2025, Hải Dương merged in', async () => {
    const counts = await countUnitsByKind(h.db, hp, '2025-08-01');
    expect(counts.district ?? 0).toBe(0);
    expect(counts.commune).toBe(114);
    const provinces = await listProvinces(h.db, '2025-08-01');
    expect(provinces.map((p) => p.name)).toEqual(['Thành phố Hải Phòng']);
    expect((await listProvinces(h.db, '2023-06-30')).map((p) => p.name).sort()).toEqual([
      'Thành phố Hải Phòng',
      'Tỉnh Hải Dương',
    ]);
  });

  it('finds a unit without accents and tells where a 2025 commune came from', async () => {
    const found = await listUnits(h.db, {
      provinceId: hp,
      asOf: '2023-06-30',
      q: 'hai an',
      limit: 10,
      offset: 0,
    });
    expect(found.items.map((u) => u.name)).toContain('Quận Hải An');
    const tn = await listUnits(h.db, {
      provinceId: hp,
      asOf: '2025-08-01',
      q: 'thuy nguyen',
      limit: 10,
      offset: 0,
    });
    const ward = tn.items.find((u) => u.name === 'Phường Thủy Nguyên')!;
    const detail = await getUnitDetail(h.db, ward.unitId);
    expect(detail!.predecessors.length).toBeGreaterThan(0);
    expect(detail!.versions[0]!.validFrom).toBe('2025-07-01');
  });

  it('keeps the 2023 history of a renamed district', async () => {
    const before = await listUnits(h.db, {
      provinceId: hp,
      asOf: '2023-06-30',
      q: 'an duong',
      kinds: ['district'],
      limit: 5,
      offset: 0,
    });
    const after = await listUnits(h.db, {
      provinceId: hp,
      asOf: '2025-03-01',
      q: 'an duong',
      kinds: ['district'],
      limit: 5,
      offset: 0,
    });
    const was = before.items.find((u) => u.name === 'Huyện An Dương')!;
    const is = after.items.find((u) => u.name === 'Quận An Dương')!;
    expect(was.unitId).toBe(is.unitId);
    expect(after.items.map((u) => u.name)).not.toContain('Huyện An Dương');
  });
});
