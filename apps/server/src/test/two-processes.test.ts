import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  type DatabaseHandle,
  findPlanByCode,
  findProvinceByCode,
  insertUser,
  listRollupTargets,
  queryRows,
  replaceGrants,
  rollupEvaluation,
  seedPlans,
  seedTargetDefinitions,
  seedUnits,
} from '@dx/db';
import { createTestDatabase } from '@dx/db/testing';
import { sql } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_REBUILD_JOB } from '../jobs/rollup-rebuild';
import { hashPassword } from '../lib/passwords';
import { TEST_PASSWORD } from './harness';

/** 15/10/2023 in Việt Nam: the clock both processes and their jobs run on. */
const INSTANT = '2023-10-15T03:00:00.000Z';
const TODAY = '2023-10-15';

type Server = { child: ChildProcess; base: string; logs: string[] };

/** Starts test/serve-process.ts (main.ts's composition: app + pg-boss jobs) on `url`; resolves once it listens. */
function startServer(url: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'serve-process.ts'), url, INSTANT],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: join(import.meta.dirname, '..', '..') },
  );
  const logs: string[] = [];
  const errors: string[] = [];
  child.stderr!.on('data', (d: Buffer) => errors.push(d.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith('LOG ')) logs.push(line.slice(4));
      const ready = /^READY (\d+)$/.exec(line);
      if (ready) resolve({ child, base: `http://127.0.0.1:${ready[1]}`, logs });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${errors.join('')}`)));
  });
}

const stop = (s: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!s || s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 250)))
    if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

const rebuilds = (servers: Server[]) =>
  servers.flatMap((s) => s.logs).filter((l) => l.startsWith('Rollup: dựng lại')).length;

/**
 * Several stateless server processes on one PostgreSQL (issue 13, docs/scaling.md § Several processes): two real
 * processes, each with its pg-boss workers, against one database. PostgreSQL only: PGlite is an embedded, single-process
 * database by design (a second process may not open its data directory: packages/db client.ts takes a lockfile), so
 * there is nothing to test there.
 */
describe.skipIf(!process.env.DATABASE_URL)('two server processes on one PostgreSQL', () => {
  let handle: DatabaseHandle;
  let a: Server;
  let b: Server;
  let planId: string;
  let organiser: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const db = handle.db;
    await seedUnits(db);
    await seedPlans(db);
    await seedTargetDefinitions(db);
    const hp = (await findProvinceByCode(db, '31'))!;
    planId = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
    [{ unit_id: organiser }] = (await queryRows<{ unit_id: string }>(
      db,
      sql`SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
           WHERE u.province_id = ${hp}::uuid AND v.kind = 'district' AND v.valid_from IS NULL ORDER BY v.code LIMIT 1`,
    )) as [{ unit_id: string }];
    const user = await insertUser(db, {
      username: 'hai.tien.trinh',
      displayName: 'Hai tiến trình',
      email: null,
      passwordHash: await hashPassword(TEST_PASSWORD),
    });
    await replaceGrants(db, user.id, [{ role: 'administrator', unitId: null }]);
    [a, b] = await Promise.all([startServer(handle.url!), startServer(handle.url!)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([stop(a), stop(b)]);
    await handle?.close();
  });

  it("runs each job once across both processes, with the jobs' clock as today", async () => {
    // Both processes sent the start-up rebuild (one singleton key) and scheduled the nightly one: it ran once.
    await until('the start-up rebuild', () => rebuilds([a, b]) >= 1);
    // Each process polls every second or two: had the second copy been queued, it would have run by now.
    await new Promise((r) => setTimeout(r, 5_000));
    expect(rebuilds([a, b])).toBe(1);
    // Today is the jobs' clock, not the machine's: every target is built for 15/10/2023's evaluation.
    const targets = await listRollupTargets(handle.db, null);
    expect(targets.length).toBeGreaterThanOrEqual(6);
    for (const t of targets) expect(t.builtKey).toBe(rollupEvaluation(t, TODAY)!.key);

    // One schedule for the nightly rebuild, however many processes scheduled it; a job sent now runs once.
    const boss = new PgBoss({ connectionString: handle.url!, supervise: false, schedule: false });
    await boss.start();
    try {
      expect((await boss.getSchedules()).filter((s) => s.name === ROLLUP_REBUILD_JOB.name)).toHaveLength(1);
      await boss.send(ROLLUP_REBUILD_JOB.name, {});
    } finally {
      await boss.stop({ graceful: false });
    }
    await until('the rebuild sent', () => rebuilds([a, b]) >= 2);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(rebuilds([a, b])).toBe(2);
  }, 120_000);

  it('a session signed in on one process is valid on the other; a write through one shows in the next read through the other', async () => {
    const signIn = await fetch(`${a.base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hai.tien.trinh', password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const me = await fetch(`${b.base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('hai.tien.trinh');

    // Plan 54 I.2.đ counts city-level DX workshops: one saved through A counts in B's very next answer.
    const workshops = async (s: Server) => {
      const res = await fetch(`${s.base}/api/plans/${planId}/targets/evaluation`, { headers: { cookie } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { targets: { code: string; value: number | null }[] };
      return body.targets.find((t) => t.code.endsWith('đ'))!.value ?? 0;
    };
    const before = await workshops(b);
    const saved = await fetch(`${a.base}/api/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        organiserUnitId: organiser,
        title: 'Hội thảo chuyển đổi số',
        kind: 'workshop',
        level: 'city',
        heldOn: '2023-10-14',
      }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    expect(await workshops(b)).toBe(before + 1);

    // Signed out through B: the session ends on A too.
    const out = await fetch(`${b.base}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: '{}',
    });
    expect(out.status).toBeLessThan(300);
    expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
  }, 60_000);
});
