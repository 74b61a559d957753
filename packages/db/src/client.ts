import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Query, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A Drizzle database or transaction; every query function takes one. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** What `/api/health` reports about the database, answered without queueing behind a long statement. */
export type DatabaseHealth = {
  ok: boolean;
  /** Why the database is not usable (`ok: false`): the embedded worker died, a statement runs too long, no answer. */
  reason?: 'worker-dead' | 'statement-too-long' | 'no-answer' | 'error';
  message?: string;
  /** Age of the statement (or transaction) holding the embedded database's one connection, if any. */
  busyMs?: number;
  /** Time since the last statement that succeeded on the embedded database. */
  lastOkAgoMs?: number;
};

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * The node-postgres pool behind `db` (one connection on the embedded database), for an in-process job queue
   * (pg-boss) on the same database.
   */
  pool: pg.Pool;
  /** The connection string on PostgreSQL. */
  url?: string;
  /** The database's health, never waiting for a long statement to finish. */
  health(): Promise<DatabaseHealth>;
  close(): Promise<void>;
};

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** A health probe that takes longer than this answers "no answer". */
const HEALTH_PROBE_MS = 2_000;
/** One statement (or transaction) holding the embedded database longer than this makes the platform unhealthy. */
const DEFAULT_BUSY_LIMIT_MS = 60_000;

export type OpenOptions =
  /** PostgreSQL ≥ 15 at this URL. */
  | { url: string }
  /**
   * Embedded PGlite; `dataDir` undefined = in memory (tests). `busyLimitMs`: how long one statement may hold the
   * connection before health turns 503.
   */
  | { dataDir?: string; busyLimitMs?: number };

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
      options: `-c TimeZone=${TIME_ZONE} -c jit=off`,
    });
    // An idle connection the server drops (a restart, a failover, DROP DATABASE … FORCE after a test) surfaces as a
    // pool 'error' event, which crashes the process when nobody listens; the pool opens a new one on next use.
    pool.on('error', (error) => console.warn(`PostgreSQL: idle connection lost (${error.message})`));
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    await migrateNodePg(db as never, { migrationsFolder: MIGRATIONS });
    kinds.set(db, 'postgres');
    return {
      db,
      kind: 'postgres',
      pool,
      url: options.url,
      // Ten connections: a long statement holds one, the probe takes another (or says "no answer" in time).
      health: () => probe(pool),
      close: () => pool.end(),
    };
  }
  return openEmbedded(options.dataDir, options.busyLimitMs ?? DEFAULT_BUSY_LIMIT_MS);
}

/**
 * PGlite runs each statement synchronously inside WebAssembly: on the server's main thread one slow statement
 * stopped every HTTP request (issue 12). It therefore runs in a worker thread (`pglite-worker.mjs`) that serves it
 * over the PostgreSQL wire protocol on a unix socket, and this thread uses node-postgres exactly as on PostgreSQL
 * (same driver, same type parsing, same migrator). One pooled connection keeps PGlite's single-writer model:
 * statements and transactions queue in the pool, never interleave.
 */
async function openEmbedded(dataDir: string | undefined, busyLimitMs: number): Promise<DatabaseHandle> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  const socketDir = mkdtempSync(join(tmpdir(), 'dx-pglite-'));
  let worker: Worker | undefined;
  let pool: pg.Pool | undefined;
  const cleanUp = () => {
    rmSync(socketDir, { recursive: true, force: true });
    release();
  };
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const started = startWorker(dataDir, join(socketDir, '.s.PGSQL.5432'));
    worker = started.worker;
    await started.ready;
    const state = {
      closing: false,
      dead: null as Error | null,
      busySince: null as number | null,
      lastOkAt: 0,
    };
    worker.on('error', (error) => {
      state.dead ??= error;
    });
    worker.on('exit', (code) => {
      if (!state.closing) state.dead ??= new Error(`PGlite worker exited (code ${code})`);
    });
    pool = new pg.Pool({
      host: socketDir,
      port: 5432,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      // The one connection lives as long as the handle: reconnecting costs a PGlite session start-up.
      idleTimeoutMillis: 0,
      allowExitOnIdle: true,
      // DATE columns stay local calendar dates, as on PostgreSQL above (PGlite ignores start-up options).
      verify: (client, done) => {
        client.query(`SET TIME ZONE '${TIME_ZONE}'`).then(() => done(), done);
      },
    });
    const p = pool;
    p.on('error', (error) => {
      if (!state.closing) console.warn(`PGlite: connection lost (${error.message})`);
    });
    p.on('acquire', () => {
      state.busySince = Date.now();
    });
    p.on('release', (error) => {
      state.busySince = null;
      if (!error) state.lastOkAt = Date.now();
    });
    const db = drizzleNodePg(p, { schema }) as unknown as Db;
    await migrateNodePg(db as never, { migrationsFolder: MIGRATIONS });
    kinds.set(db, 'pglite');
    const w = worker;
    return {
      db,
      kind: 'pglite',
      pool: p,
      health: async () => {
        const now = Date.now();
        const lastOkAgoMs = state.lastOkAt ? now - state.lastOkAt : undefined;
        if (state.dead) return { ok: false, reason: 'worker-dead', message: state.dead.message, lastOkAgoMs };
        if (state.busySince !== null) {
          const busyMs = now - state.busySince;
          // Answered from the client's own state: a probe would queue behind the statement holding the connection.
          return busyMs > busyLimitMs
            ? { ok: false, reason: 'statement-too-long', busyMs, lastOkAgoMs }
            : { ok: true, busyMs, lastOkAgoMs };
        }
        const probed = await probeWhileIdle(p, () => state.busySince, busyLimitMs);
        return probed.ok && probed.busyMs === undefined
          ? { ...probed, lastOkAgoMs: 0 }
          : { ...probed, lastOkAgoMs };
      },
      close: async () => {
        state.closing = true;
        await p.end().catch(() => undefined);
        if (!state.dead) await stopWorker(w);
        cleanUp();
      },
    };
  } catch (error) {
    await pool?.end().catch(() => undefined);
    await worker?.terminate();
    cleanUp();
    throw error;
  }
}

function startWorker(dataDir: string | undefined, socketPath: string) {
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir, socketPath },
  });
  const ready = new Promise<void>((resolveReady, reject) => {
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === 'ready') done(null);
      else if (message.type === 'failed') done(new Error(`PGlite: ${message.message}`));
    };
    const onError = (error: Error) => done(error);
    const onExit = (code: number) => done(new Error(`PGlite worker exited while starting (code ${code})`));
    const done = (error: Error | null) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (error) reject(error);
      else resolveReady();
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
  return { worker, ready };
}

/** Asks the worker to close PGlite (flushing the data directory); terminates it if it does not answer in time. */
async function stopWorker(worker: Worker): Promise<void> {
  const closed = new Promise<void>((resolveClosed) => {
    worker.once('exit', () => resolveClosed());
    worker.on('message', (message: { type: string }) => {
      if (message.type === 'closed') resolveClosed();
    });
  });
  worker.postMessage({ type: 'close' });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => {
    timer = setTimeout(() => r('late'), 30_000);
  });
  if ((await Promise.race([closed, late])) === 'late') console.warn('PGlite: worker did not close in 30 s');
  clearTimeout(timer);
  await worker.terminate();
}

/** `SELECT 1` on `db` that gives up after a short wait rather than making the caller wait (`/api/health`). */
export function pingDatabase(db: Db): Promise<DatabaseHealth> {
  return probe({ query: (text) => db.execute(sql.raw(text)) });
}

/**
 * `SELECT 1` on the embedded database's one connection, for a health check that found it idle. Between that look and
 * the probe another statement may take the connection; the probe would then queue behind it (and a slow statement
 * would turn health into "no answer"). So while the probe waits for the connection, the connection's own state
 * answers as soon as someone else holds it — the same answer the caller gives when it finds the connection busy.
 */
async function probeWhileIdle(
  pool: pg.Pool,
  busySince: () => number | null,
  busyLimitMs: number,
): Promise<DatabaseHealth> {
  let acquired = false;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  const answer = (async (): Promise<DatabaseHealth> => {
    const client = await pool.connect();
    acquired = true;
    try {
      await client.query('SELECT 1');
      return { ok: true };
    } finally {
      client.release();
    }
  })().catch((error: Error): DatabaseHealth => ({ ok: false, reason: 'error', message: error.message }));
  const fromState = new Promise<DatabaseHealth>((resolve) => {
    poll = setInterval(() => {
      const since = busySince();
      if (acquired || since === null) return;
      const busyMs = Date.now() - since;
      resolve(
        busyMs > busyLimitMs ? { ok: false, reason: 'statement-too-long', busyMs } : { ok: true, busyMs },
      );
    }, 20);
    timer = setTimeout(() => resolve({ ok: false, reason: 'no-answer' }), HEALTH_PROBE_MS);
  });
  try {
    return await Promise.race([answer, fromState]);
  } finally {
    clearTimeout(timer);
    clearInterval(poll);
  }
}

/** `SELECT 1` that gives up after HEALTH_PROBE_MS rather than making the caller wait. */
async function probe(pool: { query(text: string): PromiseLike<unknown> }): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DatabaseHealth>((r) => {
    timer = setTimeout(() => r({ ok: false, reason: 'no-answer' }), HEALTH_PROBE_MS);
  });
  const answer = Promise.resolve(pool.query('SELECT 1')).then(
    (): DatabaseHealth => ({ ok: true }),
    (error: Error): DatabaseHealth => ({ ok: false, reason: 'error', message: error.message }),
  );
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

const kinds = new WeakMap<object, DatabaseHandle['kind']>();

/**
 * Gives the planner statistics after a bulk load (issue 12: without them one evaluation of plan 54 took 70 s on
 * PGlite). PGlite has no autovacuum, so nothing else ever runs ANALYZE there; on PostgreSQL autovacuum would get
 * to it later, VACUUM (ANALYZE) makes the new rows' plans right now. `db` is a handle's database, not a transaction
 * (neither statement runs inside one).
 */
export async function analyzeDatabase(db: Db): Promise<void> {
  await db.execute(kinds.get(db) === 'pglite' ? sql`ANALYZE` : sql`VACUUM (ANALYZE)`);
}

/** Raised when another process holds the PGlite data directory. */
export class DataDirLockedError extends Error {}

/**
 * PGlite takes no lock on its data directory and two processes writing it corrupt it (docs/design.md § Traps):
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

/**
 * Runs a statement already built to text and parameters (queries/statement-cache.ts cachedQuery) and returns its rows:
 * what `db.execute` does after building the text, on the same session (a transaction's, if `db` is one), with the same
 * driver settings.
 */
export async function queryBuilt<T>(db: Db, query: Readonly<Query>): Promise<T[]> {
  const prepared = db._.session.prepareQuery(query as Query, undefined, undefined, false);
  const result = (await prepared.execute()) as unknown as { rows: T[] };
  return result.rows;
}

/** Runs a raw SQL query and returns its rows on either driver (PGlite and node-postgres both expose `.rows`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
