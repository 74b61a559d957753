import { findPlanByCode, queryRows, schema, seedPlans, seedTargetDefinitions } from '@dx/db';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotificationMails } from '../../jobs/notification-mail';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { startLocalSmtp } from '../../test/smtp';

/*
 * Periodic reports end to end through the API (plan 54 V.1.a): the DX office opens Quý I/2023 for the districts and
 * one commune; the commune's report is pre-filled from its records, submitted (snapshot), returned with a comment,
 * resubmitted and accepted (locked); timeliness and completeness per group; reminders over a real SMTP server.
 */
describe('periodic reports API', () => {
  let now = new Date('2023-04-05T03:00:00Z');
  let t: TestApp;
  let dx: Session;
  let communeOfficer: Session;
  let leChanOfficer: Session;
  let outsider: Session;
  let viewer: Session;
  let planId: string;
  let commune: string;
  let otherCommune: string;
  let haiAn: string;
  let leChan: string;
  let districtsGroup: string;
  let communesGroup: string;
  let themeId: string;
  let periodId: string;
  let reportId: string;
  let districtCount: number;
  let smtp: Awaited<ReturnType<typeof startLocalSmtp>>;

  const auditCount = async () =>
    (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM audit_log`))[0]!.n;
  const completeness = async (groupId?: string) => {
    const res = await t.call(dx, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/completeness${groupId ? `?groupId=${groupId}` : ''}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp({ clock: () => now });
    await seedPlans(t.handle.db);
    await seedTargetDefinitions(t.handle.db);
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    commune = await seededUnit(t, 'Phường Đông Hải 1');
    otherCommune = await seededUnit(t, 'Phường Đông Hải 2');
    haiAn = await seededUnit(t, 'Quận Hải An');
    leChan = await seededUnit(t, 'Quận Lê Chân');
    const dxOffice = await seededUnit(t, 'Sở Thông tin và Truyền thông');
    dx = await t.userWith([{ role: 'dx_office', unitId: dxOffice }], `dx_r_${process.pid}`);
    communeOfficer = await t.userWith(
      [{ role: 'unit_officer', unitId: commune }],
      `donghai_r_${process.pid}`,
    );
    leChanOfficer = await t.userWith([{ role: 'unit_officer', unitId: leChan }], `lechan_r_${process.pid}`);
    outsider = await t.userWith([{ role: 'dx_office', unitId: t.hd }], `hd_r_${process.pid}`);
    viewer = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    const haiAnOfficer = `haian_r_${process.pid}`;
    await t.userWith([{ role: 'unit_officer', unitId: haiAn }], haiAnOfficer);
    await t.handle.db
      .update(schema.appUser)
      .set({ email: 'vanphong@haian.example.vn' })
      .where(eq(schema.appUser.username, haiAnOfficer));
    const groups = await t.handle.db
      .select()
      .from(schema.unitGroup)
      .where(eq(schema.unitGroup.provinceId, t.hp));
    districtsGroup = groups.find((g) => g.code === 'all-districts')!.id;
    communesGroup = groups.find((g) => g.code === 'all-communes')!.id;
    districtCount = (
      await queryRows<{ n: number }>(
        t.handle.db,
        sql`SELECT count(DISTINCT v.unit_id)::int AS n FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
             WHERE u.province_id = ${t.hp} AND v.kind = 'district'
               AND (v.valid_from IS NULL OR v.valid_from <= '2023-03-31') AND (v.valid_to IS NULL OR v.valid_to > '2023-03-31')`,
      )
    )[0]!.n;
    const [theme] = await t.handle.db
      .select()
      .from(schema.planTheme)
      .where(and(eq(schema.planTheme.planId, planId), eq(schema.planTheme.code, 'II.1')));
    themeId = theme!.id;
    smtp = await startLocalSmtp();

    // The commune's records: one DX publication in Q1 (theme II.1, featuring its model), one in Q2 (outside), a
    // training attended by its officer, an event in Q1 and one in Q2, and its part of a task.
    const db = t.handle.db;
    const [channel] = await db
      .insert(schema.channel)
      .values({
        provinceId: t.hp,
        ownerUnitId: commune,
        kind: 'portal',
        name: 'Trang TTĐT phường Đông Hải 1',
      })
      .returning();
    const [model] = await db
      .insert(schema.dxModel)
      .values({
        provinceId: t.hp,
        unitId: commune,
        kind: 'model',
        name: 'Chợ 4.0 Đông Hải',
        recognisedBy: 'UBND quận Hải An',
        recognisedOn: '2023-02-10',
      })
      .returning();
    const pubs = await db
      .insert(schema.publication)
      .values([
        {
          provinceId: t.hp,
          channelId: channel!.id,
          unitId: commune,
          title: 'Phường Đông Hải 1 triển khai thanh toán không dùng tiền mặt',
          publishedOn: '2023-03-20',
          format: 'article',
        },
        {
          provinceId: t.hp,
          channelId: channel!.id,
          unitId: commune,
          title: 'Tin quý II',
          publishedOn: '2023-04-02',
          format: 'article',
        },
      ])
      .returning();
    await db.insert(schema.publicationTheme).values({ publicationId: pubs[0]!.id, themeId });
    await db.insert(schema.publicationModel).values({ publicationId: pubs[0]!.id, modelId: model!.id });
    const [person] = await db
      .insert(schema.person)
      .values({ provinceId: t.hp, unitId: commune, fullName: 'Nguyễn Thị Hoa', role: 'grassroots_officer' })
      .returning();
    const [training] = await db
      .insert(schema.training)
      .values({
        provinceId: t.hp,
        organiserUnitId: haiAn,
        title: 'Tập huấn viết tin CĐS',
        heldOn: '2023-03-05',
        tags: ['dx_writing'],
      })
      .returning();
    await db
      .insert(schema.trainingAttendance)
      .values({ trainingId: training!.id, personId: person!.id, provinceId: t.hp });
    await db.insert(schema.event).values([
      {
        provinceId: t.hp,
        organiserUnitId: commune,
        kind: 'workshop',
        level: 'unit',
        title: 'Hội nghị CĐS phường',
        heldOn: '2023-03-28',
        participants: 80,
      },
      {
        provinceId: t.hp,
        organiserUnitId: commune,
        kind: 'contest',
        level: 'unit',
        title: 'Cuộc thi quý II',
        heldOn: '2023-05-01',
        participants: 40,
      },
    ]);
    const [task] = await db
      .insert(schema.task)
      .values({
        planId,
        provinceId: t.hp,
        position: 1,
        stt: '1',
        title: 'Tuyên truyền trên hệ thống truyền thanh cơ sở',
        leadText: 'UBND các xã, phường',
        timeFrameText: 'Quý I/2023',
        timeFrameKind: 'deadline',
        dueDate: '2023-03-31',
      })
      .returning();
    await db
      .insert(schema.taskAssignment)
      .values({ taskId: task!.id, provinceId: t.hp, unitId: commune, role: 'lead', status: 'in_progress' });
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('the DX office opens Quý I/2023 for all districts and one commune; the list resolves as of the period end', async () => {
    const body = {
      kind: 'quarter',
      label: 'Quý I/2023',
      periodFrom: '2023-01-01',
      periodTo: '2023-03-31',
      dueDate: '2023-04-10',
      groupIds: [districtsGroup],
      unitIds: [commune],
    };
    const before = await auditCount();
    const refused = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    const foreign = await t.call(outsider, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: body,
    });
    expect(foreign.statusCode).toBe(403);
    const bad = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: { ...body, unitIds: [t.hd] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toEqual(['body', 'unitIds', 0]);
    expect(await auditCount()).toBe(before);

    const res = await t.call(dx, {
      method: 'POST',
      url: `/api/plans/${planId}/report-periods`,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    periodId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'open', version: 1, counts: { required: districtCount + 1 } });
    expect(districtCount).toBeGreaterThanOrEqual(14);
    expect(await auditCount()).toBe(before + 1);

    const list = await t.call(viewer, { method: 'GET', url: `/api/plans/${planId}/report-periods` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0].counts).toEqual({
      required: districtCount + 1,
      submitted: 0,
      accepted: 0,
      returned: 0,
    });
  });

  it('shows the commune its obligation, pre-filled from its records within the period (and a district’s subtree)', async () => {
    const mine = await t.call(communeOfficer, { method: 'GET', url: '/api/reports/mine' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0]).toMatchObject({ unitId: commune, report: null, isOverdue: false });

    const view = await t.call(communeOfficer, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/units/${commune}/report`,
    });
    expect(view.statusCode, view.body).toBe(200);
    const v = view.json();
    expect(v.report).toBeNull();
    expect(v.canStart).toBe(true);
    expect(v.figuresSource).toBe('live');
    expect(v.figures.publications).toMatchObject({ total: 1, dx: 1 });
    expect(v.figures.publications.byTheme).toEqual([expect.objectContaining({ code: 'II.1', count: 1 })]);
    expect(v.figures.publications.byChannel).toEqual([
      expect.objectContaining({ name: 'Trang TTĐT phường Đông Hải 1', count: 1 }),
    ]);
    // One person, one attendance ("lượt"); the workshop is a DX event (is_dx by default).
    expect(v.figures.trainings).toEqual({ count: 0, peopleTrained: 1, attendances: 1 });
    expect(v.figures.events).toEqual({
      total: 1,
      participants: 80,
      dx: 1,
      dxParticipants: 80,
      byKind: [{ kind: 'workshop', count: 1 }],
    });
    expect(v.figures.models).toEqual({ total: 1, recognisedInPeriod: 1, featuredInPeriod: 1 });
    expect(v.figures.tasks).toMatchObject({ total: 1, inProgress: 1, overdue: 1 });
    expect(v.figures.targets.length).toBeGreaterThanOrEqual(6);
    expect(v.figures.targets.map((x: { code: string }) => x.code)).toContain('I.2.a');

    // The district counts its communes' records; it organised the training.
    const district = await t.call(dx, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/units/${haiAn}/report`,
    });
    expect(district.json().figures.publications.total).toBe(1);
    expect(district.json().figures.trainings.count).toBe(1);
    expect(district.json().figures.unitCount).toBeGreaterThan(1);
    expect(district.json().canStart).toBe(false); // the DX office does not write a district's report
  });

  it('a unit not required, another unit’s officer and the DX office cannot start the commune’s report', async () => {
    const other = await t.userWith([{ role: 'unit_officer', unitId: otherCommune }]);
    const notRequired = await t.call(other, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${otherCommune}/report`,
    });
    expect(notRequired.statusCode).toBe(409);
    expect(notRequired.json().error.code).toBe('REPORT.NOT_REQUIRED');
    const wrongUnit = await t.call(leChanOfficer, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${commune}/report`,
    });
    expect(wrongUnit.statusCode).toBe(403);
    const office = await t.call(dx, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${commune}/report`,
    });
    expect(office.statusCode).toBe(403);
  });

  it('the commune drafts, saves with optimistic locking and submits: the figures are snapshotted', async () => {
    const start = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${commune}/report`,
    });
    expect(start.statusCode, start.body).toBe(200);
    reportId = start.json().report.id;
    expect(start.json().report).toMatchObject({ status: 'draft', version: 1 });
    expect(start.json().actions).toEqual(['save', 'submit']);
    const again = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${commune}/report`,
    });
    expect(again.json().report.id).toBe(reportId);

    const saved = await t.call(communeOfficer, {
      method: 'PATCH',
      url: `/api/reports/${reportId}`,
      payload: { version: 1, results: 'Đã đăng 1 tin về thanh toán số', obstacles: 'Thiếu nhân lực' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().report).toMatchObject({
      version: 2,
      results: 'Đã đăng 1 tin về thanh toán số',
      proposals: '',
    });

    const stale = await t.call(communeOfficer, {
      method: 'PATCH',
      url: `/api/reports/${reportId}`,
      payload: { version: 1, results: 'ghi đè' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    expect(stale.json().error.details.current).toMatchObject({
      version: 2,
      results: 'Đã đăng 1 tin về thanh toán số',
    });

    const submitted = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/reports/${reportId}/submit`,
      payload: { version: 2, proposals: 'Đề nghị tập huấn thêm' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().report).toMatchObject({
      status: 'submitted',
      version: 3,
      proposals: 'Đề nghị tập huấn thêm',
    });
    expect(submitted.json().figuresSource).toBe('snapshot');
    expect(submitted.json().actions).toEqual([]);

    // A record added after submission does not change what the DX office reviews.
    await t.handle.db.insert(schema.event).values({
      provinceId: t.hp,
      organiserUnitId: commune,
      kind: 'extracurricular',
      level: 'unit',
      title: 'Buổi ngoại khoá bổ sung',
      heldOn: '2023-03-30',
      participants: 20,
    });
    const review = await t.call(dx, { method: 'GET', url: `/api/reports/${reportId}` });
    expect(review.json().figures.events.total).toBe(1);
    expect(review.json().actions).toEqual(['return', 'accept']);
    const editAfterSubmit = await t.call(communeOfficer, {
      method: 'PATCH',
      url: `/api/reports/${reportId}`,
      payload: { version: 3, results: 'sửa' },
    });
    expect(editAfterSubmit.statusCode).toBe(409);
    expect(editAfterSubmit.json().error.code).toBe('WORKFLOW.INVALID_TRANSITION');
  });

  it('the DX office returns it with a required comment; the unit sees it, edits and resubmits (still on time)', async () => {
    const byUnit = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/reports/${reportId}/accept`,
      payload: { version: 3 },
    });
    expect(byUnit.statusCode).toBe(403);
    const noComment = await t.call(dx, {
      method: 'POST',
      url: `/api/reports/${reportId}/return`,
      payload: { version: 3, comment: '  ' },
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.details.issues[0].path).toEqual(['body', 'comment']);
    const foreign = await t.call(outsider, {
      method: 'POST',
      url: `/api/reports/${reportId}/return`,
      payload: { version: 3, comment: 'x' },
    });
    expect(foreign.statusCode).toBe(403);

    const returned = await t.call(dx, {
      method: 'POST',
      url: `/api/reports/${reportId}/return`,
      payload: { version: 3, comment: 'Bổ sung số người tham dự buổi ngoại khoá' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().report).toMatchObject({
      status: 'returned',
      reviewComment: 'Bổ sung số người tham dự buổi ngoại khoá',
    });

    now = new Date('2023-04-12T02:00:00Z'); // after the due date; sessions have expired: sign in again
    dx = await t.signIn(`dx_r_${process.pid}`);
    communeOfficer = await t.signIn(`donghai_r_${process.pid}`);
    leChanOfficer = await t.signIn(`lechan_r_${process.pid}`);
    outsider = await t.signIn(`hd_r_${process.pid}`);
    const mine = await t.call(communeOfficer, { method: 'GET', url: '/api/reports/mine' });
    expect(mine.json().items[0].report).toMatchObject({
      status: 'returned',
      reviewComment: 'Bổ sung số người tham dự buổi ngoại khoá',
    });
    const view = await t.call(communeOfficer, { method: 'GET', url: `/api/reports/${reportId}` });
    expect(view.json().figuresSource).toBe('live');
    expect(view.json().figures.events.total).toBe(2); // the record added since counts again
    expect(view.json().actions).toEqual(['save', 'submit']);

    const resubmitted = await t.call(communeOfficer, {
      method: 'POST',
      url: `/api/reports/${reportId}/submit`,
      payload: { version: 4, results: 'Đã bổ sung buổi ngoại khoá (20 học sinh)' },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json().report.firstSubmittedAt).toBe('2023-04-05T03:00:00.000Z');
    expect(resubmitted.json().report.submittedAt).toBe('2023-04-12T02:00:00.000Z');
    expect(resubmitted.json().figures.events.total).toBe(2);
  });

  it('accepting locks the report: every further write is refused with who, when and why', async () => {
    const accepted = await t.call(dx, {
      method: 'POST',
      url: `/api/reports/${reportId}/accept`,
      payload: { version: 5 },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const r = accepted.json().report;
    expect(r).toMatchObject({ status: 'accepted', isLocked: true });
    expect(r.lock.byName).toMatch(/^Người dùng/);
    expect(r.lock.at).toBe('2023-04-12T02:00:00.000Z');
    expect(r.lock.reason).toBe('accepted');
    const history = accepted.json().history.map((h: { action: string }) => h.action);
    expect(history).toEqual(['save', 'save', 'submit', 'return', 'submit', 'accept']);
    expect(accepted.json().history[3].comment).toBe('Bổ sung số người tham dự buổi ngoại khoá');
    // The first step is a code the web words (statusFrom null), never a sentence of the server's (issue 18).
    expect(accepted.json().history[0]).toMatchObject({ statusFrom: null, comment: null });

    const before = await auditCount();
    for (const [who, url, payload, method] of [
      [communeOfficer, `/api/reports/${reportId}`, { version: 6, results: 'sửa' }, 'PATCH'],
      [communeOfficer, `/api/reports/${reportId}/submit`, { version: 6 }, 'POST'],
      [dx, `/api/reports/${reportId}/return`, { version: 6, comment: 'xem lại' }, 'POST'],
      [dx, `/api/reports/${reportId}/accept`, { version: 6 }, 'POST'],
    ] as const) {
      const res = await t.call(who, { method, url, payload });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error.code).toBe('REPORT.LOCKED');
      expect(res.json().error.details.lock.byName).toBe(r.lock.byName);
    }
    expect(await auditCount()).toBe(before);
  });

  it('completeness: on time / late / missing over required units, per group with not-applicable members', async () => {
    // Lê Chân submits after the due date: late.
    const start = await t.call(leChanOfficer, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${leChan}/report`,
    });
    const submitted = await t.call(leChanOfficer, {
      method: 'POST',
      url: `/api/reports/${start.json().report.id}/submit`,
      payload: { version: 1, results: 'Báo cáo muộn' },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const all = await completeness();
    const required = districtCount + 1;
    expect(all.summary).toMatchObject({
      required,
      submitted: 2,
      onTime: 1,
      late: 1,
      missing: required - 2,
      pending: 0,
      notRequired: 0,
    });
    for (const v of Object.values(all.summary.rates)) expect(v as number).toBeLessThanOrEqual(100);
    expect(all.summary.rates.onTime).toBe(Math.round(1000 / required) / 10);
    const cls = (id: string) => all.units.find((u: { unitId: string }) => u.unitId === id)?.class;
    expect(cls(commune)).toBe('on_time');
    expect(cls(leChan)).toBe('late');
    expect(cls(haiAn)).toBe('missing');
    // Who the DX office may urge (mayRemindReport): the missing unit, not those that sent or had accepted.
    const remindable = (id: string) => all.units.find((u: { unitId: string }) => u.unitId === id)?.remindable;
    expect([remindable(haiAn), remindable(leChan), remindable(commune)]).toEqual([true, false, false]);
    expect(all.byStatus).toMatchObject({ accepted: 1, submitted: 1, none: required - 2 });

    // Per group: the communes group holds ~200 communes; only one must report — the rest are not applicable.
    const communes = await completeness(communesGroup);
    expect(communes.summary).toMatchObject({ required: 1, onTime: 1, missing: 0 });
    expect(communes.summary.notRequired).toBeGreaterThan(100);
    expect(communes.summary.rates).toEqual({ submitted: 100, onTime: 100, late: 0, missing: 0 });
    const districts = await completeness(districtsGroup);
    expect(districts.summary).toMatchObject({ required: districtCount, late: 1, onTime: 0 });

    const unknownGroup = await t.call(dx, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/completeness?groupId=00000000-0000-4000-8000-000000000000`,
    });
    expect(unknownGroup.statusCode).toBe(404);
  });

  it('exports the missing reports list as XLSX: the units not submitted, the as-of date and the criterion (issue 19)', async () => {
    const res = await t.call(dx, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/missing.xlsx?groupId=${districtsGroup}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    const text = rows.map((r) => r.join(' | ')).join('\n');
    // The clock is 12/04/2023, after the period's deadline (10/04): every district but Lê Chân (late) is missing.
    expect(text).toContain('Tính đến hết ngày 12/04/2023');
    expect(text).toMatch(/Tiêu chí: đơn vị phải báo cáo kỳ này chưa gửi báo cáo/);
    const c = await completeness(districtsGroup);
    const missing = c.units.filter((u: { class: string }) => u.class === 'missing');
    const header = rows.findIndex((r) => r[0] === 'STT');
    const listed = rows.slice(header + 1);
    expect(listed.map((r) => r[1]).sort()).toEqual(
      missing.map((u: { unitName: string }) => u.unitName).sort(),
    );
    expect(listed.every((r) => r[4] === 'Chưa nộp (quá hạn)')).toBe(true);
    expect(listed.map((r) => r[1])).not.toContain('Quận Lê Chân');
    expect(listed.map((r) => r[0])).toEqual(listed.map((_, i) => i + 1));
  });

  it('reminds missing units: in-app notification, e-mail through the outbox to a real SMTP server', async () => {
    const url = `/api/report-periods/${periodId}/reminders`;
    expect(
      (await t.call(communeOfficer, { method: 'POST', url, payload: { unitIds: [haiAn] } })).statusCode,
    ).toBe(403);
    const already = await t.call(dx, { method: 'POST', url, payload: { unitIds: [haiAn, commune] } });
    expect(already.statusCode).toBe(400);
    expect(already.json().error.details.issues[0].path).toEqual(['body', 'unitIds', 1]);

    await t.handle.db
      .insert(schema.setting)
      .values({ key: 'smtp', value: { host: '127.0.0.1', port: smtp.port, from: 'cds@haiphong.example.vn' } })
      .onConflictDoNothing();
    const res = await t.call(dx, { method: 'POST', url, payload: { unitIds: [haiAn, otherDistrict()] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      notified: 2,
      emailQueued: 1,
      emailNoRecipient: 1,
      emailStatus: 'partial',
    });

    const queued = await t.handle.db
      .select()
      .from(schema.notification)
      .where(and(eq(schema.notification.unitId, haiAn), eq(schema.notification.kind, 'report_reminder')));
    expect(queued).toHaveLength(1);
    expect(queued[0]!.title).toBe('Đôn đốc nộp báo cáo Quý I/2023');
    const sent = await runNotificationMails({
      db: t.handle.db,
      now,
      notificationIds: [queued[0]!.id],
      finalAttempt: true,
    });
    expect(sent).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['vanphong@haian.example.vn']);

    const after = await completeness();
    const haiAnRow = after.units.find((u: { unitId: string }) => u.unitId === haiAn);
    expect(haiAnRow.reminders.count).toBe(1);
  });

  it('edits and closes the period: re-resolves who must report; a closed period takes no more reports', async () => {
    const stale = await t.call(dx, {
      method: 'PATCH',
      url: `/api/report-periods/${periodId}`,
      payload: { version: 99, label: 'x y' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(1);
    const edited = await t.call(dx, {
      method: 'PATCH',
      url: `/api/report-periods/${periodId}`,
      payload: { version: 1, groupIds: [], unitIds: [commune, leChan, haiAn] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    const c = await completeness();
    expect(c.summary).toMatchObject({ required: 3, onTime: 1, late: 1, missing: 1 });

    const closed = await t.call(dx, {
      method: 'PATCH',
      url: `/api/report-periods/${periodId}`,
      payload: { version: 2, status: 'closed' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().closedAt).toBe('2023-04-12T02:00:00.000Z');
    const haiAnOfficer = await t.signIn(`haian_r_${process.pid}`);
    const late = await t.call(haiAnOfficer, {
      method: 'POST',
      url: `/api/report-periods/${periodId}/units/${haiAn}/report`,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REPORT.PERIOD_CLOSED');
  });

  let otherDistrictId = '';
  function otherDistrict() {
    return otherDistrictId;
  }
  beforeAll(async () => {
    otherDistrictId = await seededUnit(t, 'Quận Ngô Quyền');
  });
});
