import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../client';
import { standingUnit } from '../queries/as-of';
import { createTestDatabase } from '../testing';
import { parseCsv } from './csv';
import { REFORM_2025_07, seedUnits } from './seed';

/*
 * A commune split among several new ones on 01/07/2025 gives its records to one successor, the same on every
 * database (issue 11; seed.ts chooseRecordsSuccessor, migration 0028 for installs seeded before).
 */
const here = dirname(fileURLToPath(import.meta.url));
const MIGRATION = readFileSync(resolve(here, '../../migrations/0028_split_records_successor.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);
const merges = parseCsv(readFileSync(resolve(here, '../../data/units/haiphong-merges-2025-07.csv'), 'utf8'));

/** old code → new codes the mapping splits it into */
const splits = new Map<string, string[]>();
for (const m of merges.filter((r) => r.merge_type === 'partial'))
  splits.set(m.old_code!, [...(splits.get(m.old_code!) ?? []), m.new_code!]);
for (const [k, v] of splits) if (v.length < 2) splits.delete(k);

/** old code → the new code receiving its records, for every split predecessor */
const receiving = (h: DatabaseHandle) =>
  queryRows<{ old_code: string; new_code: string }>(
    h.db,
    sql`SELECT p.code AS old_code, n.code AS new_code FROM org_unit_succession s
          JOIN org_unit_version p ON p.unit_id = s.predecessor_unit_id AND p.valid_to = ${REFORM_2025_07}
          JOIN org_unit_version n ON n.unit_id = s.successor_unit_id AND n.valid_from = ${REFORM_2025_07}
         WHERE s.share = 'partial' AND s.effective_date = ${REFORM_2025_07} AND s.receives_records
         ORDER BY 1, 2`,
  ).then((rows) => rows.filter((r) => splits.has(r.old_code)).map((r) => `${r.old_code}>${r.new_code}`));

describe('a split commune’s records go to one successor', () => {
  let h: DatabaseHandle;
  let fresh: string[];
  beforeAll(async () => {
    h = await createTestDatabase();
    await seedUnits(h.db);
    fresh = await receiving(h);
  });
  afterAll(async () => h?.close());

  it('one per split commune: the successor carrying on its code, else the lowest code', async () => {
    const expected = [...splits]
      .map(([old, news]) => `${old}>${news.includes(old) ? old : [...news].sort()[0]}`)
      .sort();
    expect(fresh).toEqual(expected);
    // the rule answers that successor as of a day after the split
    const [one] = [...splits.keys()];
    const rows = await queryRows<{ code: string }>(
      h.db,
      sql`SELECT st.code FROM (${standingUnit(
        sql`(SELECT unit_id FROM org_unit_version WHERE code = ${one} AND valid_to = ${REFORM_2025_07} LIMIT 1)`,
        '2025-08-01',
      )}) st`,
    );
    expect(`${one}>${rows[0]?.code}`).toBe(expected.find((e) => e.startsWith(`${one}>`)));
  });

  it('migration 0028 makes the same choice for an install seeded before, audited, idempotent', async () => {
    await h.db.execute(
      sql`UPDATE org_unit_succession SET receives_records = true WHERE share = 'partial' AND effective_date = ${REFORM_2025_07}`,
    );
    expect((await receiving(h)).length).toBeGreaterThan(fresh.length);
    for (const statement of MIGRATION) await h.db.execute(sql.raw(statement));
    expect(await receiving(h)).toEqual(fresh);
    const audited = async () =>
      (
        await queryRows<{ n: number }>(
          h.db,
          sql`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'migration 0028'`,
        )
      )[0]!.n;
    const once = await audited();
    expect(once).toBeGreaterThan(0);
    for (const statement of MIGRATION) await h.db.execute(sql.raw(statement));
    expect(await receiving(h)).toEqual(fresh);
    expect(await audited()).toBe(once);
  });
});
