// End-to-end specs of the obstacles register and the consolidated report; registered with `test` from ./lib.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { adminSetup, assert, type Ctx, expectAccessible, shot, signInAs, test, visible } from './lib';

const OFFICER = { username: 'kiennghi.phuong', password: 'mat-khau-kien-nghi-1' };
const DX = { username: 'kiennghi.sotttt', password: 'mat-khau-kien-nghi-2' };
const LEADER = { username: 'kiennghi.ubnd', password: 'mat-khau-kien-nghi-3' };
const COMMUNE = 'Phường Đông Hải 2';
const TITLE = 'Thiếu kinh phí in tờ rơi hướng dẫn dịch vụ công';

/** Accounts for a ward, the DX office and leadership; one DX publication of the ward; a period it must report in. */
async function setUp(ctx: Ctx) {
  const { req, provinceId, unit, post, createUsers } = await adminSetup(ctx);
  const ward = await unit('dong hai 2', COMMUNE, '2023-06-30');
  const dxOffice = await unit('thong tin va truyen thong', 'Sở Thông tin và Truyền thông', '2023-06-30');
  await createUsers([
    [OFFICER, 'unit_officer', ward, 'Lê Thị Kiến Nghị'],
    [DX, 'dx_office', dxOffice, 'Phạm Văn Tổng Hợp'],
    [LEADER, 'leadership', provinceId, 'Hoàng Văn Chỉ Đạo'],
  ]);
  const channel = await post(
    '/api/channels',
    { ownerUnitId: ward, kind: 'portal', name: 'Trang TTĐT phường Đông Hải 2', hasDxSection: true },
    'channel',
  );
  await post(
    '/api/publications',
    {
      channelId: channel.id,
      title: 'Phường Đông Hải 2 hướng dẫn người dân dùng dịch vụ công trực tuyến',
      publishedOn: '2023-05-15',
      format: 'article',
    },
    'publication',
  );
  const plans = (await (await req.get(`${ctx.base}/api/plans`, { params: { provinceId } })).json()).items as {
    id: string;
    number: string | null;
  }[];
  const plan = plans.find((p) => p.number === '54/KH-UBND') ?? plans[0];
  assert(plan, 'plan 54 not seeded');
  const period = await post(
    `/api/plans/${plan.id}/report-periods`,
    {
      kind: 'quarter',
      label: 'Quý II/2023',
      periodFrom: '2023-04-01',
      periodTo: '2023-06-30',
      dueDate: '2023-07-15',
      unitIds: [ward],
    },
    'period',
  );
  return { periodId: period.id as string, planId: plan.id, ward };
}

test('obstacle: a ward raises a proposal, the DX office forwards, leadership directs, the ward sees the direction and answers; the consolidated DOCX has the ward', async (ctx) => {
  const { page } = ctx;
  const { periodId, planId, ward } = await setUp(ctx);

  // The ward officer raises a proposal from its period report (the unit is filled in, the report linked).
  await signInAs(ctx, OFFICER);
  await page.goto(`/reports/periods/${periodId}/units/${ward}`);
  await page.getByRole('button', { name: 'Bắt đầu soạn báo cáo' }).click();
  await page.getByRole('link', { name: /Nêu khó khăn, kiến nghị cần Sở xử lý/ }).click();
  await visible(page.getByRole('heading', { name: 'Khó khăn, kiến nghị' }));
  const raise = page.getByRole('dialog', { name: 'Nêu khó khăn, kiến nghị' });
  await visible(raise);
  await raise.getByText('Kiến nghị, đề xuất').click();
  await raise.getByLabel('Tiêu đề').fill(TITLE);
  await raise.getByLabel('Nội dung').fill('Đề nghị thành phố hỗ trợ kinh phí in 5.000 tờ rơi cho người dân.');
  await raise.getByRole('button', { name: 'Gửi Sở tổng hợp' }).click();
  await visible(page.getByRole('link', { name: TITLE }));
  await visible(page.getByRole('row', { name: new RegExp(`${TITLE}.*${COMMUNE}.*Chờ Sở tổng hợp`) }));
  await expectAccessible(page, 'obstacles list');
  await shot(ctx, 'obstacles-list');

  // The DX office consolidates and forwards it to leadership.
  await signInAs(ctx, DX);
  await page.goto('/obstacles');
  await page.getByRole('link', { name: TITLE }).click();
  await visible(page.getByRole('heading', { name: TITLE }));
  assert(
    !(await page.getByRole('button', { name: 'Cho ý kiến chỉ đạo' }).count()),
    'no direct button before forwarding',
  );
  await page.getByRole('button', { name: 'Tổng hợp, chuyển lãnh đạo UBND' }).click();
  const fwd = page.getByRole('dialog', { name: 'Tổng hợp, chuyển lãnh đạo UBND' });
  await fwd.getByLabel('Ý kiến tổng hợp').fill('Sở đã tổng hợp; đề nghị lãnh đạo UBND xem xét.');
  await fwd.getByRole('button', { name: 'Tổng hợp, chuyển lãnh đạo UBND' }).click();
  await visible(page.getByText('Đã chuyển lãnh đạo UBND').first());
  const url = page.url();

  // Leadership directs: the text, the ward as owner, a due date.
  await signInAs(ctx, LEADER);
  await page.goto(url);
  await page.getByRole('button', { name: 'Cho ý kiến chỉ đạo' }).click();
  const dir = page.getByRole('dialog', { name: 'Cho ý kiến chỉ đạo' });
  await dir
    .getByLabel('Nội dung chỉ đạo')
    .fill('Giao UBND phường chủ động bố trí kinh phí từ nguồn thường xuyên.');
  await dir.getByLabel('Hạn xử lý').fill('31/12/2099');
  await dir.getByRole('button', { name: 'Cho ý kiến chỉ đạo' }).click();
  await visible(page.getByText('Đã có chỉ đạo, đang xử lý').first());
  await expectAccessible(page, 'obstacle detail');
  await shot(ctx, 'obstacle-directed', true);

  // The ward reads the direction and answers.
  await signInAs(ctx, OFFICER);
  await page.goto(url);
  await visible(page.getByText('Giao UBND phường chủ động bố trí kinh phí từ nguồn thường xuyên.'));
  await page.getByRole('button', { name: 'Trả lời, báo cáo kết quả' }).click();
  const ans = page.getByRole('dialog', { name: 'Trả lời, báo cáo kết quả' });
  await ans.getByLabel('Nội dung trả lời').fill('Phường đã in và phát 5.000 tờ rơi.');
  await ans.getByRole('button', { name: 'Trả lời, báo cáo kết quả' }).click();
  await visible(page.getByText('Phường đã in và phát 5.000 tờ rơi.'));
  await visible(page.getByText('Đã trả lời').first());

  // The consolidated report: the DX office opens the period and downloads the DOCX from the report panel; it carries
  // the ward's row and the proposal.
  await signInAs(ctx, DX);
  await page.goto(`/reports/periods/${periodId}`);
  await page
    .getByRole('heading', { name: 'Báo cáo tổng hợp' })
    .waitFor({ state: 'visible', timeout: 60_000 });
  const button = page.getByRole('link', { name: 'Tải báo cáo (.docx)' });
  // The summary figures show before downloading (generated live; slow on a loaded machine).
  await page.getByRole('cell', { name: 'I.2.a' }).waitFor({ state: 'visible', timeout: 60_000 });
  await shot(ctx, 'consolidated-panel');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  const path = await download.path();
  assert(path, 'the download has a file');
  assert(download.suggestedFilename() === 'Bao-cao-tong-hop-Quy-II-2023.docx', download.suggestedFilename());
  const bytes = readFileSync(path);
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const text = xml.replace(/<\/w:tc>/g, ' | ').replace(/<[^>]+>/g, '');
  assert(text.includes('BÁO CÁO'), 'a Báo cáo');
  assert(text.includes('Quý II/2023'), 'the period');
  // The ward's row: its report status and, per target, its own result as "Việc của tôi" (the standing API) shows it.
  const standing = await (
    await ctx.context.request.get(`${ctx.base}/api/plans/${planId}/targets/standing`, {
      params: { unitId: ward },
    })
  ).json();
  const cells = (standing.targets as { value: number | null; due: number; valueType: string | null }[]).map(
    (t) =>
      t.valueType !== 'count' && t.due === 0
        ? '—'
        : t.valueType === 'count'
          ? (t.value ?? 0).toLocaleString('vi-VN')
          : `${(t.value ?? 0).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`,
  );
  // The ward began its report (to raise the proposal from it) and has not sent it.
  const row = `${COMMUNE} | Đang soạn | ${cells.join(' | ')} |`;
  assert(
    text.includes(row),
    `the ward's row ${row} in: ${text.slice(text.indexOf('PHỤ LỤC'), text.indexOf('PHỤ LỤC') + 400)}`,
  );
  assert(text.includes(TITLE), 'the proposal is in the report');
});
