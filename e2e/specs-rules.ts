// End-to-end spec of the vocabularies screen and the rule editor (issue 16); registered with `test` from ./lib.
import type { Page } from 'playwright-core';
import {
  adminSetup,
  assert,
  type Ctx,
  expectAccessible,
  settledWidth,
  shot,
  signInAs,
  test,
  visible,
} from './lib';

const DX = { username: 'quytac.vanphong', password: 'mat-khau-quy-tac-1' };
const TEXT = '100% cán bộ, công chức cấp xã được tập huấn kỹ năng số';

/** The page does not scroll sideways at a phone's width. */
async function fitsPhone(ctx: Ctx, page: Page, where: string, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await settledWidth(page);
  assert(width <= 390, `${where} scrolls sideways on a phone (${width}px)`);
  await shot(ctx, name, true);
  await page.setViewportSize({ width: 1280, height: 860 });
}

test('rules: the DX office adds a role and a training subject, builds a target from them with a live preview, saves it, and a training moves it on the dashboard', async (ctx) => {
  const { page, base } = ctx;
  const { provinceId, req, headers, createUsers } = await adminSetup(ctx);
  await createUsers([[DX, 'dx_office', provinceId, 'Phạm Văn Quy Tắc']]);

  // The plan states a new target (plan editing is another screen's spec): I.2.g, 100% of commune officials trained.
  const plans = (await (await req.get(`${base}/api/plans`, { params: { provinceId } })).json()).items as {
    id: string;
    number: string | null;
    year: number;
  }[];
  const plan = plans.find((p) => p.number === '54/KH-UBND' && p.year === 2023);
  assert(plan, 'plan 54 of 2023 is seeded');
  const stored = await (await req.get(`${base}/api/plans/${plan.id}`)).json();
  const patched = await req.patch(`${base}/api/plans/${plan.id}`, {
    headers,
    data: {
      version: stored.version,
      targets: [
        ...stored.document.targets,
        {
          letter: 'g',
          text: TEXT,
          goal: { comparator: 'eq', value: 100, unit: 'percent' },
          subject: { type: 'record', recordKind: 'person' },
        },
      ],
    },
  });
  assert(patched.ok(), `add target g: ${patched.status()} ${await patched.text()}`);

  await signInAs(ctx, DX);

  // The vocabularies: a new person role and a new training subject, with Vietnamese and English names.
  await page.goto(`${base}/home`);
  await page.getByRole('link', { name: 'Danh mục dùng chung' }).first().click();
  await visible(page.getByRole('heading', { name: 'Danh mục dùng chung', level: 2 }));
  const roles = page.getByRole('region', { name: 'Vai trò của người' });
  await visible(roles.getByText('phóng viên', { exact: true }));
  const addRole = roles.getByRole('form', { name: /Thêm mục vào/ });
  await addRole.getByLabel('Tên tiếng Việt').fill('cán bộ, công chức cấp xã');
  await addRole.getByLabel('Tên tiếng Anh').fill('commune officials');
  await addRole.getByRole('button', { name: 'Thêm mục' }).click();
  await visible(roles.getByText('cán bộ, công chức cấp xã', { exact: true }));
  const tags = page.getByRole('region', { name: 'Nội dung tập huấn' });
  const addTag = tags.getByRole('form', { name: /Thêm mục vào/ });
  await addTag.getByLabel('Tên tiếng Việt').fill('kỹ năng số');
  await addTag.getByLabel('Tên tiếng Anh').fill('digital skills');
  await addTag.getByRole('button', { name: 'Thêm mục' }).click();
  await visible(tags.getByText('kỹ năng số', { exact: true }));
  await expectAccessible(page, 'vocabularies');
  await shot(ctx, 'rules-1-vocabularies');
  await fitsPhone(ctx, page, 'the vocabularies screen', 'rules-1-vocabularies-phone');

  // The target's card on the dashboard opens its rule editor.
  await page.goto(`${base}/dashboard?plan=${plan.id}`);
  const card = page.getByRole('article', { name: /^Chỉ tiêu g\b/ });
  await visible(card);
  await card.getByRole('link', { name: /Sửa cách tính/ }).click();
  await visible(page.getByRole('heading', { name: 'Cách tính chỉ tiêu', level: 2 }));
  await visible(page.getByText(TEXT));

  // Population: people whose role is the new one; condition: at least one training on the new subject.
  const population = page.getByRole('region', { name: 'Đối tượng tính' });
  await population.getByLabel('Loại đối tượng', { exact: true }).selectOption('person');
  await population.getByRole('combobox', { name: /Thêm điều kiện lọc/ }).selectOption({ label: 'Vai trò' });
  await population.getByRole('checkbox', { name: 'cán bộ, công chức cấp xã' }).check();
  const condition = page.getByRole('region', { name: 'Điều kiện để được tính là đạt' });
  await condition.getByLabel('Hồ sơ liên kết', { exact: true }).selectOption('attended_trainings');
  await condition
    .getByRole('combobox', { name: /Thêm điều kiện lọc — Hồ sơ liên kết/ })
    .selectOption({ label: 'Nội dung tập huấn' });
  await condition.getByRole('checkbox', { name: 'kỹ năng số' }).check();

  // The live preview: nobody holds the role yet, so the editor warns that the target can never be met.
  const preview = page.getByRole('region', { name: 'Xem trước' });
  await visible(preview.getByText('Không có đối tượng nào để tính: chỉ tiêu không bao giờ đạt'));
  await visible(preview.getByText(/vai trò cán bộ, công chức cấp xã/));
  assert((await preview.getByTestId('preview-population').textContent()) === '0', 'population 0');
  await expectAccessible(page, 'rule editor');
  await shot(ctx, 'rules-2-editor', true);

  await page.getByRole('button', { name: 'Lưu cách tính' }).click();
  await visible(page.getByText('Đã lưu cách tính chỉ tiêu'));
  await fitsPhone(ctx, page, 'the rule editor', 'rules-2-editor-phone');

  // A commune official is recorded and attends a digital-skills training in the plan's year.
  const vocab = (await (await req.get(`${base}/api/vocabularies`, { params: { provinceId } })).json())
    .items as { vocabulary: string; code: string; labelVi: string }[];
  const role = vocab.find((t) => t.vocabulary === 'person_role' && t.labelVi === 'cán bộ, công chức cấp xã');
  const tag = vocab.find((t) => t.vocabulary === 'training_tag' && t.labelVi === 'kỹ năng số');
  assert(role && tag, 'the new terms are stored');
  const me = await (await req.get(`${base}/api/auth/me`)).json();
  const dxHeaders = { 'x-csrf-token': me.csrfToken as string };
  const person = await req.post(`${base}/api/people`, {
    headers: dxHeaders,
    data: { unitId: provinceId, fullName: 'Nguyễn Thị Xã Viên', role: role.code },
  });
  assert(person.ok(), `person: ${person.status()} ${await person.text()}`);

  // Before the training: one official, nobody trained yet.
  await page.goto(`${base}/dashboard?plan=${plan.id}`);
  await visible(card.getByTestId('target-value'));
  await card.getByText('0/1 đạt').waitFor({ state: 'visible', timeout: 30_000 });
  const before = await card.getByTestId('target-value').textContent();

  const training = await req.post(`${base}/api/trainings`, {
    headers: dxHeaders,
    data: {
      organiserUnitId: provinceId,
      title: 'Tập huấn kỹ năng số cho cán bộ cấp xã',
      heldOn: '2023-06-15',
      tags: [tag.code],
      attendeeIds: [(await person.json()).id],
    },
  });
  assert(training.ok(), `training: ${training.status()} ${await training.text()}`);

  await page.reload();
  await card.getByText('1/1 đạt').waitFor({ state: 'visible', timeout: 30_000 });
  const after = await card.getByTestId('target-value').textContent();
  assert(after?.includes('100') && after !== before, `the value moves: ${before} → ${after}`);
  await card.scrollIntoViewIfNeeded();
  await shot(ctx, 'rules-3-dashboard');
});
