/**
 * Hostile JSON (issue 14): time to refuse an 8,000-level nested body before sign-in, and /api/health p50/p95 while
 * four senders post such bodies without pause. Embedded PGlite in memory; the server listens on a local port.
 *
 *   node --import tsx bench/hostile-json.ts
 */
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@dx/db';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config/env';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

const handle = await openDatabase({});
const config = { ...loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'error' }), webDist: '/nonexistent' };
const app = await buildApp({ db: handle.db, config });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const body = `${'{"a":'.repeat(8000)}1${'}'.repeat(8000)}`;
const post = (url: string) =>
  fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

const refuse: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  const res = await post('/api/auth/sign-in');
  await res.arrayBuffer();
  refuse.push(performance.now() - t0);
  if (res.status !== 400 && res.status !== 429) throw new Error(`unexpected ${res.status}`);
}

let stop = false;
let sent = 0;
const sender = async () => {
  while (!stop) {
    await (await post('/api/plans')).arrayBuffer();
    sent++;
  }
};
const senders = [sender(), sender(), sender(), sender()];
const health: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/health`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`health ${res.status}`);
  health.push(performance.now() - t0);
}
stop = true;
await Promise.all(senders);
console.log(
  `8,000-level body (${body.length} bytes) refused: p50 ${pct(refuse, 50).toFixed(1)} ms, p95 ${pct(refuse, 95).toFixed(1)} ms`,
);
console.log(
  `/api/health under 4 senders (${sent} hostile bodies sent): p50 ${pct(health, 50).toFixed(1)} ms, p95 ${pct(health, 95).toFixed(1)} ms, 200/200 answered`,
);
await app.close();
await handle.close();
