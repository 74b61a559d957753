// End-to-end spec of the province settings screen (issue 15); registered with `test` from ./lib.
import { adminSetup, assert, expectAccessible, settledWidth, shot, signInAs, test, visible } from './lib';

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
  const overflow = await settledWidth(page);
  assert(overflow <= 390, `the settings screen scrolls sideways on a phone (${overflow}px)`);
  await shot(ctx, 'province-settings-phone', true);
  await page.setViewportSize({ width: 1280, height: 860 });
});

test('users: a grant on a unit merged away is flagged with its successor and moved in one click (issue 15)', async (ctx) => {
  const { page, base } = ctx;
  const { unit, post } = await adminSetup(ctx);
  // The DX office's old agency, as it stood in 2023 (ended by the 2025 arrangement of departments).
  const old = await unit('Thông tin', 'Sở Thông tin và Truyền thông', '2023-06-30');
  await post(
    '/api/users',
    {
      username: 'can.bo.so.tttt',
      displayName: 'Cán bộ sở cũ',
      password: 'mat-khau-so-cu-dai-du',
      grants: [{ role: 'dx_office', unitId: old }],
      // An account made as it was before the 2025 arrangement (a new grant there must be said to be meant).
      allowEndedUnits: true,
    },
    'create the officer of the old agency',
  );
  await page.goto(`${base}/users`);
  await page.getByRole('searchbox', { name: 'Tìm tài khoản' }).fill('can.bo.so.tttt');
  await visible(page.getByTestId('ended-grants'));
  await visible(
    page.getByText(
      /Đơn vị Sở Thông tin và Truyền thông đã kết thúc từ ngày .*nay là Sở Khoa học và Công nghệ/,
    ),
  );
  await expectAccessible(page, 'users with an ended grant');
  await shot(ctx, 'users-ended-grant');
  await page.getByRole('button', { name: 'Chuyển sang đơn vị kế thừa can.bo.so.tttt' }).click();
  await visible(page.getByText('Đã chuyển quyền của can.bo.so.tttt sang đơn vị kế thừa'));
  await visible(page.getByText('Bộ phận chuyển đổi số — Sở Khoa học và Công nghệ'));
  assert((await page.getByTestId('ended-grants').count()) === 0, 'no ended grant left');
});

test('users: the unit picker searches every province the administrator manages, not only the one chosen (issue 15)', async (ctx) => {
  const { page } = ctx;
  await adminSetup(ctx);
  await page.goto('/users');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog');
  // In 2023 the platform held Hải Phòng and Hải Dương; the screens work in Hải Phòng.
  await dialog.getByLabel('Tìm đơn vị theo cơ cấu ngày').fill('30/06/2023');
  await dialog.getByLabel('Tìm đơn vị theo cơ cấu ngày').press('Enter');
  await dialog.getByLabel(/^Đơn vị \(phạm vi\)/).fill('cam giang');
  await visible(page.getByRole('option', { name: 'Huyện Cẩm Giàng (Tỉnh Hải Dương)' }));
  await dialog.getByLabel(/^Đơn vị \(phạm vi\)/).fill('hai an');
  await visible(page.getByRole('option', { name: /^Quận Hải An \(Thành phố Hải Phòng\)/ }));
});
