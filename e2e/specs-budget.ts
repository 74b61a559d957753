// End-to-end specs of the budget feature; registered with `test` from ./lib (run.ts imports this file).
import type { Page } from 'playwright-core';
import { adminSetup, assert, type Ctx, expectAccessible, shot, signInAs, test, visible } from './lib';

const UNIT = { username: 'budget.phuonghaian', password: 'mat-khau-du-toan-01' };
const DX = { username: 'budget.vanphongcds', password: 'mat-khau-du-toan-02' };
const FINANCE = { username: 'budget.sotaichinh', password: 'mat-khau-du-toan-03' };
const LEADER = { username: 'budget.ubnd', password: 'mat-khau-du-toan-04' };

let ready: { plan54: string } | null = null;
/** Once per run: an officer of Phường Hải An, the DX office, Finance, and the city's leadership (through the API). */
async function setUpBudget(ctx: Ctx) {
  if (ready) return ready;
  const { req, provinceId, unit, createUsers } = await adminSetup(ctx);
  const haiAn = await unit('hai an', 'Phường Hải An');
  const khcn = await unit('khoa hoc va cong nghe', 'Sở Khoa học và Công nghệ');
  const finance = await unit('tai chinh', 'Sở Tài chính');
  await createUsers([
    [UNIT, 'unit_officer', haiAn, 'Trần Thị Dự Toán'],
    [DX, 'dx_office', khcn, 'Nguyễn Văn Tổng Hợp'],
    [FINANCE, 'finance', finance, 'Lê Văn Thẩm Định'],
    [LEADER, 'leadership', provinceId, 'Phạm Thị Phê Duyệt'],
  ]);
  const plans = await (await req.get(`${ctx.base}/api/plans`)).json();
  const plan54 = (plans.items as { id: string; number: string | null }[]).find((p) =>
    p.number?.startsWith('54/'),
  );
  assert(plan54, 'plan 54 not seeded');
  ready = { plan54: plan54.id };
  return ready;
}

/** Text with no-break spaces read as spaces (formatVnd keeps "₫" with its number). */
const textOf = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s/g, ' ');
async function expectText(page: Page, testId: string, expected: string) {
  await page.waitForFunction(
    ([id, want]) =>
      (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').replace(/\s/g, ' ') === want,
    [testId, expected] as const,
  );
  assert((await textOf(page, testId)) === expected, `${testId} = ${expected}`);
}
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

test('budget: a unit submits; Finance adjusts a line with a reason; leadership approves; the unit sees the approved amounts and the diff', async (ctx) => {
  const { page } = ctx;
  const { plan54 } = await setUpBudget(ctx);

  // The unit officer drafts an estimate for plan 54 with two lines and submits it.
  await signInAs(ctx, UNIT);
  await page.goto('/budget');
  await visible(page.getByRole('heading', { name: 'Dự toán kinh phí' }));
  await page.getByLabel('Kế hoạch', { exact: true }).selectOption(plan54);
  await button(page, 'Lập dự toán').click();
  const dialog = page.getByRole('dialog', { name: 'Lập dự toán' });
  await dialog.getByLabel('Tên dự toán').fill('Dự toán truyền thông CĐS phường Hải An 2023');
  await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
  await visible(page.getByRole('heading', { name: 'Dự toán truyền thông CĐS phường Hải An 2023' }));
  await button(page, 'Thêm dòng').click();
  await button(page, 'Thêm dòng').click();
  const line = (n: number) => page.getByRole('group', { name: `Dòng ${n}` });
  await line(1).getByLabel('Nội dung chi').fill('In tờ rơi chuyển đổi số');
  await line(1).getByLabel('Đơn giá (đồng)').fill('2500');
  await line(1).getByLabel('Số lượng').fill('4000');
  await line(2).getByLabel('Nội dung chi').fill('Sản xuất video tuyên truyền');
  await line(2).getByLabel('Nguồn kinh phí').selectOption('city_budget');
  await line(2).getByLabel('Đơn giá (đồng)').fill('40000000');
  await line(2).getByLabel('Số lượng').fill('1');
  await button(page, 'Lưu dự toán').click();
  await expectText(page, 'estimate-total', '50.000.000 ₫');
  assert((await button(page, 'Phê duyệt').count()) === 0, 'a unit sees no approve button');
  await expectAccessible(page, 'budget estimate editor');
  await button(page, 'Gửi dự toán').click();
  await visible(page.getByText('Đang xem xét', { exact: true }));
  const url = page.url();

  // The DX office accepts it into the consolidated estimate (forward).
  await signInAs(ctx, DX);
  await page.goto(url);
  await visible(button(page, 'Chuyển bước sau'));
  assert((await button(page, 'Điều chỉnh số tiền').count()) === 0, 'the DX office may not adjust amounts');
  await button(page, 'Chuyển bước sau').click();
  await visible(page.getByText(/đang ở bước: Sở Tài chính thẩm định/));

  // Finance cuts the video line with a reason, then forwards.
  await signInAs(ctx, FINANCE);
  await page.goto(url);
  assert((await button(page, 'Phê duyệt').count()) === 0, 'Finance sees no approve button');
  await button(page, 'Điều chỉnh số tiền').click();
  await page.getByLabel('Số tiền thẩm định dòng 2').fill('35000000');
  await page.getByLabel('Lý do điều chỉnh dòng 2').fill('Theo định mức chi sản xuất video');
  await button(page, 'Lưu điều chỉnh').click();
  await expectText(page, 'estimate-total', '45.000.000 ₫');
  await button(page, 'Chuyển bước sau').click();
  await visible(page.getByText(/đang ở bước: UBND thành phố phê duyệt/));

  // Leadership approves.
  await signInAs(ctx, LEADER);
  await page.goto(url);
  assert(
    (await button(page, 'Chuyển bước sau').count()) === 0,
    'the last step approves, it does not forward',
  );
  await button(page, 'Phê duyệt').click();
  await visible(page.getByText('Đã phê duyệt', { exact: true }));

  // The unit sees the approved amounts, the reason, the history and the diff between rounds.
  await signInAs(ctx, UNIT);
  await page.goto(url);
  await expectText(page, 'approved-total', '45.000.000 ₫');
  await visible(page.getByText('Lý do điều chỉnh: Theo định mức chi sản xuất video'));
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await visible(page.getByText('Điều chỉnh số tiền — Sở Tài chính thẩm định'));
  await visible(page.getByText('Lê Văn Thẩm Định · vòng 1'));
  await page.getByRole('tab', { name: 'So sánh các vòng' }).click();
  const diff = page.getByRole('table', { name: 'So sánh từng dòng' });
  await visible(diff.getByText('Theo định mức chi sản xuất video'));
  const row = diff.getByRole('row').filter({ hasText: 'Sản xuất video tuyên truyền' });
  const cells = ((await row.textContent()) ?? '').replace(/\s/g, ' ');
  assert(
    cells.includes('40.000.000 ₫') && cells.includes('35.000.000 ₫') && cells.includes('-5.000.000 ₫'),
    `diff row: ${cells}`,
  );
  await expectAccessible(page, 'budget round diff');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(ctx, 'budget-diff-phone', true);

  // The totals tab offers the consolidated XLSX and the DOCX submission.
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/budget');
  await page.getByLabel('Kế hoạch', { exact: true }).selectOption(plan54);
  await page.getByRole('tab', { name: 'Tổng hợp' }).click();
  await visible(page.getByRole('table', { name: 'Theo nguồn kinh phí' }));
  const xlsx = await ctx.context.request.get(`${ctx.base}/api/plans/${plan54}/budget-export.xlsx`);
  assert(xlsx.ok() && (await xlsx.body()).subarray(0, 2).toString() === 'PK', 'xlsx downloads');
  assert((await page.getByRole('link', { name: 'Tải dự thảo Tờ trình (.docx)' }).count()) === 1, 'docx link');
});
