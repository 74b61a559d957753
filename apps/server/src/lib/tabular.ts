import { Worker } from 'node:worker_threads';
import { AppError, said } from '@dx/domain';
import { DEFAULT_READ_LIMITS, type ReadLimits, type Table } from './xlsx-reader';

export type { Table } from './xlsx-reader';

/*
 * Imported workbooks are read within bounds (issue 14): the zip's declared sizes are checked
 * before inflating and again while inflating, rows are streamed and reading stops at the row limit, and the
 * parsing runs in a worker thread with its own heap limit, so a hostile file can kill only that worker. Imports
 * are capped per user and overall, so a handful of uploads cannot take both cores.
 */

/** Imports read at the same time, overall and per user (the machine has few cores; each worker ≤ HEAP_MB). */
export const IMPORT_CONCURRENCY = { overall: 2, perUser: 1 };
/** Heap of one reading worker (MB). */
const HEAP_MB = 192;
/** A worker that has not answered by then is stopped. */
const TIMEOUT_MS = 60_000;

let running = 0;
const runningByUser = new Map<string, number>();

/** Takes a reading slot for `userId`, or refuses with 429 when the user's or the server's slots are taken. */
function acquire(userId: string): () => void {
  const mine = runningByUser.get(userId) ?? 0;
  if (mine >= IMPORT_CONCURRENCY.perUser)
    throw new AppError(
      'IMPORT.BUSY',
      said('import.busyUser', { running: mine, max: IMPORT_CONCURRENCY.perUser }),
    );
  if (running >= IMPORT_CONCURRENCY.overall)
    throw new AppError(
      'IMPORT.BUSY',
      said('import.busyServer', { running, max: IMPORT_CONCURRENCY.overall }),
    );
  running++;
  runningByUser.set(userId, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    const left = (runningByUser.get(userId) ?? 1) - 1;
    if (left <= 0) runningByUser.delete(userId);
    else runningByUser.set(userId, left);
  };
}

type WorkerAnswer =
  | { ok: true; table: Table }
  | { ok: false; kind: 'limit' | 'format' | 'crash'; limit?: string; message: string };

/** Parses in a worker thread; resolves with its answer, or a crash when the worker dies or runs too long. */
function parseInWorker(bytes: Buffer, fileName: string, limits: ReadLimits): Promise<WorkerAnswer> {
  const copy = new Uint8Array(bytes);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: {
        entry: new URL('./tabular-worker.ts', import.meta.url).href,
        bytes: copy,
        fileName,
        limits,
      },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (a: WorkerAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(a);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          kind: 'limit',
          limit: 'time',
          message: `Đọc tệp quá ${TIMEOUT_MS / 1000} giây; chia thành nhiều tệp nhỏ hơn`,
        }),
      TIMEOUT_MS,
    );
    worker.once('message', (m: WorkerAnswer) => finish(m));
    worker.once('error', (e) => finish({ ok: false, kind: 'crash', message: e.message }));
    worker.once('exit', (code) =>
      finish({ ok: false, kind: 'crash', message: `worker exited with code ${code}` }),
    );
  });
}

/**
 * Reads the first sheet of an .xlsx, or a .csv (UTF-8), within `limits` (at most `maxRows` data rows). Refusals
 * name the limit reached: 413 `IMPORT.TOO_LARGE`; an unreadable file 400 `IMPORT.INVALID_FILE`; too many imports
 * at once 429 `IMPORT.BUSY`.
 */
export async function readTable(
  bytes: Buffer,
  fileName: string,
  o: { userId: string; maxRows: number; limits?: Partial<ReadLimits> },
): Promise<Table> {
  const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, ...o.limits, maxRows: o.maxRows };
  const release = acquire(o.userId);
  try {
    const answer = await parseInWorker(bytes, fileName, limits);
    if (answer.ok) return answer.table;
    if (answer.kind === 'limit')
      throw new AppError('IMPORT.TOO_LARGE', answer.message, { limit: answer.limit });
    if (answer.kind === 'format')
      throw new AppError('IMPORT.INVALID_FILE', `Tệp không đọc được: ${answer.message}`);
    // The worker ran out of memory or died: the file asked for more than a workbook of this size may.
    throw new AppError('IMPORT.TOO_LARGE', said('import.tooMuchMemory', { mb: HEAP_MB }), {
      limit: 'memory',
    });
  } finally {
    release();
  }
}
