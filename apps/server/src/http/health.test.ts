import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness';

/**
 * Issue 12: one slow statement on the embedded database froze every request. `/api/health` answers while a slow
 * statement is still in flight (on PGlite from the client's own state, on PostgreSQL with its own connection).
 */
describe('/api/health beside a slow statement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 200 with the database state', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, database: { ok: true } });
  });

  it('answers while a slow statement is still running', async () => {
    const events: string[] = [];
    // Drizzle's execute is lazy: `.then` sends it.
    const slow = t.handle.db.execute(sql`SELECT pg_sleep(2)`).then(() => events.push('slow statement done'));
    await untilRunning(t);
    const res = await t.call(null, { method: 'GET', url: '/api/health' });
    events.push(`health ${res.statusCode}`);
    await slow;
    expect(events).toEqual(['health 200', 'slow statement done']);
    if (t.handle.kind === 'pglite') expect(res.json().database.busyMs).toEqual(expect.any(Number));
  });

  it('does not queue behind a statement that takes the connection just after health found it idle', async () => {
    if (t.handle.kind !== 'pglite') return; // PostgreSQL's probe has a connection of its own
    const events: string[] = [];
    // Sent in the same tick as the health check: the statement asks for the one connection first.
    const slow = t.handle.db.execute(sql`SELECT pg_sleep(2)`).then(() => events.push('slow statement done'));
    const health = await t.handle.health();
    events.push(`health ${health.ok}`);
    await slow;
    expect(events).toEqual(['health true', 'slow statement done']);
    expect(health.busyMs).toEqual(expect.any(Number));
  });
});

/** Waits until the slow statement holds a connection (PGlite: the client's state; PostgreSQL: pg_stat_activity). */
async function untilRunning(t: TestApp) {
  for (let i = 0; i < 200; i++) {
    const running =
      t.handle.kind === 'pglite'
        ? (await t.handle.health()).busyMs !== undefined
        : (
            await queryRows<{ n: number }>(
              t.handle.db,
              sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(2)%' AND state = 'active'`,
            )
          )[0]!.n > 0;
    if (running) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the slow statement never started');
}
