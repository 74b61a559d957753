import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { findProvinceByCode, seedUnits } from '../seed/seed';
import { createTestDatabase } from '../testing';
import { getUnitGroup, listGroupMembers, listUnitGroups } from './unit-groups';

let handle: DatabaseHandle;
let hp: string;
beforeAll(async () => {
  handle = await createTestDatabase();
  await seedUnits(handle.db);
  hp = (await findProvinceByCode(handle.db, '31'))!;
});
afterAll(async () => handle?.close());

describe('unit-group member counts (issue 11)', () => {
  it.each(['2023-06-30', '2025-03-01', '2025-08-01'])(
    'equal the member list on %s, for every group',
    async (d) => {
      const groups = await listUnitGroups(handle.db, hp, d);
      expect(groups.length).toBeGreaterThan(5);
      for (const g of groups) {
        const members = await listGroupMembers(handle.db, (await getUnitGroup(handle.db, g.id))!, d);
        expect(g.memberCount, `${g.code} on ${d}`).toBe(members.length);
      }
      const communes = groups.find((g) => g.code === 'all-communes')!;
      expect(communes.memberCount).toBe(
        d === '2025-08-01' ? 114 : d === '2023-06-30' ? 217 : communes.memberCount,
      );
    },
  );
});
