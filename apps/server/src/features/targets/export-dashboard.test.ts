import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPlanByCode, seedPlans, seedTargetDefinitions } from '@dx/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededUnit } from '../../test/factories';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

type Evaluated = {
  planTargetId: string;
  code: string;
  text: string;
  value: number | null;
  formula: string | null;
  byDistrict: { name: string | null; due: number; achieved: number }[];
  byKind: { name: string; due: number; achieved: number }[];
  subjectCount: number;
};

const cellsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// Issue 19: the dashboard exported as XLSX (every breakdown) and PDF (Decree 30 frame), and a target's whole behind
// list as XLSX, read back with exceljs and pdftotext; the same figures as GET …/targets/evaluation.
describe('dashboard exports (issue 19)', () => {
  let t: TestApp;
  let dx: Session;
  let planId: string;
  let targets: Evaluated[];
  let work: string;

  beforeAll(async () => {
    // 15/10/2023: three quarters of plan 54's year have passed.
    t = await createTestApp({ clock: () => new Date('2023-10-15T03:00:00Z') });
    await seedPlans(t.handle.db);
    await seedTargetDefinitions(t.handle.db);
    planId = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
    const officeId = await seededUnit(t, 'Sở Thông tin và Truyền thông');
    dx = await t.userWith([{ role: 'dx_office', unitId: officeId }]);
    const res = await t.call(dx, {
      method: 'GET',
      url: `/api/plans/${planId}/targets/evaluation?asOf=2023-09-30`,
    });
    expect(res.statusCode, res.body).toBe(200);
    targets = res.json().targets;
    work = mkdtempSync(join(tmpdir(), 'dx-dashboard-'));
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  it('XLSX: every target with its value, formula and the as-of date; each breakdown row by district and by kind', async () => {
    const res = await t.call(dx, {
      method: 'GET',
      url: `/api/plans/${planId}/targets/export.xlsx?asOf=2023-09-30`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('bang-theo-doi-chi-tieu-54-KH-UBND-2023-09-30.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Chỉ tiêu', 'Theo quận, huyện', 'Theo loại đơn vị']);
    const main = cellsOf(wb.getWorksheet('Chỉ tiêu')!);
    expect(String(main[2]![0])).toContain('Số liệu tính đến hết ngày 30/09/2023');
    const rows = main.slice(4);
    expect(rows.map((r) => r[0])).toEqual(targets.map((x) => x.code));
    for (const x of targets) {
      const row = rows.find((r) => r[0] === x.code)!;
      expect(row[2] ?? null).toBe(x.value);
      expect(row[12]).toBe(x.formula ?? 'Chưa định nghĩa cách tính');
    }
    const byDistrict = cellsOf(wb.getWorksheet('Theo quận, huyện')!).slice(4);
    expect(byDistrict.length).toBe(targets.reduce((n, x) => n + x.byDistrict.length, 0));
    const first = targets.find((x) => x.byDistrict.length)!;
    const d = first.byDistrict[0]!;
    // The API leaves the row above every district unnamed (the web words it); the file says "Cấp tỉnh".
    expect(
      byDistrict.find((r) => r[0] === first.code && r[2] === (d.name ?? 'Cấp tỉnh'))!.slice(4, 6),
    ).toEqual([d.due, d.achieved]);
    const byKind = cellsOf(wb.getWorksheet('Theo loại đơn vị')!).slice(4);
    expect(byKind.length).toBe(targets.reduce((n, x) => n + x.byKind.length, 0));
  });

  it('PDF: a Decree 30 "Báo cáo" with the as-of date, each target, its formula and its breakdowns', async () => {
    const res = await t.call(dx, {
      method: 'GET',
      url: `/api/plans/${planId}/targets/export.pdf?asOf=2023-09-30`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const path = join(work, 'dashboard.pdf');
    writeFileSync(path, res.rawPayload);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
    for (const want of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Tình hình thực hiện các chỉ tiêu của Kế hoạch số 54/KH-UBND tính đến ngày 30/09/2023',
      'Số liệu tính đến hết ngày 30/09/2023',
      'I. TỔNG HỢP CÁC CHỈ TIÊU',
      'Theo quận, huyện:',
      'Nơi nhận:',
    ])
      expect(text).toContain(want);
    for (const x of targets) {
      expect(text).toContain(`Chỉ tiêu ${x.code}.`);
      // The formula's opening words (the PDF wraps long lines; squash joins them back with spaces).
      if (x.formula) expect(text).toContain(squash(x.formula).split(' ').slice(0, 6).join(' '));
    }
  });

  it('a target’s whole behind list as XLSX: as many rows as the list, the formula above them', async () => {
    const x = targets.find((e) => e.subjectCount > 0) ?? targets[0]!;
    const page = await t.call(dx, {
      method: 'GET',
      url: `/api/plans/${planId}/targets/${x.planTargetId}/subjects?state=behind&asOf=2023-09-30&limit=1`,
    });
    expect(page.statusCode, page.body).toBe(200);
    const total = page.json().total as number;
    const res = await t.call(dx, {
      method: 'GET',
      url: `/api/plans/${planId}/targets/${x.planTargetId}/subjects.xlsx?asOf=2023-09-30`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = cellsOf(wb.worksheets[0]!);
    expect(String(rows[0]![0])).toContain(`DANH SÁCH CHƯA ĐẠT — CHỈ TIÊU ${x.code}`);
    expect(String(rows[3]![0])).toContain('Số liệu tính đến hết ngày 30/09/2023');
    expect(String(rows[4]![0])).toBe(`Cách tính: ${x.formula}`);
    expect(rows.slice(6).length).toBe(total);
    expect(total).toBeGreaterThan(0);
  });
});
