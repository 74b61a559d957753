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

/**
 * The page's width once its layout has settled after a viewport change: a long form re-lays out over a few frames
 * (autosized text areas measure themselves at the old width first), and a reading taken in between is not what a
 * person on a phone sees. Waits until two readings 200 ms apart agree (at most 3 s).
 */
export async function settledWidth(page: Page): Promise<number> {
  const read = () => page.evaluate(() => document.documentElement.scrollWidth);
  let last = await read();
  for (let i = 0; i < 15; i++) {
    await page.waitForTimeout(200);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}

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

export type Account = { username: string; password: string };
type Role = 'unit_officer' | 'dx_office' | 'finance' | 'leadership';

/**
 * The admin's API session for setting up a spec's fixtures (cookies shared with the browser context): the first
 * province, the CSRF header, a unit's id by its exact name, accounts with one grant each, and a checked POST.
 */
export async function adminSetup(ctx: Ctx) {
  await signInAs(ctx, { username: 'admin', password: ctx.adminPassword });
  const req = ctx.context.request;
  const me = await (await req.get(`${ctx.base}/api/auth/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const provinceId = (await (await req.get(`${ctx.base}/api/provinces`)).json()).items[0]
    .provinceId as string;
  /** The id of the unit named `name` (searched by `q`, in force on `asOf` when given). */
  const unit = async (q: string, name: string, asOf?: string) => {
    const params = { provinceId, q, limit: 20, ...(asOf ? { asOf } : {}) };
    const r = await (await req.get(`${ctx.base}/api/org-units`, { params })).json();
    const u = (r.items as { unitId: string; name: string }[]).find((x) => x.name === name);
    assert(u, `unit ${name} not found`);
    return u.unitId;
  };
  /** POSTs as the admin; fails the spec unless it succeeded; the response body. */
  const post = async (path: string, data: unknown, what = path) => {
    const r = await req.post(`${ctx.base}${path}`, { headers, data: data as object });
    assert(r.ok(), `${what}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  /**
   * Creates accounts, each with one role on one unit. Specs act in 2023 on units the 2025 reorganisations ended
   * (a ward, the old Sở TT&TT), so a grant on an ended unit is said to be meant (issue 15: refused otherwise).
   */
  const createUsers = async (users: readonly (readonly [Account, Role, string, string])[]) => {
    for (const [u, role, unitId, displayName] of users)
      await post(
        '/api/users',
        {
          username: u.username,
          displayName,
          password: u.password,
          grants: [{ role, unitId }],
          allowEndedUnits: true,
        },
        `create ${u.username}`,
      );
  };
  return { req, headers, provinceId, unit, post, createUsers };
}
