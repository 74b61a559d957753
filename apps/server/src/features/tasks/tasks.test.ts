import { queryRows, seedPlans } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { appendixXlsx } from './appendix-fixture';

/** A title row, Roman group rows, a group lead and a bad row. */
// Mid-July 2023: tasks due in quarter II are overdue, those of October are not yet due.
const now = new Date('2023-07-15T03:00:00Z');

const APPENDIX: (string | number | null)[][] = [
  ['I', 'Tuyên truyền trên báo chí', null, null, null, null, null, null],
  [
    1,
    'Mở chuyên mục "Chuyển đổi số" trên báo, đài',
    'Báo Hải Phòng, Đài PT&TH Hải Phòng',
    'Sở TT&TT',
    'Quý II/2023',
    'Chuyên mục',
    '500.000.000',
    null,
  ],
  [
    2,
    'Tuyên truyền trên hệ thống thông tin cơ sở',
    'UBND các xã, phường, thị trấn',
    'Sở TT&TT',
    'Tháng 10/2023',
    'Tin, bài',
    null,
    null,
  ],
  ['II', 'Tập huấn', null, null, null, null, null, null],
  [
    1,
    'Tập huấn kỹ năng viết tin về chuyển đổi số',
    'Sở Thông tin và Truyền thông',
    'Các sở, ban, ngành; UBND các quận, huyện',
    'Thường xuyên',
    'Lớp tập huấn',
    null,
    null,
  ],
  [2, 'Hội thảo chuyển đổi số', 'Ban Tuyên truyền Không Tồn Tại', null, '01-10/10/2023', null, null, null],
];

describe('tasks of the appendix (plan 54 III, V.1.a)', () => {
  let t: TestApp;
  let dx: Session;
  let planId: string;
  let commune: string;
  let communeOfficer: Session;
  let otherCommuneOfficer: Session;
  let viewer: Session;
  let content: string;

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
    planId = (await seedPlans(t.handle.db))!;
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    const mcId = await seededUnit(t, 'Phường Máy Chai');
    const otherId = await seededUnit(t, 'Xã Bát Trang');
    commune = mcId;
    communeOfficer = await t.userWith([{ role: 'unit_officer', unitId: commune }]);
    otherCommuneOfficer = await t.userWith([{ role: 'unit_officer', unitId: otherId }]);
    content = await appendixXlsx(APPENDIX);
  });
  afterAll(async () => t?.close());

  const importFile = (session: Session, confirm: boolean, extra: Record<string, unknown> = {}) =>
    t.call(session, {
      method: 'POST',
      url: `/api/plans/${planId}/tasks/import`,
      payload: { fileName: 'phu-luc.xlsx', contentBase64: content, confirm, ...extra },
    });
  const count = async (table: string) =>
    Number(
      (await queryRows<{ n: string }>(t.handle.db, sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n,
    );

  it('dry run: shows how every cell was understood, explains the bad row, saves nothing', async () => {
    const res = await importFile(dx, false);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 4, valid: 3, saved: 0, fileIssues: [] });
    const [group, press, communes] = body.rows;
    expect(group).toMatchObject({ kind: 'group', section: 'I. Tuyên truyền trên báo chí' });
    expect(press.leads.matches.map((m: { name: string }) => m.name)).toEqual([
      'Báo Hải Phòng',
      expect.stringMatching(/^Đài Phát thanh và Truyền hình Hải Phòng/),
    ]);
    expect(press.coordinators.matches[0]).toMatchObject({
      name: 'Sở Thông tin và Truyền thông',
      confidence: 'abbreviation',
    });
    expect(press.timeFrame).toMatchObject({ kind: 'period', from: '2023-04-01', dueDate: '2023-06-30' });
    expect(press.budgetAmount).toBe(500_000_000);
    expect(communes.leads.matches[0]).toMatchObject({ type: 'group', name: 'UBND các xã, phường, thị trấn' });
    expect(communes.leadUnits).toBeGreaterThan(200); // every commune of Hải Phòng in October 2023
    const bad = body.rows.at(-1);
    expect(bad.valid).toBe(false);
    expect(bad.issues).toContainEqual(
      expect.objectContaining({
        column: 'lead',
        severity: 'error',
        message: expect.stringContaining('Không tìm thấy đơn vị'),
      }),
    );
    expect(await count('task')).toBe(0);
  });

  it('confirm: saves the valid rows in one go, one part per unit of a group lead', async () => {
    const res = await importFile(dx, true);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ saved: 3 });
    expect(await count('task')).toBe(3);
    const list = await t.call(viewer, { method: 'GET', url: `/api/plans/${planId}/tasks?limit=50` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items;
    expect(items.map((i: { section: string }) => i.section)).toEqual([
      'I. Tuyên truyền trên báo chí',
      'I. Tuyên truyền trên báo chí',
      'II. Tập huấn',
    ]);
    const training = items[2];
    expect(training.timeFrame).toMatchObject({ text: 'Thường xuyên', kind: 'continuous', dueDate: null });
    expect(
      training.assignments.filter((a: { role: string }) => a.role === 'coordinator').length,
    ).toBeGreaterThan(20);
    // Quý II/2023 has passed on 15/07/2023 with nothing done: overdue.
    expect(
      items[0].assignments.every((a: { effectiveStatus: string }) => a.effectiveStatus === 'overdue'),
    ).toBe(true);
    expect(items[0].progress).toEqual({ done: 0, total: 2, overdue: 2 });
  });

  it('importing the same appendix again saves nothing new and says which rows are already in the plan', async () => {
    const dry = await importFile(dx, false);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ total: 4, valid: 0, saved: 0 });
    const press = dry.json().rows[1];
    expect(press.valid).toBe(false);
    expect(press.issues).toContainEqual({
      column: 'title',
      severity: 'error',
      message:
        'Nhiệm vụ đã có trong kế hoạch (STT 1, mục I. Tuyên truyền trên báo chí): dòng này trùng, không nhập lại',
    });
    const again = await importFile(dx, true);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ valid: 0, saved: 0 });
    expect(await count('task')).toBe(3);
  });

  it('only the DX office imports', async () => {
    expect((await importFile(communeOfficer, false)).statusCode).toBe(403);
  });

  it('a commune officer marks its part done with evidence; the DX office sees overall progress', async () => {
    const mine = await t.call(communeOfficer, { method: 'GET', url: `/api/plans/${planId}/tasks?mine=true` });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    const task = mine.json().items[0];
    const part = task.assignments.find((a: { unitId: string }) => a.unitId === commune);
    expect(part).toMatchObject({ role: 'lead', status: 'not_started', viaGroupId: expect.any(String) });

    const update = {
      kind: 'progress',
      assignmentId: part.id,
      status: 'done',
      version: part.version,
      note: 'Đã phát 12 tin trên loa phường',
      links: ['https://maychai.haiphong.gov.vn/tin/chuyen-doi-so'],
      files: [
        {
          fileName: 'Biên bản.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4 minh chứng').toString('base64'),
        },
      ],
    };
    expect(
      (
        await t.call(otherCommuneOfficer, {
          method: 'POST',
          url: `/api/tasks/${task.id}/updates`,
          payload: update,
        })
      ).statusCode,
    ).toBe(403);
    const res = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/tasks/${task.id}/updates`,
      payload: update,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      statusFrom: 'not_started',
      statusTo: 'done',
      attachments: [{ fileName: 'Biên bản.pdf' }],
    });
    // The same stale version again is a conflict, not a silent overwrite.
    const stale = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/tasks/${task.id}/updates`,
      payload: update,
    });
    expect(stale.statusCode).toBe(409);

    const detail = await t.call(dx, { method: 'GET', url: `/api/tasks/${task.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().task.progress).toMatchObject({
      done: 1,
      total: task.assignments.filter((a: { role: string }) => a.role === 'lead').length,
    });
    expect(detail.json().updates).toHaveLength(1);
    const file = await t.call(viewer, {
      method: 'GET',
      url: `/api/task-attachments/${detail.json().updates[0].attachments[0].id}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('%PDF-1.4 minh chứng');

    const done = await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/tasks?status=done` });
    expect(done.json().items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    const overdue = await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/tasks?status=overdue` });
    expect(overdue.json().items).toHaveLength(1);
  });

  it('coordinating units comment; they cannot post progress', async () => {
    const list = (await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/tasks?q=tap huan` })).json()
      .items;
    expect(list).toHaveLength(1);
    const coordinator = list[0].assignments.find((a: { role: string }) => a.role === 'coordinator');
    const officer = await t.userWith([{ role: 'unit_officer', unitId: coordinator.unitId }]);
    const progress = await t.call(officer, {
      method: 'POST',
      url: `/api/tasks/${list[0].id}/updates`,
      payload: { kind: 'progress', assignmentId: coordinator.id, status: 'done', version: 1 },
    });
    expect(progress.statusCode).toBe(400);
    const comment = await t.call(officer, {
      method: 'POST',
      url: `/api/tasks/${list[0].id}/updates`,
      payload: { kind: 'comment', assignmentId: coordinator.id, note: 'Đơn vị cử 2 cán bộ tham dự' },
    });
    expect(comment.statusCode, comment.body).toBe(201);
  });

  it("the DX office enters a task by hand and links it to the plan's themes and targets", async () => {
    const [theme] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`SELECT id FROM plan_theme WHERE plan_id = ${planId} ORDER BY position LIMIT 1`,
    );
    const [target] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`SELECT id FROM plan_target WHERE plan_id = ${planId} LIMIT 1`,
    );
    const res = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/tasks`,
      payload: {
        title: 'Cuộc thi tìm hiểu chuyển đổi số',
        leadUnitIds: [commune],
        timeFrame: 'Quý IV/2023',
        themeIds: [theme!.id],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      leadText: 'Phường Máy Chai',
      timeFrame: { dueDate: '2023-12-31' },
      themeIds: [theme!.id],
    });
    const patched = await t.call(dx, {
      method: 'PATCH',
      url: `/api/tasks/${res.json().id}`,
      payload: { version: res.json().version, themeIds: [theme!.id], targetIds: [target!.id] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().targetIds).toEqual([target!.id]);
    const byTheme = await t.call(dx, {
      method: 'GET',
      url: `/api/plans/${planId}/tasks?themeId=${theme!.id}`,
    });
    expect(byTheme.json().items.map((i: { id: string }) => i.id)).toEqual([res.json().id]);
    const stale = await t.call(dx, {
      method: 'PATCH',
      url: `/api/tasks/${res.json().id}`,
      payload: { version: res.json().version, themeIds: [], targetIds: [] },
    });
    expect(stale.statusCode).toBe(409);
    const foreign = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/tasks`,
      payload: { title: 'x', leadUnitIds: [t.hd], timeFrame: 'Quý IV/2023' },
    });
    expect(foreign.statusCode).toBe(400);
  });

  it("exports the appendix with each unit's status, ready to attach to a report", async () => {
    const res = await t.call(viewer, { method: 'GET', url: `/api/plans/${planId}/tasks/export.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [appendix, parts] = wb.worksheets.map((ws) => ws.getSheetValues().flat().map(String).join('\n'));
    expect(appendix).toContain('I. Tuyên truyền trên báo chí');
    expect(appendix).toContain('Báo Hải Phòng: Quá hạn');
    expect(appendix).toMatch(/Chưa thực hiện: \d+ đơn vị\nHoàn thành: 1 đơn vị/); // October not due yet on 15/07
    expect(parts).toMatch(/Phường Máy Chai\nChủ trì\nHoàn thành/);
  });

  it('exports the overdue tasks list as XLSX: every part past its due date and not done, the as-of date and the criterion (issue 19)', async () => {
    const res = await t.call(viewer, { method: 'GET', url: `/api/plans/${planId}/tasks/overdue.xlsx` });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const text = rows.map((r) => r.join(' | ')).join('\n');
    expect(text).toContain('Tính đến hết ngày 15/07/2023');
    expect(text).toContain(
      'Tiêu chí: phần việc của đơn vị chưa "Hoàn thành" mà hạn hoàn thành của nhiệm vụ đã qua',
    );
    // The same parts the list marks overdue (GET …/tasks?status=overdue), one row each.
    const list = await t.call(viewer, {
      method: 'GET',
      url: `/api/plans/${planId}/tasks?status=overdue&limit=500`,
    });
    const expected = (
      list.json().items as { assignments: { unitName: string; effectiveStatus: string }[] }[]
    ).flatMap((x) => x.assignments.filter((a) => a.effectiveStatus === 'overdue').map((a) => a.unitName));
    const listed = rows.slice(rows.findIndex((r) => r[0] === 'STT') + 1);
    expect(expected.length).toBeGreaterThan(0);
    expect(listed.map((r) => r[1]).sort()).toEqual(expected.sort());
    expect(listed.map((r) => r[1])).toContain('Báo Hải Phòng');
    for (const r of listed) {
      const [d, m, y] = String(r[4]).split('/').map(Number) as [number, number, number];
      expect(r[5]).toBe(Math.round((Date.UTC(2023, 6, 15) - Date.UTC(y, m - 1, d)) / 86_400_000));
      expect(r[5] as number).toBeGreaterThan(0);
    }
  });

  it('the DX office edits a task (time frame re-read) and deletes one without updates; 409 when stale or updated', async () => {
    const created = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/tasks`,
      payload: {
        title: 'Nhiệm vụ nhập nhầm',
        leadUnitIds: [commune],
        timeFrame: 'Quý IV/2023',
        themeIds: [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const edit = {
      version: created.json().version,
      title: 'Nhiệm vụ đã sửa',
      output: 'Báo cáo',
      timeFrame: 'Tháng 9/2023',
      budgetText: '100 triệu',
      note: 'Ghi chú mới',
    };
    expect(
      (await t.call(communeOfficer, { method: 'PATCH', url: `/api/tasks/${id}`, payload: edit })).statusCode,
    ).toBe(403);
    const patched = await t.call(dx, { method: 'PATCH', url: `/api/tasks/${id}`, payload: edit });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      title: 'Nhiệm vụ đã sửa',
      output: 'Báo cáo',
      note: 'Ghi chú mới',
      budgetText: '100 triệu',
      budgetAmount: 100_000_000,
      timeFrame: { text: 'Tháng 9/2023', dueDate: '2023-09-30' },
      version: edit.version + 1,
    });
    expect(patched.json().assignments).toHaveLength(1); // leads unchanged, parts not re-expanded
    const stale = await t.call(dx, {
      method: 'PATCH',
      url: `/api/tasks/${id}`,
      payload: { ...edit, title: 'Cũ' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ title: 'Nhiệm vụ đã sửa' });

    const version = patched.json().version;
    expect(
      (await t.call(communeOfficer, { method: 'DELETE', url: `/api/tasks/${id}?version=${version}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.call(dx, { method: 'DELETE', url: `/api/tasks/${id}?version=${version - 1}` })).statusCode,
    ).toBe(409);
    const gone = await t.call(dx, { method: 'DELETE', url: `/api/tasks/${id}?version=${version}` });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await t.call(dx, { method: 'GET', url: `/api/tasks/${id}` })).statusCode).toBe(404);

    const withUpdates = (
      await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/tasks?status=done` })
    ).json().items[0];
    const refused = await t.call(dx, {
      method: 'DELETE',
      url: `/api/tasks/${withUpdates.id}?version=${withUpdates.version}`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/đã có \d+ cập nhật tiến độ hoặc ý kiến/);
  });
});
