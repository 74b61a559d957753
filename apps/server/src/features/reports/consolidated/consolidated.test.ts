import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureUnitReport,
  findPlanByCode,
  insertReportPeriod,
  listPlanTargetRules,
  queryRows,
  replacePeriodUnits,
  schema,
  seedPlans,
  seedProvinceSettings,
  seedReportingBodies,
  seedTargetDefinitions,
} from '@dx/db';
import {
  accumulates,
  describeSource,
  elapsedFraction,
  formatFigure,
  judgeStatus,
  rate,
  resolvePeriod,
  TARGET_STATUS_LABELS_VI,
  targetDefinition,
} from '@dx/domain';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/harness';

const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;
const HAS_POPPLER = has('pdftotext') && has('pdftoppm');
const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The text of a DOCX as Word shows it: paragraphs in order, table cells separated by " | ". */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const text = xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<\/w:tc>/g, ' | ')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
  return text.normalize('NFC');
}

type DashboardTarget = {
  planTargetId: string;
  code: string;
  goalText: string;
  status: keyof typeof TARGET_STATUS_LABELS_VI;
  value: number | null;
  formula: string | null;
  population: number;
  due: number;
  achieved: number;
  conditionType: string | null;
  valueType: string | null;
};

/**
 * The consolidated report of a period (plan 54 V.1.a) against the dashboard: for a past quarter, every target figure
 * in the DOCX, the XLSX annex, the PDF and the summary JSON equals the dashboard's value as of the quarter's end (its
 * trend point of that day, GET /plans/:id/targets/trend), not today's; for the running quarter, what
 * GET /plans/:id/targets/evaluation returns at the same moment.
 */
describe('consolidated report of a reporting period', () => {
  let t: TestApp;
  let admin: Session;
  let dx: Session;
  let planId: string;
  let periodId: string;
  let liveId: string;
  let commune: string;
  let district: string;
  let dashboard: DashboardTarget[];
  /** The dashboard as of 30/06/2023 (the end of Q2): what the Q2 report must state. */
  let atQuarterEnd: DashboardTarget[];
  let dir: string;
  // 15/08/2023, 10:00 in Hà Nội: plan 54's year is in progress; the period is Q2/2023, ended on 30/06.
  const now = new Date('2023-08-15T03:00:00Z');
  let clock = now;

  const post = async (s: Session, url: string, payload: Record<string, unknown>) => {
    const res = await t.call(s, { method: 'POST', url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consolidated-'));
    t = await createTestApp({ clock: () => clock });
    admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    const db = t.handle.db;
    await seedPlans(db);
    await seedTargetDefinitions(db);
    await seedReportingBodies(db);
    await seedProvinceSettings(db);
    planId = (await findPlanByCode(db, t.hp, '54/KH-UBND', 2023))!;
    const unit = async (name: string, kind: string, parentUnitId: string, adminType: string) =>
      (
        await post(admin, '/api/reorganisations', {
          type: 'create',
          effectiveDate: '2023-01-01',
          unit: { name, kind, adminType, parentUnitId },
        })
      ).createdUnitIds[0] as string;
    district = await unit('Quận Tổng Hợp', 'district', t.hp, 'Quận');
    commune = await unit('Phường Số Liệu', 'commune', district, 'Phường');
    const [theme] = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM plan_theme WHERE plan_id = ${planId} ORDER BY position LIMIT 1`,
    );

    // The commune's records: an accepted plan (a), a channel with a DX section and publications (b, themes), a
    // grassroots officer trained in DX writing (c), a recognised model featured in a publication (d), a city contest (đ).
    const unitPlan = await post(admin, '/api/unit-plans', {
      unitId: commune,
      year: 2023,
      kind: 'dx_plan',
      documentNumber: '12/KH-UBND',
      documentDate: '2023-02-01',
    });
    await post(dx, `/api/unit-plans/${unitPlan.id}/review`, {
      version: unitPlan.version,
      decision: 'accept',
    });
    const channel = await post(admin, '/api/channels', {
      ownerUnitId: commune,
      kind: 'portal',
      name: 'Trang thông tin điện tử Phường Số Liệu',
      hasDxSection: true,
    });
    const model = await post(admin, '/api/dx-models', {
      unitId: commune,
      kind: 'model',
      name: 'Chợ 4.0 Phường Số Liệu',
      recognisedBy: 'UBND quận',
      recognisedOn: '2023-03-01',
    });
    for (const [day, title] of [
      ['2023-02-10', 'Phường Số Liệu triển khai thanh toán số'],
      ['2023-05-10', 'Chợ 4.0 ở Phường Số Liệu'],
      ['2023-06-20', 'Dịch vụ công trực tuyến toàn trình'],
    ] as const)
      await post(admin, '/api/publications', {
        channelId: channel.id,
        title,
        publishedOn: day,
        format: 'article',
        themeIds: [theme!.id],
        modelIds: [model.id],
      });
    const person = await post(admin, '/api/people', {
      unitId: commune,
      fullName: 'Nguyễn Thị Thông Tin',
      role: 'grassroots_officer',
    });
    const late = await post(admin, '/api/people', {
      unitId: commune,
      fullName: 'Trần Văn Học Muộn',
      role: 'reporter',
    });
    for (const [heldOn, attendeeIds] of [
      ['2023-05-05', [person.id]],
      ['2023-06-12', [person.id]],
      // After the quarter: the reporter is trained in July; the Q2 report must not count them.
      ['2023-07-12', [late.id]],
    ] as const)
      await post(admin, '/api/trainings', {
        organiserUnitId: commune,
        title: 'Tập huấn viết tin chuyển đổi số',
        heldOn,
        tags: ['dx_writing'],
        attendeeIds,
      });
    await post(admin, '/api/events', {
      organiserUnitId: commune,
      kind: 'contest',
      level: 'city',
      title: 'Cuộc thi tìm hiểu chuyển đổi số',
      heldOn: '2023-06-01',
      participants: 120,
      themeIds: [theme!.id],
    });
    // An event that is not about digital transformation: not a DX event in the report's sentence.
    await post(admin, '/api/events', {
      organiserUnitId: commune,
      kind: 'workshop',
      level: 'unit',
      title: 'Hội nghị tổng kết công tác dân vận',
      heldOn: '2023-06-02',
      participants: 80,
      isDx: false,
    });
    // A model not (yet) recognised, featured in Q2: not a recognised model.
    const pending = await post(admin, '/api/dx-models', {
      unitId: commune,
      kind: 'model',
      name: 'Tổ công nghệ số cộng đồng',
    });
    await post(admin, '/api/publications', {
      channelId: channel.id,
      title: 'Tổ công nghệ số cộng đồng ra mắt',
      publishedOn: '2023-06-25',
      format: 'article',
      themeIds: [theme!.id],
      modelIds: [pending.id],
    });

    // Q2/2023, the district and the commune must report; the commune's report is accepted.
    const period = await insertReportPeriod(db, {
      planId,
      provinceId: t.hp,
      kind: 'quarter',
      label: 'Quý II/2023',
      periodFrom: '2023-04-01',
      periodTo: '2023-06-30',
      dueDate: '2023-07-15',
    });
    periodId = period.id;
    await replacePeriodUnits(db, periodId, t.hp, [
      { unitId: district, viaGroupId: null },
      { unitId: commune, viaGroupId: null },
    ]);
    // The running quarter (Q3/2023 on 15/08): its figures are live, the same as the dashboard now.
    const live = await insertReportPeriod(db, {
      planId,
      provinceId: t.hp,
      kind: 'quarter',
      label: 'Quý III/2023',
      periodFrom: '2023-07-01',
      periodTo: '2023-09-30',
      dueDate: '2023-10-15',
    });
    liveId = live.id;
    await replacePeriodUnits(db, liveId, t.hp, [
      { unitId: district, viaGroupId: null },
      { unitId: commune, viaGroupId: null },
    ]);
    const { report } = await ensureUnitReport(db, { periodId, provinceId: t.hp, unitId: commune });
    await db
      .update(schema.unitReport)
      .set({ status: 'accepted', firstSubmittedAt: now, submittedAt: now })
      .where(eq(schema.unitReport.id, report.id));

    // An obstacle and a proposal of the commune, the proposal directed by leadership.
    const officer = await t.userWith([{ role: 'unit_officer', unitId: commune }]);
    await post(officer, '/api/obstacles', {
      unitId: commune,
      kind: 'obstacle',
      title: 'Thiếu cán bộ biên tập chuyên mục',
      description: 'Phường chỉ có một cán bộ kiêm nhiệm biên tập chuyên mục chuyển đổi số.',
    });
    const proposal = await post(officer, '/api/obstacles', {
      unitId: commune,
      kind: 'proposal',
      title: 'Đề nghị hỗ trợ kinh phí in tờ rơi',
      description: 'Đề nghị thành phố hỗ trợ kinh phí in tờ rơi hướng dẫn dịch vụ công.',
    });
    const fwd = await post(dx, `/api/obstacles/${proposal.id}/forward`, { version: proposal.version });
    await post(
      await t.userWith([{ role: 'leadership', unitId: t.hp }]),
      `/api/obstacles/${proposal.id}/direct`,
      {
        version: fwd.version,
        direction: 'Giao Sở Tài chính cân đối kinh phí.',
        ownerUnitId: commune,
        dueDate: '2023-09-30',
      },
    );

    const res = await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/targets/evaluation` });
    expect(res.statusCode, res.body).toBe(200);
    dashboard = res.json().targets;
    // The dashboard's value of each target as of 30/06/2023: its trend point of that day. Status, formula and
    // population: the dashboard's own rules at that date (the period and the definitions are the same; no unit was
    // created or ended between 30/06 and today, so the population is too).
    const trend = await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/targets/trend` });
    expect(trend.statusCode, trend.body).toBe(200);
    const series = trend.json().targets as {
      planTargetId: string;
      points: { date: string; value: number | null; due: number; achieved: number }[];
    }[];
    const rules = await listPlanTargetRules(db, planId);
    atQuarterEnd = dashboard.map((d) => {
      const point = series
        .find((x) => x.planTargetId === d.planTargetId)
        ?.points.find((p) => p.date === '2023-06-30');
      if (d.status === 'not_defined') return d;
      expect(point, d.code).toBeDefined();
      const rule = rules.find((r) => r.planTargetId === d.planTargetId)!;
      const definition = targetDefinition.parse({ ...rule.rule, goal: rule.goal });
      const value = isCount(d) ? point!.achieved : rate(point!.achieved, point!.due);
      expect(value, d.code).toBe(point!.value);
      const status = judgeStatus({
        goal: definition.goal,
        value,
        elapsed: elapsedFraction(resolvePeriod(definition.period, rule.planYear), '2023-06-30'),
        accumulates: accumulates(definition),
      });
      return { ...d, value, status, due: point!.due, achieved: point!.achieved };
    });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const isCount = (d: DashboardTarget) => d.valueType === 'count';

  it('the data set moves the figures (not all zeros), and today differs from the end of Q2', () => {
    expect(dashboard).toHaveLength(6);
    expect(dashboard.filter((d) => d.achieved > 0).length).toBeGreaterThanOrEqual(4);
    expect(atQuarterEnd.filter((d) => d.achieved > 0).length).toBeGreaterThanOrEqual(3);
    // a: the commune's plan was accepted on 15/08; c: the reporter was trained in July.
    const byCode = (list: DashboardTarget[], code: string) => list.find((d) => d.code.endsWith(code))!;
    expect(byCode(atQuarterEnd, '.a').achieved).toBe(byCode(dashboard, '.a').achieved - 1);
    expect(byCode(atQuarterEnd, '.c').achieved).toBe(byCode(dashboard, '.c').achieved - 1);
  });

  it('summary JSON of a past quarter: every target figure equals the dashboard as of the quarter end', async () => {
    const res = await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated` });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.figuresDate).toBe('2023-06-30');
    expect(s.date).toBe('2023-08-15');
    expect(
      s.targets.map((x: DashboardTarget) => [
        x.code,
        x.value,
        x.status,
        x.due,
        x.achieved,
        x.population,
        x.formula,
      ]),
    ).toEqual(
      atQuarterEnd.map((d) => [d.code, d.value, d.status, d.due, d.achieved, d.population, d.formula]),
    );
    // Publications in Q2 only (two of three), all under the first theme.
    expect(s.publications.total).toBe(3);
    expect(s.publications.byTheme.map((b: { count: number }) => b.count)).toEqual([3]);
    expect(s.reports).toEqual({ required: 2, submitted: 1, accepted: 1, returned: 0, missing: 1 });
    expect(s.obstacles).toEqual({ obstacles: 1, proposals: 1 });
    expect(s.recipients[0]).toBe('Bộ Thông tin và Truyền thông (để báo cáo);');
    expect(s.issuer).toBe('committee');
  });

  it('summary JSON of the running quarter: live, every target figure equals the dashboard now', async () => {
    const s = (await t.call(dx, { method: 'GET', url: `/api/report-periods/${liveId}/consolidated` })).json();
    expect(s.figuresDate).toBe('2023-08-15');
    expect(
      s.targets.map((x: DashboardTarget) => [
        x.code,
        x.value,
        x.status,
        x.due,
        x.achieved,
        x.population,
        x.formula,
      ]),
    ).toEqual(dashboard.map((d) => [d.code, d.value, d.status, d.due, d.achieved, d.population, d.formula]));
  });

  it('DOCX: Decree 30 header, every target figure as on the dashboard with its source, themes, tasks, obstacles, the commune', async () => {
    const res = await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(res.headers['content-disposition']).toContain('Bao-cao-tong-hop-Quy-II-2023.docx');
    const text = squash(await docxText(res.rawPayload));
    for (const line of [
      'ỦY BAN NHÂN DÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: /BC-UBND',
      'Hải Phòng, ngày 15 tháng 8 năm 2023',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số 54/KH-UBND Quý II/2023',
      'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'II. KẾT QUẢ TUYÊN TRUYỀN THEO NỘI DUNG',
      'III. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ',
      'IV. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT',
      'Thiếu cán bộ biên tập chuyên mục',
      'Chỉ đạo: Giao Sở Tài chính cân đối kinh phí.',
      'Nơi nhận:',
      '- Bộ Thông tin và Truyền thông (để báo cáo);',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN',
      'đăng 3 tin, bài',
      'tính đến hết ngày 30/06/2023 (ngày cuối kỳ báo cáo)',
      // People once, attendances as "lượt"; DX events only; recognised models only.
      'tổ chức 2 lớp tập huấn cho 1 người (2 lượt người tham dự)',
      'tổ chức 1 sự kiện, cuộc thi, hội thảo về chuyển đổi số với 120 lượt người tham gia',
      '1 mô hình chuyển đổi số đã được công nhận được giới thiệu',
    ])
      expect(text, line).toContain(squash(line));
    expect(text).not.toContain('dashboard');
    for (const d of atQuarterEnd) {
      const figure = d.status === 'not_defined' ? '—' : formatFigure({ isCount: isCount(d), value: d.value });
      const row = `${d.code}. `;
      expect(text).toContain(row);
      // The table row: figure | goal | status | formula + record counts.
      expect(text, d.code).toContain(
        squash(`${figure} | ${d.goalText} | ${TARGET_STATUS_LABELS_VI[d.status]} |`),
      );
      const source = describeSource({ ...d, planTargetId: d.planTargetId, text: '', isCount: isCount(d) });
      expect(text, d.code).toContain(squash(`${d.formula ?? ''} ${source}`));
      // The sentence under the table.
      if (d.value !== null)
        expect(text).toContain(squash(`- Chỉ tiêu ${d.code}: đạt ${figure} (mục tiêu ${d.goalText};`));
    }
    // The annex row of the commune: its report status and its own result per target.
    expect(text).toMatch(/\| Phường Số Liệu \| Đã tiếp nhận \|/);
    expect(text).toMatch(/\| Quận Tổng Hợp \| Chưa gửi \|/);
    writeFileSync(join(dir, 'report.docx'), res.rawPayload);
  });

  const xlsxOf = async (id: string) => {
    const res = await t.call(dx, { method: 'GET', url: `/api/report-periods/${id}/consolidated.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const units = new Map<string, unknown[]>();
    wb.getWorksheet('Theo đơn vị')!.eachRow((r, n) => {
      if (n > 2) units.set(String(r.getCell(2).value), (r.values as unknown[]).slice(1));
    });
    return { wb, units };
  };

  it('XLSX annex: target cells equal the dashboard at the quarter end; one row per unit, its type, status and figures', async () => {
    const { wb, units } = await xlsxOf(periodId);
    const ts = wb.getWorksheet('Chỉ tiêu')!;
    const rows: unknown[][] = [];
    ts.eachRow((r, n) => {
      if (n > 2) rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows.map((r) => [r[0], r[2] ?? null, r[4], r[5], r[6], r[7], r[8]])).toEqual(
      atQuarterEnd.map((d) => [
        d.code,
        d.value,
        d.goalText,
        TARGET_STATUS_LABELS_VI[d.status],
        d.population,
        d.due,
        d.achieved,
      ]),
    );
    expect([...units.keys()].sort()).toEqual(['Phường Số Liệu', 'Quận Tổng Hợp']);
    const c = units.get('Phường Số Liệu')!;
    // "Loại": the unit's type as recorded, never an internal code.
    expect([c[2], units.get('Quận Tổng Hợp')![2]]).toEqual(['Phường', 'Quận']);
    expect(c[3]).toBe('Đã tiếp nhận');
    expect(units.get('Quận Tổng Hợp')![3]).toBe('Chưa gửi');
    // The commune's own standing at the end of Q2: its plan was not yet accepted (a, accepted on 15/08), one of its
    // two people was trained (c, the other in July).
    const own = (code: string) => {
      const i = dashboard.findIndex((d) => d.code.endsWith(code));
      return [c[5 + i * 3], c[6 + i * 3]];
    };
    expect(own('.a')).toEqual([1, 0]);
    expect(own('.c')).toEqual([2, 1]);
    // d: its model is recognised but featured only on its own portal, not in the mass media.
    expect(own('.d')).toEqual([1, 0]);
    const themes = wb.getWorksheet('Theo nội dung')!;
    expect(themes.getRow(3).getCell(3).value).toBe(3);
  });

  it('XLSX annex of the running quarter: each unit\'s figures equal its standing ("Việc của tôi") now', async () => {
    const { units } = await xlsxOf(liveId);
    const c = units.get('Phường Số Liệu')!;
    const standing = (
      await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/targets/standing?unitId=${commune}` })
    ).json();
    const own = (standing.targets ?? standing.evaluations) as { due: number; achieved: number }[];
    expect(own.length).toBe(dashboard.length);
    own.forEach((e, i) => {
      expect([c[5 + i * 3], c[6 + i * 3]], dashboard[i]!.code).toEqual([e.due, e.achieved]);
    });
  });

  it.skipIf(!HAS_POPPLER)(
    'PDF: A4, fonts embedded, renders to an image, text carries the figures and Vietnamese headings',
    async () => {
      const res = await t.call(dx, {
        method: 'GET',
        url: `/api/report-periods/${periodId}/consolidated.pdf`,
      });
      expect(res.statusCode).toBe(200);
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, res.rawPayload);
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
        /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/,
      );
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
      expect(fonts).toMatch(/LiberationSerif/);
      expect(fonts).not.toMatch(/\bno\s+no\b/);
      const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
      for (const heading of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BÁO CÁO',
        'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
        'KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT',
        'Nơi nhận:',
        'Phường Số Liệu',
      ])
        expect(text, heading).toContain(heading);
      for (const d of atQuarterEnd)
        if (d.value !== null)
          expect(text, d.code).toContain(
            squash(`- Chỉ tiêu ${d.code}: đạt ${formatFigure({ isCount: isCount(d), value: d.value })}`),
          );
      execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
      const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
      expect(png).toBeDefined();
      expect(statSync(join(dir, png!)).size).toBeGreaterThan(2000);
    },
  );

  it("issued by the DX office: its agency's header, number and signature, to the People's Committee and the Ministry", async () => {
    const res = await t.call(dx, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/consolidated.docx?issuer=dx_office`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = squash(await docxText(res.rawPayload));
    for (const line of [
      'UBND THÀNH PHỐ HẢI PHÒNG',
      'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
      'Số: /BC-STTTT',
      'Sở Thông tin và Truyền thông báo cáo kết quả thực hiện Quý II/2023',
      '- Ủy ban nhân dân thành phố Hải Phòng (để báo cáo);',
      '- Bộ Thông tin và Truyền thông (để báo cáo);',
      'GIÁM ĐỐC',
    ])
      expect(text, line).toContain(line);
    expect(text).not.toContain('TM. ỦY BAN NHÂN DÂN');
    // The People's Committee's own report never addresses the People's Committee.
    const own = (
      await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated` })
    ).json();
    expect(own.recipients.join('\n')).not.toContain('Ủy ban nhân dân thành phố Hải Phòng');
  });

  it('on 01/08/2025: the Ministry of Science and Technology, the DX office\'s new agency, no districts in "Nơi nhận"', async () => {
    clock = new Date('2025-08-01T03:00:00Z');
    try {
      // Sessions of 2023 have long expired: sign in again on that day.
      const dx25 = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
      const committee = (
        await t.call(dx25, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated` })
      ).json();
      expect(committee.recipients[0]).toBe('Bộ Khoa học và Công nghệ (để báo cáo);');
      expect(committee.recipients.join('\n')).not.toMatch(/quận, huyện/);
      expect(committee.recipients).toContain('Các Sở, ban, ngành, UBND các xã, phường, đặc khu;');
      // Figures still stand at the end of Q2/2023.
      expect(committee.figuresDate).toBe('2023-06-30');
      const office = (
        await t.call(dx25, {
          method: 'GET',
          url: `/api/report-periods/${periodId}/consolidated?issuer=dx_office`,
        })
      ).json();
      expect(office.issuerLines).toEqual(['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ KHOA HỌC VÀ CÔNG NGHỆ']);
      expect(office.recipients.slice(0, 2)).toEqual([
        'Ủy ban nhân dân thành phố Hải Phòng (để báo cáo);',
        'Bộ Khoa học và Công nghệ (để báo cáo);',
      ]);
    } finally {
      clock = now;
    }
  });

  it('an unknown issuer, or a DX office not recorded for the date, is a 400 on query.issuer', async () => {
    const bad = await t.call(dx, {
      method: 'GET',
      url: `/api/report-periods/${periodId}/consolidated?issuer=bo`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toEqual(['querystring', 'issuer']);
    // Without a DX office's agency in the province's settings, only the People's Committee can issue.
    const agencyRows = and(
      eq(schema.provinceSetting.provinceId, t.hp),
      eq(schema.provinceSetting.key, 'dx_office_agency'),
    );
    const saved = await t.handle.db.select().from(schema.provinceSetting).where(agencyRows);
    await t.handle.db.delete(schema.provinceSetting).where(agencyRows);
    try {
      const none = await t.call(dx, {
        method: 'GET',
        url: `/api/report-periods/${periodId}/consolidated.pdf?issuer=dx_office`,
      });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.details.issues[0].path).toEqual(['querystring', 'issuer']);
      // The People's Committee is always there: its header follows its name in the settings.
      const res = await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated` });
      expect(res.json().issuerLines).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG']);
    } finally {
      await t.handle.db.insert(schema.provinceSetting).values(saved);
    }
  });

  it('another province cannot generate it; an unknown period is a 404', async () => {
    const hd = await t.userWith([{ role: 'dx_office', unitId: t.hd }]);
    expect(
      (await t.call(hd, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated.docx` }))
        .statusCode,
    ).toBe(403);
    const missing = await t.call(dx, {
      method: 'GET',
      url: '/api/report-periods/00000000-0000-4000-8000-000000000000/consolidated',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('REPORT.PERIOD_NOT_FOUND');
  });

  it('issued: its figures and words are stored and never change after a late record; a second issue is a 409', async () => {
    const url = `/api/report-periods/${periodId}/consolidated`;
    const draft = (await t.call(dx, { method: 'GET', url })).json();
    expect(draft.issued).toBeNull();
    const issued = await t.call(dx, {
      method: 'POST',
      url: `${url}/issue`,
      payload: { issuer: 'committee' },
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const { issued: stamp, ...figures } = issued.json();
    expect(stamp).toEqual({ at: now.toISOString(), byName: expect.any(String) });
    expect(figures).toEqual({ ...draft, issued: undefined });
    const docxBefore = squash(
      await docxText((await t.call(dx, { method: 'GET', url: `${url}.docx` })).rawPayload),
    );
    const officeBefore = (await t.call(dx, { method: 'GET', url: `${url}?issuer=dx_office` })).json();

    // Entered after the issue, dated inside Q2: a person trained on 15/06/2023 (targets c, trainings).
    const trainee = await post(admin, '/api/people', {
      unitId: commune,
      fullName: 'Lê Văn Nhập Muộn',
      role: 'grassroots_officer',
    });
    await post(admin, '/api/trainings', {
      organiserUnitId: commune,
      title: 'Tập huấn bổ sung, nhập muộn',
      heldOn: '2023-06-15',
      tags: ['dx_writing'],
      attendeeIds: [trainee.id],
    });
    // The live draft of the DX office (not issued) moves; the issued report does not.
    const officeAfter = (await t.call(dx, { method: 'GET', url: `${url}?issuer=dx_office` })).json();
    expect(officeAfter.issued).toBeNull();
    expect(officeAfter.targets).not.toEqual(officeBefore.targets);
    const after = (await t.call(dx, { method: 'GET', url })).json();
    expect(after).toEqual({ ...figures, issued: stamp });
    const docxAfter = squash(
      await docxText((await t.call(dx, { method: 'GET', url: `${url}.docx` })).rawPayload),
    );
    expect(docxAfter).toBe(docxBefore);

    const again = await t.call(dx, { method: 'POST', url: `${url}/issue`, payload: { issuer: 'committee' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('RESOURCE.CONFLICT');
    const audits = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'consolidated_report.issue' AND entity_id = ${periodId}`,
    );
    expect(audits[0]!.n).toBe(1);
    // Reading is for everyone in the province; issuing is the DX office's (report.manage).
    const leader = await t.userWith([{ role: 'leadership', unitId: t.hp }]);
    const refused = await t.call(leader, {
      method: 'POST',
      url: `/api/report-periods/${liveId}/consolidated/issue`,
      payload: { issuer: 'committee' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
