import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DatabaseHandle,
  findPlanByCode,
  findProvinceByCode,
  insertReportPeriod,
  insertUser,
  openDatabase,
  queryRows,
  replaceGrants,
  replacePeriodUnits,
  seedPlans,
  seedProvinceSettings,
  seedReportingBodies,
  seedTargetDefinitions,
  seedUnits,
} from '@dx/db';
import {
  backupEmbedded,
  backupPostgres,
  DatabaseInUseError,
  restoreEmbedded,
  restorePostgres,
} from '@dx/db/backup';
import { createTestDatabase } from '@dx/db/testing';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config/env';
import { hashPassword } from '../lib/passwords';

/**
 * A restored copy is the same platform (docs/operations.md § Backup): the same plan 54 target evaluation, the same
 * consolidated report of a period, the same rows in every table of every schema and the same stored file bytes.
 * Runs on the database the suite runs on: PGlite's data-directory dump, or pg_dump/pg_restore on PostgreSQL.
 */
const NOW = new Date('2023-08-15T03:00:00Z');
const PASSWORD = 'mat-khau-sao-luu-2023';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Facts = { evaluation: unknown; consolidated: unknown; tables: unknown };

/** Every table of every schema (application and pg-boss alike): its row count, and its bytea columns' digest. */
async function tableFacts(handle: DatabaseHandle): Promise<Record<string, unknown>> {
  const tables = await queryRows<{ schema: string; name: string }>(
    handle.db,
    sql`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
  );
  const byteaColumns = await queryRows<{ schema: string; name: string; col: string }>(
    handle.db,
    sql`SELECT table_schema AS schema, table_name AS name, column_name AS col FROM information_schema.columns
        WHERE data_type = 'bytea' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3`,
  );
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    // The UNLOGGED queue of changed rows waiting for the rollups' refresh (migration 0022): a restore empties it, as a
    // crash would, and the start-up rebuild recomputes from the rows compared here what it would have refreshed.
    if (t.schema === 'public' && t.name === 'rollup_pending') continue;
    const [row] = await queryRows<{ n: string | number }>(
      handle.db,
      sql.raw(`SELECT count(*) AS n FROM "${t.schema}"."${t.name}"`),
    );
    out[`${t.schema}.${t.name}`] = Number(row!.n);
  }
  for (const c of byteaColumns) {
    const [row] = await queryRows<{ h: string | null }>(
      handle.db,
      sql.raw(
        `SELECT md5(string_agg(md5("${c.col}"), '' ORDER BY md5("${c.col}"))) AS h FROM "${c.schema}"."${c.name}"`,
      ),
    );
    out[`${c.schema}.${c.name}.${c.col}`] = row!.h;
  }
  return out;
}

async function facts(handle: DatabaseHandle, planId: string, periodId: string): Promise<Facts> {
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
  // Before signing in (which adds a session and an audit entry).
  const tables = await tableFacts(handle);
  const app = await buildApp({ db: handle.db, config, clock: () => NOW });
  try {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'sao.luu', password: PASSWORD },
      remoteAddress: `10.1.${Math.floor(Math.random() * 250)}.1`,
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const headers = { cookie: `dx_session=${signIn.cookies.find((c) => c.name === 'dx_session')!.value}` };
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const evaluation = await get(`/api/plans/${planId}/targets/evaluation`);
    const consolidated = await get(`/api/report-periods/${periodId}/consolidated`);
    return { evaluation, consolidated, tables };
  } finally {
    await app.close();
  }
}

/** Plan 54 with a commune's records (one with a stored file) and a reporting period the commune reports in. */
async function fill(handle: DatabaseHandle): Promise<{ planId: string; periodId: string }> {
  const db = handle.db;
  await seedUnits(db);
  await seedPlans(db);
  await seedTargetDefinitions(db);
  await seedReportingBodies(db);
  await seedProvinceSettings(db);
  const hp = (await findProvinceByCode(db, '31'))!;
  const user = await insertUser(db, {
    username: 'sao.luu',
    displayName: 'Quản trị sao lưu',
    email: null,
    passwordHash: await hashPassword(PASSWORD),
  });
  await replaceGrants(db, user.id, [{ role: 'administrator', unitId: null }]);
  const planId = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
  const app = await buildApp({ db, config, clock: () => NOW });
  try {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'sao.luu', password: PASSWORD },
    });
    const headers = {
      cookie: `dx_session=${signIn.cookies.find((c) => c.name === 'dx_session')!.value}`,
      'x-csrf-token': signIn.json().csrfToken,
    };
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url, payload, headers });
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    const commune = (
      await post('/api/reorganisations', {
        type: 'create',
        effectiveDate: '2023-01-01',
        unit: { name: 'Phường Sao Lưu', kind: 'commune', adminType: 'Phường', parentUnitId: hp },
      })
    ).createdUnitIds[0] as string;
    const channel = await post('/api/channels', {
      ownerUnitId: commune,
      kind: 'portal',
      name: 'Trang thông tin Phường Sao Lưu',
      hasDxSection: true,
    });
    await post(`/api/channels/${channel.id}/files`, {
      fileName: 'quyet-dinh.pdf',
      contentBase64: PDF.toString('base64'),
    });
    await post('/api/publications', {
      channelId: channel.id,
      title: 'Phường Sao Lưu triển khai thanh toán số',
      publishedOn: '2023-05-10',
      format: 'article',
    });
    const person = await post('/api/people', {
      unitId: commune,
      fullName: 'Nguyễn Thị Sao Lưu',
      role: 'grassroots_officer',
    });
    await post('/api/trainings', {
      organiserUnitId: commune,
      title: 'Tập huấn viết tin chuyển đổi số',
      heldOn: '2023-05-05',
      tags: ['dx_writing'],
      attendeeIds: [person.id],
    });
    const period = await insertReportPeriod(db, {
      planId,
      provinceId: hp,
      kind: 'quarter',
      label: 'Quý II/2023',
      periodFrom: '2023-04-01',
      periodTo: '2023-06-30',
      dueDate: '2023-07-15',
    });
    await replacePeriodUnits(db, period.id, hp, [{ unitId: commune, viaGroupId: null }]);
    return { planId, periodId: period.id };
  } finally {
    await app.close();
  }
}

describe.runIf(!process.env.DATABASE_URL)('backup and restore of the embedded database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dx-backup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a restored copy gives the same evaluation, consolidated report, rows and files; a running server is refused', async () => {
    const original = join(dir, 'original');
    const handle = await openDatabase({ dataDir: original });
    let ids: { planId: string; periodId: string };
    let before: Facts;
    try {
      ids = await fill(handle);
      before = await facts(handle, ids.planId, ids.periodId);
      // The copy holds what is there when it is made (the sign-in above included).
      before.tables = await tableFacts(handle);

      await expect(backupEmbedded(original, join(dir, 'refused.tar.gz'))).rejects.toThrow(DatabaseInUseError);
    } finally {
      await handle.close();
    }
    const file = join(dir, 'dx.pglite.tar.gz');
    await backupEmbedded(original, file);
    const restoredDir = join(dir, 'restored');
    expect(await restoreEmbedded(file, restoredDir)).toBeNull();
    const restored = await openDatabase({ dataDir: restoredDir });
    try {
      const after = await facts(restored, ids.planId, ids.periodId);
      expect(after).toEqual(before);
      expect((before.tables as Record<string, number>)['public.record_file']).toBe(1);
    } finally {
      await restored.close();
    }
    // Restoring over an existing database keeps the old one aside, never deletes it.
    const aside = await restoreEmbedded(file, restoredDir);
    expect(aside).toMatch(/restored\.before-restore-/);
  }, 240_000);
});

describe.runIf(!!process.env.DATABASE_URL)('backup and restore on PostgreSQL', () => {
  it('a restored copy gives the same evaluation, consolidated report, rows and files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dx-backup-'));
    const handle = await createTestDatabase();
    const name = `dx_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const adminUrl = process.env.DATABASE_URL!;
    const restoredUrl = new URL(adminUrl);
    restoredUrl.pathname = `/${name}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const ids = await fill(handle);
      const before = await facts(handle, ids.planId, ids.periodId);
      before.tables = await tableFacts(handle);
      const file = join(dir, 'dx.pgdump');
      backupPostgres(handle.url!, file);
      await admin.query(`CREATE DATABASE ${name}`);
      restorePostgres(file, restoredUrl.toString());
      const restored = await openDatabase({ url: restoredUrl.toString() });
      try {
        expect(await facts(restored, ids.planId, ids.periodId)).toEqual(before);
        expect((before.tables as Record<string, number>)['public.record_file']).toBe(1);
      } finally {
        await restored.close();
      }
    } finally {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
