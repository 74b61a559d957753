import { parentPort, workerData } from 'node:worker_threads';
import { type ReadLimits, readCsv, readXlsx, TableFormatError, TableLimitError } from './xlsx-reader';

/*
 * Runs in a worker thread with its own heap limit (tabular.ts): a workbook that still manages to exhaust memory
 * kills this thread, never the server.
 */
const { bytes, fileName, limits } = workerData as { bytes: Uint8Array; fileName: string; limits: ReadLimits };

async function run() {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isZip = buf.length > 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  if (isZip) return readXlsx(buf, limits);
  if (!/\.(csv|txt)$/i.test(fileName)) throw new TableFormatError('Tệp không phải .xlsx hoặc .csv');
  return readCsv(buf, limits);
}

run().then(
  (table) => parentPort!.postMessage({ ok: true, table }),
  (err: unknown) =>
    parentPort!.postMessage({
      ok: false,
      kind: err instanceof TableLimitError ? 'limit' : err instanceof TableFormatError ? 'format' : 'crash',
      limit: err instanceof TableLimitError ? err.limit : undefined,
      message: err instanceof Error ? err.message : String(err),
    }),
);
