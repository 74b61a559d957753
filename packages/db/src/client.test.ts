import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { analyzeDatabase, openDatabase, queryRows } from './client';

/** The embedded database in its worker thread (issue 12), through node-postgres as on PostgreSQL. */
// Each test starts one or two PGlite workers (WebAssembly compile + initdb), slow on a loaded two-core machine.
describe('embedded PGlite in a worker thread', { timeout: 180_000 }, () => {
  it('keeps one connection: a transaction is never entered by another statement', async () => {
    const handle = await openDatabase({ busyLimitMs: 200 });
    try {
      const order: string[] = [];
      const tx = handle.db.transaction(async (t) => {
        await t.execute(sql`CREATE TEMP TABLE probe (n int)`);
        await t.execute(sql`SELECT pg_sleep(0.3)`);
        order.push('transaction');
        await t.execute(sql`INSERT INTO probe VALUES (1)`);
      });
      const outside = queryRows<{ tz: string }>(
        handle.db,
        sql`SELECT current_setting('TimeZone') AS tz`,
      ).then((rows) => {
        order.push('outside');
        return rows;
      });
      // Until the statement (here a transaction) has held the connection past the bound, health answers from state.
      await new Promise((r) => setTimeout(r, 250));
      expect(await handle.health()).toMatchObject({ ok: false, reason: 'statement-too-long' });
      await tx;
      expect(await outside).toEqual([{ tz: 'Asia/Ho_Chi_Minh' }]);
      expect(order).toEqual(['transaction', 'outside']);
      await analyzeDatabase(handle.db);
      expect(await handle.health()).toMatchObject({ ok: true });
      // node-postgres drops a connection after an error and opens the next at once: it must be accepted.
      for (let i = 0; i < 3; i++) {
        await expect(handle.db.execute(sql`SELECT 1 / 0`)).rejects.toThrow();
        expect(await queryRows(handle.db, sql`SELECT ${i}::int AS n`)).toEqual([{ n: i }]);
        expect(await queryRows(handle.db, sql`SELECT 2 AS n`)).toEqual([{ n: 2 }]);
      }
    } finally {
      await handle.close();
    }
  });

  it('persists a data directory across a close and reopen', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'dx-db-test-'));
    try {
      const first = await openDatabase({ dataDir: join(dir, 'data') });
      await first.db.execute(sql`CREATE TABLE kept (n int)`);
      await first.db.execute(sql`INSERT INTO kept VALUES (42)`);
      await first.close();
      const second = await openDatabase({ dataDir: join(dir, 'data') });
      try {
        expect(await queryRows(second.db, sql`SELECT n FROM kept`)).toEqual([{ n: 42 }]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
