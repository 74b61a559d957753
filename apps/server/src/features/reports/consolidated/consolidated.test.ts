import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureUnitReport,
  findPlanByCode,
  insertReportPeriod,
  queryRows,
  replacePeriodUnits,
  schema,
  seedPlans,
  seedTargetDefinitions,
} from '@dx/db';
import { defaultMinistry, describeSource, formatFigure, TARGET_STATUS_LABELS_VI } from '@dx/domain';
import { eq, sql } from 'drizzle-orm';
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
};

/**
 * The consolidated report of a period (plan 54 V.1.a) against the dashboard: every target figure in the DOCX, the
 * XLSX annex, the PDF and the summary JSON equals what GET /plans/:id/targets/evaluation returns at the same moment.
 */
describe('consolidated report of a reporting period', () => {
  let t: TestApp;
  let admin: Session;
  let dx: Session;
  let planId: string;
  let periodId: string;
  let commune: string;
  let district: string;
  let dashboard: DashboardTarget[];
  let dir: string;
  // 15/08/2023, 10:00 in Hà Nội: plan 54's year is in progress; the period is Q2/2023.
  const now = new Date('2023-08-15T03:00:00Z');

  const post = async (s: Session, url: string, payload: Record<string, unknown>) => {
    const res = await t.call(s, { method: 'POST', url, payload });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consolidated-'));
    t = await createTestApp({ clock: () => now });
    admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    dx = await t.userWith([{ role: 'dx_office', unitId: t.hp }]);
    const db = t.handle.db;
    await seedPlans(db);
    await seedTargetDefinitions(db);
    planId = (await findPlanByCode(db, t.hp, '54/KH-UBND', 2023))!;
    const unit = async (name: string, kind: string, parentUnitId: string) =>
      (
        await post(admin, '/api/reorganisations', {
          type: 'create',
          effectiveDate: '2023-01-01',
          unit: { name, kind, parentUnitId },
        })
      ).createdUnitIds[0] as string;
    district = await unit('Quận Tổng Hợp', 'district', t.hp);
    commune = await unit('Phường Số Liệu', 'commune', district);
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
    await post(admin, '/api/people', { unitId: commune, fullName: 'Trần Văn Chưa Học', role: 'reporter' });
    await post(admin, '/api/trainings', {
      organiserUnitId: commune,
      title: 'Tập huấn viết tin chuyển đổi số',
      heldOn: '2023-05-05',
      tags: ['dx_writing'],
      attendeeIds: [person.id],
    });
    await post(admin, '/api/events', {
      organiserUnitId: commune,
      kind: 'contest',
      level: 'city',
      title: 'Cuộc thi tìm hiểu chuyển đổi số',
      heldOn: '2023-06-01',
      themeIds: [theme!.id],
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
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const isCount = (d: DashboardTarget) => d.conditionType === 'count';

  it('the data set moves the figures (not all zeros)', () => {
    expect(dashboard).toHaveLength(6);
    expect(dashboard.filter((d) => d.achieved > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('summary JSON: every target figure equals the dashboard, plus theme, task, report and obstacle counts', async () => {
    const res = await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated` });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
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
    // Publications in Q2 only (two of three), all under the first theme.
    expect(s.publications.total).toBe(2);
    expect(s.publications.byTheme.map((b: { count: number }) => b.count)).toEqual([2]);
    expect(s.reports).toEqual({ required: 2, submitted: 1, accepted: 1, returned: 0, missing: 1 });
    expect(s.obstacles).toEqual({ obstacles: 1, proposals: 1 });
    expect(s.recipients[0]).toBe(`${defaultMinistry('2023-08-15')} (để báo cáo);`);
    expect(s.recipients[0]).toMatch(/^Bộ Thông tin và Truyền thông/);
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
      'đăng 2 tin, bài',
    ])
      expect(text, line).toContain(squash(line));
    for (const d of dashboard) {
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

  it('XLSX annex: target cells equal the dashboard; one row per unit with its report status and own figures', async () => {
    const res = await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ts = wb.getWorksheet('Chỉ tiêu')!;
    const rows: unknown[][] = [];
    ts.eachRow((r, n) => {
      if (n > 2) rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows.map((r) => [r[0], r[2] ?? null, r[4], r[5], r[6], r[7], r[8]])).toEqual(
      dashboard.map((d) => [
        d.code,
        d.value,
        d.goalText,
        TARGET_STATUS_LABELS_VI[d.status],
        d.population,
        d.due,
        d.achieved,
      ]),
    );
    const us = wb.getWorksheet('Theo đơn vị')!;
    const units = new Map<string, unknown[]>();
    us.eachRow((r, n) => {
      if (n > 2) units.set(String(r.getCell(2).value), (r.values as unknown[]).slice(1));
    });
    expect([...units.keys()].sort()).toEqual(['Phường Số Liệu', 'Quận Tổng Hợp']);
    const c = units.get('Phường Số Liệu')!;
    expect(c[3]).toBe('Đã tiếp nhận');
    expect(units.get('Quận Tổng Hợp')![3]).toBe('Chưa gửi');
    // The commune's own standing, read from the standing API ("Việc của tôi") — the same evaluation.
    const standing = (
      await t.call(dx, { method: 'GET', url: `/api/plans/${planId}/targets/standing?unitId=${commune}` })
    ).json();
    const own = (standing.targets ?? standing.evaluations) as { due: number; achieved: number }[];
    own.forEach((e, i) => {
      expect([c[5 + i * 3], c[6 + i * 3]], dashboard[i]!.code).toEqual([e.due, e.achieved]);
    });
    const themes = wb.getWorksheet('Theo nội dung')!;
    expect(themes.getRow(3).getCell(3).value).toBe(2);
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
      for (const d of dashboard)
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

  it('the Ministry and header follow the province setting; after 01/07/2025 the default is the Ministry of Science and Technology', async () => {
    expect(defaultMinistry('2025-06-30')).toBe('Bộ Thông tin và Truyền thông');
    expect(defaultMinistry('2025-07-01')).toBe('Bộ Khoa học và Công nghệ');
    await t.handle.db.insert(schema.setting).values({
      key: `consolidated_report:${t.hp}`,
      value: {
        code: 'BC-STTTT',
        issuer: ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'],
        ministry: 'Bộ Khoa học và Công nghệ',
      },
    });
    const res = await t.call(dx, { method: 'GET', url: `/api/report-periods/${periodId}/consolidated.docx` });
    const text = squash(await docxText(res.rawPayload));
    expect(text).toContain('Số: /BC-STTTT');
    expect(text).toContain('SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
    expect(text).toContain('- Bộ Khoa học và Công nghệ (để báo cáo);');
    await t.handle.db.delete(schema.setting).where(eq(schema.setting.key, `consolidated_report:${t.hp}`));
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
});
