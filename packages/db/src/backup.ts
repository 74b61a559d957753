import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/**
 * Backup and restore of the whole database: the application's tables, pg-boss's `pgboss` schema and the files
 * stored in it (bytea), in one consistent copy (docs/operations.md).
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot while the server runs) and `pg_restore --clean`.
 * - Embedded PGlite: its own data-directory dump (`dumpDataDir`, a gzipped tarball) and `loadDataDir`. The data
 *   directory belongs to one process at a time (packages/db/src/client.ts takes `<dir>.lock`): the server must be
 *   stopped first, and these functions refuse while it runs.
 */

export class DatabaseInUseError extends Error {}

/** Same lockfile convention as the server (client.ts): `<dataDir>.lock` holding the owner's pid. */
function holdDataDir(dataDir: string): () => void {
  const lockPath = `${resolve(dataDir)}.lock`;
  if (existsSync(lockPath)) {
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    let alive = false;
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (error) {
        alive = (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    }
    if (alive)
      throw new DatabaseInUseError(
        `Thư mục dữ liệu ${dataDir} đang được máy chủ (tiến trình ${pid}) sử dụng: dừng máy chủ trước khi sao lưu ` +
          `hoặc khôi phục (the embedded database is locked while the server runs; stop it first).`,
      );
  }
  mkdirSync(dirname(lockPath), { recursive: true });
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

const extensions = { unaccent, pg_trgm };

/** Writes the embedded database in `dataDir` to `file` (a .tar.gz). The server must be stopped. */
export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0)
    throw new Error(`Không có cơ sở dữ liệu trong ${dataDir}`);
  const release = holdDataDir(dataDir);
  try {
    const db = await PGlite.create({ dataDir, extensions });
    try {
      const dump = await db.dumpDataDir('gzip');
      mkdirSync(dirname(resolve(file)), { recursive: true });
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await db.close();
    }
  } finally {
    release();
  }
}

/**
 * Restores `file` (from backupEmbedded) into `dataDir`. An existing database there is kept aside as
 * `<dataDir>.before-restore-<time>` (returned), never deleted. The server must be stopped.
 */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  now = new Date(),
): Promise<string | null> {
  const release = holdDataDir(dataDir);
  try {
    let keptAside: string | null = null;
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      keptAside = `${resolve(dataDir)}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(dataDir, keptAside);
    }
    mkdirSync(dataDir, { recursive: true });
    const bytes = readFileSync(file);
    const db = await PGlite.create({
      dataDir,
      extensions,
      loadDataDir: new Blob([bytes], { type: 'application/x-gzip' }),
    });
    // A read proves the copy opens before the operator starts the server on it.
    await db.query('SELECT count(*) FROM app_user');
    await db.close();
    return keptAside;
  } finally {
    release();
  }
}

/** Dumps the PostgreSQL database at `url` to `file` (pg_dump's custom format, compressed). */
export function backupPostgres(url: string, file: string): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  execFileSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, url], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Restores `file` (from backupPostgres) into the database at `url`, replacing the objects it holds (--clean), in
 * one transaction: a failed restore leaves the database as it was.
 */
export function restorePostgres(file: string, url: string): void {
  execFileSync(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${url}`,
      file,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
}
