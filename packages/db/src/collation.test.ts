import { compareVi } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from './client';
import { listUnits } from './queries/org-units';
import { findProvinceByCode, seedUnits } from './seed/seed';
import { createTestDatabase } from './testing';

/**
 * The `vi_vn` collation (migration 0019) orders as a Vietnamese reader expects and as the web's compareVi does, on
 * PostgreSQL 15 ("vi-x-icu") and on PGlite (ICU rules): Đ after D, Ă Â after A, Ô Ơ after O, Ư after U; tones and
 * case only break ties.
 */
const WORDS = [
  'Quận Đồ Sơn',
  'Quận Dương Kinh',
  'Phường Ái Quốc',
  'Quận Ngô Quyền',
  'An Dương',
  'Ân Thi',
  'Ăn Khê',
  'Dư Hàng',
  'Đa Phúc',
  'Ô Môn',
  'Ơn Nghĩa',
  'Oanh',
  'Ứng Hòa',
  'Uông Bí',
  'Hải An',
  'hải an',
  'Hai Bà',
  'Phường An Biên',
  'Phường 10',
  'Phường 9',
];

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

describe('Vietnamese collation (vi_vn)', () => {
  const sortedInDb = async () =>
    (
      await queryRows<{ x: string }>(
        handle.db,
        sql`SELECT x FROM (VALUES ${sql.join(
          WORDS.map((w) => sql`(${w}::text)`),
          sql`, `,
        )}) AS t(x) ORDER BY x COLLATE vi_vn`,
      )
    ).map((r) => r.x);

  it('puts Đ after D, Ă/Â after A, Ơ after Ô, Ư after U, and ignores tones at the first level', async () => {
    const order = await sortedInDb();
    const at = (w: string) => order.indexOf(w);
    expect(at('Dư Hàng')).toBeLessThan(at('Đa Phúc'));
    expect(at('Quận Dương Kinh')).toBeLessThan(at('Quận Đồ Sơn'));
    expect(at('Quận Đồ Sơn')).toBeLessThan(at('Quận Ngô Quyền'));
    expect(at('An Dương')).toBeLessThan(at('Ăn Khê'));
    expect(at('Ăn Khê')).toBeLessThan(at('Ân Thi'));
    expect(at('Oanh')).toBeLessThan(at('Ô Môn'));
    expect(at('Ô Môn')).toBeLessThan(at('Ơn Nghĩa'));
    expect(at('Uông Bí')).toBeLessThan(at('Ứng Hòa'));
    // "Phường Ái Quốc" is first among the wards, not last (issue 19).
    expect(at('Phường Ái Quốc')).toBeLessThan(at('Phường An Biên'));
    // Tones are secondary: "Hai Bà" and "Hải An" sort by their letters (Hai B… < Hai A… is false: A < B).
    expect(at('Hải An')).toBeLessThan(at('Hai Bà'));
    expect(at('hải an')).toBeLessThan(at('Hai Bà'));
  });

  it('agrees with the browser-side compareVi except for numbers, which the web compares numerically', async () => {
    const words = WORDS.filter((w) => !/\d/.test(w));
    const db = (await sortedInDb()).filter((w) => !/\d/.test(w));
    expect(db).toEqual([...words].sort(compareVi));
  });
});

describe('lists sorted by the database in Vietnamese order', () => {
  it("Hải Phòng's districts on 30/06/2023: Dương Kinh before Đồ Sơn, Đồ Sơn before Hải An and Ngô Quyền", async () => {
    await seedUnits(handle.db);
    const hp = (await findProvinceByCode(handle.db, '31'))!;
    const { items } = await listUnits(handle.db, {
      provinceId: hp,
      asOf: '2023-06-30',
      parentUnitId: hp,
      kinds: ['district'],
      limit: 100,
      offset: 0,
    });
    const names = items.map((u) => u.name);
    expect(names.length).toBeGreaterThan(10);
    expect(names).toEqual([...names].sort(compareVi));
    expect(names.indexOf('Quận Dương Kinh')).toBeLessThan(names.indexOf('Quận Đồ Sơn'));
    expect(names.indexOf('Quận Đồ Sơn')).toBeLessThan(names.indexOf('Quận Hải An'));
    expect(names.indexOf('Quận Đồ Sơn')).toBeLessThan(names.indexOf('Quận Ngô Quyền'));
  }, 120_000);
});
