// End-to-end specs of the DX office's day (issue 19); registered with `test` from ./lib.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Locator } from 'playwright-core';
import { adminSetup, assert, expectAccessible, shot, signInAs, test, visible } from './lib';

const DX = { username: 'dxday.vanphong', password: 'mat-khau-dx-day-1' };

/** The text of a DOCX's body, one paragraph a line. */
async function docxText(path: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}

test('DX office: from its home page to a sent công văn đôn đốc, and the DOCX names the units behind', async (ctx) => {
  const { page } = ctx;
  const { provinceId, createUsers } = await adminSetup(ctx);
  await createUsers([[DX, 'dx_office', provinceId, 'Trần Thị Đôn Đốc']]);
  await signInAs(ctx, DX);

  // Home: targets behind, one click to the dashboard.
  await page.goto('/home');
  const behind = page.getByRole('link', { name: /Xem: Chỉ tiêu chậm tiến độ|Chỉ tiêu chậm tiến độ/ });
  await visible(behind);
  await shot(ctx, 'dx-day-1-home');
  await behind.first().click();
  await page.waitForURL(/\/dashboard/);

  // The first target's details: the list of who is behind, with "Tạo công văn đôn đốc".
  const details = page.getByRole('button', { name: /Xem chi tiết, đôn đốc/ });
  await visible(details);
  await details.first().click();
  const dialog = page.getByRole('dialog').first();
  const urge = dialog.getByRole('button', { name: /Tạo công văn đôn đốc/ });
  await urge.waitFor({ state: 'visible', timeout: 90_000 });
  await expectAccessible(page, 'dashboard target with urging');
  await shot(ctx, 'dx-day-2-behind-list');
  await urge.click();
  const confirm = page.getByRole('dialog', { name: 'Ban hành công văn đôn đốc' });
  await visible(confirm);
  await confirm.getByRole('button', { name: 'Ban hành và gửi' }).click();
  const issued = page.getByRole('status').filter({ hasText: /Đã ban hành công văn số \d+\// });
  await issued.waitFor({ state: 'visible', timeout: 90_000 });
  const title = (await issued.textContent()) ?? '';
  const number = /công văn số (\d+\/[^,]+),/.exec(title)?.[1];
  assert(number, `number in "${title}"`);
  await shot(ctx, 'dx-day-3-issued');

  // The DOCX: issuer, number, subject, "Kính gửi", the table of units and what each owes, the signature.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    issued.getByRole('link', { name: 'Tải công văn (.docx)' }).click(),
  ]);
  const path = await download.path();
  assert(path, 'the download has a file');
  assert(download.suggestedFilename().endsWith('.docx'), download.suggestedFilename());
  const text = await docxText(path);
  for (const want of [
    `Số: ${number}`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'V/v đôn đốc thực hiện chỉ tiêu',
    'Kính gửi',
    'Nội dung chưa hoàn thành',
    'chưa đạt',
    'Nơi nhận:',
  ])
    assert(text.includes(want), `DOCX lacks "${want}"\n${text.slice(0, 1500)}`);

  // The register of issued letters.
  await page.goto('/urgings');
  await visible(page.getByRole('link', { name: number }));
  await expectAccessible(page, 'issued urging letters');
  await shot(ctx, 'dx-day-4-urgings');
});

const COMMUNE = { username: 'canbo.kienbai', password: 'mat-khau-kien-bai-1' };

test('the commune’s five minutes: an officer with no channel records a publication on a phone in ≤ 10 taps', async (ctx) => {
  const { page } = ctx;
  const { unit, createUsers } = await adminSetup(ctx);
  // A commune of plan 54's year (2023) with no channel of its own.
  const kienBai = await unit('kien bai', 'Xã Kiền Bái', '2023-06-30');
  await createUsers([[COMMUNE, 'unit_officer', kienBai, 'Đỗ Thị Kiền']]);
  await ctx.context.clearCookies();
  await page.setViewportSize({ width: 390, height: 844 });
  // Every tap on the screen is counted; typing into the field just tapped is not a tap.
  let taps = 0;
  const tap = async (l: Locator) => {
    taps++;
    await l.first().click();
  };
  const step = async (n: number, what: string) => {
    await page.waitForTimeout(300); // animations settle before the picture
    await shot(ctx, `commune-five-minutes-${n}-${what}`);
  };

  await page.goto('/sign-in');
  // The officer's own phone: nothing remembered from the other people this browser profile played before (the
  // province chosen, the unit chosen, drafts live in localStorage and survive between specs).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await tap(page.getByLabel('Tên đăng nhập'));
  await page.keyboard.type(COMMUNE.username);
  await tap(page.getByLabel(/^Mật khẩu/));
  await page.keyboard.type(COMMUNE.password);
  await step(1, 'sign-in');
  await tap(page.getByRole('button', { name: 'Đăng nhập' }));

  // Home: "Thêm tin, bài" in one tap.
  const add = page.getByRole('link', { name: 'Thêm tin, bài' });
  await visible(add);
  await step(2, 'home');
  await tap(add);

  // No channel yet: the form proposes one (a name from the kind and the unit, the DX section ticked).
  const dialog = page.getByRole('dialog');
  const inline = dialog.getByRole('group', { name: 'Kênh đăng mới' });
  await visible(inline);
  const channelName = await inline.getByLabel(/^Tên kênh/).inputValue();
  assert(channelName === 'Trang thông tin điện tử Xã Kiền Bái', `proposed channel name: ${channelName}`);
  assert(await inline.getByLabel(/^Có chuyên mục/).isChecked(), 'the new channel has the DX section ticked');
  // The date falls in plan 54's year, not today (2026).
  // (set once the plan has loaded)
  let date = '';
  for (let i = 0; i < 50 && date !== '31/12/2023'; i++) {
    if (i) await page.waitForTimeout(200);
    date = await dialog.getByLabel(/^Ngày đăng/).inputValue();
  }
  assert(date === '31/12/2023', `publication date defaults inside the plan's period: ${date}`);
  await expectAccessible(page, 'publication form with an inline channel');
  await step(3, 'new-channel');
  await tap(inline.getByRole('button', { name: 'Tạo kênh' }));
  await visible(page.getByText('Đã tạo kênh "Trang thông tin điện tử Xã Kiền Bái".'));
  await inline.waitFor({ state: 'detached' });
  assert((await dialog.getByLabel(/^Kênh đăng/).inputValue()) === channelName, 'the new channel is chosen');
  assert(
    await dialog.getByLabel(/^Thuộc chuyên mục/).isChecked(),
    'a DX channel’s item is in the DX section',
  );

  // The theme picker shows short names.
  await tap(dialog.getByLabel(/^Chủ đề/));
  const option = page.getByRole('option', { name: /^II\.4\.e/ });
  await visible(option);
  const optionText = ((await option.textContent()) ?? '').trim();
  assert(optionText === 'II.4.e Chính quyền số', `theme option: ${optionText}`);
  const longest = Math.max(...(await page.getByRole('option').allTextContents()).map((t) => t.trim().length));
  assert(longest <= 70, `theme options are short names (longest ${longest} characters)`);
  await step(4, 'themes');
  await tap(option);
  // Tapping the title closes the theme list and opens the keyboard.
  const title = 'Xã Kiền Bái hướng dẫn người dân cài đặt VNeID';
  await tap(dialog.getByLabel(/^Tiêu đề tin, bài/));
  await page.keyboard.type(title);
  await step(5, 'filled');
  await tap(dialog.getByRole('button', { name: 'Lưu', exact: true }));
  await dialog.waitFor({ state: 'hidden' });

  // Saved, first in the list, marked "Vừa lưu".
  const first = page.getByRole('list', { name: 'Tin, bài' }).getByRole('listitem').first();
  await visible(first.getByText(title));
  await visible(first.getByText('Vừa lưu'));
  await visible(first.getByText(/31\/12\/2023 · Trang thông tin điện tử Xã Kiền Bái · Tin, bài · CĐS/));
  await step(6, 'saved');
  assert(taps <= 10, `recording took ${taps} taps (goal ≤ 10)`);
  console.log(`    commune's five minutes: ${taps} taps from sign-in to saved`);
  await expectAccessible(page, 'publications after saving');
});

test('DX office: exports the dashboard as XLSX and PDF and a target’s behind list as XLSX', async (ctx) => {
  const { page } = ctx;
  const who = { username: 'dxday.xuatfile', password: 'mat-khau-xuat-file-1' };
  const { provinceId, createUsers } = await adminSetup(ctx);
  await createUsers([[who, 'dx_office', provinceId, 'Lê Văn Xuất']]);
  await signInAs(ctx, who);
  await page.goto('/dashboard?asOf=2023-09-30');
  const download = async (name: RegExp) => {
    const [d] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      page.getByRole('link', { name }).first().click(),
    ]);
    return d;
  };
  const xlsx = await download(/Tải Excel/);
  assert(xlsx.suggestedFilename().endsWith('-2023-09-30.xlsx'), xlsx.suggestedFilename());
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  assert(
    wb.worksheets.map((w) => w.name).join('|') === 'Chỉ tiêu|Theo quận, huyện|Theo loại đơn vị',
    'the dashboard workbook has the targets and both breakdowns',
  );
  const pdf = await download(/In báo cáo/);
  assert(pdf.suggestedFilename().endsWith('.pdf'), pdf.suggestedFilename());
  const details = page.getByRole('button', { name: /Xem chi tiết, đôn đốc/ });
  await details.first().click();
  const dialog = page.getByRole('dialog').first();
  const list = await (async () => {
    const [d] = await Promise.all([
      page.waitForEvent('download', { timeout: 90_000 }),
      dialog.getByRole('link', { name: 'Tải danh sách (.xlsx)' }).click(),
    ]);
    return d;
  })();
  assert(list.suggestedFilename().endsWith('.xlsx'), list.suggestedFilename());
  await expectAccessible(page, 'dashboard target with its list download');
});

test('DX office: exports the overdue tasks and the missing reports lists as XLSX, with the as-of date and the criterion', async (ctx) => {
  const { page } = ctx;
  const who = { username: 'dxday.danhsach', password: 'mat-khau-danh-sach-1' };
  const { req, provinceId, unit, post, createUsers } = await adminSetup(ctx);
  const ward = await unit('dong hai 1', 'Phường Đông Hải 1', '2023-06-30');
  await createUsers([[who, 'dx_office', provinceId, 'Lê Thị Danh Sách']]);
  const plans = (await (await req.get(`${ctx.base}/api/plans`, { params: { provinceId } })).json()).items as {
    id: string;
    number: string | null;
  }[];
  const plan = plans.find((p) => p.number === '54/KH-UBND');
  assert(plan, 'plan 54 not seeded');
  // A task due in 2023 that the ward has not done, and a 2023 period the ward has not reported in: both past.
  const taskTitle = 'Nhiệm vụ quá hạn để xuất danh sách (e2e)';
  await post(
    `/api/plans/${plan.id}/tasks`,
    { title: taskTitle, leadUnitIds: [ward], timeFrame: 'Quý I/2023' },
    'task',
  );
  const period = await post(
    `/api/plans/${plan.id}/report-periods`,
    {
      kind: 'quarter',
      label: 'Quý III/2023 (danh sách)',
      periodFrom: '2023-07-01',
      periodTo: '2023-09-30',
      dueDate: '2023-10-10',
      unitIds: [ward],
    },
    'period',
  );
  await signInAs(ctx, who);
  const ExcelJS = (await import('exceljs')).default;
  const sheetText = async (link: Locator) => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), link.click()]);
    assert(d.suggestedFilename().endsWith('.xlsx'), d.suggestedFilename());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await d.path())!);
    const lines: string[] = [];
    wb.worksheets[0]!.eachRow((row) => {
      lines.push((row.values as unknown[]).slice(1).join(' | '));
    });
    return lines.join('\n');
  };
  const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });

  await page.goto('/tasks');
  const planSelect = page.getByLabel('Kế hoạch', { exact: true });
  const value = await planSelect.locator('option', { hasText: '54/KH-UBND' }).first().getAttribute('value');
  if (value) await planSelect.selectOption(value);
  const overdue = page.getByRole('link', { name: 'Tải danh sách quá hạn (Excel)' });
  await visible(overdue);
  const tasks = await sheetText(overdue);
  assert(
    tasks.includes(`Tính đến hết ngày ${today}`),
    `the as-of date on the sheet:\n${tasks.slice(0, 400)}`,
  );
  assert(tasks.includes('Tiêu chí: phần việc của đơn vị chưa "Hoàn thành"'), 'the criterion on the sheet');
  assert(
    tasks.split('\n').some((l) => l.includes('Phường Đông Hải 1') && l.includes(taskTitle)),
    'the ward and its overdue task are listed',
  );

  await page.goto(`/reports/periods/${period.id}`);
  const missing = page.getByRole('link', { name: 'Tải danh sách chưa nộp (Excel)' });
  await visible(missing);
  await expectAccessible(page, 'period with the missing list download');
  const reports = await sheetText(missing);
  assert(reports.includes('CHƯA NỘP BÁO CÁO — QUÝ III/2023 (DANH SÁCH)'), reports.slice(0, 300));
  assert(reports.includes(`Tính đến hết ngày ${today}`), 'the as-of date on the sheet');
  assert(reports.includes('hạn nộp 10/10/2023'), 'the deadline on the sheet');
  assert(
    reports.split('\n').some((l) => l.includes('Phường Đông Hải 1') && l.includes('Chưa nộp (quá hạn)')),
    'the ward is listed as missing',
  );
});
