import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type Db, queryRows } from '../client';
import { createTestDatabase } from '../testing';
import { byEpoch, type Epochs, parseEpochs } from './epochs';

let handle: DatabaseHandle;
let db: Db;

async function epochs(): Promise<Epochs> {
  const [row] = await queryRows<{ e: unknown }>(
    db,
    sql`SELECT json_object_agg(name, epoch::text) AS e FROM cache_epoch`,
  );
  return parseEpochs(row!.e)!;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());

describe('data epochs (migration 0021, queries/epochs.ts)', () => {
  it('every write to a covered table moves its epoch and only its epoch, inside the writing transaction', async () => {
    const before = await epochs();
    expect(Object.keys(before).sort()).toEqual(['plans', 'units', 'words']);
    const province = '00000000-0000-4000-8000-000000000001';
    await db.execute(sql`INSERT INTO org_unit (id, province_id) VALUES (${province}, ${province})`);
    const afterUnit = await epochs();
    expect(afterUnit.units).toBeGreaterThan(before.units!);
    expect(afterUnit.plans).toBe(before.plans);
    expect(afterUnit.words).toBe(before.words);
    // A rolled back write leaves the epoch as it was (the bump is part of the transaction).
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE org_unit SET province_id = province_id WHERE id = ${province}`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await epochs()).units).toBe(afterUnit.units);
    // A statement touching no row still counts as a write (statement-level: no write path can slip past).
    await db.execute(sql`DELETE FROM unit_group WHERE false`);
    const afterGroup = await epochs();
    expect(afterGroup.words).toBeGreaterThan(before.words!);
    expect(afterGroup.units).toBe(afterUnit.units);
  });

  it('reuses a value while the epoch is unchanged, reloads when it moved, and never keeps a failure', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const at = (n: number): Epochs => ({ plans: n });
    expect(await byEpoch(db, at(1), 'plans', 'k', load)).toBe(1);
    expect(await byEpoch(db, at(1), 'plans', 'k', load)).toBe(1);
    expect(await byEpoch(db, at(2), 'plans', 'k', load)).toBe(2);
    // Another key, another name, or no epoch at all: loaded.
    expect(await byEpoch(db, at(2), 'plans', 'other', load)).toBe(3);
    expect(await byEpoch(db, { units: 2 }, 'units', 'k', load)).toBe(4);
    expect(await byEpoch(db, undefined, 'plans', 'k', load)).toBe(5);
    expect(await byEpoch(db, at(2), 'plans', 'k', load)).toBe(2);
    await expect(byEpoch(db, at(3), 'plans', 'k', () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await byEpoch(db, at(3), 'plans', 'k', load)).toBe(6);
  });
});
