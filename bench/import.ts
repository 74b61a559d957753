/**
 * Benchmark of importing publications (issue 12 "Imports that scale"): a 100,000-row .xlsx sent as one multipart
 * upload through the API, dry run (read, check, stage) then confirm of the stage (one INSERT … SELECT per table),
 * rows/s of each printed next to a plain copy of the same rows into a bare copy of the table: COPY from a CSV file
 * on PostgreSQL; on PGlite (no server-side file to COPY from) INSERT … SELECT of the staged rows. Also the process's
 * RSS peak above idle while the file is read.
 *
 *   node --import tsx bench/import.ts [--rows=100000] [--db=postgres|pglite|both]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a scratch database
 * dx_bench_import_<pid>_<time> is created and dropped. COPY reads a CSV file the server can open (same machine).
 * PGlite: a scratch data directory under the system's temporary directory.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProvinceByCode, insertUser, openDatabase, queryRows, replaceGrants, seedUnits } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/env';
import { hashPassword } from '../apps/server/src/lib/passwords';

const URL_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.argv.find((a) => a.startsWith('--rows='))?.slice(7) ?? 100_000);
const DBS = (process.argv.find((a) => a.startsWith('--db='))?.slice(5) ?? 'both') as
  | 'postgres'
  | 'pglite'
  | 'both';
const NOW = new Date('2023-10-15T03:00:00Z');
const MB = 1024 * 1024;

function multipart(fileName: string, content: Buffer) {
  const boundary = `----dxbench${Date.now()}`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

async function main(kind: 'postgres' | 'pglite') {
  const name = `dx_bench_import_${process.pid}_${Date.now().toString(36)}`;
  const admin = kind === 'postgres' ? new pg.Client({ connectionString: URL_BASE }) : null;
  const url = new URL(URL_BASE);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'dx-bench-import-'));
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const handle = await openDatabase(admin ? { url: url.toString() } : { dataDir: join(dir, 'pglite') });
  try {
    const db = handle.db;
    await seedUnits(db);
    const hp = (await findProvinceByCode(db, '31'))!;
    const [haiAn] = await queryRows<{ unit_id: string }>(
      db,
      sql`SELECT unit_id FROM org_unit_version WHERE name = 'Quận Hải An' LIMIT 1`,
    );
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
    await replaceGrants(db, user.id, [{ role: 'unit_officer', unitId: haiAn!.unit_id }]);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: 'bench-password-1' },
    });
    const headers = {
      cookie: `dx_session=${signIn.cookies.find((c) => c.name === 'dx_session')!.value}`,
      'x-csrf-token': signIn.json().csrfToken as string,
    };
    const channel = await app.inject({
      method: 'POST',
      url: '/api/channels',
      headers,
      payload: {
        ownerUnitId: haiAn!.unit_id,
        kind: 'portal',
        name: 'Cổng TTĐT quận Hải An',
        hasDxSection: true,
      },
    });
    if (channel.statusCode !== 201) throw new Error(channel.body);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tin bài');
    ws.addRow([
      'Kênh',
      'Tiêu đề',
      'Đường dẫn',
      'Ngày đăng',
      'Hình thức',
      'Chủ đề',
      'Mô hình',
      'Lượt tiếp cận',
      'CĐS',
    ]);
    const csv: string[] = [];
    for (let i = 0; i < ROWS; i++) {
      const day = new Date(Date.UTC(2023, i % 12, 1 + (i % 28)));
      const title = `Tin chuyển đổi số số ${i}`;
      ws.addRow([
        'Cổng TTĐT quận Hải An',
        title,
        `https://haian.example.vn/tin/${i}`,
        day,
        'tin/bài',
        '',
        '',
        i % 5000,
        'có',
      ]);
      csv.push(
        [
          channel.json().id,
          haiAn!.unit_id,
          hp,
          title,
          `https://haian.example.vn/tin/${i}`,
          day.toISOString().slice(0, 10),
          'article',
          't',
          i % 5000,
          user.id,
        ].join(','),
      );
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    console.log(
      `import bench on ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}: ${ROWS.toLocaleString('en')} rows, .xlsx ${(file.length / MB).toFixed(1)} MB; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    global.gc?.();
    const idle = process.memoryUsage().rss;
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 25);
    let stageId: string | null = null;
    const report = (
      what: string,
      s: number,
      r: { total: number; valid: number; saved: number; issues: { row: number }[] },
    ) => {
      const reported = new Set(r.issues.map((i) => i.row)).size;
      console.log(
        `  ${what}: ${s.toFixed(2)} s, ${Math.round(ROWS / s).toLocaleString('en')} rows/s (total ${r.total}, valid ${r.valid}, saved ${r.saved}, rows reported ${reported}; unaccounted ${r.total - r.valid - reported})`,
      );
    };
    const dryRun = async () => {
      const body = multipart('tin-bai.xlsx', file);
      const t0 = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: `/api/imports/publications/file?provinceId=${hp}&confirm=false`,
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
      const s = (performance.now() - t0) / 1000;
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 500)}`);
      stageId = res.json().stageId;
      report('dry run (read, check, stage)', s, res.json());
    };
    const confirm = async () => {
      const t0 = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: '/api/imports/publications/confirm',
        headers,
        payload: { stageId },
      });
      const s = (performance.now() - t0) / 1000;
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 500)}`);
      report('confirm (INSERT … SELECT per table)', s, res.json());
    };
    await dryRun();
    await confirm();
    clearInterval(sampler);
    console.log(
      `  RSS: idle ${Math.round(idle / MB)} MB, peak ${Math.round(peak / MB)} MB (+${Math.round((peak - idle) / MB)} MB)`,
    );

    if (kind === 'postgres') {
      // Plain COPY of the same rows into a copy of the table (no checks, no links): the floor to compare with.
      const csvPath = join(dir, 'rows.csv');
      writeFileSync(csvPath, `${csv.join('\n')}\n`);
      chmodSync(dir, 0o755);
      chmodSync(csvPath, 0o644);
      const copy = new pg.Client({ connectionString: url.toString() });
      await copy.connect();
      await copy.query('CREATE TABLE publication_copy (LIKE publication INCLUDING DEFAULTS)');
      const t0 = performance.now();
      await copy.query(
        `COPY publication_copy (channel_id, unit_id, province_id, title, url, published_on, format, is_dx, reach, created_by) FROM '${csvPath}' WITH (FORMAT csv)`,
      );
      const s = (performance.now() - t0) / 1000;
      await copy.end();
      console.log(
        `  COPY of the same rows: ${s.toFixed(2)} s, ${Math.round(ROWS / s).toLocaleString('en')} rows/s`,
      );
    } else {
      // PGlite reads no server-side file: the floor is a bare INSERT … SELECT of the saved rows into a copy.
      await handle.db.execute(sql`CREATE TABLE publication_copy (LIKE publication INCLUDING DEFAULTS)`);
      const t0 = performance.now();
      await handle.db.execute(sql`INSERT INTO publication_copy SELECT * FROM publication`);
      const s = (performance.now() - t0) / 1000;
      console.log(
        `  plain INSERT … SELECT of the same rows (no COPY on PGlite): ${s.toFixed(2)} s, ${Math.round(ROWS / s).toLocaleString('en')} rows/s`,
      );
    }
    await app.close();
  } finally {
    await handle.close();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (DBS !== 'pglite') await main('postgres');
if (DBS !== 'postgres') await main('pglite');
