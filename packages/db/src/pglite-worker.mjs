// The embedded database's own thread (docs/architecture.md "embedded database"): PGlite runs its statements
// synchronously inside WebAssembly, so on the server's main thread one slow statement would stop every HTTP
// request. Here it runs in a worker_threads Worker and is served over the PostgreSQL wire protocol on a unix
// socket, so the main thread talks to it with node-postgres exactly as it talks to PostgreSQL.
// Plain .mjs so it loads the same under node, tsx and vitest (a worker does not inherit their TS loaders).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** @type {{ dataDir?: string; socketPath: string }} */
const { dataDir, socketPath } = workerData;

let db;
let server;
try {
  db = await PGlite.create({ dataDir, extensions: { unaccent, pg_trgm } });
  // Single writer: the main thread's pool holds one connection (packages/db/src/client.ts), and pglite-socket runs
  // one message at a time whatever the number of sockets. More than one socket is allowed because node-postgres's
  // pool drops a connection after an error and opens the next one at once, before the server has seen the old one
  // close; with a limit of one that new connection was refused ("Too many connections" → ECONNRESET).
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 8 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

parentPort.on('message', async (message) => {
  if (message?.type !== 'close') return;
  try {
    await server.stop();
    // Flushes the data directory; without it the last writes may be lost.
    await db.close();
    parentPort.postMessage({ type: 'closed' });
  } catch (error) {
    parentPort.postMessage({
      type: 'closed',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  parentPort.close();
});
