/**
 * Benchmark of the consolidated report of a reporting period (issue 7: "generating the consolidated report for 300
 * units takes ≤ 2 s"): Hải Phòng at city scale (bench/generate.ts, deterministic), plan 54, Quý III/2023 with 300
 * units required to report (two thirds of them reported), 60 obstacles; p50/p95 of GET …/consolidated.docx and
 * .xlsx through the API (live evaluation + rendering), then the PDF (pdfmake) separately, and the summary JSON.
 *
 *   npm run bench:report                 # PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 *   npm run bench:report -- --pglite     # embedded PGlite instead
 */
import {
  type Db,
  findPlanByCode,
  insertObstacle,
  insertReportPeriod,
  insertUser,
  listPeriodReports,
  listPlanTargetRules,
  openDatabase,
  queryRows,
  replaceGrants,
  replacePeriodUnits,
  seedPlans,
  seedTargetDefinitions,
  seedUnits,
} from '@dx/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/env';
import { evaluateTarget } from '../apps/server/src/features/targets/evaluate-plan-targets';
import { hashPassword } from '../apps/server/src/lib/passwords';
import { generateCity } from './generate';

const URL_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Generated on 15/10/2023, two weeks after Quý III/2023 ended (the report's usual moment).
const NOW = new Date('2023-10-15T03:00:00Z');
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 20);
const UNITS = 300;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 2; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Hải Phòng 2023 at city scale, a Q3 period with 300 required units, reports and obstacles. */
async function prepare(db: Db) {
  await seedUnits(db);
  await seedPlans(db);
  await seedTargetDefinitions(db);
  const hp = await generateCity(db);
  const planId = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
  // 300 units that report: departments, districts, communes, mass organisations, press agencies (then schools, to make
  // up the number) in force at the period end.
  const units = await queryRows<{ id: string }>(
    db,
    sql`SELECT v.unit_id AS id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
         WHERE u.province_id = ${hp} AND v.unit_id <> ${hp}
           AND v.kind IN ('department','district','commune','mass_organisation','press_agency','school')
           AND (v.valid_from IS NULL OR v.valid_from <= '2023-09-30') AND (v.valid_to IS NULL OR v.valid_to > '2023-09-30')
         ORDER BY v.kind = 'school', v.kind, v.name LIMIT ${UNITS}`,
  );
  const period = await insertReportPeriod(db, {
    planId,
    provinceId: hp,
    kind: 'quarter',
    label: 'Quý III/2023',
    periodFrom: '2023-07-01',
    periodTo: '2023-09-30',
    dueDate: '2023-10-10',
  });
  await replacePeriodUnits(
    db,
    period.id,
    hp,
    units.map((u) => ({ unitId: u.id, viaGroupId: null })),
  );
  // Two thirds reported (every other of those accepted), the rest missing.
  await db.execute(sql`INSERT INTO unit_report (period_id, province_id, unit_id, status, first_submitted_at, submitted_at)
    SELECT ${period.id}, ${hp}, pu.unit_id, CASE WHEN row_number() OVER (ORDER BY pu.unit_id) % 2 = 0 THEN 'accepted' ELSE 'submitted' END,
           '2023-10-05T02:00:00Z', '2023-10-05T02:00:00Z'
      FROM report_period_unit pu WHERE pu.period_id = ${period.id}
     ORDER BY pu.unit_id LIMIT ${Math.round((UNITS * 2) / 3)}`);
  for (let i = 0; i < 60; i++)
    await insertObstacle(db, {
      provinceId: hp,
      unitId: units[i % units.length]!.id,
      kind: i % 2 ? 'proposal' : 'obstacle',
      title: `Khó khăn số ${i + 1} về kinh phí và nhân lực tuyên truyền`,
      description: 'Nội dung sinh tự động cho phép đo.',
      status: ['raised', 'forwarded', 'directed', 'resolved'][i % 4]!,
      ownerRole: ['dx_office', 'leadership', 'unit', null][i % 4]!,
      ownerUnitId: i % 4 === 2 ? units[i % units.length]!.id : null,
      direction: i % 4 >= 2 ? 'Giao đơn vị chủ động xử lý.' : null,
      answer: i % 4 === 3 ? 'Đã xử lý.' : null,
      dueDate: '2023-10-30',
      createdByName: 'bench',
      createdAt: new Date('2023-08-01T02:00:00Z'),
      updatedAt: new Date('2023-09-01T02:00:00Z'),
    });
  await db.execute(sql`ANALYZE`);
  return { hp, planId, periodId: period.id, units: units.length };
}

async function measure(name: string, db: Db) {
  const t0 = performance.now();
  const { hp, planId, periodId, units } = await prepare(db);
  const [c] = await queryRows<Record<string, number>>(
    db,
    sql`SELECT (SELECT count(*) FROM org_unit)::int AS units, (SELECT count(*) FROM channel)::int AS channels,
               (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM publication)::int AS publications`,
  );
  console.log(
    `\n${name}: generated in ${((performance.now() - t0) / 1000).toFixed(0)} s ${JSON.stringify(c)}`,
  );
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
  const app = await buildApp({ db, config, clock: () => NOW });
  await app.ready();
  try {
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
    const cookie = `dx_session=${signIn.cookies.find((k) => k.name === 'dx_session')!.value}`;
    const get = (suffix: string) => async () => {
      const res = await app.inject({
        method: 'GET',
        url: `/api/report-periods/${periodId}/consolidated${suffix}`,
        headers: { cookie },
      });
      if (res.statusCode !== 200) throw new Error(res.body.slice(0, 300));
      return res.rawPayload.length;
    };
    console.log(
      `  Quý III/2023, ${units} units required to report, ${RUNS} runs each (through the API, live):`,
    );
    for (const [label, suffix, runs] of [
      ['summary JSON', '', RUNS],
      ['DOCX (Báo cáo)', '.docx', RUNS],
      ['XLSX (annex)', '.xlsx', RUNS],
      ['PDF (pdfmake)', '.pdf', Math.max(5, Math.round(RUNS / 2))],
    ] as const) {
      const size = await get(suffix)();
      const xs = await time(runs, get(suffix));
      console.log(
        `  ${label.padEnd(16)} p50 ${ms(pct(xs, 50)).padStart(7)}  p95 ${ms(pct(xs, 95)).padStart(7)}  (${(size / 1024).toFixed(0)} KiB)${suffix === '.pdf' ? '' : pct(xs, 95) <= 2000 ? '  goal ≤ 2 s: met' : '  goal ≤ 2 s: MISSED'}`,
      );
    }
    // Where the time goes: the dashboard's evaluation of the 6 targets, and the per-unit one (every subject of the 300).
    const ctx = { db, now: NOW };
    const rules = await listPlanTargetRules(db, planId);
    const unitIds = (await listPeriodReports(db, periodId, '2023-09-30')).map((u) => u.unitId);
    const dash = await time(10, () =>
      Promise.all(rules.map((r) => evaluateTarget(ctx, r, { behindLimit: 0 }))),
    );
    const own = await time(10, () =>
      Promise.all(
        rules.map((r) => evaluateTarget(ctx, r, { ownerUnitIds: unitIds, behindLimit: 1_000_000 })),
      ),
    );
    console.log(
      `  of which: dashboard evaluation p50 ${ms(pct(dash, 50))}; per-unit evaluation p50 ${ms(pct(own, 50))}`,
    );
  } finally {
    await app.close();
  }
}

if (process.argv.includes('--pglite')) {
  const handle = await openDatabase({});
  try {
    await measure('PGlite, city', handle.db);
  } finally {
    await handle.close();
  }
} else {
  // Its own name, so two runs at once never drop each other's database (issue 12).
  const name = `dx_bench_report_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: URL_BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(URL_BASE);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  try {
    await measure('PostgreSQL, city', handle.db);
  } finally {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
