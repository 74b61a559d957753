import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/* What every spec file shares: the registry, assertions, screenshots, sign-in, axe. */

export type Ctx = { page: Page; context: BrowserContext; base: string; shots: string; adminPassword: string };
export type Spec = { name: string; fn: (ctx: Ctx) => Promise<void> };

export const specs: Spec[] = [];
export const test = (name: string, fn: Spec['fn']) => specs.push({ name, fn });

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
export const visible = (l: Locator) => l.first().waitFor({ state: 'visible' });
export const shot = (ctx: Ctx, name: string, fullPage = false) =>
  ctx.page.screenshot({ path: join(ctx.shots, `${name}.png`), fullPage });

/** Signs in through the API (cookies are shared with the browser context). */
export async function signInApi(ctx: Ctx, username = 'admin', password = ctx.adminPassword) {
  const r = await ctx.context.request.post(`${ctx.base}/api/auth/sign-in`, { data: { username, password } });
  assert(r.ok(), `sign-in failed: ${r.status()} ${await r.text()}`);
}

/** No axe violations of impact serious or critical. */
export async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(
    bad.length === 0,
    `${where}: axe violations\n${bad
      .map(
        (v) =>
          `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
            .slice(0, 4)
            .map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`)
            .join('\n')}`,
      )
      .join('\n')}`,
  );
}

export async function signInAs(ctx: Ctx, who: { username: string; password: string }) {
  await ctx.context.clearCookies();
  await signInApi(ctx, who.username, who.password);
}
