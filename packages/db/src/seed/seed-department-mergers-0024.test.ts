import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../client';
import { createTestDatabase } from '../testing';
import { DEPARTMENT_MERGERS_2025, seedUnits } from './seed';

/*
 * The city's merged departments begin on 01/03/2025 (issue 11; seed.ts DEPARTMENT_MERGERS_2025), the day the DX
 * office's agency changed in the province's settings; migration 0024 moves installs seeded with 01/07/2025.
 */
const here = dirname(fileURLToPath(import.meta.url));
const MIGRATION = readFileSync(resolve(here, '../../migrations/0024_department_mergers_2025_03.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean);

/** The departments' dates and successions, as text, for comparing two states of the same seed. */
const departmentDates = (h: DatabaseHandle) =>
  queryRows<{ line: string }>(
    h.db,
    sql`SELECT v.name || ' ' || coalesce(v.valid_from::text, '…') || '→' || coalesce(v.valid_to::text, '…') AS line
          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
         WHERE u.source = 'haiphong-agencies-2023.csv'
        UNION ALL
        SELECT p.name || ' ⇒ ' || n.name || ' ' || s.effective_date::text
          FROM org_unit_succession s
          JOIN org_unit_version p ON p.unit_id = s.predecessor_unit_id
          JOIN org_unit_version n ON n.unit_id = s.successor_unit_id
          JOIN org_unit u ON u.id = p.unit_id
         WHERE u.source = 'haiphong-agencies-2023.csv'
         ORDER BY 1`,
  ).then((rows) => rows.map((r) => r.line));

describe('the departments merged on 01/03/2025', () => {
  let h: DatabaseHandle;
  let fresh: string[];
  beforeAll(async () => {
    h = await createTestDatabase();
    await seedUnits(h.db);
    fresh = await departmentDates(h);
  });
  afterAll(async () => h?.close());

  it('a fresh seed ends Sở Thông tin và Truyền thông and begins Sở Khoa học và Công nghệ’s successor on that day', async () => {
    expect(DEPARTMENT_MERGERS_2025).toBe('2025-03-01');
    expect(fresh).toContain('Sở Thông tin và Truyền thông …→2025-03-01');
    expect(fresh).toContain('Sở Thông tin và Truyền thông ⇒ Sở Khoa học và Công nghệ 2025-03-01');
    // the press merger's own date is not in the sources: it stays where the agencies file first shows it
    expect(fresh.filter((l) => l.startsWith('Báo Hải Phòng ⇒'))).toEqual([
      'Báo Hải Phòng ⇒ Báo và Phát thanh, Truyền hình Hải Phòng 2025-07-01',
    ]);
  });

  it('migration 0024 moves an install seeded with 01/07/2025 to the fresh seed’s dates, audited, idempotent', async () => {
    // An install seeded before: the departments' merger dated 01/07/2025.
    await h.db.execute(sql`
      UPDATE org_unit_version v SET valid_to = '2025-07-01' FROM org_unit u
       WHERE u.id = v.unit_id AND u.source = 'haiphong-agencies-2023.csv' AND v.valid_to = '2025-03-01'`);
    await h.db.execute(sql`
      UPDATE org_unit_version v SET valid_from = '2025-07-01' FROM org_unit u
       WHERE u.id = v.unit_id AND u.source = 'haiphong-agencies-2023.csv' AND v.valid_from = '2025-03-01'`);
    await h.db.execute(
      sql`UPDATE org_unit_succession SET effective_date = '2025-07-01' WHERE effective_date = '2025-03-01'`,
    );
    expect(await departmentDates(h)).not.toEqual(fresh);

    for (const statement of MIGRATION) await h.db.execute(sql.raw(statement));
    expect(await departmentDates(h)).toEqual(fresh);
    const audited = async () =>
      (
        await queryRows<{ n: number }>(
          h.db,
          sql`SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'migration 0024'`,
        )
      )[0]!.n;
    const once = await audited();
    expect(once).toBeGreaterThan(0);
    for (const statement of MIGRATION) await h.db.execute(sql.raw(statement));
    expect(await departmentDates(h)).toEqual(fresh);
    expect(await audited()).toBe(once);
  });
});
