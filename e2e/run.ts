/**
 * End-to-end runner: starts the real server (PGlite in a temp dir, or DATABASE_URL) on a free port,
 * drives the built SPA with real Chromium (playwright-core), prints "e2e: N passed, N failed".
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { type Ctx, specs } from './lib';
import { CHROMIUM_ARGS, CHROMIUM_PATH, root, spawnServer, waitForHealth } from './server';
import './specs';
import './specs-budget';
import './specs-reports';
import './specs-obstacles';
import './specs-plan-imports';
import './specs-dx-day';
import './specs-unit-imports';
import './specs-as-of';
import './specs-national';
import './specs-province-settings';
import './specs-rules';
// Last: it adds a plan of 2023 that the plan choosers of the specs above must not meet first.
import './specs-data-items';

export const ADMIN_PASSWORD = 'e2e-admin-password-1234';

async function main() {
  const { base, work, server, log, stop } = await spawnServer('dx-e2e-', {
    ADMIN_PASSWORD,
    // Every spec signs in several times from the same address; the limit itself is tested in auth.test.ts.
    SIGN_IN_RATE_LIMIT: '1000',
  });
  const shots = join(root, 'docs/screenshots');
  mkdirSync(shots, { recursive: true });

  let passed = 0;
  let failed = 0;
  try {
    await waitForHealth(base, server);
    const context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      baseURL: base,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1280, height: 860 },
      args: CHROMIUM_ARGS,
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
    console.log(log().split('\n').slice(-30).join('\n'));
  } finally {
    await stop(failed === 0);
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

void main();
