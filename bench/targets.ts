/**
 * Benchmark of live target evaluation (docs/brief.md "Scale to plan for"): p50/p95 for evaluating every target of plan 54
 * with breakdowns and behind lists, at city scope (Hải Phòng) and country scope (34 provinces), on PostgreSQL and
 * on PGlite (city), and the ratio to running the same SQL statements directly on the driver.
 *
 *   npm run bench                      # city on PostgreSQL and PGlite, demo data on PGlite, country on PostgreSQL
 *   npm run bench -- --only=city-pg    # one of: city-pg, city-pglite, demo-pglite, country-pg, country-national
 *
 * country-national: only GET /api/national/overview (issue 13) over the country data, as a system administrator
 * (country-pg measures it too, after the rest).
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a scratch database
 * dx_bench_<scale>_<pid>_<time> is created and dropped (its own name: two runs never drop each other's).
 * demo-pglite: the data `npm run demo` makes, in a fresh PGlite data directory under the system temp dir, served over
 * real HTTP (issue 12 goals: every target of plan 54 p95 ≤ 200 ms; /api/health p99 ≤ 50 ms beside four evaluations).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planEvaluationOut } from '@dx/contracts';
import {
  analyzeDatabase,
  copyTargetRules,
  type Db,
  type EvaluationInput,
  evaluateTargetFacts,
  findPlanByCode,
  insertPlan,
  insertUser,
  listPlanTargetRules,
  loadPlan,
  openDatabase,
  queryRows,
  rebuildAllRollups,
  refreshRollups,
  replaceGrants,
  seedPlans,
  seedTargetDefinitions,
  seedUnits,
  targetEvaluationSql,
  targetTotalsSql,
  withRecordProvinces,
} from '@dx/db';
import {
  BEHIND_PREVIEW,
  copyPlanDocument,
  evaluationDates,
  localDateOf,
  planDocument,
  resolvePeriod,
  targetDefinition,
  trendCheckpoints,
} from '@dx/domain';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { bootstrap } from '../apps/server/src/bootstrap';
import { loadConfig } from '../apps/server/src/config/env';
import { hashPassword } from '../apps/server/src/lib/passwords';
import { generateCity, generateCountry } from './generate';

const URL_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Evaluate as on 15/10/2023: three quarters of the plan year have passed (statuses are judged mid-period).
const NOW = new Date('2023-10-15T03:00:00Z');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time(runs: number, fn: () => Promise<unknown>, warm = 3): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn(); // warm caches and plans
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

async function inputsFor(
  db: Db,
  provinceIds: string[] | null,
): Promise<{ planId: string; inputs: EvaluationInput[]; letters: string[] }> {
  const hp = (
    await queryRows<{ id: string }>(
      db,
      sql`SELECT v.unit_id AS id FROM org_unit_version v WHERE v.code = '31' AND v.parent_unit_id IS NULL`,
    )
  )[0]!.id;
  const planId = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
  const today = localDateOf(NOW);
  const targets = await listPlanTargetRules(db, planId);
  const inputs = targets.map((t) => {
    const definition = targetDefinition.parse({ ...t.rule, goal: t.goal });
    return {
      definition,
      ...evaluationDates({ definition, planYear: t.planYear, today }),
      provinceIds: provinceIds ?? null,
      // The dashboard carries the first BEHIND_PREVIEW of who is behind (the rest is paged): the same SQL as the API.
      behindLimit: BEHIND_PREVIEW,
    };
  });
  // As the evaluations run them (evaluateTargetFacts): the provinces whose records count resolved first.
  return {
    planId,
    inputs: await withRecordProvinces(db, inputs),
    letters: targets.map((t) => t.letter),
  };
}

type Raw = { query(text: string, params: unknown[]): Promise<unknown> };

async function measure(
  name: string,
  db: Db,
  raw: Raw,
  opts: { scope: 'city' | 'country'; runs: number; api: boolean },
) {
  const hp = (
    await queryRows<{ id: string }>(
      db,
      sql`SELECT unit_id AS id FROM org_unit_version WHERE code = '31' AND parent_unit_id IS NULL`,
    )
  )[0]!.id;
  const { planId, inputs, letters } = await inputsFor(db, opts.scope === 'city' ? [hp] : null);
  const dialect = new PgDialect();
  const statements = inputs.map((i) => dialect.sqlToQuery(targetEvaluationSql(i)));
  const bare = await time(opts.runs, () => Promise.all(statements.map((s) => raw.query(s.sql, s.params))));
  const lib = await time(opts.runs, () => Promise.all(inputs.map((i) => evaluateTargetFacts(db, i))));
  // Each target alone (sequential), to see where the time goes.
  const perTarget: string[] = [];
  for (const [i, st] of statements.entries()) {
    const one = await time(Math.min(opts.runs, 10), () => raw.query(st.sql, st.params));
    perTarget.push(`${letters[i]} ${ms(pct(one, 50))}`);
  }
  console.log(`\n${name} — all ${inputs.length} targets with breakdowns and behind lists`);
  console.log(`  bare SQL (driver)         p50 ${ms(pct(bare, 50))}  p95 ${ms(pct(bare, 95))}`);
  console.log(
    `  evaluateTargetFacts       p50 ${ms(pct(lib, 50))}  p95 ${ms(pct(lib, 95))}  ratio ${(pct(lib, 50) / pct(bare, 50)).toFixed(2)}×`,
  );
  console.log(`  each target alone (p50): ${perTarget.join(', ')}`);
  if (opts.api) {
    const config = {
      ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }),
      webDist: '/nonexistent',
    };
    const app = await buildApp({ db, config, clock: () => NOW });
    await app.ready();
    const user = await insertUser(db, {
      username: `bench${Date.now()}`,
      displayName: 'Bench',
      email: null,
      passwordHash: await hashPassword('bench-password-1'),
    });
    await replaceGrants(db, user.id, [{ role: 'dx_office', unitId: hp }]);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: 'bench-password-1' },
    });
    const cookie = `dx_session=${signIn.cookies.find((c) => c.name === 'dx_session')!.value}`;
    const api = await time(opts.runs, async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/plans/${planId}/targets/evaluation`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    console.log(
      `  GET …/targets/evaluation (the plan's province) p50 ${ms(pct(api, 50))}  p95 ${ms(pct(api, 95))}  ratio ${(pct(api, 50) / pct(bare, 50)).toFixed(2)}×`,
    );
    // What checking and serialising the answer against its contract costs (fastify-type-provider-zod parses every
    // response with its schema before JSON.stringify).
    const body = (
      await app.inject({ method: 'GET', url: `/api/plans/${planId}/targets/evaluation`, headers: { cookie } })
    ).json();
    const check = await time(opts.runs, async () => JSON.stringify(planEvaluationOut.parse(body)));
    const plain = await time(opts.runs, async () => JSON.stringify(body));
    console.log(
      `  its answer (${(JSON.stringify(body).length / 1024).toFixed(0)} KB): zod check + stringify p50 ${ms(pct(check, 50))}, stringify alone ${ms(pct(plain, 50))}`,
    );
    // The fixed cost of any signed-in request (session, user and grants in one statement), plus /me's own reads.
    const me = await time(opts.runs, async () => {
      const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    console.log(
      `  GET /api/auth/me (fixed cost of a signed-in request) p50 ${ms(pct(me, 50))}  p95 ${ms(pct(me, 95))}`,
    );
    const trend = await time(Math.min(opts.runs, 20), async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/plans/${planId}/targets/trend`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    console.log(
      `  GET …/targets/trend (every month end of every target, one statement) p50 ${ms(pct(trend, 50))}  p95 ${ms(pct(trend, 95))}`,
    );
    // Where the trend statement's time goes (issue 11: planning a standing-unit lookup per point dominated).
    const points: EvaluationInput[] = [];
    for (const t of await listPlanTargetRules(db, planId)) {
      const definition = targetDefinition.parse({ ...t.rule, goal: t.goal });
      for (const p of trendCheckpoints({ definition, planYear: t.planYear, today: localDateOf(NOW) }))
        points.push({
          definition,
          period: resolvePeriod(definition.period, t.planYear),
          asOf: p.asOf,
          windows: p.windows,
          until: p.until ?? undefined,
          provinceIds: [hp],
        });
    }
    const trendSql = targetTotalsSql(await withRecordProvinces(db, points));
    const planning: number[] = [];
    const execution: number[] = [];
    for (let i = 0; i < 12; i++) {
      const [row] = await queryRows<{
        'QUERY PLAN': { 'Planning Time': number; 'Execution Time': number }[];
      }>(db, sql`EXPLAIN (ANALYZE, SUMMARY, FORMAT JSON) ${trendSql}`);
      const plan = row!['QUERY PLAN'][0]!;
      if (i < 2) continue; // warm-up
      planning.push(plan['Planning Time']);
      execution.push(plan['Execution Time']);
    }
    console.log(
      `  trend statement (${points.length} points, EXPLAIN ANALYZE) p50 planning ${ms(pct(planning, 50))}  execution ${ms(pct(execution, 50))}`,
    );
    const a = inputs[0]!;
    const firstTarget = (await listPlanTargetRules(db, planId))[0]!.planTargetId;
    const page = await time(Math.min(opts.runs, 20), async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/plans/${planId}/targets/${firstTarget}/subjects?state=behind&offset=100&limit=50`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    console.log(
      `  GET …/targets/a/subjects (a page of who is behind, with evidence) p50 ${ms(pct(page, 50))}  p95 ${ms(pct(page, 95))} (population ${(await evaluateTargetFacts(db, a)).population})`,
    );
    // A new record is reflected on the next request (nothing stored, nothing to rebuild).
    const before = (
      await app.inject({ method: 'GET', url: `/api/plans/${planId}/targets/evaluation`, headers: { cookie } })
    ).json().targets[0];
    const behind = before.subjects[0].subjectId as string;
    await db.execute(sql`INSERT INTO unit_plan (province_id, unit_id, year, kind, document_number, document_date, status)
                         VALUES (${hp}, ${behind}, 2023, 'communication_plan', 'bench/KH', '2023-10-01', 'accepted')`);
    const after = (
      await app.inject({ method: 'GET', url: `/api/plans/${planId}/targets/evaluation`, headers: { cookie } })
    ).json().targets[0];
    console.log(
      `  new accepted plan → target a achieved ${before.achieved} → ${after.achieved} on the next request`,
    );
    await app.close();
  }
}

/**
 * GET /api/national/overview (issue 13) through the API with a national session (a system administrator): every
 * province in force, their plans of 2023 evaluated live one province after another.
 */
async function measureNational(db: Db, runs: number) {
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
  const app = await buildApp({ db, config, clock: () => NOW });
  await app.ready();
  try {
    const user = await insertUser(db, {
      username: `bench.national${Date.now()}`,
      displayName: 'Bench national',
      email: null,
      passwordHash: await hashPassword('bench-password-1'),
    });
    await replaceGrants(db, user.id, [{ role: 'administrator', unitId: null }]);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: 'bench-password-1' },
    });
    const cookie = `dx_session=${signIn.cookies.find((c) => c.name === 'dx_session')!.value}`;
    const csrf = signIn.json().csrfToken as string;
    const url = '/api/national/overview?year=2023&asOf=2023-10-15';
    const loadAverage = async () =>
      `load average ${(await import('node:os'))
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`;
    // The live overview takes seconds per request at country scale: a few runs say enough; the rollups' many.
    const run = async (what: string, n = runs, warm = 3) => {
      const first = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (first.statusCode !== 200) throw new Error(first.body);
      const body = first.json() as { provinces: { plans: { targets: unknown[] }[] }[] };
      const plans = body.provinces.reduce((n, p) => n + p.plans.length, 0);
      const targets = body.provinces.reduce(
        (n, p) => n + p.plans.reduce((m, x) => m + x.targets.length, 0),
        0,
      );
      const overview = await time(
        n,
        async () => {
          const res = await app.inject({ method: 'GET', url, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(res.body);
        },
        warm,
      );
      console.log(
        `  GET /api/national/overview ${what} (${body.provinces.length} provinces, ${plans} plans, ${targets} targets) p50 ${ms(pct(overview, 50))}  p95 ${ms(pct(overview, 95))}  (${n} runs; goal from the rollups p95 ≤ 100 ms; ${await loadAverage()})`,
      );
    };
    await run('as generated, live', 5, 1);
    // The generated provinces have records but no plan: each gets a copy of plan 54 with its rules (plain kind
    // filters, nothing province-specific), so the overview evaluates every province's targets.
    const hp = (
      await queryRows<{ id: string }>(
        db,
        sql`SELECT unit_id AS id FROM org_unit_version WHERE code = '31' AND parent_unit_id IS NULL`,
      )
    )[0]!.id;
    const source = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
    const bare = await queryRows<{ id: string }>(
      db,
      sql`SELECT DISTINCT v.unit_id AS id FROM org_unit_version v WHERE v.parent_unit_id IS NULL AND v.kind = 'province'
            AND NOT EXISTS (SELECT 1 FROM plan p WHERE p.province_id = v.unit_id)`,
    );
    // Stored directly (a copy through POST /api/plans is refused: plan 54 names Hải Phòng's units and groups): the
    // document without ids and unit references, and the same rules (plain kind filters, nothing province-specific).
    const stored = (await loadPlan(db, source))!.document;
    const document = planDocument.parse({
      ...JSON.parse(
        JSON.stringify(copyPlanDocument(stored, 2023, stored.title), (k, v) => (k === 'unitRefs' ? [] : v)),
      ),
      number: stored.number,
      date: stored.date,
    });
    for (const { id: provinceId } of bare) {
      const toPlanId = await insertPlan(db, { provinceId, document, createdBy: null });
      await copyTargetRules(db, { fromPlanId: source, toPlanId, updatedBy: null, transform: (r) => r });
    }
    await run('with plan 54 in every province, live', 3, 1);
    await measureRollups(db, async (what) => {
      await run(what, 100, 5);
      // One province's dashboard (every target of its plan with breakdowns and the first of who is behind), HTTP.
      const dashboard = `/api/plans/${source}/targets/evaluation`;
      const one = await time(100, async () => {
        const res = await app.inject({ method: 'GET', url: dashboard, headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(res.body);
      });
      console.log(
        `  GET …/targets/evaluation, one province's dashboard ${what} p50 ${ms(pct(one, 50))}  p95 ${ms(pct(one, 95))}  (goal p95 ≤ 15 ms; ${await loadAverage()})`,
      );
      // The floor on this machine now: a request that runs only the session statement.
      const floor = await time(100, async () => {
        const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
        if (res.statusCode !== 200) throw new Error(res.body);
      });
      console.log(
        `  GET /api/auth/me (the session statement alone: the floor under this load) p50 ${ms(pct(floor, 50))}  p95 ${ms(pct(floor, 95))}  (${await loadAverage()})`,
      );
      // A write through the API (its transaction refreshes the rollups) and the next read sees it (Plan 54 I.2.đ).
      const valueOfD = async () => {
        const res = await app.inject({ method: 'GET', url: dashboard, headers: { cookie } });
        const targets = res.json().targets as { code: string; value: number | null }[];
        return targets.find((x) => x.code.endsWith('đ'))!.value ?? 0;
      };
      const [organiser] = await queryRows<{ id: string }>(
        db,
        sql`SELECT v.unit_id AS id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
             WHERE u.province_id = ${hp}::uuid AND v.kind = 'district' AND v.valid_from IS NULL
               AND (v.valid_to IS NULL OR v.valid_to > DATE '2023-10-15') LIMIT 1`,
      );
      const before = await valueOfD();
      const writes: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t = performance.now();
        const res = await app.inject({
          method: 'POST',
          url: '/api/events',
          headers: { cookie, 'x-csrf-token': csrf },
          payload: {
            organiserUnitId: organiser!.id,
            title: `Hội thảo đo ${i}`,
            kind: 'workshop',
            level: 'city',
            heldOn: '2023-10-14',
          },
        });
        writes.push(performance.now() - t);
        if (res.statusCode !== 201) throw new Error(res.body);
      }
      const after = await valueOfD();
      console.log(
        `  POST /api/events (one workshop, its transaction refreshing the rollups) p50 ${ms(pct(writes, 50))}  p95 ${ms(pct(writes, 95))}; target đ ${before} → ${after} in the next read (${after === before + 10 ? 'visible' : 'NOT VISIBLE'})`,
      );
    });
  } finally {
    await app.close();
  }
}

/**
 * Issue 13's rollups over the country data: the full build (the nightly job), the overview answered from them, and
 * what maintenance adds to a single record write and to a 20,000-row import (one INSERT … SELECT, as an import's
 * confirmation stores its rows) — each beside the same write with the rollup triggers disabled and no refresh. Writes
 * run in a transaction that is rolled back, so every run sees the same data.
 */
async function measureRollups(db: Db, overview: (what: string) => Promise<void>) {
  const today = localDateOf(NOW);
  let t0 = performance.now();
  const report = await rebuildAllRollups(db, today, (work) => db.transaction(work));
  console.log(
    `  rollups built for ${report.targets} targets in ${((performance.now() - t0) / 1000).toFixed(1)} s (nightly rebuild, from nothing)`,
  );
  t0 = performance.now();
  const again = await rebuildAllRollups(db, today, (work) => db.transaction(work));
  console.log(
    `  nightly check of ${again.targets} targets already built: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${again.differences.length} differences`,
  );
  await overview('from the rollups');
  const [target] = await queryRows<{ province_id: string; channel_id: string; unit_id: string }>(
    db,
    sql`SELECT c.province_id, c.id AS channel_id, c.owner_unit_id AS unit_id FROM channel c
         WHERE c.has_dx_section ORDER BY c.id LIMIT 1`,
  );
  const insert = (rows: number) =>
    sql`INSERT INTO publication (province_id, channel_id, unit_id, title, published_on, format, is_dx)
        SELECT ${target!.province_id}::uuid, ${target!.channel_id}::uuid, ${target!.unit_id}::uuid, 'Tin đo ' || g,
               DATE '2023-01-01' + (g % 280), 'article', true FROM generate_series(1, ${rows}) g`;
  const triggers = ['ins', 'upd_old', 'upd_new', 'del'].map((t) => `publication_rollup_${t}`);
  // The time of the write (and its refresh) only; the transaction is then rolled back.
  const rolledBack = async (work: (tx: Db) => Promise<number>) => {
    let elapsed = 0;
    await db
      .transaction(async (tx) => {
        elapsed = await work(tx);
        throw new Error('rollback');
      })
      .catch((e: Error) => {
        if (e.message !== 'rollback') throw e;
      });
    return elapsed;
  };
  const cost = async (rows: number, runs: number, maintained: boolean) => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++)
      out.push(
        await rolledBack(async (tx) => {
          if (!maintained)
            for (const name of triggers)
              await tx.execute(sql.raw(`ALTER TABLE publication DISABLE TRIGGER ${name}`));
          const t = performance.now();
          await tx.execute(insert(rows));
          if (maintained) await refreshRollups(tx, today);
          return performance.now() - t;
        }),
      );
    return out;
  };
  for (const [rows, runs] of [
    [1, 30],
    [20_000, 3],
  ] as const) {
    const without = await cost(rows, runs, false);
    const withRollups = await cost(rows, runs, true);
    console.log(
      `  write of ${rows} publication(s) in one transaction: without rollups p50 ${ms(pct(without, 50))}, with their refresh p50 ${ms(pct(withRollups, 50))} (p95 ${ms(pct(without, 95))} / ${ms(pct(withRollups, 95))}; load average ${(
        await import('node:os')
      )
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')})`,
    );
  }
  const load = (await import('node:os')).loadavg().map((n) => n.toFixed(1));
  console.log(`  load average ${load.join(' ')}`);
}

async function counts(db: Db) {
  const rows = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*) FROM org_unit)::int AS units, (SELECT count(*) FROM org_unit_version WHERE kind = 'school')::int AS schools,
               (SELECT count(*) FROM org_unit_version WHERE kind = 'commune' AND (valid_to IS NULL OR valid_to > '2023-12-31'))::int AS communes,
               (SELECT count(*) FROM channel)::int AS channels, (SELECT count(*) FROM person)::int AS people,
               (SELECT count(*) FROM publication)::int AS publications, (SELECT count(*) FROM event)::int AS events`,
  );
  return JSON.stringify(rows[0]);
}

async function prepare(db: Db) {
  await seedUnits(db);
  await seedPlans(db);
  await seedTargetDefinitions(db);
}

async function onPostgres(scale: 'city' | 'country', nationalOnly = false) {
  const name = `dx_bench_${scale}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: URL_BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(URL_BASE);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  // Same session settings as the application's pool (packages/db/src/client.ts), so the comparison is fair.
  pool.on('error', () => undefined); // connections dropped by DROP DATABASE … FORCE at the end
  pool.on('connect', (c) => {
    c.query(`SET TIME ZONE 'Asia/Ho_Chi_Minh'`).catch(() => undefined);
    c.query('SET jit = off').catch(() => undefined);
  });
  try {
    const t0 = performance.now();
    await prepare(handle.db);
    if (scale === 'city') await generateCity(handle.db);
    else await generateCountry(handle.db, (s) => process.stdout.write(`\r  generating ${s}   `));
    await handle.db.execute(sql`ANALYZE`);
    console.log(
      `\nPostgreSQL ${scale}: generated in ${((performance.now() - t0) / 1000).toFixed(0)} s ${await counts(handle.db)}`,
    );
    if (nationalOnly) {
      await measureNational(handle.db, 20);
      return;
    }
    await measure(`PostgreSQL, ${scale} scope`, handle.db, pool, {
      scope: scale,
      runs: scale === 'city' ? 60 : 20,
      api: true,
    });
    if (scale === 'country')
      await measure('PostgreSQL, country data, city scope', handle.db, pool, {
        scope: 'city',
        runs: 40,
        api: false,
      });
    if (scale === 'country') await measureNational(handle.db, 20);
  } finally {
    await pool.end();
    await handle.close();
    // BENCH_KEEP_DB=1 keeps the scratch database to EXPLAIN on afterwards (drop it yourself).
    if (process.env.BENCH_KEEP_DB) console.log(`  kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite() {
  const handle = await openDatabase({});
  try {
    const t0 = performance.now();
    await prepare(handle.db);
    await generateCity(handle.db);
    await handle.db.execute(sql`ANALYZE`);
    console.log(
      `\nPGlite city: generated in ${((performance.now() - t0) / 1000).toFixed(0)} s ${await counts(handle.db)}`,
    );
    const client = (handle.db as unknown as { $client: Raw }).$client;
    await measure('PGlite, city scope', handle.db, client, { scope: 'city', runs: 30, api: true });
  } finally {
    await handle.close();
  }
}

/**
 * The embedded default as a newcomer runs it (issue 12): `npm run demo`'s data in a PGlite data directory, the
 * server listening on a real port. Every target of plan 54 through the API; then `/api/health` while four
 * evaluations are in flight at all times (PGlite runs in its worker thread: the main thread keeps answering).
 */
async function onDemoPglite() {
  const dir = mkdtempSync(join(tmpdir(), 'dx-bench-demo-'));
  const handle = await openDatabase({ dataDir: join(dir, 'pglite') });
  const config = { ...loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
  try {
    const t0 = performance.now();
    // What `npm run demo` does (bench/demo.ts): bootstrap, the city's demo activity, then planner statistics.
    await bootstrap(handle.db, { adminPassword: 'bench-admin-password-1' });
    await generateCity(handle.db);
    const ta = performance.now();
    await analyzeDatabase(handle.db);
    console.log(
      `\nPGlite demo data (data directory): loaded in ${((ta - t0) / 1000).toFixed(0)} s, ANALYZE ${((performance.now() - ta) / 1000).toFixed(1)} s ${await counts(handle.db)}`,
    );
    const hp = (
      await queryRows<{ id: string }>(
        handle.db,
        sql`SELECT unit_id AS id FROM org_unit_version WHERE code = '31' AND parent_unit_id IS NULL`,
      )
    )[0]!.id;
    const planId = (await findPlanByCode(handle.db, hp, '54/KH-UBND', 2023))!;
    const app = await buildApp({ db: handle.db, config, clock: () => NOW, health: handle.health });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      const user = await insertUser(handle.db, {
        username: `bench${Date.now()}`,
        displayName: 'Bench',
        email: null,
        passwordHash: await hashPassword('bench-password-1'),
      });
      await replaceGrants(handle.db, user.id, [{ role: 'dx_office', unitId: hp }]);
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: 'bench-password-1' }),
      });
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const get = async (path: string) => {
        const res = await fetch(`${base}${path}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      };
      const evaluation = `/api/plans/${planId}/targets/evaluation`;
      const all = await time(30, () => get(evaluation));
      console.log(
        `  GET …/targets/evaluation (all targets of plan 54, HTTP) p50 ${ms(pct(all, 50))}  p95 ${ms(pct(all, 95))}  (goal p95 ≤ 200 ms)`,
      );
      for (const [label, path] of [
        ['…/targets/trend', `/api/plans/${planId}/targets/trend`],
        ['/api/auth/me', '/api/auth/me'],
      ] as const) {
        const runs = await time(20, () => get(path));
        console.log(`  GET ${label} p50 ${ms(pct(runs, 50))}  p95 ${ms(pct(runs, 95))}`);
      }
      // Four evaluations in flight at all times while /api/health is asked 200 times, one after another.
      let running = true;
      let evaluations = 0;
      const load = Array.from({ length: 4 }, async () => {
        while (running) {
          await get(evaluation);
          evaluations++;
        }
      });
      await new Promise((r) => setTimeout(r, 200));
      const health: number[] = [];
      let busyAnswers = 0;
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        const res = await fetch(`${base}/api/health`);
        const body = (await res.json()) as { database: { busyMs?: number } };
        health.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`/api/health ${res.status}`);
        if (body.database.busyMs !== undefined) busyAnswers++;
        await new Promise((r) => setTimeout(r, 5));
      }
      running = false;
      await Promise.all(load);
      console.log(
        `  GET /api/health beside 4 running evaluations p50 ${ms(pct(health, 50))}  p99 ${ms(pct(health, 99))}  max ${ms(Math.max(...health))}  (goal p99 ≤ 50 ms; ${busyAnswers}/200 answered while a statement ran; ${evaluations} evaluations meanwhile)`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!only || only === 'city-pg') await onPostgres('city');
if (!only || only === 'city-pglite') await onPglite();
if (!only || only === 'demo-pglite') await onDemoPglite();
if (!only || only === 'country-pg') await onPostgres('country');
if (only === 'country-national') await onPostgres('country', true);
