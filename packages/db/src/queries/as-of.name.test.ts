import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../client';
import { seedUnits } from '../seed/seed';
import { createTestDatabase } from '../testing';
import { unitNameAsOf } from './as-of';
import { getGrants } from './users';

/** The one "name on a date" rule (as-of.ts unitNameAsOf), used by budget, records and users lists. */
describe('unitNameAsOf', () => {
  let h: DatabaseHandle;
  let thuyNguyen: string;
  let haLy: string;
  beforeAll(async () => {
    h = await createTestDatabase();
    await seedUnits(h.db);
    const id = async (name: string) =>
      (
        await queryRows<{ unit_id: string }>(
          h.db,
          sql`SELECT unit_id FROM org_unit_version WHERE name = ${name} LIMIT 1`,
        )
      )[0]!.unit_id;
    // Renamed on 01/01/2025 (Huyện → Thành phố Thuỷ Nguyên); ended on 01/01/2025 (Phường Hạ Lý).
    thuyNguyen = await id('Huyện Thuỷ Nguyên');
    haLy = await id('Phường Hạ Lý');
  });
  afterAll(async () => h?.close());

  const nameOf = async (unit: string, asOf: string | null) =>
    (
      await queryRows<{ name: string }>(h.db, sql`SELECT ${unitNameAsOf(sql`${unit}::uuid`, asOf)} AS name`)
    )[0]!.name;

  it('is the name in force on the date, the latest without one, the last for an ended unit', async () => {
    expect(await nameOf(thuyNguyen, '2023-06-30')).toBe('Huyện Thuỷ Nguyên');
    expect(await nameOf(thuyNguyen, '2025-03-01')).toBe('Thành phố Thuỷ Nguyên');
    expect(await nameOf(thuyNguyen, null)).toBe('Thành phố Thuỷ Nguyên');
    expect(await nameOf(haLy, '2026-01-01')).toBe('Phường Hạ Lý');
    expect(await nameOf(haLy, null)).toBe('Phường Hạ Lý');
  });

  it("names a grant's unit by its latest name", async () => {
    const [user] = await queryRows<{ id: string }>(
      h.db,
      sql`INSERT INTO app_user (username, display_name, password_hash) VALUES ('ten-theo-ngay', 'Tên theo ngày', 'x') RETURNING id`,
    );
    await h.db.execute(
      sql`INSERT INTO role_grant (user_id, role, unit_id) VALUES (${user!.id}, 'unit_officer', ${thuyNguyen})`,
    );
    const grants = await getGrants(h.db, [user!.id]);
    expect(grants.get(user!.id)?.[0]?.unitName).toBe('Thành phố Thuỷ Nguyên');
  });
});
