// End-to-end spec of importing a province's units from a file (issue 15); registered with `test` from ./lib.
import { adminSetup, assert, expectAccessible, shot, signInAs, test, visible } from './lib';

const ADMIN = { username: 'quantri.tinh', password: 'mat-khau-quan-tri-tinh-1' };
const HEAD = 'Mã,Tên đơn vị,Loại,Đơn vị cấp trên';
const csv = (rows: string[]) => ({
  name: 'don-vi.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEAD, ...rows].join('\n')}\n`, 'utf8'),
});

test('units import: a province administrator uploads a file with two bad rows, sees both explained, fixes them, confirms, and finds the units in the tree', async (ctx) => {
  const { page, base } = ctx;
  const { provinceId, post, req } = await adminSetup(ctx);
  // The date offered is 1 January of the province's earliest plan year (other specs add plans of other years).
  const listed = (await (await req.get(`${base}/api/plans`, { params: { provinceId } })).json()).items as {
    year: number;
  }[];
  const offered = `01/01/${Math.min(...listed.map((p) => p.year))}`;
  await post(
    '/api/users',
    {
      username: ADMIN.username,
      displayName: 'Quản trị tỉnh',
      password: ADMIN.password,
      grants: [{ role: 'administrator', unitId: provinceId }],
    },
    'create the province administrator',
  );
  await signInAs(ctx, ADMIN);

  await page.goto(`${base}/unit-imports`);
  await visible(page.getByRole('heading', { name: 'Nhập danh sách đơn vị' }));
  const good = [',Hội Tin học E2E,Hội,', ',Trường THCS E2E Máy Chai,Trường,Phuong May Chai'];
  await page
    .locator('input[type=file]')
    .setInputFiles(
      csv([...good, ',Câu lạc bộ E2E,Câu lạc bộ,', ',Trường Tiểu học E2E,Trường,Phường Không Có']),
    );
  await page.getByRole('button', { name: 'Chạy thử' }).click();

  // Both bad rows explained in Vietnamese; nothing saved, no confirm offered.
  await visible(page.getByText('4 dòng · 2 dòng hợp lệ · 2 dòng có lỗi', { exact: false }));
  await visible(page.getByText(/Loại "Câu lạc bộ" không rõ/));
  await visible(page.getByText(/Không tìm thấy đơn vị cấp trên "Phường Không Có"/));
  assert(
    (await page.getByRole('button', { name: /^Xác nhận nhập/ }).count()) === 0,
    'no confirm with errors',
  );
  await expectAccessible(page, 'units import dry run');
  await shot(ctx, 'unit-import-dry-run', true);

  // Fixed and uploaded again: every row understood, the effective date offered is 1 January of the earliest plan's year.
  await page
    .locator('input[type=file]')
    .setInputFiles(csv([...good, ',Câu lạc bộ E2E,Hội,', ',Trường Tiểu học E2E,Trường,Phường Máy Chai']));
  await page.getByRole('button', { name: 'Chạy thử' }).click();
  await visible(page.getByText('Mọi dòng đều hợp lệ', { exact: false }));
  const date = page.getByRole('textbox', { name: /^Ngày hiệu lực của các đơn vị/u });
  assert(
    (await date.inputValue()) === offered,
    `effective date offered: ${await date.inputValue()}, not ${offered}`,
  );
  await page.getByRole('button', { name: 'Xác nhận nhập 4 đơn vị' }).click();
  await visible(page.getByText(`Đã tạo 4 đơn vị, hiệu lực từ ${offered}.`));
  await shot(ctx, 'unit-import-confirmed', true);

  // In the tree as of 30/06/2023: the four units, the schools under the ward.
  await page.getByRole('link', { name: 'Xem cơ cấu tổ chức' }).click();
  await visible(page.getByRole('heading', { name: 'Cơ cấu tổ chức' }));
  await page.getByRole('button', { name: '30/06/2023' }).click();
  await page.getByLabel('Tìm đơn vị (không cần dấu)').fill('e2e');
  await visible(page.getByText('4 kết quả'));
  await visible(
    page
      .getByRole('region', { name: '4 kết quả' })
      .getByRole('button', { name: /^Trường THCS E2E Máy Chai/ }),
  );
});
