/**
 * Benchmark of the general indicator engine (issue 16) on the bench's city data: plan 54's six targets as stored (in
 * parts) and the target texts of other plans (packages/domain/src/indicators/fixtures.ts), each evaluated with
 * breakdowns and behind lists through the dashboard's statement (p50/p95), and the trend's totals of plan 54 (every
 * month end of every target, one statement). The switch from the special-purpose engine was measured in
 * alternation with it before it was removed (docs in the commit "Targets run on the parts engine").
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
  INDICATOR_FIXTURES,
  localDateOf,
  targetDefinition,
  trendCheckpoints,
} from '@dx/domain';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
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
type Q = { sql: string; params: unknown[] };

async function time(raw: Raw, runs: number, qs: Q[]) {
  const all = () => Promise.all(qs.map((q) => raw.query(q.sql, q.params)));
  for (let i = 0; i < 3; i++) await all();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await all();
    out.push(performance.now() - t0);
  }
  return out;
}

async function measure(name: string, db: Db, raw: Raw, runs: number) {
  const hp = (
    await queryRows<{ id: string }>(
      db,
      sql`SELECT unit_id AS id FROM org_unit_version WHERE code = '31' AND parent_unit_id IS NULL`,
    )
  )[0]!.id;
  const planId = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
  const today = localDateOf(NOW);
  const targets = await listPlanTargetRules(db, planId);
  const input = (definition: ReturnType<typeof targetDefinition.parse>): EvaluationInput => ({
    definition,
    ...evaluationDates({ definition, planYear: 2023, today }),
    provinceIds: [hp],
    behindLimit: BEHIND_PREVIEW,
  });
  const plan54 = targets.map((t) => input(targetDefinition.parse({ ...t.rule, goal: t.goal })));
  const fixtures = INDICATOR_FIXTURES.map((f) => input(targetDefinition.parse(f.rule)));
  const trend = targets.flatMap((t) => {
    const definition = targetDefinition.parse({ ...t.rule, goal: t.goal });
    const dates = evaluationDates({ definition, planYear: 2023, today });
    return trendCheckpoints({ definition, planYear: 2023, today }).map((p) => ({
      definition,
      period: dates.period,
      asOf: p.asOf,
      windows: p.windows,
      until: p.until ?? undefined,
      provinceIds: [hp],
    }));
  });
  const dialect = new PgDialect();
  const q = (s: SQL) => dialect.sqlToQuery(s);
  const evalQ = (inputs: EvaluationInput[]) =>
    withRecordProvinces(db, inputs).then((r) => r.map((i) => q(targetEvaluationSql(i))));
  const a = await time(raw, runs, await evalQ(plan54));
  console.log(`\n${name}`);
  console.log(
    `  plan 54, all ${plan54.length} targets in parts          p50 ${ms(pct(a, 50))}  p95 ${ms(pct(a, 95))}`,
  );
  const t = await time(raw, Math.max(5, Math.round(runs / 3)), [
    q(targetTotalsSql(await withRecordProvinces(db, trend))),
  ]);
  console.log(
    `  plan 54 trend (${trend.length} points, one statement)  p50 ${ms(pct(t, 50))}  p95 ${ms(pct(t, 95))}`,
  );
  const f = await time(raw, runs, await evalQ(fixtures));
  console.log(
    `  ${fixtures.length} target texts of other plans        p50 ${ms(pct(f, 50))}  p95 ${ms(pct(f, 95))}`,
  );
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
