import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../client';
import { createTestDatabase } from '../testing';
import { seedUnits } from './seed';

/** The data fix of migration 0017 (Hải Dương's renamed communes end with their province), replayed on a database
 * seeded the way installs before ab81ca4 were: those communes' 01/01/2025 versions left open. */
const FIX = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations/0017_consolidated_report_issued.sql'),
  'utf8',
)
  .split('--> statement-breakpoint')
  .at(-1)!;

describe('migration 0017: Hải Dương seed fix for existing installs', () => {
  let h: DatabaseHandle;
  let broken: string[];
  beforeAll(async () => {
    h = await createTestDatabase();
    await seedUnits(h.db);
    const rows = await queryRows<{ unit_id: string }>(
      h.db,
      sql`UPDATE org_unit_version v SET valid_to = NULL FROM org_unit u
          WHERE u.id = v.unit_id AND u.source = 'haiduong-2023.csv' AND v.valid_from = '2025-01-01'
          RETURNING v.unit_id`,
    );
    broken = rows.map((r) => r.unit_id);
  });
  afterAll(async () => h?.close());

  it('reproduces the old install: renamed communes outlive their province', async () => {
    expect(broken.length).toBeGreaterThan(0);
    const open = await queryRows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM org_unit_version WHERE valid_to IS NULL AND unit_id IN (
            SELECT id FROM org_unit WHERE source = 'haiduong-2023.csv')`,
    );
    expect(open[0]!.n).toBe(broken.length);
  });

  it('ends each of them on its succession date, audits it, and is idempotent', async () => {
    await h.db.execute(sql.raw(FIX));
    const rows = await queryRows<{ valid_to: string }>(
      h.db,
      sql`SELECT to_char(valid_to, 'YYYY-MM-DD') AS valid_to FROM org_unit_version
          WHERE valid_from = '2025-01-01' AND unit_id IN (SELECT id FROM org_unit WHERE source = 'haiduong-2023.csv')`,
    );
    expect(rows).toHaveLength(broken.length);
    expect(new Set(rows.map((r) => r.valid_to))).toEqual(new Set(['2025-07-01']));
    const audited = await queryRows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'org_unit.version_end_fixed'`,
    );
    expect(audited[0]!.n).toBe(broken.length);
    await h.db.execute(sql.raw(FIX));
    const again = await queryRows<{ n: number }>(
      h.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'org_unit.version_end_fixed'`,
    );
    expect(again[0]!.n).toBe(broken.length);
  });
});
