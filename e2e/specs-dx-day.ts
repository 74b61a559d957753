// End-to-end specs of the DX office's day (issue 19); registered with `test` from ./lib.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { adminSetup, assert, type Ctx, expectAccessible, shot, signInAs, test, visible } from './lib';

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
