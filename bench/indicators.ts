/**
 * Benchmark of the general indicator engine (issue 16) against the special-purpose target engine it replaced
 * (queries/targets-legacy.ts, kept for this comparison): plan 54's six targets evaluated with breakdowns and behind
 * lists, at city scope on the bench's city data, both engines' SQL run on the same driver in alternation (p50/p95),
 * and the trend's totals (every month end of every target, one statement). Goal: within 10% of the old engine.
 *
 *   node --import tsx bench/indicators.ts                  # PostgreSQL (BENCH_DATABASE_URL) and PGlite
 *   node --import tsx bench/indicators.ts --only=city-pg   # or city-pglite
 */
import {
  type Db,
  type EvaluationInput,
  findPlanByCode,
  listPlanTargetRules,
  openDatabase,
  queryRows,
  seedPlans,
  seedTargetDefinitions,
  seedUnits,
  targetEvaluationSql,
  targetTotalsSql,
  withRecordProvinces,
} from '@dx/db';
import {
  BEHIND_PREVIEW,
  evaluationDates,
  localDateOf,
  targetDefinition,
  trendCheckpoints,
  windowsDue,
} from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import {
  LEGACY_PLAN_54,
  type LegacyEvaluationInput,
  legacyTargetDefinition,
  legacyTargetEvaluationSql,
  legacyTargetTotalsSql,
  legacyWithRecordProvinces,
} from '../packages/db/src/queries/targets-legacy';
import { generateCity } from './generate';

const URL_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// As bench/targets.ts: 15/10/2023, three quarters of the plan year have passed.
const NOW = new Date('2023-10-15T03:00:00Z');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

type Raw = { query(text: string, params: unknown[]): Promise<unknown> };

async function inputs(db: Db) {
  const hp = (
    await queryRows<{ id: string }>(
      db,
      sql`SELECT unit_id AS id FROM org_unit_version WHERE code = '31' AND parent_unit_id IS NULL`,
    )
  )[0]!.id;
  const planId = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
  const today = localDateOf(NOW);
  const targets = await listPlanTargetRules(db, planId);
  const now: EvaluationInput[] = [];
  const old: LegacyEvaluationInput[] = [];
  const trendNow: EvaluationInput[] = [];
  const trendOld: LegacyEvaluationInput[] = [];
  for (const t of targets) {
    const definition = targetDefinition.parse({ ...t.rule, goal: t.goal });
    const legacy = legacyTargetDefinition.parse(LEGACY_PLAN_54[t.letter as keyof typeof LEGACY_PLAN_54]);
    const dates = evaluationDates({ definition, planYear: t.planYear, today });
    const common = { ...dates, provinceIds: [hp], behindLimit: BEHIND_PREVIEW };
    now.push({ definition, ...common });
    old.push({ definition: legacy, ...common, quarters: windowsDue(dates.period, 'quarter', today) });
    for (const p of trendCheckpoints({ definition, planYear: t.planYear, today })) {
      const at = { period: dates.period, asOf: p.asOf, until: p.until ?? undefined, provinceIds: [hp] };
      trendNow.push({ definition, ...at, windows: p.windows });
      trendOld.push({
        definition: legacy,
        ...at,
        quarters: p.windows.length ? p.windows : windowsDue(dates.period, 'quarter', p.until ?? today),
      });
    }
  }
  return {
    old: await legacyWithRecordProvinces(db, old),
    now: await withRecordProvinces(db, now),
    trendOld: await legacyWithRecordProvinces(db, trendOld),
    trendNow: await withRecordProvinces(db, trendNow),
    letters: targets.map((t) => t.letter),
  };
}

async function alternate(raw: Raw, runs: number, oldQ: Q[], newQ: Q[]) {
  const all = (qs: Q[]) => Promise.all(qs.map((q) => raw.query(q.sql, q.params)));
  for (let i = 0; i < 3; i++) {
    await all(oldQ);
    await all(newQ);
  }
  const a: number[] = [];
  const b: number[] = [];
  // Alternate, so both engines see the same machine load.
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await all(oldQ);
    a.push(performance.now() - t0);
    t0 = performance.now();
    await all(newQ);
    b.push(performance.now() - t0);
  }
  return { a, b };
}

type Q = { sql: string; params: unknown[] };

async function measure(name: string, db: Db, raw: Raw, runs: number) {
  const { old, now, trendOld, trendNow, letters } = await inputs(db);
  const dialect = new PgDialect();
  const q = (s: SQL) => dialect.sqlToQuery(s);
  const oldQ = old.map((i) => q(legacyTargetEvaluationSql(i)));
  const newQ = now.map((i) => q(targetEvaluationSql(i)));
  const { a, b } = await alternate(raw, runs, oldQ, newQ);
  console.log(`\n${name} — plan 54's ${old.length} targets with breakdowns and behind lists (${runs} runs)`);
  console.log(`  old engine (queries/targets-legacy.ts)    p50 ${ms(pct(a, 50))}  p95 ${ms(pct(a, 95))}`);
  console.log(
    `  parts engine (queries/targets.ts)         p50 ${ms(pct(b, 50))}  p95 ${ms(pct(b, 95))}  ratio p50 ${(pct(b, 50) / pct(a, 50)).toFixed(2)}× p95 ${(pct(b, 95) / pct(a, 95)).toFixed(2)}×`,
  );
  const trend = await alternate(
    raw,
    Math.max(5, Math.round(runs / 3)),
    [q(legacyTargetTotalsSql(trendOld))],
    [q(targetTotalsSql(trendNow))],
  );
  console.log(
    `  trend totals (${trendNow.length} points, one statement) old p50 ${ms(pct(trend.a, 50))} → new p50 ${ms(pct(trend.b, 50))}  ratio ${(pct(trend.b, 50) / pct(trend.a, 50)).toFixed(2)}×`,
  );
  const per: string[] = [];
  for (const [i, letter] of letters.entries()) {
    const one = await alternate(raw, Math.min(runs, 15), [oldQ[i]!], [newQ[i]!]);
    per.push(`${letter} ${ms(pct(one.a, 50))} → ${ms(pct(one.b, 50))}`);
  }
  console.log(`  each target alone, old → new (p50): ${per.join(', ')}`);
}

async function prepare(db: Db) {
  await seedUnits(db);
  await seedPlans(db);
  await seedTargetDefinitions(db);
  await generateCity(db);
  await db.execute(sql`ANALYZE`);
}

async function onPostgres() {
  const name = 'dx_bench_indicators_city';
  const admin = new pg.Client({ connectionString: URL_BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(URL_BASE);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on('error', () => undefined);
  pool.on('connect', (c) => {
    c.query(`SET TIME ZONE 'Asia/Ho_Chi_Minh'`).catch(() => undefined);
    c.query('SET jit = off').catch(() => undefined);
  });
  try {
    await prepare(handle.db);
    await measure('PostgreSQL, city scope', handle.db, pool, 60);
  } finally {
    await pool.end();
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function onPglite() {
  const handle = await openDatabase({});
  try {
    await prepare(handle.db);
    const client = (handle.db as unknown as { $client: Raw }).$client;
    await measure('PGlite, city scope', handle.db, client, 30);
  } finally {
    await handle.close();
  }
}

if (!only || only === 'city-pg') await onPostgres();
if (!only || only === 'city-pglite') await onPglite();
