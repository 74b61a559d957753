import { PLAN_54_TARGET_DEFINITIONS } from '@dx/domain';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, type Db, queryRows } from '../client';
import {
  applyBase,
  type BaseAction,
  baseActionArbitraries,
  baseProvince,
  dayArbitrary,
  newWorld,
  type World,
} from '../test-support/world';
import { createTestDatabase } from '../testing';
import {
  countStateDifferences,
  listRollupCells,
  listRollupTargets,
  liveRollupCells,
  rebuildAllRollups,
  rebuildRollupsOf,
  refreshRollups,
  rollupEvaluation,
  rollupFacts,
} from './rollups';
import { evaluateTargetFacts } from './targets';

/*
 * Rollups kept fresh on every write (issue 13, queries/rollups.ts): after any random sequence of record writes,
 * deletes, imports and reorganisations — each in its own transaction that calls refreshRollups, as the server's
 * audit() does — every target's maintained cells and subject states equal a full live evaluation, breakdown by
 * breakdown, and the facts read from them equal the live evaluation's. Runs on PGlite and on PostgreSQL
 * (DATABASE_URL). Few runs on a small province: the property, not the volume.
 */

let handle: DatabaseHandle;
let db: Db;
beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(async () => handle?.close());

const TODAY = '2025-10-15';
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e'] as const;

/** Days of 2025 (the plan's year) as yyyy-mm-dd. */
const dayArb = dayArbitrary('2025-01-01', 364);

type Action =
  | BaseAction
  | { kind: 'delete'; which: number }
  | { kind: 'move'; which: number; channel: number; date: string }
  | { kind: 'leave'; person: number; date: string }
  | { kind: 'import'; date: string; channel: number; rows: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  ...baseActionArbitraries(dayArb),
  fc.record({ kind: fc.constant('delete' as const), which: fc.nat(50) }),
  fc.record({ kind: fc.constant('move' as const), which: fc.nat(50), channel: fc.nat(5), date: dayArb }),
  fc.record({ kind: fc.constant('leave' as const), person: fc.nat(5), date: dayArb }),
  fc.record({
    kind: fc.constant('import' as const),
    date: dayArb,
    channel: fc.nat(5),
    rows: fc.integer({ min: 2, max: 30 }),
  }),
);

/** The same actions, plus deletes, updates, people leaving and an import's bulk INSERT … SELECT. */
async function apply(tx: Db, w: World, a: Action) {
  switch (a.kind) {
    case 'delete': {
      if (w.publications.length === 0) return;
      const id = w.publications.splice(a.which % w.publications.length, 1)[0]!;
      await tx.execute(sql`DELETE FROM publication WHERE id = ${id}::uuid`);
      return;
    }
    case 'move': {
      if (w.publications.length === 0) return;
      const id = w.publications[a.which % w.publications.length]!;
      await tx.execute(
        sql`UPDATE publication SET channel_id = ${w.channels[a.channel % w.channels.length]!}::uuid,
                   published_on = ${a.date}::date WHERE id = ${id}::uuid`,
      );
      return;
    }
    case 'leave':
      await tx.execute(
        sql`UPDATE person SET left_on = ${a.date}::date WHERE id = ${w.people[a.person % w.people.length]!}::uuid`,
      );
      return;
    case 'import': {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO publication (province_id, channel_id, unit_id, title, published_on, format, is_dx)
            SELECT ${w.P}::uuid, ${w.channels[a.channel % w.channels.length]!}::uuid, ${w.dep}::uuid, 'Tin nhập ' || g,
                   ${a.date}::date + (g % 20), 'article', g % 3 <> 0
              FROM generate_series(1, ${a.rows}) g RETURNING id`,
      );
      w.publications.push(...rows.map((r) => r.id));
      return;
    }
    case 'publication': {
      await applyBase(tx, w, a);
      const [last] = await queryRows<{ id: string }>(
        tx,
        sql`SELECT id FROM publication WHERE province_id = ${w.P}::uuid ORDER BY created_at DESC, id LIMIT 1`,
      );
      if (last) w.publications.push(last.id);
      return;
    }
    default:
      return applyBase(tx, w, a);
  }
}

/** A plan of 2025 for the province with plan 54's six targets defined. */
async function planWithTargets(tx: Db, P: string): Promise<string[]> {
  const [p] = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO plan (province_id, issuer_name, place, year, title, signer_position, body)
        VALUES (${P}::uuid, 'UBND', 'Tỉnh Thử', 2025, 'Kế hoạch thử', 'Chủ tịch', '{}'::jsonb) RETURNING id`,
  );
  const ids: string[] = [];
  for (const [i, letter] of LETTERS.entries()) {
    const { goal, ...rule } = PLAN_54_TARGET_DEFINITIONS[letter];
    const [t] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO plan_target (plan_id, province_id, letter, position, text, comparator, goal_value, goal_max, unit, subject_type, subject_record_kind)
          VALUES (${p!.id}::uuid, ${P}::uuid, ${letter}, ${i}, ${`Chỉ tiêu ${letter}`}, ${goal.comparator}, ${goal.value},
                  ${'max' in goal ? goal.max : null}, ${goal.unit}, 'record', 'publication') RETURNING id`,
    );
    await tx.execute(
      sql`INSERT INTO target_definition (plan_target_id, province_id, rule) VALUES (${t!.id}::uuid, ${P}::uuid, ${JSON.stringify(rule)}::jsonb)`,
    );
    ids.push(t!.id);
  }
  return ids;
}

/** Every target's maintained state against a full live evaluation. */
async function expectRollupsLive(targetIds: string[]) {
  for (const t of await listRollupTargets(db, null, targetIds)) {
    const ev = rollupEvaluation(t, TODAY)!;
    expect(t.builtKey).toBe(ev.key);
    expect(await listRollupCells(db, t.targetId)).toEqual(await liveRollupCells(db, ev.input));
    expect(await countStateDifferences(db, t.targetId, ev.input)).toBe(0);
    const live = await evaluateTargetFacts(db, { ...ev.input, behindLimit: 1000 });
    const stored = await rollupFacts(db, {
      targetId: t.targetId,
      key: ev.key,
      input: ev.input,
      behindLimit: 1000,
    });
    const figures = (f: typeof live) => ({
      population: f.population,
      due: f.due,
      achieved: f.achieved,
      numerator: f.numerator,
      denominator: f.denominator,
      byDistrict: f.byDistrict,
      byKind: f.byKind,
      behindCount: f.behindCount,
      listed: f.subjects.map((s) => s.subjectId).sort(),
    });
    expect(figures(stored!)).toEqual(figures(live));
  }
}

describe('rollups kept fresh on every write', () => {
  it('equal a full live evaluation after random writes, deletes, imports and reorganisations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb, { minLength: 4, maxLength: 10 }), async (actions) => {
        const { w, targetIds } = await db.transaction(async (tx) => {
          const world = await newWorld(tx);
          const ids = await planWithTargets(tx, world.P);
          await rebuildRollupsOf(tx, ids, TODAY);
          await refreshRollups(tx, TODAY);
          return { w: world, targetIds: ids };
        });
        // Reorganisations in date order, as the planner requires; records in any order.
        for (const a of actions)
          await db.transaction(async (tx) => {
            await apply(tx, w, a);
            await refreshRollups(tx, TODAY);
          });
        await expectRollupsLive(targetIds);
      }),
      { numRuns: 4, seed: 20261207 },
    );
    // PGlite on a loaded 2-core machine: four runs of ten transactions, each re-evaluating six targets.
  }, 240_000);

  it('the nightly rebuild finds a write that skipped its refresh, reports it and repairs it', async () => {
    const { w, targetIds } = await db.transaction(async (tx) => {
      const base = await baseProvince(tx);
      const ids = await planWithTargets(tx, base.P);
      await rebuildRollupsOf(tx, ids, TODAY);
      return { w: base, targetIds: ids };
    });
    // Written without refreshRollups (a tool writing straight to the database): a city-level DX workshop.
    await db.execute(
      sql`INSERT INTO event (province_id, organiser_unit_id, kind, level, title, held_on, is_dx)
          VALUES (${w.P}::uuid, ${w.dep}::uuid, 'workshop', 'city', 'Hội thảo', '2025-03-01', true)`,
    );
    const report = await rebuildAllRollups(db, TODAY, (work) => db.transaction(work));
    // đ (city-level DX workshops) of this province; other provinces' targets are not this test's.
    const mine = (r: typeof report) => r.differences.filter((d) => targetIds.includes(d.targetId));
    expect(mine(report).map((d) => d.targetId)).toEqual([targetIds[4]]);
    await expectRollupsLive(targetIds);
    const again = await rebuildAllRollups(db, TODAY, (work) => db.transaction(work));
    expect(mine(again)).toEqual([]);
    const [left] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM rollup_pending`);
    expect(Number(left!.n)).toBe(0);
  });
});
