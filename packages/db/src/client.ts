import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A Drizzle database or transaction; every query function takes one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** For an in-process job queue (pg-boss) on the same database: the PGlite instance, or the connection string. */
  pglite?: PGlite;
  url?: string;
  close(): Promise<void>;
};

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export type OpenOptions =
  /** PostgreSQL ≥ 15 at this URL. */
  | { url: string }
  /** Embedded PGlite; `dataDir` undefined = in memory (tests). */
  | { dataDir?: string };

/** Opens the database (PostgreSQL or embedded PGlite) and applies pending migrations. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      // Set at connection start-up, before any query can run on the connection:
      // - DATE columns stay local calendar dates (yyyy-mm-dd), never shifted through a JS Date;
      // - target evaluation (queries/targets.ts) runs in milliseconds, but its cost estimates pass jit_above_cost
      //   and JIT compilation then takes 1–2 s per statement; this workload never gains from JIT.
      options: '-c TimeZone=Asia/Ho_Chi_Minh -c jit=off',
    });
    // An idle connection the server drops (a restart, a failover, DROP DATABASE … FORCE after a test) surfaces as a
    // pool 'error' event, which crashes the process when nobody listens; the pool opens a new one on next use.
    pool.on('error', (error) => console.warn(`PostgreSQL: idle connection lost (${error.message})`));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    await migrateNodePg(db as never, { migrationsFolder: MIGRATIONS });
    return { db, kind: 'postgres', url: options.url, close: () => pool.end() };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = await PGlite.create({ dataDir: options.dataDir, extensions: { unaccent, pg_trgm } });
    await client.exec(`SET TIME ZONE 'Asia/Ho_Chi_Minh'`);
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
    return {
      db,
      kind: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Raised when another process holds the PGlite data directory. */
export class DataDirLockedError extends Error {}

/**
 * PGlite takes no lock on its data directory and two processes writing it corrupt it (ARCHITECTURE § Traps):
 * hold a lockfile with our pid; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${resolve(dataDir)}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(lockPath, { force: true });
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. Dừng tiến trình đó trước ` +
            `(the data directory is in use by process ${pid}; stop it first).`,
        );
      }
      rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(`Không lấy được khóa thư mục dữ liệu ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs a raw SQL query and returns its rows on either driver (PGlite and node-postgres both expose `.rows`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
