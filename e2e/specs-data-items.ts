// End-to-end spec of reported figures (issue 16); registered with `test` from ./lib (run.ts imports this file last:
// it adds a plan of 2023, which the plan choosers of other specs must not meet first).
import { adminSetup, assert, type Ctx, expectAccessible, shot, signInAs, test, visible } from './lib';

const OFFICER = { username: 'solieu.donghai2', password: 'mat-khau-so-lieu-123' };
const DX = { username: 'solieu.sotttt', password: 'mat-khau-so-lieu-456' };
const COMMUNE = 'Phường Đông Hải 2';
const ITEM = 'Số lượt người dân được tiếp cận chiến dịch';
const PERIOD = 'Quý II/2023 (chiến dịch)';
const MONTHLY = 'Số tin chuyển đổi số phát trên loa truyền thanh';

/** Accounts, a 2023 campaign plan whose one target is the sum of the figure, and a quarter the ward reports in. */
async function setUp(ctx: Ctx) {
  const { req, headers, provinceId, unit, post, createUsers } = await adminSetup(ctx);
  const ward = await unit('dong hai 2', COMMUNE, '2023-06-30');
  const dxOffice = await unit('thong tin va truyen thong', 'Sở Thông tin và Truyền thông', '2023-06-30');
  await createUsers([
    [OFFICER, 'unit_officer', ward, 'Lê Thị Số Liệu'],
    [DX, 'dx_office', dxOffice, 'Phạm Văn Tổng Hợp'],
  ]);
  const plan = await post(
    '/api/plans',
    { provinceId, year: 2023, title: 'Kế hoạch chiến dịch truyền thông chuyển đổi số năm 2023' },
    'plan',
  );
  const text = 'Ít nhất 1.000 lượt người dân được tiếp cận chiến dịch';
  const patched = await req.patch(`${ctx.base}/api/plans/${plan.id}`, {
    headers,
    data: {
      version: plan.version,
      targets: [
        {
          letter: 'a',
          text,
          goal: { comparator: 'gte', value: 1000, unit: 'count' },
          subject: { type: 'unit_group', unitGroupCode: 'all-communes' },
        },
      ],
    },
  });
  assert(patched.ok(), `plan target: ${patched.status()} ${await patched.text()}`);
  const defs = await (await req.get(`${ctx.base}/api/plans/${plan.id}/targets/evaluation`)).json();
  const target = (defs.targets as { planTargetId: string; text: string }[]).find((t) => t.text === text);
  assert(target, 'the plan target exists');
  const defined = await req.put(
    `${ctx.base}/api/plans/${plan.id}/targets/${target.planTargetId}/definition`,
    {
      headers,
      data: {
        version: null,
        rule: {
          population: { record: 'unit', filters: [{ field: 'kind', in: ['commune'] }] },
          value: { type: 'figure', item: 'nguoi_tiep_can' },
          goal: { comparator: 'gte', value: 1000, unit: 'count' },
        },
      },
    },
  );
  assert(defined.ok(), `definition: ${defined.status()} ${await defined.text()}`);
  // A monthly figure: a quarter's report asks it once per month (issue 16).
  await post(
    '/api/data-items',
    {
      provinceId,
      code: 'tin_loa_thang',
      nameVi: MONTHLY,
      unitOfMeasure: 'count',
      frequency: 'month',
      aggregation: 'sum',
      reportingUnitKinds: ['commune'],
    },
    'monthly item',
  );
  const period = await post(
    `/api/plans/${plan.id}/report-periods`,
    {
      kind: 'quarter',
      label: PERIOD,
      periodFrom: '2023-04-01',
      periodTo: '2023-06-30',
      dueDate: '2023-07-10',
      unitIds: [ward],
    },
    'period',
  );
  return { planId: plan.id as string, periodId: period.id as string, ward };
}

test('data items: a commune reports a figure in its period report; the DX office accepts it; the target shows it', async (ctx) => {
  const { page } = ctx;
  const { planId, periodId, ward } = await setUp(ctx);

  // The DX office defines the figure communes report each quarter.
  await signInAs(ctx, DX);
  await page.goto('/data-items');
  await visible(page.getByRole('heading', { name: 'Số liệu đơn vị báo cáo' }));
  await page.getByRole('button', { name: 'Thêm số liệu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm số liệu' });
  await visible(dialog);
  await dialog.getByLabel('Tên tiếng Việt').fill(ITEM);
  await dialog.getByLabel('Tên tiếng Anh').fill('People reached by the campaign');
  await dialog.getByLabel('Mã (dùng trong cách tính chỉ tiêu)').fill('nguoi_tiep_can');
  await dialog.getByLabel('Đơn vị tính').selectOption('people');
  await dialog.getByLabel('Kỳ báo cáo').selectOption('quarter');
  await dialog.getByRole('checkbox', { name: 'xã, phường, thị trấn' }).check();
  await expectAccessible(page, 'data item form');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await visible(page.getByRole('cell', { name: ITEM }));
  await expectAccessible(page, 'data items');

  // The ward officer, on a phone, enters the figures in its period report form and submits the report: the figures
  // are saved and sent with it in the same request (one transaction), each month of the monthly one on its own.
  await signInAs(ctx, OFFICER);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/reports/periods/${periodId}/units/${ward}`);
  await visible(page.getByRole('heading', { name: `Báo cáo ${PERIOD} — ${COMMUNE}` }));
  await page.getByRole('button', { name: 'Bắt đầu soạn báo cáo' }).click();
  await visible(page.getByLabel('Kết quả thực hiện'));
  const figure = page.getByLabel(`${ITEM} (người)`);
  await figure.fill('1500');
  await page.getByLabel(`Ghi chú, nguồn số liệu — ${ITEM}`).fill('Sổ theo dõi hội nghị và loa truyền thanh');
  for (const m of [4, 5, 6]) await visible(page.getByLabel(`${MONTHLY} — tháng ${m}/2023 (số lượng)`));
  await page.getByLabel(`${MONTHLY} — tháng 5/2023 (số lượng)`).fill('4');
  await page.getByLabel('Kết quả thực hiện').fill('Tổ chức 3 buổi tuyên truyền tại tổ dân phố.');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await visible(page.getByText('Đã gửi, chờ duyệt').nth(1));
  // The submitted report shows the figures it carried (its frozen snapshot).
  const sent = page.getByRole('table', { name: 'Số liệu gửi kèm báo cáo' });
  await visible(sent);
  await visible(sent.getByRole('cell', { name: '1.500' }));
  await visible(sent.getByRole('cell', { name: `${MONTHLY} — tháng 5/2023 (số lượng)` }));
  await shot(ctx, 'data-items-report-phone', true);
  await expectAccessible(page, 'report with figures on a phone');

  // The ward's own grid of the figures it reports: its row only, nothing to review.
  await page.goto('/reports/mine');
  await page.getByRole('link', { name: `Bảng số liệu ${PERIOD} của đơn vị` }).click();
  await visible(page.getByRole('heading', { name: `Số liệu đơn vị tôi báo cáo — ${PERIOD}` }));
  await visible(page.getByRole('rowheader', { name: COMMUNE }));
  assert((await page.getByRole('checkbox').count()) === 0, 'a unit reviews nothing in its grid');
  // It types a month it left empty in place and saves it (a draft, sent later alone or with a report).
  await page.getByLabel(`${COMMUNE} — ${MONTHLY} — tháng 4/2023`).fill('3');
  await page.getByRole('button', { name: `Lưu số liệu của ${COMMUNE}` }).click();
  await visible(page.getByText('Đã lưu số liệu'));
  await visible(page.getByText('Đang soạn'));
  await expectAccessible(page, 'a unit’s own figures grid on a phone');

  // The DX office accepts the figure in the period's grid.
  await signInAs(ctx, DX);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(`/reports/periods/${periodId}/data`);
  await visible(page.getByRole('heading', { name: `Số liệu của kỳ ${PERIOD}` }));
  await page.getByRole('checkbox', { name: `Chọn ${COMMUNE} — ${ITEM}` }).check();
  await expectAccessible(page, 'figures grid');
  await page.getByRole('button', { name: 'Tiếp nhận số liệu đã chọn' }).click();
  await visible(page.getByText('Đã xử lý 1 số liệu'));
  await visible(page.getByText('Đã tiếp nhận'));
  await shot(ctx, 'data-items-grid', true);

  // An Excel sheet of the period is checked row by row before anything is written: a negative figure is explained.
  await page.locator('input[type=file]').setInputFiles({
    name: 'so-lieu.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `Mã đơn vị (không sửa),Đơn vị,${ITEM} (người) [nguoi_tiep_can]\n${ward},${COMMUNE},-5\n`,
    ),
  });
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await visible(page.getByText('Số liệu không được âm'));
  await visible(page.getByText('0 số liệu hợp lệ, 1 dòng có lỗi'));
  await expectAccessible(page, 'figures import check');

  // The target built on the figure shows the accepted value.
  await page.goto(`/dashboard?plan=${planId}`);
  const card = page.getByText('Ít nhất 1.000 lượt người dân được tiếp cận chiến dịch').first();
  await visible(card);
  await page.waitForFunction(() => /1\.500/.test(document.body.innerText), null, { timeout: 60_000 });
  await expectAccessible(page, 'dashboard with the figure target');
});
