// End-to-end specs of the reports feature; registered with `test` from ./lib (run.ts imports this file).
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { adminSetup, assert, type Ctx, expectAccessible, shot, signInAs, test, visible } from './lib';

const REPORT_OFFICER = { username: 'baocao.donghai1', password: 'mat-khau-bao-cao-123' };
const REPORT_DX = { username: 'baocao.sotttt', password: 'mat-khau-bao-cao-456' };
const COMMUNE = 'Phường Đông Hải 1';

/**
 * The period page embeds the consolidated report panel, which computes the whole period (seconds on PGlite, whose
 * one connection then queues every other request): wait until nothing is loading before the next step.
 */
const settled = (ctx: Ctx) =>
  ctx.page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'), null, { timeout: 90_000 });

/** Once: a ward officer and a DX office account, and one DX publication of the ward in Quý I/2023. */
async function setUp(ctx: Ctx) {
  const { unit, post, createUsers } = await adminSetup(ctx);
  const ward = await unit('dong hai 1', COMMUNE, '2023-06-30');
  const dxOffice = await unit('thong tin va truyen thong', 'Sở Thông tin và Truyền thông', '2023-06-30');
  await createUsers([
    [REPORT_OFFICER, 'unit_officer', ward, 'Trần Thị Phường'],
    [REPORT_DX, 'dx_office', dxOffice, 'Ngô Văn Duyệt'],
  ]);
  const channel = await post(
    '/api/channels',
    { ownerUnitId: ward, kind: 'portal', name: 'Trang TTĐT phường Đông Hải 1', hasDxSection: true },
    'channel',
  );
  await post(
    '/api/publications',
    {
      channelId: channel.id,
      title: 'Phường Đông Hải 1 hướng dẫn người dân thanh toán không dùng tiền mặt',
      publishedOn: '2023-03-15',
      format: 'article',
    },
    'publication',
  );
}

test('report: a commune submits its periodic report; the DX office returns it, it is resubmitted and accepted (locked)', async (ctx) => {
  const { page } = ctx;
  await setUp(ctx);

  // The DX office opens Quý I/2023 and requires the ward to report.
  await signInAs(ctx, REPORT_DX);
  await page.goto('/reports');
  await visible(page.getByRole('heading', { name: 'Kỳ báo cáo định kỳ' }));
  const planSelect = page.getByLabel('Kế hoạch');
  if (await planSelect.count()) {
    const value = await planSelect.locator('option', { hasText: '54/KH-UBND' }).first().getAttribute('value');
    if (value) await planSelect.selectOption(value);
  }
  await page.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mở kỳ báo cáo' });
  await visible(dialog);
  // Plan 54's reporting schedule (plan data): the first half-year, due 15/6 — not ten days after it ends.
  assert(
    (await dialog.getByLabel('Tên kỳ báo cáo').inputValue()) === '6 tháng đầu năm 2023',
    "the first period proposed is the plan's schedule's",
  );
  assert(
    (await dialog.getByLabel('Hạn nộp').inputValue()) === '15/06/2023',
    `due by the plan's 15/6, got ${await dialog.getByLabel('Hạn nộp').inputValue()}`,
  );
  await dialog.getByLabel('Loại kỳ').selectOption('quarter');
  assert(
    (await dialog.getByLabel('Tên kỳ báo cáo').inputValue()) === 'Quý I/2023',
    'the label is filled from the quarter',
  );
  await dialog.getByLabel('Thêm đơn vị phải báo cáo').fill('dong hai 1');
  await page
    .getByRole('option', { name: /^Phường Đông Hải 1/ })
    .first()
    .click();
  await visible(dialog.getByText(COMMUNE));
  await dialog.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
  await visible(page.getByRole('heading', { name: 'Quý I/2023' }));
  await visible(page.getByRole('cell', { name: COMMUNE }));
  // Scanned once the consolidated panel has loaded (lib/ui Loading puts aria-label on the loader's span: an axe error).
  await visible(page.getByRole('link', { name: 'Tải báo cáo (.docx)' }));
  await settled(ctx);
  await expectAccessible(page, 'period page');

  // The ward officer, on a phone, finds the report pre-filled from its records and submits it.
  await signInAs(ctx, REPORT_OFFICER);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reports');
  await visible(page.getByRole('heading', { name: 'Báo cáo của tôi' }));
  await page.getByRole('link', { name: `Lập báo cáo Quý I/2023 — ${COMMUNE}` }).click();
  await visible(page.getByRole('heading', { name: `Báo cáo Quý I/2023 — ${COMMUNE}` }));
  await page.getByRole('button', { name: 'Bắt đầu soạn báo cáo' }).click();
  const results = page.getByLabel('Kết quả thực hiện');
  await visible(results);
  assert(
    (await page.getByText('Tin, bài', { exact: true }).locator('xpath=..').textContent())?.includes('1'),
    'the publication of Q1 is pre-filled',
  );
  await results.fill('Đăng 1 tin hướng dẫn thanh toán không dùng tiền mặt trên trang TTĐT phường.');
  await page.getByLabel('Khó khăn, vướng mắc').fill('Thiếu cán bộ viết tin.');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await visible(page.getByText('Đã gửi, chờ duyệt'));
  await shot(ctx, 'report-submitted-phone', true);
  await expectAccessible(page, 'submitted report on a phone');

  // The DX office returns it with a comment.
  await signInAs(ctx, REPORT_DX);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/reports/periods');
  await page.getByRole('link', { name: 'Quý I/2023' }).first().click();
  await visible(page.getByRole('heading', { name: 'Quý I/2023' }));
  await settled(ctx);
  await page.getByRole('link', { name: 'Duyệt báo cáo' }).click();
  await settled(ctx);
  await page.getByLabel('Ý kiến của Văn phòng CĐS').fill('Đề nghị bổ sung số người dân được hướng dẫn.');
  await page.getByRole('button', { name: 'Trả lại' }).click();
  await visible(page.getByText('Bị trả lại').first());

  // The ward sees the comment, completes the report and sends it again.
  await signInAs(ctx, REPORT_OFFICER);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/reports/mine');
  await visible(page.getByText('Đề nghị bổ sung số người dân được hướng dẫn.'));
  await expectAccessible(page, 'my reports on a phone');
  await page.getByRole('link', { name: `Sửa và gửi lại Quý I/2023 — ${COMMUNE}` }).click();
  await visible(page.getByRole('alert').filter({ hasText: 'Báo cáo bị trả lại' }));
  await page
    .getByLabel('Kết quả thực hiện')
    .fill('Đăng 1 tin hướng dẫn thanh toán không dùng tiền mặt; hướng dẫn trực tiếp 120 người dân.');
  await page.getByRole('button', { name: 'Gửi lại báo cáo' }).click();
  await visible(page.getByText('Đã gửi, chờ duyệt'));

  // The DX office accepts: the report is locked and says by whom and when.
  await signInAs(ctx, REPORT_DX);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/reports/periods');
  await page.getByRole('link', { name: 'Quý I/2023' }).first().click();
  await visible(page.getByRole('link', { name: 'Duyệt báo cáo' }));
  await settled(ctx);
  await page.getByRole('link', { name: 'Duyệt báo cáo' }).click();
  await settled(ctx);
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  const lock = page.getByRole('status').filter({ hasText: 'Báo cáo đã khoá' });
  await visible(lock);
  assert((await lock.textContent())?.includes('Ngô Văn Duyệt'), 'the lock names who accepted');
  await expectAccessible(page, 'accepted report');
  await shot(ctx, 'report-accepted', true);

  // The consolidated report of the period (the panel on the period page) downloads as DOCX with the ward in it.
  await page.getByRole('link', { name: '← Báo cáo định kỳ' }).click();
  await page.getByRole('link', { name: 'Quý I/2023' }).first().click();
  const docx = page.getByRole('link', { name: 'Tải báo cáo (.docx)' });
  await visible(docx);
  await settled(ctx);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), docx.click()]);
  const path = await download.path();
  assert(path, 'the DOCX downloads');
  const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  assert(
    text.includes('Quý I/2023') && text.includes(COMMUNE),
    'the consolidated DOCX names the period and the ward',
  );

  // The ward sees the lock and can no longer edit.
  await signInAs(ctx, REPORT_OFFICER);
  await page.goto('/reports/mine');
  await page.getByRole('link', { name: `Xem báo cáo Quý I/2023 — ${COMMUNE}` }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Báo cáo đã khoá' }));
  assert(
    (await page.getByRole('button', { name: 'Lưu nháp' }).count()) === 0,
    'a locked report has no save button',
  );
});
