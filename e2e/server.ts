/**
 * The real server as the e2e runner and the first-load bench (bench/first-load.ts) start it: PGlite in a temporary
 * directory (or DATABASE_URL), a free port on 127.0.0.1, the built SPA (apps/web/dist) served beside the API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

export async function waitForHealth(base: string, server: ChildProcess, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('server did not become healthy in time');
}

export type RunningServer = {
  base: string;
  /** The temporary directory (data, browser profile, failure screenshots). */
  work: string;
  server: ChildProcess;
  /** Everything the server printed so far. */
  log: () => string;
  /** Stops the server (SIGTERM, SIGKILL after 8 s); removes the temporary directory when asked. */
  stop: (removeWork: boolean) => Promise<void>;
};

/** Spawns apps/server/src/main.ts on a free port with its data in a fresh temporary directory (not yet healthy). */
export async function spawnServer(prefix: string, env: Record<string, string>): Promise<RunningServer> {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(work, 'data'),
      LOG_LEVEL: 'warn',
      TZ: 'Asia/Ho_Chi_Minh',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const kill = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', kill);
  const stop = async (removeWork: boolean) => {
    kill();
    await new Promise<void>((r) => {
      if (server.exitCode !== null) return r();
      const hard = setTimeout(() => server.kill('SIGKILL'), 8000);
      server.once('exit', () => {
        clearTimeout(hard);
        r();
      });
    });
    if (removeWork) rmSync(work, { recursive: true, force: true });
  };
  return { base, work, server, log: () => log, stop };
}
