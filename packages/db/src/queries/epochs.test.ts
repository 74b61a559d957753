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
    expect(Object.keys(before).sort()).toEqual(['plans', 'rollups', 'units', 'words']);
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

  it('a rollup built or dropped moves the rollups epoch when its transaction commits, not before (migration 0025)', async () => {
    const province = '00000000-0000-4000-8000-000000000001';
    const [plan] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO plan (province_id, issuer_name, place, year, title, signer_position, body)
          VALUES (${province}::uuid, 'UBND', 'Tỉnh Thử', 2025, 'Kế hoạch thử', 'Chủ tịch', '{}'::jsonb) RETURNING id`,
    );
    const [target] = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO plan_target (plan_id, province_id, letter, position, text, comparator, goal_value, unit, subject_type, subject_record_kind)
          VALUES (${plan!.id}::uuid, ${province}::uuid, 'a', 0, 'Chỉ tiêu a', 'gte', 1, 'count', 'record', 'publication')
          RETURNING id`,
    );
    const before = await epochs();
    let inside: Epochs | undefined;
    await db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO target_rollup_built (target_id, key) VALUES (${target!.id}, 'k1')`);
      const [row] = await queryRows<{ e: unknown }>(
        tx,
        sql`SELECT json_object_agg(name, epoch::text) AS e FROM cache_epoch`,
      );
      inside = parseEpochs(row!.e);
    });
    // Deferred to the commit: the epoch's row is the last lock the writing transaction takes.
    expect(inside!.rollups).toBe(before.rollups);
    const built = await epochs();
    expect(built.rollups).toBeGreaterThan(before.rollups!);
    expect(built.plans).toBe(before.plans);
    // Renewed for another day, then dropped (a rule that no longer parses): each moves it.
    await db.execute(sql`UPDATE target_rollup_built SET key = 'k2' WHERE target_id = ${target!.id}`);
    const renewed = await epochs();
    expect(renewed.rollups).toBeGreaterThan(built.rollups!);
    await db.execute(sql`DELETE FROM target_rollup_built WHERE target_id = ${target!.id}`);
    expect((await epochs()).rollups).toBeGreaterThan(renewed.rollups!);
    // A rolled back build leaves it as it was.
    const settled = await epochs();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO target_rollup_built (target_id, key) VALUES (${target!.id}, 'k3')`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await epochs()).rollups).toBe(settled.rollups);
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
