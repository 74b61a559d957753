import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '@dx/domain';
import type { ReadPlan, ReadPlanInput } from './read-plan-document';

/** Heap of one reading worker (MB) and the time it gets. */
const HEAP_MB = 256;
const TIMEOUT_MS = 60_000;

type Answer =
  | { ok: true; result: ReadPlan }
  | { ok: false; code: ErrorCode | 'INTERNAL'; message: string; details?: Record<string, unknown> };

/** Reads an uploaded plan document in a worker thread (see read-plan-document.ts); refusals come back as AppErrors. */
export function readPlanInWorker(input: ReadPlanInput): Promise<ReadPlan> {
  return new Promise<ReadPlan>((resolve, reject) => {
    const worker = new Worker(new URL('../../lib/worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./read-plan-worker.ts', import.meta.url).href, ...input },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (a: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (a.ok) resolve(a.result);
      else if (a.code === 'INTERNAL') reject(new Error(a.message));
      else reject(new AppError(a.code, a.message, a.details));
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          code: 'IMPORT.TOO_LARGE',
          message: `Đọc văn bản quá ${TIMEOUT_MS / 1000} giây; hãy tải lên văn bản ngắn hơn`,
        }),
      TIMEOUT_MS,
    );
    worker.once('message', (m: Answer) => finish(m));
    worker.once('error', (e) =>
      finish({
        ok: false,
        code: 'IMPORT.TOO_LARGE',
        message: `Văn bản cần quá nhiều bộ nhớ để đọc (${e.message})`,
      }),
    );
    worker.once('exit', (code) =>
      finish({ ok: false, code: 'INTERNAL', message: `worker exited with code ${code}` }),
    );
  });
}
