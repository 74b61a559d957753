import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '@dx/domain';
import { type ReadPlanInput, readPlanDocument } from './read-plan-document';

/* Runs in a worker thread (read-in-worker.ts): the OCR repair and PDF parsing never hold the server's event loop. */
readPlanDocument(workerData as ReadPlanInput).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (err: unknown) =>
    parentPort!.postMessage(
      err instanceof AppError
        ? { ok: false, code: err.code, message: err.message, details: err.details }
        : { ok: false, code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
    ),
);
