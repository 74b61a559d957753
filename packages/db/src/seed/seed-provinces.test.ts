import { provincesOn } from '@dx/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { listCatalogue } from '../queries/provinces';
import { createTestDatabase } from '../testing';
import { loadProvinceCatalogue, syncProvinceCatalogue } from './seed-provinces';

describe('the province catalogue as shipped (packages/db/data/provinces)', () => {
  const rows = loadProvinceCatalogue();

  it('holds 63 provincial-level units until 30/06/2025 and 34 from 01/07/2025 (Nghị quyết 202/2025/QH15)', () => {
    expect(provincesOn(rows, '2024-12-31')).toHaveLength(63);
    expect(provincesOn(rows, '2025-06-30')).toHaveLength(63);
    const now = provincesOn(rows, '2025-07-01');
    expect(now).toHaveLength(34);
    expect(now.filter((r) => r.adminType === 'Thành phố Trung ương').map((r) => r.name)).toEqual([
      'Thành phố Cần Thơ',
      'Thành phố Đà Nẵng',
      'Thành phố Hà Nội',
      'Thành phố Hải Phòng',
      'Thành phố Hồ Chí Minh',
      'Thành phố Huế',
    ]);
    expect(new Set(now.map((r) => r.code)).size).toBe(34);
  });

  it('names what each merged province was formed from', () => {
    const hp = provincesOn(rows, '2025-07-01').find((r) => r.code === '31')!;
    expect(hp.predecessorCodes).toEqual(['30', '31']);
    const merged = provincesOn(rows, '2025-07-01').filter((r) => r.predecessorCodes.length > 0);
    // 23 formed by merging (Huế's row names Thừa Thiên Huế, which it succeeded on 01/01/2025).
    expect(merged.filter((r) => r.validFrom === '2025-07-01')).toHaveLength(23);
    const predecessors = merged.flatMap((r) => (r.validFrom === '2025-07-01' ? r.predecessorCodes : []));
    expect(predecessors).toHaveLength(52);
  });
});

describe('syncing the catalogue into the database', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDatabase();
  });
  afterAll(async () => h?.close());

  it('stores every row once and changes nothing the second time', async () => {
    expect(await syncProvinceCatalogue(h.db)).toEqual({ rows: 87, changed: true });
    expect(await syncProvinceCatalogue(h.db)).toEqual({ rows: 87, changed: false });
    const stored = await listCatalogue(h.db);
    expect(stored).toHaveLength(87);
    expect(stored.find((r) => r.code === '68' && r.validFrom === '2025-07-01')).toMatchObject({
      name: 'Tỉnh Lâm Đồng',
      predecessorCodes: ['60', '67', '68'],
    });
  });
});
