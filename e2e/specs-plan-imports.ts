// End-to-end spec of importing a plan document (issue 17); registered with `test` from ./lib.
import { resolve } from 'node:path';
import { adminSetup, assert, expectAccessible, shot, signInAs, test, visible } from './lib';

const DX = { username: 'nhapkehoach.sotttt', password: 'mat-khau-nhap-ke-hoach-1' };
const OCR = resolve(
  import.meta.dirname,
  '../packages/domain/src/plan-import/fixtures/54-KH-UBND-2023.ocr.txt',
);

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
