// End-to-end spec of the province settings screen (issue 15); registered with `test` from ./lib.
import { adminSetup, assert, expectAccessible, shot, signInAs, test, visible } from './lib';

const ADMIN = { username: 'quantri.thietlap', password: 'mat-khau-thiet-lap-tinh-1' };

test('province settings: the province administrator reads Hải Phòng’s dated words, saves a change, and a stale save is shown as a conflict', async (ctx) => {
  const { page, base } = ctx;
  const { provinceId, post } = await adminSetup(ctx);
  await post(
    '/api/users',
    {
      username: ADMIN.username,
      displayName: 'Quản trị thành phố',
      password: ADMIN.password,
      grants: [{ role: 'administrator', unitId: provinceId }],
    },
    'create the province administrator',
  );
  await signInAs(ctx, ADMIN);

  await page.goto(`${base}/home`);
  await page.getByRole('link', { name: 'Thiết lập tỉnh, thành phố' }).first().click();
  await visible(page.getByRole('heading', { name: /Thiết lập tỉnh, thành phố/ }));
  // The seed's dated DX office agency: Sở TT&TT until 28/02/2025, then Sở KH&CN.
  const agency = page.getByRole('region', { name: 'Cơ quan thường trực chuyển đổi số' });
  const names = agency.getByLabel('Tên đầy đủ');
  await visible(names.nth(1));
  assert((await names.count()) === 2, 'two periods of the DX office agency');
  assert((await names.nth(0).inputValue()) === 'Sở Thông tin và Truyền thông', 'first agency');
  assert((await names.nth(1).inputValue()) === 'Sở Khoa học và Công nghệ', 'second agency');
  await visible(agency.getByLabel('Kết thúc giai đoạn').first());
  assert(
    (await agency.getByLabel('Kết thúc giai đoạn').first().inputValue()) === '28/02/2025',
    'ends 28/02/2025',
  );
  await expectAccessible(page, 'province settings');
  await shot(ctx, 'province-settings', true);

  // A change saved.
  const party = page.getByRole('textbox', { name: 'Tên cấp ủy (Tỉnh ủy/Thành ủy)' });
  await party.fill('Thành ủy Hải Phòng (thử)');
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await visible(page.getByText('Đã lưu thiết lập'));

  // Another tab saves first: this screen's save is refused with the conflict, what was typed stays.
  const req = ctx.context.request;
  const me = await (await req.get(`${base}/api/auth/me`)).json();
  const now = await (await req.get(`${base}/api/provinces/${provinceId}/settings`)).json();
  const other = await req.put(`${base}/api/provinces/${provinceId}/settings`, {
    headers: { 'x-csrf-token': me.csrfToken as string },
    data: {
      revision: now.revision,
      settings: {
        ...now.settings,
        party_committee_name: [{ validFrom: null, validTo: null, value: 'Thành ủy Hải Phòng' }],
      },
    },
  });
  assert(other.ok(), `the other save: ${other.status()} ${await other.text()}`);
  await party.fill('Thành ủy Hải Phòng (lần hai)');
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await visible(page.getByText('Người khác vừa lưu thiết lập này'));
  assert((await party.inputValue()) === 'Thành ủy Hải Phòng (lần hai)', 'what was typed stays on screen');
  await page.getByRole('button', { name: 'Tải bản mới nhất' }).first().click();
  await page.waitForFunction(
    () => !document.body.textContent?.includes('Người khác vừa lưu thiết lập này'),
    undefined,
    { timeout: 10_000 },
  );
  assert((await party.inputValue()) === 'Thành ủy Hải Phòng', 'reloaded the current version');

  // On a phone the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await visible(page.getByRole('heading', { name: /Thiết lập tỉnh, thành phố/ }));
  await visible(names.nth(1));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert(overflow <= 390, `the settings screen scrolls sideways on a phone (${overflow}px)`);
  await shot(ctx, 'province-settings-phone', true);
  await page.setViewportSize({ width: 1280, height: 860 });
});
