/**
 * End-to-end runner: starts the real server (PGlite in a temp dir, or DATABASE_URL) on a free port,
 * drives the built SPA with real Chromium (playwright-core), prints "e2e: N passed, N failed".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { type Ctx, specs } from './lib';
import './specs';
import './specs-budget';
import './specs-reports';
import './specs-obstacles';
import './specs-plan-imports';
import './specs-dx-day';
import './specs-unit-imports';
import './specs-as-of';

const root = resolve(import.meta.dirname, '..');
export const ADMIN_PASSWORD = 'e2e-admin-password-1234';

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

async function waitForHealth(base: string, server: ChildProcess, timeoutMs = 120_000) {
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

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'dx-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const shots = join(root, 'docs/screenshots');
  mkdirSync(shots, { recursive: true });
  let log = '';
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(work, 'data'),
      ADMIN_PASSWORD,
      // Every spec signs in several times from the same address; the limit itself is tested in auth.test.ts.
      SIGN_IN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
      TZ: 'Asia/Ho_Chi_Minh',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);

  let passed = 0;
  let failed = 0;
  try {
    await waitForHealth(base, server);
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      baseURL: base,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 860 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.setDefaultTimeout(15_000);
    const only = process.env.E2E_ONLY;
    try {
      for (const spec of specs) {
        if (only && !spec.name.includes(only)) continue;
        await context.clearCookies();
        const page = await context.newPage();
        await page.setViewportSize({ width: 1280, height: 860 });
        const ctx: Ctx = { page, context, base, shots, adminPassword: ADMIN_PASSWORD };
        const started = Date.now();
        try {
          await spec.fn(ctx);
          passed++;
          console.log(`  ✓ ${spec.name} (${Date.now() - started} ms)`);
        } catch (error) {
          failed++;
          console.log(
            `  ✗ ${spec.name}\n    ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').slice(0, 8).join('\n    ')}`,
          );
          await page
            .screenshot({ path: join(work, `failure-${passed + failed}.png`), fullPage: true })
            .catch(() => {});
          console.log(`    screenshot: ${join(work, `failure-${passed + failed}.png`)}`);
        } finally {
          await page.close();
        }
      }
    } finally {
      await context.close();
    }
  } catch (error) {
    failed++;
    console.log(`  ✗ setup: ${error instanceof Error ? error.message : String(error)}`);
    console.log(log.split('\n').slice(-30).join('\n'));
  } finally {
    stop();
    await new Promise<void>((r) => {
      if (server.exitCode !== null) return r();
      const kill = setTimeout(() => server.kill('SIGKILL'), 8000);
      server.once('exit', () => {
        clearTimeout(kill);
        r();
      });
    });
    if (failed === 0) rmSync(work, { recursive: true, force: true });
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
