import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';

export type Ctx = { page: Page; context: BrowserContext; base: string; shots: string; adminPassword: string };
type Spec = { name: string; fn: (ctx: Ctx) => Promise<void> };

export const specs: Spec[] = [];
const test = (name: string, fn: Spec['fn']) => specs.push({ name, fn });

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
const visible = (l: Locator) => l.first().waitFor({ state: 'visible' });
const shot = (ctx: Ctx, name: string, fullPage = false) =>
  ctx.page.screenshot({ path: join(ctx.shots, `${name}.png`), fullPage });

/** Signs in through the API (cookies are shared with the browser context). */
async function signInApi(ctx: Ctx, username = 'admin', password = ctx.adminPassword) {
  const r = await ctx.context.request.post(`${ctx.base}/api/auth/sign-in`, { data: { username, password } });
  assert(r.ok(), `sign-in failed: ${r.status()} ${await r.text()}`);
}

/** No axe violations of impact serious or critical. */
async function expectAccessible(page: Page, where: string) {
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

async function openOrgTree(page: Page, asOf?: string) {
  await page.goto(asOf ? `/org-units?asOf=${asOf}` : '/org-units');
  await visible(page.getByRole('heading', { name: 'Cơ cấu tổ chức' }));
}

test('sign in and browse the organisation of Hải Phòng through time', async (ctx) => {
  const { page } = ctx;
  await page.goto('/');
  await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
  // A wrong password gives the server's message.
  await page.getByLabel('Tên đăng nhập').fill('admin');
  await page.getByLabel(/^Mật khẩu/).fill('wrong-password-000');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('alert'));
  await page.getByLabel(/^Mật khẩu/).fill(ctx.adminPassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('heading', { name: 'Cơ cấu tổ chức' }));

  // As of 30/06/2023: 15 districts, 217 communes; "hai an" finds Quận Hải An.
  await page.getByRole('button', { name: '30/06/2023' }).click();
  await visible(page.getByText('15 quận, huyện', { exact: true }));
  await visible(page.getByText('217 xã, phường, thị trấn', { exact: true }));
  await visible(page.getByRole('button', { name: /^Mở Quận Hải An$/ }));
  await page.getByRole('button', { name: 'Mở Quận Hải An' }).click();
  await visible(page.getByRole('button', { name: 'Thu gọn Quận Hải An' }));
  await shot(ctx, 'org-tree-2023');
  await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('hai an');
  await visible(page.getByText('1 kết quả'));
  await page
    .getByRole('region', { name: '1 kết quả' })
    .getByRole('button', { name: /^Quận Hải An/ })
    .click();
  await visible(page.getByRole('heading', { name: 'Quận Hải An', level: 3 }));

  // As of 01/08/2025: 114 communes and no districts; Phường Thủy Nguyên was formed from five wards.
  await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('');
  await page.getByRole('button', { name: '01/08/2025' }).click();
  await visible(page.getByText('114 xã, phường, thị trấn', { exact: true }));
  assert((await page.getByText(/^\d+ quận, huyện$/).count()) === 0, 'no district count expected in 2025');
  await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('thuy nguyen');
  await visible(page.getByText(/^\d+ kết quả$/));
  await page
    .getByRole('button', { name: /^Phường Thủy Nguyên/ })
    .first()
    .click();
  const formedFrom = page.getByRole('region', { name: 'Hình thành từ' });
  await visible(formedFrom.getByRole('button', { name: 'Phường Dương Quan' }));
  assert((await formedFrom.getByRole('listitem').count()) >= 2, 'expected several predecessors');
  await shot(ctx, 'org-unit-detail-2025');
  // Predecessors are clickable: the old ward shows what it became.
  await formedFrom.getByRole('button', { name: 'Phường Dương Quan' }).click();
  const became = page.getByRole('region', { name: 'Sáp nhập vào / chia thành' });
  await visible(became.getByRole('button', { name: 'Phường Thủy Nguyên' }));
});

test('create a unit officer account on a district and find it in the list', async (ctx) => {
  const { page } = ctx;
  await signInApi(ctx);
  await page.goto('/users');
  await visible(page.getByRole('heading', { name: 'Tài khoản' }));
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đăng nhập').fill('canbo.haian');
  await dialog.getByLabel('Họ tên').fill('Nguyễn Thị Hải An');
  await dialog.getByLabel('Thư điện tử').fill('canbo.haian@haiphong.gov.vn');
  await dialog.getByLabel('Mật khẩu ban đầu').fill('mat-khau-ban-dau-123');
  await dialog.getByLabel('Tìm đơn vị theo cơ cấu ngày').fill('30/06/2023');
  await dialog.getByLabel('Tìm đơn vị theo cơ cấu ngày').press('Enter');
  await dialog
    .getByLabel(/^Vai trò/)
    .first()
    .click();
  await page.getByRole('option', { name: 'Cán bộ đơn vị' }).click();
  await dialog.getByLabel(/^Đơn vị \(phạm vi\)/).fill('hai an');
  await page.getByRole('option', { name: /^Quận Hải An/ }).click();
  await shot(ctx, 'user-create');
  await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByRole('row', { name: /canbo\.haian/ });
  await visible(row);
  assert((await row.textContent())?.includes('Cán bộ đơn vị — Quận Hải An'), 'row shows role and unit');
  await page.getByLabel('Tìm tài khoản').fill('hai an');
  await visible(page.getByRole('row', { name: /canbo\.haian/ }));
  await page.getByLabel('Tìm tài khoản').fill('');
  await visible(page.getByRole('row', { name: /admin/ }));
  await shot(ctx, 'users');
});

test('no serious or critical axe violations on sign-in, org tree and users', async (ctx) => {
  const { page } = ctx;
  await page.goto('/sign-in');
  await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
  await shot(ctx, 'sign-in');
  await expectAccessible(page, 'sign-in');
  await signInApi(ctx);
  await openOrgTree(page, '2023-06-30');
  await visible(page.getByText('15 quận, huyện', { exact: true }));
  await page.getByRole('button', { name: 'Mở Quận Hải An' }).click();
  await visible(page.getByRole('button', { name: 'Thu gọn Quận Hải An' }));
  await page.getByRole('button', { name: /^Quận Hải An/ }).click();
  await visible(page.getByRole('region', { name: 'Hình thành từ' }));
  await expectAccessible(page, 'org tree');
  await page.goto('/users');
  await visible(page.getByRole('row', { name: /admin/ }));
  await expectAccessible(page, 'users');
});

test('the org tree is usable on a 390×844 phone', async (ctx) => {
  const { page } = ctx;
  await page.setViewportSize({ width: 390, height: 844 });
  await signInApi(ctx);
  await openOrgTree(page, '2025-08-01');
  await visible(page.getByText('114 xã, phường, thị trấn', { exact: true }));
  await visible(page.getByRole('button', { name: /^Phường/ }));
  const overflow = () =>
    page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      body: document.body.scrollWidth,
    }));
  let o = await overflow();
  assert(o.scroll <= o.client && o.body <= o.client, `horizontal overflow: ${JSON.stringify(o)}`);
  await shot(ctx, 'org-tree-mobile');
  // Burger navigation opens and leads to the other screens.
  await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await visible(page.getByRole('link', { name: 'Nhóm đơn vị' }));
  await page.waitForTimeout(300);
  await shot(ctx, 'nav-mobile');
  await page.getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
  // Search and open a unit: the detail opens as a sheet.
  await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('thuy nguyen');
  await page
    .getByRole('button', { name: /^Phường Thủy Nguyên/ })
    .first()
    .click();
  await visible(page.getByRole('dialog').getByRole('button', { name: 'Phường Dương Quan' }));
  await page.waitForTimeout(500); // let the sheet finish sliding in before the screenshot
  o = await overflow();
  assert(o.scroll <= o.client, `horizontal overflow with detail open: ${JSON.stringify(o)}`);
  await shot(ctx, 'org-unit-detail-mobile');
});

test('other screens render (screenshots): groups, audit, reorganisation, profile, English', async (ctx) => {
  const { page } = ctx;
  await signInApi(ctx);
  await page.goto('/unit-groups');
  await visible(page.getByRole('heading', { name: 'Nhóm đơn vị' }));
  await visible(page.getByRole('button', { name: /Xem nhóm/ }));
  await shot(ctx, 'unit-groups');
  await page.getByRole('button', { name: /Xem nhóm Các sở, ban, ngành$/ }).click();
  await visible(page.getByRole('dialog').getByText('Số đơn vị'));
  await page.waitForTimeout(400);
  await shot(ctx, 'unit-group-detail');
  await page.keyboard.press('Escape');
  await page.goto('/audit');
  await visible(page.getByRole('heading', { name: 'Nhật ký' }));
  await visible(page.getByText('auth.sign_in').first());
  await page.getByRole('button', { name: 'Xem chi tiết' }).first().click();
  await shot(ctx, 'audit');
  await openOrgTree(page, '2025-08-01');
  await page.getByRole('button', { name: 'Ghi nhận thay đổi tổ chức' }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog.getByRole('button', { name: 'Ghi nhận' }));
  await dialog.getByRole('button', { name: 'Ghi nhận' }).click();
  await visible(dialog.getByText('Kiểm tra lại các ô được đánh dấu đỏ.'));
  await shot(ctx, 'reorganisation');
  await page.keyboard.press('Escape');
  await page.goto('/profile');
  await visible(page.getByRole('heading', { name: 'Đổi mật khẩu' }));
  await shot(ctx, 'profile');
  await page.getByLabel('Ngôn ngữ').selectOption('en');
  await visible(page.getByRole('heading', { name: 'Change password' }));
  await page.getByLabel('Language').selectOption('vi');
  await visible(page.getByRole('heading', { name: 'Đổi mật khẩu' }));
});

test('editing an account someone else just changed shows the current values and re-applies', async (ctx) => {
  const { page } = ctx;
  await signInApi(ctx);
  const me = await (await ctx.context.request.get(`${ctx.base}/api/auth/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  const created = await ctx.context.request.post(`${ctx.base}/api/users`, {
    headers,
    data: {
      username: 'xem.conflict',
      displayName: 'Người Xem',
      password: 'mat-khau-ban-dau-123',
      grants: [{ role: 'viewer', unitId: null }],
    },
  });
  assert(created.ok(), `create user: ${created.status()} ${await created.text()}`);
  const user = await created.json();
  await page.goto('/users');
  await page.getByRole('button', { name: 'Sửa xem.conflict' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Họ tên/).fill('Người Xem (sửa trên màn hình)');
  // Meanwhile someone else changes the e-mail.
  const other = await ctx.context.request.patch(`${ctx.base}/api/users/${user.id}`, {
    headers,
    data: { version: user.version, email: 'nguoixem@haiphong.gov.vn' },
  });
  assert(other.ok(), `concurrent patch: ${other.status()}`);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await visible(dialog.getByText('Tài khoản vừa được người khác sửa'));
  await visible(dialog.getByText('nguoixem@haiphong.gov.vn'));
  await dialog.getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByRole('row', { name: /xem\.conflict.*sửa trên màn hình/ });
  await visible(row);
  const text = (await row.textContent()) ?? '';
  assert(
    text.includes('Người Xem (sửa trên màn hình)') && text.includes('nguoixem@haiphong.gov.vn'),
    `both changes kept: ${text}`,
  );
});

test('a viewer sees no admin screens, changes the password and signs out', async (ctx) => {
  const { page } = ctx;
  await signInApi(ctx);
  const me = await (await ctx.context.request.get(`${ctx.base}/api/auth/me`)).json();
  const created = await ctx.context.request.post(`${ctx.base}/api/users`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      username: 'nguoi.xem',
      displayName: 'Trần Văn Xem',
      password: 'mat-khau-cu-12345',
      grants: [{ role: 'viewer', unitId: null }],
    },
  });
  assert(created.ok(), `create user: ${created.status()}`);
  await ctx.context.clearCookies();
  await page.goto('/sign-in');
  await page.getByLabel('Tên đăng nhập').fill('nguoi.xem');
  await page.getByLabel(/^Mật khẩu/).fill('mat-khau-cu-12345');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('heading', { name: 'Cơ cấu tổ chức' }));
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  assert((await nav.getByRole('link', { name: 'Tài khoản' }).count()) === 0, 'viewer must not see Tài khoản');
  assert((await nav.getByRole('link', { name: 'Nhật ký' }).count()) === 0, 'viewer must not see Nhật ký');
  assert(
    (await page.getByRole('button', { name: 'Ghi nhận thay đổi tổ chức' }).count()) === 0,
    'viewer cannot reorganise',
  );
  await page.getByRole('button', { name: /^Tài khoản của tôi/ }).click();
  await page.getByRole('menuitem', { name: 'Hồ sơ / đổi mật khẩu' }).click();
  await page.getByLabel(/^Mật khẩu hiện tại/).fill('mat-khau-cu-12345');
  await page.getByLabel(/^Mật khẩu mới/).fill('mat-khau-moi-67890');
  await page.getByLabel(/^Nhập lại mật khẩu mới/).fill('mat-khau-moi-67890');
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await visible(page.getByText('Đã đổi mật khẩu. Vui lòng đăng nhập lại bằng mật khẩu mới.'));
  await page.getByLabel('Tên đăng nhập').fill('nguoi.xem');
  await page.getByLabel(/^Mật khẩu/).fill('mat-khau-moi-67890');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Back where they were.
  await visible(page.getByRole('heading', { name: 'Hồ sơ' }));
  await page.getByRole('button', { name: /^Tài khoản của tôi/ }).click();
  await page.getByRole('menuitem', { name: 'Đăng xuất', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Đăng nhập' }));
  const after = await ctx.context.request.get(`${ctx.base}/api/auth/me`);
  assert(after.status() === 401, `session ended after sign-out (got ${after.status()})`);
});
