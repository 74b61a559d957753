import { adminSetup, assert, expectAccessible, settledWidth, shot, signInAs, test, visible } from './lib';

/*
 * The national view (issue 13): a Ministry reader (a viewer over every province) sees the provinces side by side,
 * filters them, and opens one province's dashboard read-only; on a phone the table scrolls inside its frame.
 */

test('national: a Ministry reader ranks the provinces, filters them and opens Hải Phòng’s dashboard read-only', async (ctx) => {
  const { page } = ctx;
  const { post } = await adminSetup(ctx);
  const ministry = { username: 'bo.khcn.e2e', password: 'mat-khau-bo-khcn-2025' };
  await post(
    '/api/users',
    {
      username: ministry.username,
      displayName: 'Cán bộ Bộ Khoa học và Công nghệ',
      password: ministry.password,
      grants: [{ role: 'viewer', unitId: null }],
    },
    'create the Ministry reader',
  );
  await signInAs(ctx, ministry);

  await page.goto('/national?year=2023&asOf=2023-12-31');
  await visible(page.getByRole('heading', { name: 'Toàn quốc' }));
  await visible(page.getByRole('link', { name: 'Toàn quốc' }));
  const haiPhong = page.getByRole('button', { name: /Mở bảng điều khiển của .*Hải Phòng/ });
  await visible(haiPhong);
  // 2023: Hải Dương is still a province of its own (merged into Hải Phòng on 01/07/2025): listed, without a link
  // (its dashboard today would be Hải Phòng's).
  await visible(page.getByText('Nay không còn là đơn vị hành chính riêng'));
  assert(
    (await page.getByRole('button', { name: /Mở bảng điều khiển của .*Hải Dương/ }).count()) === 0,
    'no dashboard link for a province merged since',
  );
  await expectAccessible(page, 'national view');
  await shot(ctx, 'national', true);

  const search = page.getByLabel('Tìm tỉnh, thành phố');
  await search.fill('hai duong');
  await page.waitForURL(/[?&]q=hai/);
  // The name filter hides Hải Phòng (accent-insensitive: "hai duong" finds Hải Dương only).
  await haiPhong.first().waitFor({ state: 'detached' });
  await visible(page.getByText(/^1 \/ \d+ tỉnh, thành phố$/));
  await search.fill('');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await visible(haiPhong);
  const overflow = await settledWidth(page);
  assert(overflow <= 390, `the page scrolls sideways on a phone (${overflow}px): only the table should`);
  await shot(ctx, 'national-phone', true);
  await page.setViewportSize({ width: 1280, height: 860 });

  await haiPhong.first().click();
  await page.waitForURL(/\/dashboard\?.*readonly=1/);
  await visible(page.getByText(/từ màn hình Toàn quốc \(chỉ xem\)/));
  await visible(page.getByRole('heading', { name: 'Bảng điều khiển chỉ tiêu' }));
  await page.getByRole('link', { name: 'Về Toàn quốc' }).click();
  await page.waitForURL(/\/national/);
});
