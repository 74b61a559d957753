import { evaluationDates, PLAN_54_TARGET_DEFINITIONS, targetDefinition, trendCheckpoints } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillProvince } from '../../../../bench/generate';
import { type DatabaseHandle, type Db, queryRows } from '../client';
import { findProvinceByCode, seedUnits } from '../seed/seed';
import { createTestDatabase } from '../testing';
import EXPECTED from './plan54-replaced-engine.expected.json';
import {
  type BreakdownRow,
  evaluateTargetCountsByUnit,
  evaluateTargetFacts,
  evaluateTargetTotals,
} from './targets';

/*
 * Plan 54's six targets in parts give what the special-purpose engine they replaced gave (issue 16: "a test compares
 * old and new for every target and breakdown before the old code is removed"). That engine (queries/targets-legacy.ts,
 * removed in b504fdb) was run once more beside the parts on this data, on PGlite and on PostgreSQL: all 37
 * comparisons of indicators-compare.test.ts (d873773) were identical — totals, both breakdowns, who is listed, the
 * subjects pages (as sets: pages are now ordered by Vietnamese collation), trend totals and per-unit counts — and what
 * it gave is fixed in plan54-replaced-engine.expected.json: every target in five scenarios with its breakdowns by
 * district (by name) and by unit kind, the 72 trend points of 2023 and the per-unit counts of 60 units.
 *
 * One figure is left out: target a for 2024's plans as of 01/08/2025. A plan of a unit split in 2025 counts for one
 * of its successors, and which one follows the units' ids, drawn at random by each fresh database (50 or 51 of 128).
 */

let handle: DatabaseHandle;
let db: Db;
let hp: string;
const SMALL = {
  schools: 120,
  channels: 80,
  people: 240,
  trainings: 6,
  models: 30,
  publications: 2400,
  events: 800,
};

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedUnits(db);
  hp = (await findProvinceByCode(db, '31'))!;
  await fillProvince(db, { provinceId: hp, tag: 'hp23', year: 2023, v: SMALL });
  await fillProvince(db, { provinceId: hp, tag: 'hp24', year: 2024, v: SMALL });
  await db.execute(sql`ANALYZE`);
});
afterAll(async () => {
  await handle?.close();
});

type Letter = keyof typeof PLAN_54_TARGET_DEFINITIONS;
type Scenario = {
  name: string;
  planYear: number;
  today: string;
  asOf?: string;
  until?: string;
  scope: 'province' | 'country';
  owners?: boolean;
};
const SCENARIOS: Scenario[] = [
  { name: '2023 mid-year, province scope', planYear: 2023, today: '2023-10-15', scope: 'province' },
  { name: '2023 after the year, every province', planYear: 2023, today: '2024-03-01', scope: 'country' },
  {
    name: '2023 as it stood on 30/06 (trend point)',
    planYear: 2023,
    today: '2024-03-01',
    until: '2023-06-30',
    scope: 'province',
  },
  {
    name: '2024 records as of 01/08/2025 (after the mergers)',
    planYear: 2024,
    today: '2026-01-01',
    asOf: '2025-08-01',
    scope: 'province',
  },
  {
    name: '2023, a few units’ own standing',
    planYear: 2023,
    today: '2023-12-01',
    scope: 'province',
    owners: true,
  },
];
const LETTERS = Object.keys(PLAN_54_TARGET_DEFINITIONS) as Letter[];
const expected = EXPECTED as Record<string, unknown>;
const parts = (letter: Letter, asOf: string | null = null) =>
  targetDefinition.parse({ ...PLAN_54_TARGET_DEFINITIONS[letter], asOf });
const rowsOf = (rows: BreakdownRow[], by: 'name' | 'key') =>
  rows
    .map((r) => [String(r[by]), r.population, r.due, r.achieved])
    .sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1));

/** Units picked by a hash of their code and name (the same on every database), among those holding records. */
async function someUnits(limit: number, withPeople: boolean): Promise<string[]> {
  const people = withPeople ? sql`UNION ALL SELECT unit_id FROM person` : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM (SELECT DISTINCT unit_id AS id FROM (
          SELECT owner_unit_id AS unit_id FROM channel ${people}
          UNION ALL SELECT organiser_unit_id FROM event UNION ALL SELECT unit_id FROM unit_plan) u) d
         ORDER BY md5((SELECT min(coalesce(v.code, '') || '|' || v.name) FROM org_unit_version v WHERE v.unit_id = d.id)), id
         LIMIT ${limit}`,
  );
  return rows.map((r) => r.id);
}

describe('plan 54 in parts gives what the replaced engine gave', () => {
  for (const sc of SCENARIOS)
    for (const letter of LETTERS) {
      const key = `${letter} | ${sc.name}`;
      if (!(key in expected)) continue; // left out above: which successor takes a split unit's plan
      it(`${letter}: ${sc.name}`, async () => {
        const definition = parts(letter, sc.asOf ?? null);
        const dates = evaluationDates({ definition, planYear: sc.planYear, today: sc.today });
        const f = await evaluateTargetFacts(db, {
          definition,
          ...dates,
          provinceIds: sc.scope === 'province' ? [hp] : null,
          ownerUnitIds: sc.owners ? await someUnits(40, true) : undefined,
          behindLimit: 100_000,
          until: sc.until,
        });
        expect({
          population: f.population,
          due: f.due,
          achieved: f.achieved,
          behind: f.behindCount,
          listed: f.subjects.length,
          byDistrict: rowsOf(f.byDistrict, 'name'),
          byKind: rowsOf(f.byKind, 'key'),
        }).toEqual(expected[key]);
      });
    }

  it('trend totals at every month end of 2023, and the per-unit counts, for all six', async () => {
    const today = '2024-01-15';
    const live = [];
    const inputs = [];
    for (const letter of LETTERS) {
      const definition = parts(letter);
      const dates = evaluationDates({ definition, planYear: 2023, today });
      live.push({ definition, ...dates, provinceIds: [hp] });
      for (const p of trendCheckpoints({ definition, planYear: 2023, today }))
        inputs.push({
          definition,
          ...dates,
          asOf: p.asOf,
          until: p.until ?? undefined,
          provinceIds: [hp],
          windows: p.windows,
        });
    }
    const totals = await evaluateTargetTotals(db, inputs);
    expect(totals.map((t) => [t.due, t.achieved])).toEqual(expected.trend);

    const counts = await evaluateTargetCountsByUnit(db, live, await someUnits(60, false));
    const names = new Map(
      (
        await queryRows<{ id: string; name: string }>(
          db,
          sql`SELECT DISTINCT ON (unit_id) unit_id AS id, coalesce(code, '') || '|' || name AS name
                FROM org_unit_version ORDER BY unit_id, valid_from DESC NULLS LAST`,
        )
      ).map((r) => [r.id, r.name]),
    );
    expect(
      counts.map((m) =>
        [...m]
          .map(([id, c]) => [names.get(id) ?? id, c.due, c.achieved])
          .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
      ),
    ).toEqual(expected.unitCountsByName);
  });
});
