import { countUsers, listCatalogue, queryRows } from '@dx/db';
import { createTestDatabase } from '@dx/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap';

/** `SEED=none npm start` (issue 15): an empty platform with only the province catalogue and the first administrator. */
describe('first start with SEED=none', () => {
  let handle: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle?.close());

  const count = async (table: string) =>
    Number((await queryRows<{ n: string }>(handle.db, sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n);

  it('holds the catalogue and one system administrator, and no province, plan or group', async () => {
    const first = await bootstrap(handle.db, { seed: 'none' });
    expect(first.seedChoice).toBe('none');
    expect(first.seeded).toBeNull();
    expect(first.adminPassword).toMatch(/.{12,}/);
    expect(await listCatalogue(handle.db)).toHaveLength(87);
    expect(await count('org_unit')).toBe(0);
    expect(await count('plan')).toBe(0);
    expect(await count('unit_group')).toBe(0);
    expect(await countUsers(handle.db)).toBe(1);
    const grants = await queryRows<{ role: string; unit_id: string | null }>(
      handle.db,
      sql`SELECT role, unit_id FROM role_grant`,
    );
    expect(grants).toEqual([{ role: 'administrator', unit_id: null }]);
  });

  it('keeps the first start’s choice: a later start without SEED loads no Hải Phòng data into it', async () => {
    const again = await bootstrap(handle.db, { seed: 'haiphong' });
    expect(again).toEqual({ seeded: null, seedChoice: 'none', adminPassword: null });
    expect(await count('org_unit')).toBe(0);
  });
});
