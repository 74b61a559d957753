// End-to-end spec of importing a plan document (issue 17); registered with `test` from ./lib.
import { resolve } from 'node:path';
import { adminSetup, assert, expectAccessible, settledWidth, shot, signInAs, test, visible } from './lib';

const DX = { username: 'nhapkehoach.sotttt', password: 'mat-khau-nhap-ke-hoach-1' };
const OCR = resolve(import.meta.dirname, '../packages/domain/test-data/plan-import/54-KH-UBND-2023.ocr.txt');

test('plan import: the DX office uploads the OCR text of plan 54, corrects two fields, confirms, and sees the plan', async (ctx) => {
  const { page, base } = ctx;
  const { unit, createUsers } = await adminSetup(ctx);
  const dxOffice = await unit('thong tin va truyen thong', 'Sở Thông tin và Truyền thông', '2023-06-30');
  await createUsers([[DX, 'dx_office', dxOffice, 'Trần Văn Nhập Liệu']]);
  await signInAs(ctx, DX);

  await page.goto(`${base}/plan-imports`);
  await visible(page.getByRole('heading', { name: 'Nhập kế hoạch từ văn bản' }));
  await page.locator('input[type=file]').setInputFiles(OCR);
  await page.getByRole('button', { name: 'Đọc văn bản' }).click();
  await visible(page.getByRole('heading', { name: 'Rà soát bản nháp' }));
  await visible(
    page.getByText('6 chỉ tiêu · 6 nội dung tuyên truyền · 3 mục tổ chức thực hiện · 9 nơi nhận'),
  );
  const signer = page.getByRole('textbox', { name: /^Người ký/u });
  assert((await signer.inputValue()) === 'Hoàng Minh Cường', `signer read as ${await signer.inputValue()}`);
  await expectAccessible(page, 'plan import review');
  await shot(ctx, 'plan-import-review', true);

  // Two corrections: another number (54/KH-UBND is already seeded) and the title's stray capital.
  const number = page.getByRole('textbox', { name: /^Số, ký hiệu/u });
  await number.fill('254/KH-UBND');
  const title = page.getByRole('textbox', { name: /^Trích yếu/u });
  const fixed = 'Truyền thông về chuyển đổi số trên địa bàn thành phố Hải Phòng năm 2023 (nhập từ bản quét)';
  await title.fill(fixed);
  await page.getByRole('button', { name: 'Xác nhận, tạo kế hoạch' }).click();

  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await visible(page.getByText(fixed));
  await visible(page.getByText('254/KH-UBND'));
  await shot(ctx, 'plan-import-confirmed', true);
});

test('plan editor parts: "Mục đích, yêu cầu" filled in, parts reordered and renamed, themes added, nested and moved; the document prints them so', async (ctx) => {
  const { page, base } = ctx;
  const { req, post, provinceId } = await adminSetup(ctx);
  // A copy of plan 54 for another year, so the seeded plan's themes (which other specs tag records with) stay.
  const plans = (await (await req.get(`${base}/api/plans`)).json()).items as {
    id: string;
    number: string | null;
  }[];
  const plan54 = plans.find((p) => p.number === '54/KH-UBND');
  assert(plan54, 'plan 54 listed');
  const copy = await post(
    '/api/plans',
    // An earlier year: later specs take the newest plan as the one in force (a record's default date, the dashboard).
    { provinceId, year: 2021, copyFromPlanId: plan54.id },
    'copy plan 54',
  );
  await page.goto(`${base}/plans/${copy.id}`);
  await page.getByRole('tab', { name: 'Sửa kế hoạch' }).click();
  const section = async (name: string) => {
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    const region = page.getByRole('region', { name: new RegExp(`^${name}`) });
    await visible(region);
    return region;
  };

  // "Mục đích, yêu cầu": two points of purpose; the part is empty until now, so it did not print.
  const aims = await section('Mục đích, yêu cầu');
  await aims.getByRole('button', { name: 'Thêm ý' }).first().click();
  await aims
    .getByRole('textbox', { name: 'Mục đích, ý 1' })
    .fill('Nâng cao nhận thức về chuyển đổi số (e2e).');
  await aims.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(page.getByText('Mục đích, yêu cầu: Đã lưu kế hoạch'));

  // The parts: funding moved above the tasks, and renamed.
  const parts = await section('Các phần và tiêu đề');
  await visible(parts.getByRole('group', { name: 'I. Mục đích, yêu cầu' }));
  const funding = parts.getByRole('group', { name: 'V. Kinh phí thực hiện' });
  await funding.getByRole('button', { name: 'Lên: V. Kinh phí thực hiện' }).click();
  await parts.getByRole('textbox', { name: 'Tiêu đề phần: Kinh phí thực hiện' }).fill('Kinh phí');
  await parts.getByRole('button', { name: 'Lưu', exact: true }).click();
  await visible(page.getByText('Các phần và tiêu đề: Đã lưu kế hoạch'));

  // Themes: a seventh added, then moved into the sixth as its a); theme 1 moved down below theme 2.
  await section('Mục tiêu cụ thể');
  const themes = page.getByRole('group', { name: /^Nội dung \d+\.$/ });
  assert((await themes.count()) === 6, `plan 54 has six themes, saw ${await themes.count()}`);
  await page.getByRole('button', { name: 'Thêm nội dung tuyên truyền' }).click();
  const seventh = page.getByRole('group', { name: 'Nội dung 7.' });
  await seventh.getByRole('textbox', { name: 'Tiêu đề' }).fill('Tuyên truyền về trợ lý ảo (e2e)');
  await seventh.getByRole('button', { name: 'Đưa vào trong nội dung phía trên: Nội dung 7.' }).click();
  await visible(page.getByRole('textbox', { name: 'Tiêu đề 6.a)' }));
  const first = page.getByRole('group', { name: 'Nội dung 1.' });
  const firstTitle = await first.getByRole('textbox', { name: 'Tiêu đề' }).first().inputValue();
  await page.getByRole('button', { name: 'Xuống: Nội dung 1.' }).click();
  assert(
    (await page
      .getByRole('group', { name: 'Nội dung 2.' })
      .getByRole('textbox', { name: 'Tiêu đề' })
      .first()
      .inputValue()) === firstTitle,
    'theme 1 moved to 2',
  );
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await visible(page.getByText('Đã lưu kế hoạch', { exact: true }));
  await expectAccessible(page, 'plan editor parts');
  await shot(ctx, 'plan-editor-parts');

  // The document as it prints: I. Mục đích, yêu cầu; funding (renamed) before the tasks; 6. a) the nested theme.
  await page.getByRole('tab', { name: 'Văn bản' }).click();
  const doc = page.getByRole('article');
  await visible(doc.getByText('I. MỤC ĐÍCH, YÊU CẦU'));
  await visible(doc.getByText('- Nâng cao nhận thức về chuyển đổi số (e2e).'));
  await visible(doc.getByText('IV. KINH PHÍ', { exact: true }));
  await visible(doc.getByText('V. NHIỆM VỤ CỤ THỂ'));
  await visible(doc.getByText('a) Tuyên truyền về trợ lý ảo (e2e)'));
  assert((await doc.getByText('2. Yêu cầu').count()) === 0, 'the empty "Yêu cầu" is not printed');

  // Usable on a phone: nothing wider than the screen, the editor's nested lists included.
  await page.getByRole('tab', { name: 'Sửa kế hoạch' }).click();
  await section('Mục tiêu cụ thể');
  await page.setViewportSize({ width: 390, height: 844 });
  await visible(page.getByRole('group', { name: 'Nội dung 6.' }));
  const width = await settledWidth(page);
  assert(width <= 390, `page scrolls sideways on a phone (${width}px)`);
});
