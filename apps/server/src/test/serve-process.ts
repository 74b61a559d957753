/**
 * One server process for the multi-process test (test/two-processes.test.ts): what main.ts composes — the database by
 * URL, the HTTP app, the pg-boss jobs — listening on a free port of 127.0.0.1, with the clock pinned (argv[3], an ISO
 * instant) for the app and the jobs alike, so the test can judge what the nightly rebuild computed. Prints
 * `READY <port>` once listening and each job log line as `LOG <line>`; stops cleanly on SIGTERM.
 *
 *   node --import tsx apps/server/src/test/serve-process.ts <postgres-url> <iso-instant>
 */
import { openDatabase } from '@dx/db';
import { buildApp } from '../app';
import { loadConfig } from '../config/env';
import { startJobs } from '../jobs/boss';

const [url, instant] = process.argv.slice(2);
if (!url || !instant) throw new Error('usage: serve-process.ts <postgres-url> <iso-instant>');
const clock = () => new Date(instant);
const handle = await openDatabase({ url });
const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
const app = await buildApp({ db: handle.db, config, clock, health: handle.health });
const boss = await startJobs(handle, (line) => console.log(`LOG ${line}`), {
  clock,
  pollingIntervalSeconds: 1,
});
await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`READY ${(app.server.address() as { port: number }).port}`);
process.once('SIGTERM', async () => {
  await boss.stop({ graceful: true, timeout: 5_000 }).catch(() => undefined);
  await app.close();
  await handle.close();
  process.exit(0);
});
