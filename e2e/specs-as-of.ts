import type { Page } from 'playwright-core';
import { adminSetup, assert, expectAccessible, shot, test, visible } from './lib';

/*
 * Figures as of a date and records that follow reorganised units (issue 11; docs/architecture.md § Org units
 * through time): the dashboard's date picker, and the reorganisation form's choice of where a split unit's
 * records go.
 */

const targetCard = (page: Page, letter: string) =>
  page.getByRole('article', { name: new RegExp(`^Chỉ tiêu ${letter} `) });

test('as of: the dashboard at a date: 31/03/2023 shows the figure of that day, kept in the URL; clearing returns to today', async (ctx) => {
  const { page } = ctx;
  const { req, provinceId, unit, post } = await adminSetup(ctx);
  // A city-level DX workshop held on 15/06/2023 counts for target đ today, not as of 31/03/2023.
  const organiser = await unit('tu phap', 'Sở Tư pháp');
  await post(
    '/api/events',
    {
      organiserUnitId: organiser,
      title: 'Hội thảo chuyển đổi số thành phố (e2e as-of)',
      kind: 'workshop',
      level: 'city',
      isDx: true,
      heldOn: '2023-06-15',
    },
    'create event',
  );
  // What the API says (the rule itself is tested in packages/db): the dashboard's plan is the first one listed.
  const listed = (await (await req.get(`${ctx.base}/api/plans`, { params: { provinceId } })).json())
    .items as {
    id: string;
    number: string | null;
  }[];
  // Plan 54 itself (other specs add plans of other years).
  const plans = [listed.find((p) => p.number === '54/KH-UBND') ?? listed[0]!];
  const figureOf = async (asOf?: string) => {
    const r = await req.get(`${ctx.base}/api/plans/${plans[0]!.id}/targets/evaluation`, {
      params: asOf ? { asOf } : {},
    });
    assert(r.ok(), `evaluation: ${r.status()}`);
    const t = ((await r.json()).targets as { letter: string; value: number | null }[]).find(
      (x) => x.letter === 'đ',
    );
    return String(t!.value);
  };
  const [today, march] = [await figureOf(), await figureOf('2023-03-31')];
  assert(today !== march, `target đ should differ between today (${today}) and 31/03/2023 (${march})`);

  await page.goto('/dashboard');
  await visible(page.getByRole('heading', { name: 'Bảng điều khiển chỉ tiêu' }));
  const value = targetCard(page, 'đ').getByTestId('target-value');
  await visible(targetCard(page, 'đ').getByText(today, { exact: true }));
  assert((await value.textContent()) === today, `đ shows today's figure ${today}`);

  const picker = page.getByLabel('Số liệu tại ngày');
  await picker.fill('31/03/2023');
  await picker.press('Enter');
  await page.waitForURL(/[?&]asOf=2023-03-31/);
  await visible(targetCard(page, 'đ').getByText(march, { exact: true }));
  assert((await value.textContent()) === march, `đ shows ${march} as of 31/03/2023`);
  await expectAccessible(page, 'dashboard as of 31/03/2023');
  await shot(ctx, 'dashboard-as-of', true);

  // The URL keeps the date: reloading (or sharing the link) shows the same day.
  await page.reload();
  await visible(targetCard(page, 'đ').getByText(march, { exact: true }));
  assert(
    (await page.getByLabel('Số liệu tại ngày').inputValue()) === '31/03/2023',
    'the picker keeps the date',
  );

  // Cleared: back to today, and the URL forgets the date.
  await page.getByLabel('Số liệu tại ngày').fill('');
  await page.getByLabel('Số liệu tại ngày').press('Enter');
  await page.waitForURL((url) => !url.searchParams.has('asOf'));
  await visible(targetCard(page, 'đ').getByText(today, { exact: true }));
  assert((await value.textContent()) === today, 'back to the figure of today');
});

test('as of: a split asks where the ended unit’s records go, and its history shows the choice', async (ctx) => {
  const { page } = ctx;
  await adminSetup(ctx);
  const D = '2026-01-01';
  await page.goto(`/org-units?asOf=${D}`);
  await visible(page.getByRole('heading', { name: 'Cơ cấu tổ chức' }));
  await page.getByRole('button', { name: 'Ghi nhận thay đổi tổ chức' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Loại thay đổi').click();
  await page.getByRole('option', { name: 'Chia tách' }).click();
  await dialog.getByLabel('Căn cứ (văn bản)').fill('Nghị quyết thử nghiệm e2e');
  await dialog
    .getByLabel(/^Đơn vị/)
    .first()
    .fill('phu lien');
  await page.getByRole('option', { name: /^Phường Phù Liễn/ }).click();
  const names = dialog.getByLabel(/^Tên đơn vị/);
  await names.nth(0).fill('Phường Phù Liễn Bắc');
  await names.nth(1).fill('Phường Phù Liễn Nam');
  for (const i of [0, 1]) {
    await dialog
      .getByLabel(/^Loại hình hành chính/)
      .nth(i)
      .fill('Phường');
    await dialog
      .getByLabel(/^Đơn vị cấp trên/)
      .nth(i)
      .fill('hai phong');
    await page
      .getByRole('option', { name: /^Thành phố Hải Phòng/ })
      .first()
      .click();
  }
  // The old ward ends (not a partial split that keeps it): the form asks where its records go.
  const recordsTo = dialog.getByLabel('Hồ sơ của đơn vị cũ chuyển về');
  await visible(recordsTo);
  assert((await recordsTo.inputValue()) === 'Từng đơn vị mới theo phần được chia', 'by share is the default');
  await recordsTo.click();
  await page.getByRole('option', { name: 'Phường Phù Liễn Nam' }).click();
  await expectAccessible(page, 'reorganisation: split with records going to one successor');
  await shot(ctx, 'reorganisation-split-records');
  await dialog.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await visible(page.getByText('Đã ghi nhận thay đổi tổ chức'));

  // The unit's history: the ward that receives the records says nothing more; the other says they stay.
  const history = async (name: string) => {
    await page.getByLabel('Tìm đơn vị (không cần dấu)').fill(name);
    await page
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .first()
      .click();
    const formedFrom = page.getByRole('region', { name: 'Hình thành từ' });
    await visible(formedFrom.getByRole('button', { name: 'Phường Phù Liễn' }));
    return (await formedFrom.getByRole('listitem').first().textContent()) ?? '';
  };
  const south = await history('Phường Phù Liễn Nam');
  assert(south.includes('một phần') && !south.includes('hồ sơ không chuyển sang'), `Nam: ${south}`);
  const north = await history('Phường Phù Liễn Bắc');
  assert(north.includes('hồ sơ không chuyển sang'), `Bắc: ${north}`);
  await expectAccessible(page, 'unit history after the split');
  await shot(ctx, 'org-unit-split-history');
});
