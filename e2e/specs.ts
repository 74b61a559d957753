import type { Locator, Page } from 'playwright-core';
import {
  adminSetup,
  assert,
  type Ctx,
  expectAccessible,
  settledWidth,
  shot,
  signInApi,
  signInAs,
  test,
  visible,
} from './lib';

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
  // Signed in, the user lands on the home page of its role (issue 19), then opens the tree.
  await visible(page.getByRole('heading', { name: 'Việc cần làm hôm nay' }));
  await visible(page.getByRole('heading', { name: 'Bộ phận chuyển đổi số' }));
  await expectAccessible(page, 'home');
  await shot(ctx, 'home');
  await openOrgTree(page);

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
  // Quận Hải An ended on 01/07/2025: a new grant on it is refused on its field, until the administrator says it
  // is meant (an account for the district's 2023 records; issue 15).
  await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await visible(dialog.getByText(/^Đơn vị đã kết thúc từ ngày 01\/07\/2025/));
  await dialog.getByLabel(/^Cấp quyền cả trên đơn vị đã kết thúc/).check();
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
  // The filter keeps the accounts granted on units that have ended.
  await page.getByLabel('Chỉ tài khoản có quyền trên đơn vị đã kết thúc').check();
  await visible(page.getByRole('row', { name: /canbo\.haian/ }));
  // The filtered list replaces the full one when its answer arrives: wait for the administrator (granted on no
  // ended unit) to leave it, rather than counting rows before the answer (found by the full run).
  await page
    .getByRole('row', { name: /^admin/ })
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {
      throw new Error('admin is not granted on an ended unit, yet the filtered list still shows it');
    });
  await page.getByLabel('Chỉ tài khoản có quyền trên đơn vị đã kết thúc').uncheck();
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

test('an administrator unlocks an account slowed down by failed sign-ins', async (ctx) => {
  const { page } = ctx;
  await signInApi(ctx);
  const req = ctx.context.request;
  const me = await (await req.get(`${ctx.base}/api/auth/me`)).json();
  const created = await req.post(`${ctx.base}/api/users`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      username: 'mo.khoa',
      displayName: 'Người Bị Làm Chậm',
      password: 'mat-khau-ban-dau-123',
      grants: [{ role: 'viewer', unitId: null }],
    },
  });
  assert(created.ok(), `create user: ${created.status()} ${await created.text()}`);
  // Nine wrong passwords, waiting out each wait (1 s after the 5th, then 2, 4, 8): the account now waits 16 s.
  for (let failures = 0; failures < 9; ) {
    const r = await req.post(`${ctx.base}/api/auth/sign-in`, {
      data: { username: 'mo.khoa', password: 'sai-mat-khau' },
    });
    if (r.status() === 429) {
      const wait = (await r.json()).error.details.retryAfterSeconds as number;
      await page.waitForTimeout(wait * 1000);
    } else {
      assert(r.status() === 401, `wrong password: ${r.status()}`);
      failures++;
    }
  }
  await page.goto('/users');
  const row = page.getByRole('row', { name: /mo\.khoa/ });
  await visible(row.getByText('Đăng nhập bị làm chậm do nhập sai'));
  await row.getByRole('button', { name: 'Mở khóa đăng nhập mo.khoa' }).click();
  await visible(page.getByText('Đã mở khóa đăng nhập cho mo.khoa'));
  await visible(row.getByText('Đang hoạt động'));
  await shot(ctx, 'user-unlocked');
  const audit = await (await req.get(`${ctx.base}/api/audit`, { params: { limit: 20 } })).json();
  assert(
    (audit.items as { action: string }[]).some((e) => e.action === 'user.unlock'),
    'the unlock is in the audit trail',
  );
  await signInAs(ctx, { username: 'mo.khoa', password: 'mat-khau-ban-dau-123' });
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
  await visible(page.getByRole('heading', { name: 'Việc cần làm hôm nay' }));
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

/* Evidence records and live targets (plan 54 I.2): import, dashboard, reminders, "Việc của tôi". */

const OFFICER = { username: 'canbo.phuonghaian', password: 'mat-khau-ban-dau-123' };
const DX_OFFICE = { username: 'so.khcn.cds', password: 'mat-khau-ban-dau-456' };
const PORTAL = 'Cổng TTĐT phường Hải An';
const SECOND_PORTAL = 'Trang tin CĐS phường Hải An';

/** A publications workbook as the template's columns (header row 1). */
async function publicationsXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const { PUBLICATION_IMPORT_COLUMNS } = await import('@dx/domain');
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tin bài');
  ws.addRow(PUBLICATION_IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let evidenceReady = false;
/** Once per run: the officer of Phường Hải An, a DX office account, and two portals of the ward with a DX section. */
async function setUpEvidence(ctx: Ctx) {
  if (evidenceReady) return;
  const { unit, post, createUsers } = await adminSetup(ctx);
  const haiAn = await unit('hai an', 'Phường Hải An');
  const khcn = await unit('khoa hoc va cong nghe', 'Sở Khoa học và Công nghệ');
  await createUsers([
    [OFFICER, 'unit_officer', haiAn, 'Lê Thị Phường'],
    [DX_OFFICE, 'dx_office', khcn, 'Phạm Văn Sở'],
  ]);
  for (const name of [PORTAL, SECOND_PORTAL])
    await post(
      '/api/channels',
      { ownerUnitId: haiAn, kind: 'portal', name, hasDxSection: true },
      'create channel',
    );
  evidenceReady = true;
}

/**
 * Plan 54 is the 2023 plan: its figures count only units in force in 2023 (a ward created in 2025 never changes
 * them, docs/architecture.md § Org units through time). The import spec therefore works for a department that
 * existed then and still does, with two portals of its own.
 */
const DEPT_OFFICER = { username: 'canbo.sotuphap', password: 'mat-khau-ban-dau-789' };
const DEPT_PORTAL = 'Cổng thông tin Sở Tư pháp';
const DEPT_SECOND_PORTAL = 'Trang tin phổ biến pháp luật';
let departmentReady = false;
async function setUpDepartment(ctx: Ctx) {
  if (departmentReady) return;
  const { unit, post, createUsers } = await adminSetup(ctx);
  const tuPhap = await unit('tu phap', 'Sở Tư pháp');
  await createUsers([[DEPT_OFFICER, 'unit_officer', tuPhap, 'Nguyễn Văn Pháp']]);
  for (const name of [DEPT_PORTAL, DEPT_SECOND_PORTAL])
    await post(
      '/api/channels',
      { ownerUnitId: tuPhap, kind: 'portal', name, hasDxSection: true },
      'create channel',
    );
  departmentReady = true;
}

const targetCard = (page: Page, letter: string) =>
  page.getByRole('article', { name: new RegExp(`^Chỉ tiêu ${letter} `) });

test('a unit officer imports publications from Excel; the DX office sees target b move and reminds the unit', async (ctx) => {
  const { page } = ctx;
  await setUpEvidence(ctx);
  await setUpDepartment(ctx);

  // The DX office's dashboard before: target b (channels keeping up a DX section) at 0%.
  await signInAs(ctx, DX_OFFICE);
  await page.goto('/dashboard');
  await visible(page.getByRole('heading', { name: 'Bảng điều khiển chỉ tiêu' }));
  await visible(targetCard(page, 'b').getByText('Chậm tiến độ'));
  assert((await targetCard(page, 'b').getByTestId('target-value').textContent()) === '0%', 'b starts at 0%');

  // The officer imports: two bad rows (an impossible date, a misspelt channel) are explained and nothing is saved.
  const good = (title: string, date: string) => {
    const url = `https://haian.haiphong.gov.vn/tin/${date.replaceAll('/', '')}`;
    return [DEPT_PORTAL, title, url, date, 'tin/bài', 'II.4.a', '', 1200, 'có'];
  };
  const rows = [
    good('Phường Hải An số hoá chợ truyền thống', '15/02/2023'),
    good('Hướng dẫn người dân cài đặt VNeID', '20/05/2023'),
    [
      DEPT_PORTAL,
      'Thanh toán không dùng tiền mặt tại chợ Cát Bi',
      'https://haian.haiphong.gov.vn/tin/3',
      '31/09/2023',
      'video',
      'II.2',
      '',
      '',
      'có',
    ],
    [
      'Cổng TTĐT phường Hải Ann',
      'Tổ công nghệ số cộng đồng ra mắt',
      'https://haian.haiphong.gov.vn/tin/4',
      '12/11/2023',
      'tin/bài',
      '',
      '',
      '',
      'có',
    ],
    good('Hội nghị chuyển đổi số phường năm 2023', '01/12/2023'),
  ];
  await signInAs(ctx, DEPT_OFFICER);
  await page.goto('/records/import');
  await visible(page.getByRole('heading', { name: 'Nhập tin, bài từ Excel' }));
  const upload = async (buffer: Buffer) => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'tin-bai-phuong-hai-an.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  };
  await upload(await publicationsXlsx(rows));
  await visible(page.getByText('5 dòng: 3 dòng hợp lệ, 2 dòng có lỗi.'));
  const row4 = page.locator('tr[data-row="4"]');
  const row5 = page.locator('tr[data-row="5"]');
  await visible(row4.getByText('Ngày đăng'));
  assert((await row4.textContent())?.includes('Ngày "31/09/2023" không hợp lệ'), 'row 4 explains the date');
  assert(
    (await row5.textContent())?.includes('Không tìm thấy kênh "Cổng TTĐT phường Hải Ann"'),
    'row 5 explains the channel',
  );
  await shot(ctx, 'import-dry-run', true);

  // Fixed in the file, checked again, imported.
  rows[2]![3] = '30/09/2023';
  rows[3]![0] = DEPT_PORTAL;
  await upload(await publicationsXlsx(rows));
  await visible(page.getByText('5 dòng: 5 dòng hợp lệ, 0 dòng có lỗi.'));
  await page.getByRole('button', { name: 'Nhập 5 dòng hợp lệ' }).click();
  await visible(page.getByText(/^Đã nhập 5 tin, bài/));
  await page.getByRole('tab', { name: 'Tin, bài', exact: true }).click();
  await visible(page.getByText('Thanh toán không dùng tiền mặt tại chợ Cát Bi'));

  // The DX office sees b move to 50% (one of the two portals kept up every quarter) and reminds the ward.
  await signInAs(ctx, DX_OFFICE);
  await page.goto('/dashboard');
  const b = targetCard(page, 'b');
  await visible(b.getByText('50%'));
  assert((await b.getByTestId('target-value').textContent()) === '50%', 'b moved to 50%');
  // The trend over the period ends on the card's figure.
  assert(
    /31\/12\/2023: 50%$/.test((await b.getByTestId('target-trend').getAttribute('aria-label')) ?? ''),
    'the trend ends at 50%',
  );
  await expectAccessible(page, 'dashboard');
  await shot(ctx, 'dashboard', true);
  await b.getByRole('button', { name: 'Xem chi tiết, đôn đốc: I.2.b' }).click();
  const dialog = page.getByRole('dialog');
  await visible(dialog.getByRole('tab', { name: 'Theo quận, huyện' }));
  await visible(dialog.getByRole('cell', { name: DEPT_SECOND_PORTAL }));
  assert(
    (await dialog.getByRole('cell', { name: DEPT_PORTAL, exact: true }).count()) === 0,
    'the kept-up portal is not behind',
  );
  await dialog.getByRole('checkbox', { name: new RegExp(`^Chọn ${DEPT_SECOND_PORTAL}`) }).check();
  await dialog.getByRole('button', { name: 'Đôn đốc 1 đơn vị đã chọn' }).click();
  await visible(dialog.getByText('Gửi thông báo đôn đốc tới 1 đơn vị.', { exact: false }));
  await dialog.getByRole('button', { name: 'Gửi đôn đốc' }).click();
  await visible(dialog.getByText('Đã gửi đôn đốc tới 1 đơn vị.').first());
  // Every figure opens what is behind it: the breakdown's "achieved" cell lists the kept-up portal and the
  // publications that kept each quarter.
  await dialog
    .getByRole('button', { name: /xem danh sách Đã đạt/ })
    .first()
    .click();
  await visible(dialog.getByRole('cell', { name: DEPT_PORTAL, exact: true }));
  await visible(dialog.getByRole('link', { name: /^Phường Hải An số hoá chợ truyền thống/ }));
  await expectAccessible(page, 'dashboard breakdown');
  await page.waitForTimeout(300);
  await shot(ctx, 'dashboard-breakdown');
  await page.keyboard.press('Escape');

  // The officer's start page is "Việc của tôi": the reminder is there, and what is still owed.
  await signInAs(ctx, DEPT_OFFICER);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/my-work');
  await visible(page.getByRole('heading', { name: 'Việc của tôi' }));
  await visible(page.getByText(/^Đôn đốc thực hiện chỉ tiêu I\.2\.b/));
  await visible(page.getByText(DEPT_SECOND_PORTAL).first());
  // Read: the officer marks the reminder read and the unread count goes.
  await visible(page.getByTestId('unread-count'));
  await page.getByRole('button', { name: /^Đánh dấu đã đọc: Đôn đốc thực hiện chỉ tiêu I\.2\.b/ }).click();
  await page.getByTestId('unread-count').waitFor({ state: 'detached' });
  await visible(page.getByRole('link', { name: 'Thêm tin, bài về chuyển đổi số' }));
  const o = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert(o.scroll <= o.client, `my work overflows on a phone: ${JSON.stringify(o)}`);
  await expectAccessible(page, 'my work');
  await shot(ctx, 'my-work', true);
});

test('a unit officer adds a publication on a phone; the draft survives closing the form', async (ctx) => {
  const { page } = ctx;
  await setUpEvidence(ctx);
  await signInAs(ctx, OFFICER);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/records/publications');
  await page.getByRole('button', { name: 'Thêm tin, bài' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Kênh đăng/).click();
  await page.getByRole('option', { name: PORTAL, exact: true }).click();
  await dialog.getByLabel(/^Tiêu đề tin, bài/).fill('Phường Hải An ra mắt tổ công nghệ số cộng đồng');
  // The connection drops, the form closes: the draft is kept.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Thêm tin, bài' }).click();
  dialog = page.getByRole('dialog');
  await visible(dialog.getByText('Đã khôi phục bản nháp chưa lưu.'));
  assert(
    (await dialog.getByLabel(/^Tiêu đề tin, bài/).inputValue()) ===
      'Phường Hải An ra mắt tổ công nghệ số cộng đồng',
    'draft restored',
  );
  await dialog.getByLabel(/^Đường dẫn/).fill('https://haian.haiphong.gov.vn/tin/99');
  await dialog.getByLabel(/^Ngày đăng/).fill('05/10/2023');
  await dialog.getByLabel(/^Chủ đề/).click();
  await page.getByRole('option', { name: /^II\.4\.a/ }).click();
  await dialog.getByRole('heading', { name: 'Thêm tin, bài' }).click(); // closes the theme list
  await page.waitForTimeout(300);
  await shot(ctx, 'publication-quick-add-mobile');
  await expectAccessible(page, 'publication form');
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await visible(page.getByText('Phường Hải An ra mắt tổ công nghệ số cộng đồng'));
  // A bad URL is explained on its field.
  await page.getByRole('button', { name: 'Thêm tin, bài' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Tiêu đề tin, bài/).fill('Tin thử');
  await dialog.getByLabel(/^Đường dẫn/).fill('ftp://sai');
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(dialog.getByText('Địa chỉ phải bắt đầu bằng http:// hoặc https://'));
});

test('a unit officer imports people from Excel with two bad rows, fixes them, imports; attaches a file', async (ctx) => {
  const { page } = ctx;
  await setUpEvidence(ctx);
  const { RECORD_IMPORT_SPECS } = await import('@dx/domain');
  const ExcelJS = (await import('exceljs')).default;
  const headers = RECORD_IMPORT_SPECS.person.columns.map((c) => c.header);
  const peopleXlsx = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Người làm tin');
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const rows = [
    ['Phường Hải An', 'Nguyễn Thị Thu Hà', 'phóng viên', 'thuha@haian.gov.vn', '0912 345 678'],
    ['phuong hai an', 'Trần Văn Nam', 'Cán bộ thông tin cơ sở', '', ''],
    ['Phường Hải Ann', 'Lê Văn Bình', 'biên tập viên', '', ''], // row 4: a misspelt unit
    ['Phường Hải An', 'Phạm Thị Lan', 'nhà báo', '', ''], // row 5: a role not in the list
  ];
  await signInAs(ctx, OFFICER);

  // The template: the data sheet, the instructions, the lists of valid values.
  const provinceId = (await (await ctx.context.request.get(`${ctx.base}/api/provinces`)).json()).items[0]
    .provinceId as string;
  const tpl = await ctx.context.request.get(
    `${ctx.base}/api/imports/people/template.xlsx?provinceId=${provinceId}`,
  );
  assert(tpl.ok(), `template: ${tpl.status()}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await tpl.body()) as unknown as ArrayBuffer);
  assert(
    wb.worksheets.map((w) => w.name).join('|') === 'Người làm tin|Hướng dẫn|Danh sách',
    'the template has the data, instructions and lists sheets',
  );

  await page.goto('/records/people');
  await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
  await visible(page.getByRole('heading', { name: 'Nhập người viết tin từ Excel' }));
  const upload = async (buffer: Buffer) => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'nguoi-lam-tin-phuong-hai-an.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  };
  await upload(await peopleXlsx(rows));
  await visible(page.getByText('4 dòng: 2 dòng hợp lệ, 2 dòng có lỗi.'));
  const row4 = page.locator('tr[data-row="4"]');
  const row5 = page.locator('tr[data-row="5"]');
  await visible(row4.getByText('Đơn vị', { exact: true }));
  assert(
    (await row4.textContent())?.includes('Không tìm thấy đơn vị "Phường Hải Ann"'),
    'row 4 explains the unit',
  );
  assert(
    (await row5.textContent())?.includes('"nhà báo" không có trong danh sách'),
    'row 5 explains the role',
  );
  await expectAccessible(page, 'people import dry run');
  await shot(ctx, 'import-people-dry-run', true);

  // Fixed in the file, checked again, imported at once.
  rows[2]![0] = 'Phường Hải An';
  rows[3]![2] = 'biên tập viên';
  await upload(await peopleXlsx(rows));
  await visible(page.getByText('4 dòng: 4 dòng hợp lệ, 0 dòng có lỗi.'));
  await page.getByRole('button', { name: 'Nhập 4 dòng hợp lệ' }).click();
  await visible(page.getByText(/^Đã nhập 4 người viết tin/));
  await page.getByRole('link', { name: 'Người viết tin', exact: true }).click();
  await visible(page.getByText('Phạm Thị Lan'));
  await visible(page.getByText('Lê Văn Bình'));

  // A file (the appointment decision) attached to a person, and listed for download.
  await page.getByRole('button', { name: 'Tệp đính kèm Phạm Thị Lan' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'quyet-dinh-phan-cong.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% Quyết định phân công\n'),
  });
  await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(dialog.getByRole('link', { name: 'quyet-dinh-phan-cong.pdf' }));
  await expectAccessible(page, 'record files');
});

/* Tasks of the appendix (plan 54 III) and their follow-up by the DX office (V.1.a). */

const COMMUNE_OFFICER = { username: 'canbo.maychai', password: 'mat-khau-ban-dau-789' };

/** The appendix as provinces write it: a title row, Roman group rows, a group lead, a row with an unknown lead. */
async function appendixXlsx(): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC: DANH MỤC NHIỆM VỤ']);
  ws.addRow([
    'STT',
    'Nhiệm vụ',
    'Cơ quan chủ trì',
    'Cơ quan phối hợp',
    'Thời gian thực hiện',
    'Sản phẩm',
    'Kinh phí',
    'Ghi chú',
  ]);
  for (const r of [
    ['I', 'Tuyên truyền trên báo chí'],
    [
      1,
      'Mở chuyên mục "Chuyển đổi số" trên báo, đài',
      'Báo Hải Phòng, Đài PT&TH Hải Phòng',
      'Sở TT&TT',
      'Quý II/2023',
      'Chuyên mục',
      '500.000.000',
    ],
    [
      2,
      'Tuyên truyền trên hệ thống thông tin cơ sở',
      'UBND các xã, phường, thị trấn',
      'Sở TT&TT',
      'Tháng 10/2023',
      'Tin, bài',
    ],
    ['II', 'Tập huấn'],
    [
      1,
      'Tập huấn kỹ năng viết tin về chuyển đổi số',
      'Sở Thông tin và Truyền thông',
      'Các sở, ban, ngành; UBND các quận, huyện',
      'Thường xuyên',
      'Lớp tập huấn',
    ],
    [2, 'Hội thảo chuyển đổi số', 'Ban Tuyên truyền Không Tồn Tại', '', '01-10/10/2023'],
    [3, 'Tuyên truyền lưu động về chuyển đổi số', 'An Lão', '', 'Quý III/2023'],
    // A vague coordinator and a time frame that names no date (issue 19: asked, and listed beside the chart).
    [4, 'Sơ kết công tác truyền thông chuyển đổi số', 'Sở TT&TT', 'Các đơn vị có liên quan', 'Theo chỉ đạo'],
  ]) {
    ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function choosePlan54(page: Page) {
  const select = page.getByRole('combobox', { name: 'Kế hoạch' });
  await visible(select);
  const value = await select.locator('option', { hasText: '54' }).first().getAttribute('value');
  assert(value, 'plan 54 is listed');
  await select.selectOption(value);
}

test('the DX office imports the appendix; a commune officer marks its part done with evidence; the DX office sees progress', async (ctx) => {
  const { page } = ctx;
  await setUpEvidence(ctx);
  await signInAs(ctx, { username: 'admin', password: ctx.adminPassword });
  const req = ctx.context.request;
  const me = await (await req.get(`${ctx.base}/api/auth/me`)).json();
  const provinceId = (await (await req.get(`${ctx.base}/api/provinces`)).json()).items[0]
    .provinceId as string;
  const found = await (
    await req.get(`${ctx.base}/api/org-units`, {
      params: { provinceId, q: 'may chai', asOf: '2023-06-30', limit: 10 },
    })
  ).json();
  const maychai = (found.items as { unitId: string; name: string }[]).find(
    (u) => u.name === 'Phường Máy Chai',
  );
  assert(maychai, 'Phường Máy Chai (2023) found');
  const created = await req.post(`${ctx.base}/api/users`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      ...COMMUNE_OFFICER,
      displayName: 'Nguyễn Văn Phường',
      grants: [{ role: 'unit_officer', unitId: maychai.unitId }],
      // Phường Máy Chai ended on 01/07/2025: an account for its 2023 records is meant (issue 15).
      allowEndedUnits: true,
    },
  });
  assert(created.ok(), `create commune officer: ${created.status()} ${await created.text()}`);

  // The DX office imports the appendix: the dry run shows how each cell was read and explains the bad row.
  await signInAs(ctx, DX_OFFICE);
  await page.goto('/tasks');
  await visible(page.getByRole('heading', { name: 'Nhiệm vụ (Phụ lục)' }));
  await choosePlan54(page);
  await page.getByRole('button', { name: 'Nhập Phụ lục từ Excel' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'phu-luc-54.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await appendixXlsx(),
  });
  await dialog.getByRole('button', { name: 'Chạy thử' }).click();
  await visible(dialog.getByText(/^4\/6 dòng hợp lệ/));
  await visible(
    dialog.getByText('Không tìm thấy đơn vị "Ban Tuyên truyền Không Tồn Tại" trong danh mục đơn vị của tỉnh'),
  );
  await visible(dialog.getByText(/→ UBND các xã, phường, thị trấn \(\d{3} đơn vị\)/));
  // The coordinating units have their column: "Các sở, ban, ngành; UBND các quận, huyện" read as two groups.
  await visible(dialog.getByRole('columnheader', { name: 'Cơ quan phối hợp' }));
  await visible(dialog.getByText(/→ Các sở, ban, ngành; UBND các quận, huyện \(\d+ đơn vị\)/));
  // "An Lão" is a district and a town: the dry run asks which one is meant, and runs again with the answer.
  await dialog
    .getByRole('combobox', { name: '"An Lão" là đơn vị hoặc nhóm đơn vị nào?' })
    .selectOption({ label: 'Huyện An Lão' });
  // "Các đơn vị có liên quan" names no one: asked with the province's groups, nothing chosen for the user.
  const vague = dialog.getByRole('combobox', {
    name: '"Các đơn vị có liên quan" là đơn vị hoặc nhóm đơn vị nào?',
  });
  await visible(vague);
  assert((await vague.inputValue()) === '', 'a vague phrase is not expanded on its own');
  await visible(dialog.getByText(/"Các đơn vị có liên quan" không chỉ rõ đơn vị nào/));
  await dialog.getByRole('button', { name: 'Chạy thử' }).last().click();
  await visible(dialog.getByText(/^5\/6 dòng hợp lệ/));
  await expectAccessible(page, 'appendix import dry run');
  await shot(ctx, 'tasks-import-dry-run', true);
  await dialog.getByRole('button', { name: 'Lưu 5 nhiệm vụ hợp lệ' }).click();
  await visible(dialog.getByText('Đã lưu 5 nhiệm vụ'));
  await page.keyboard.press('Escape');
  await visible(page.getByRole('link', { name: 'Tuyên truyền trên hệ thống thông tin cơ sở' }));

  // The commune officer sees its own part under "my tasks" and marks it done with a link and a file.
  await signInAs(ctx, COMMUNE_OFFICER);
  await page.goto('/tasks');
  await choosePlan54(page);
  await visible(page.getByRole('link', { name: 'Tuyên truyền trên hệ thống thông tin cơ sở' }));
  assert(
    (await page.getByRole('link', { name: 'Tập huấn kỹ năng viết tin về chuyển đổi số' }).count()) === 0,
    'only my tasks',
  );
  await page.getByRole('link', { name: 'Tuyên truyền trên hệ thống thông tin cơ sở' }).click();
  await page.getByRole('button', { name: 'Cập nhật: Phường Máy Chai' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('combobox', { name: 'Tình trạng' }).selectOption('done');
  await form.getByLabel('Nội dung').fill('Đã phát 12 tin về chuyển đổi số trên loa phường');
  await form.getByLabel('Đường dẫn minh chứng').fill('https://maychai.haiphong.gov.vn/tin/chuyen-doi-so');
  await form.locator('input[type="file"]').setInputFiles({
    name: 'bien-ban.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 minh chứng'),
  });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await visible(page.getByRole('link', { name: '📎 bien-ban.pdf' }));
  await visible(page.getByRole('row', { name: /Phường Máy Chai.*Hoàn thành/ }));
  await expectAccessible(page, 'task detail');
  await shot(ctx, 'tasks-unit-done', true);

  // The DX office sees overall progress: one commune of all done, the press task overdue; the export downloads.
  await signInAs(ctx, DX_OFFICE);
  await page.goto('/tasks');
  await choosePlan54(page);
  await visible(page.getByText(/^1\/\d{3} đơn vị hoàn thành$/));
  await visible(page.getByText('0/2 đơn vị hoàn thành'));
  await expectAccessible(page, 'tasks');
  await page.getByRole('tab', { name: 'Tiến độ theo tháng' }).click();
  await visible(page.getByRole('columnheader', { name: '10/23' }));
  // The task without a date is listed beside the chart, not dropped.
  const undated = page.getByRole('region', { name: /^Chưa có thời gian thực hiện: \d+ nhiệm vụ/ });
  await visible(undated.getByRole('link', { name: /Sơ kết công tác truyền thông chuyển đổi số/ }));
  await shot(ctx, 'tasks-timeline', true);
  await page.getByRole('combobox', { name: 'Chia theo' }).selectOption('quarter');
  await visible(page.getByRole('columnheader', { name: 'Q4/23' }));
  const plans = await (await req.get(`${ctx.base}/api/plans`)).json();
  const plan54 = (plans.items as { id: string; number: string | null }[]).find((p) =>
    p.number?.startsWith('54'),
  );
  assert(plan54, 'plan 54 listed');
  const xlsx = await req.get(`${ctx.base}/api/plans/${plan54.id}/tasks/export.xlsx`);
  assert(xlsx.ok() && (await xlsx.body()).length > 1000, `export: ${xlsx.status()}`);
});

/* The plan as the DX office edits it: every part of the document, each part saved on its own. */

/** Signs in as admin, waiting out the sign-in rate limit (20 a minute) that a long run reaches. */
async function signInAdminPatiently(ctx: Ctx) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = await ctx.context.request.post(`${ctx.base}/api/auth/sign-in`, {
      data: { username: 'admin', password: ctx.adminPassword },
    });
    if (r.ok()) return;
    assert(r.status() === 429, `sign-in failed: ${r.status()} ${await r.text()}`);
    const wait = Number(r.headers()['retry-after'] ?? 30);
    await new Promise((done) => setTimeout(done, (Math.min(wait, 65) + 1) * 1000));
  }
  throw new Error('sign-in still rate-limited');
}

test('the DX office adds a legal basis and a recipient to plan 54; a bad plan number shows on its field', async (ctx) => {
  const { page } = ctx;
  await signInAdminPatiently(ctx);
  await page.goto('/plans');
  await page
    .getByRole('row', { name: /54\/KH-UBND/ })
    .getByRole('link')
    .click();
  await visible(page.getByRole('heading', { name: '54/KH-UBND', level: 2 }));
  await page.getByRole('tab', { name: 'Sửa kế hoạch' }).click();
  const section = async (name: string) => {
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    const region = page.getByRole('region', { name: new RegExp(`^${name}`) });
    await visible(region);
    return region;
  };

  // Căn cứ: a new document reference at the end of the list.
  const bases = await section('Căn cứ');
  const basesBefore = await bases.getByRole('group', { name: /^Căn cứ \d+$/ }).count();
  await bases.getByRole('button', { name: 'Thêm căn cứ' }).click();
  const basis = bases.getByRole('group', { name: `Căn cứ ${basesBefore + 1}`, exact: true });
  await visible(basis);
  await basis.getByLabel('Loại văn bản').fill('Quyết định');
  await basis.getByLabel('Số, ký hiệu').fill('12/QĐ-UBND');
  await basis.getByLabel('Cơ quan ban hành văn bản').fill('Ủy ban nhân dân thành phố');
  await basis.getByLabel('Ngày').fill('15/01/2023');
  await basis.getByLabel('Ngày').press('Enter');
  await basis.getByLabel('Trích yếu').fill('ban hành Quy chế thông tin cơ sở (e2e)');
  await bases.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(page.getByText('Căn cứ: Đã lưu kế hoạch'));

  // Lịch báo cáo: plan 54's reporting deadlines as data, day/month as the plan writes them (issue 19).
  const schedule = await section('Lịch báo cáo');
  const dues = await schedule
    .getByLabel('Hạn nộp (ngày/tháng)')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  assert(dues.join(' ') === '15/6 15/12 15/12', `plan 54's schedule: ${dues.join(' ')}`);
  await expectAccessible(page, 'plan editor: reporting schedule');

  // Nơi nhận: one line more.
  const recipients = await section('Nơi nhận');
  const box = recipients.getByLabel('Nơi nhận (mỗi dòng một nơi)');
  await box.fill(`${await box.inputValue()}\nSở Thông tin và Truyền thông (e2e)`);
  await recipients.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(page.getByText('Nơi nhận: Đã lưu kế hoạch'));

  // Both show in the document as it prints.
  await page.getByRole('tab', { name: 'Văn bản' }).click();
  const doc = page.getByRole('article');
  await visible(
    doc.getByText(
      'Quyết định số 12/QĐ-UBND ngày 15/01/2023 của Ủy ban nhân dân thành phố về ban hành Quy chế thông tin cơ sở (e2e)',
    ),
  );
  await visible(doc.getByText('- Sở Thông tin và Truyền thông (e2e)'));

  // A malformed number: the domain's rule answers on the number field, before any round trip.
  await page.getByRole('tab', { name: 'Sửa kế hoạch' }).click();
  const header = await section('Thông tin văn bản');
  const number = header.getByLabel('Số, ký hiệu');
  await number.fill('54-KH');
  await header.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(header.getByText('Số, ký hiệu phải có dạng <số>/<loại>-<cơ quan>, ví dụ 54/KH-UBND'));
  assert((await number.getAttribute('aria-invalid')) === 'true', 'number field marked invalid');

  // The server's per-field errors land on the right input: a legal basis without its number.
  const bases2 = await section('Căn cứ');
  const basesNow = await bases2.getByRole('group', { name: /^Căn cứ \d+$/ }).count();
  await bases2.getByRole('button', { name: 'Thêm căn cứ' }).click();
  const unnumbered = bases2.getByRole('group', { name: `Căn cứ ${basesNow + 1}`, exact: true });
  await visible(unnumbered);
  await unnumbered.getByLabel('Trích yếu').fill('văn bản chưa có số (e2e)');
  await bases2.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(unnumbered.getByText('Nhập số, ký hiệu văn bản'));
  assert(
    (await unnumbered.getByLabel('Số, ký hiệu').getAttribute('aria-invalid')) === 'true',
    'legal basis number marked invalid',
  );
  await expectAccessible(page, 'plan editor');
  await number.scrollIntoViewIfNeeded();
  await page.getByText('Nơi nhận: Đã lưu kế hoạch').waitFor({ state: 'hidden' });
  await shot(ctx, 'plan-editor');

  // Usable on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await visible(number);
  const overflow = await settledWidth(page);
  assert(overflow <= 390, `page scrolls sideways on a phone (${overflow}px)`);
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('dx.planDraft:')) localStorage.removeItem(k);
  });
});

test('the DX office enters a task by hand with a group lead, links a theme and finds it by that theme', async (ctx) => {
  const { page } = ctx;
  await setUpEvidence(ctx);
  await signInAs(ctx, DX_OFFICE);
  const req = ctx.context.request;
  const plans = await (await req.get(`${ctx.base}/api/plans`)).json();
  const plan54 = (plans.items as { id: string; number: string | null }[]).find((p) =>
    p.number?.startsWith('54'),
  );
  assert(plan54, 'plan 54 listed');
  const plan = await (await req.get(`${ctx.base}/api/plans/${plan54.id}`)).json();
  const theme = (plan.themeIndex as { id: string; code: string; title: string }[])[0];
  assert(theme, 'plan 54 has themes');
  const title = `Tuyên truyền chuyển đổi số trong các sở, ngành (nhập tay ${Date.now()})`;

  await page.goto('/tasks');
  await visible(page.getByRole('heading', { name: 'Nhiệm vụ (Phụ lục)' }));
  await choosePlan54(page);
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm nhiệm vụ' });
  await dialog.getByLabel('Tên nhiệm vụ').fill(title);
  await dialog.getByLabel('Nhóm đơn vị chủ trì').click();
  await page.getByRole('option', { name: 'Các sở, ban, ngành', exact: true }).click();
  await dialog.getByLabel('Tên nhiệm vụ').focus();
  // The period is understood as the user types, by the same parser as the server.
  await dialog.getByLabel('Thời gian thực hiện').fill('Quý III/2023');
  await visible(dialog.getByText('Hiểu là: 01/07/2023 – 30/09/2023, hạn 30/09/2023'));
  await dialog.getByLabel('Nội dung tuyên truyền').click();
  await page
    .getByRole('listbox')
    .getByRole('option', { name: `${theme.code} — ${theme.title}`.slice(0, 140), exact: true })
    .click();
  await dialog.getByLabel('Kinh phí').focus();
  await dialog.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Filtered by that theme, the list shows the new task and not the imported ones (linked to no theme).
  await page.getByRole('combobox', { name: 'Nội dung tuyên truyền' }).selectOption(theme.id);
  await visible(page.getByRole('link', { name: title }));
  assert(
    (await page.getByRole('link', { name: 'Tuyên truyền trên hệ thống thông tin cơ sở' }).count()) === 0,
    'only tasks of the theme',
  );
  await page.getByRole('link', { name: title }).click();
  await visible(page.getByText('Quý III/2023 (Hạn 30/09/2023)'));
  await visible(page.getByText(`• ${theme.code} — ${theme.title}`.slice(0, 142)));
  await expectAccessible(page, 'task added by hand');

  // Someone else changes the links meanwhile: saving shows the server's links and re-applies on request.
  await page.getByRole('button', { name: 'Sửa liên kết' }).click();
  const me = await (await req.get(`${ctx.base}/api/auth/me`)).json();
  const taskId = page.url().split('/').at(-1)!;
  const current = await (await req.get(`${ctx.base}/api/tasks/${taskId}`)).json();
  const changed = await req.patch(`${ctx.base}/api/tasks/${taskId}`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: { version: current.task.version, themeIds: [], targetIds: [] },
  });
  assert(changed.ok(), `patch links: ${changed.status()} ${await changed.text()}`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(page.getByRole('alert').getByText('Nhiệm vụ vừa được người khác sửa'));
  await page.getByRole('button', { name: 'Áp dụng lại thay đổi của tôi' }).click();
  await visible(page.getByRole('button', { name: 'Sửa liên kết' }));
  await visible(page.getByText(`• ${theme.code} — ${theme.title}`.slice(0, 142)));
});
