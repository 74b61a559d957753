import { readFileSync } from 'node:fs';
import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';
import { multipartFile } from '../../test/multipart';

const HAI_DUONG = readFileSync(new URL('./fixtures/haiduong-2023.csv', import.meta.url));

type Report = {
  format: string;
  total: number;
  errors: number;
  created: number;
  effectiveDate: string;
  defaultEffectiveDate: string;
  counts: Record<string, number>;
  rows: { row: number; status: string; name: string; messages: string[] }[];
  groupsAdded: string[];
};

/**
 * Issue 15: a province's units arrive from a file — dry run, then all or nothing on the chosen date — on a platform
 * that holds only the province catalogue (SEED=none), as a new province would find it.
 */
describe('importing a province’s units', () => {
  let t: TestApp;
  let sys: Session;
  const added = new Map<string, string>();
  const addProvince = async (code: string, validFrom: string | null) => {
    const catalogue = await t.call(sys, { method: 'GET', url: '/api/province-catalogue' });
    const row = (catalogue.json().items as { id: string; code: string; validFrom: string | null }[]).find(
      (r) => r.code === code && r.validFrom === validFrom,
    )!;
    const res = await t.call(sys, {
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: row.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    added.set(code, res.json().provinceId);
    return res.json().provinceId as string;
  };
  const upload = (who: Session, provinceId: string, file: string | Buffer, query = '', name = 'don-vi.csv') =>
    t.call(who, {
      method: 'POST',
      url: `/api/unit-imports/file?provinceId=${provinceId}${query}`,
      ...multipartFile(name, file),
    });
  const unitCount = async (provinceId: string) =>
    Number(
      (
        await queryRows<{ n: string }>(
          t.handle.db,
          sql`SELECT count(*) AS n FROM org_unit WHERE province_id = ${provinceId}`,
        )
      )[0]!.n,
    );

  let haiDuong: string;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'none', clock: () => new Date('2026-12-07T03:00:00Z') });
    sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    haiDuong = await addProvince('30', null);
    admin = await t.userWith([{ role: 'administrator', unitId: haiDuong }]);
  });
  afterAll(async () => t?.close());

  it('starts empty: no province but those added from the catalogue', async () => {
    const provinces = await t.call(sys, { method: 'GET', url: '/api/provinces?asOf=2023-06-30' });
    expect(provinces.json().items.map((p: { name: string }) => p.name)).toEqual(['Tỉnh Hải Dương']);
  });

  it('dry-runs the whole of Hải Dương 2023 (12 districts, 235 communes): every row understood, nothing written', async () => {
    const res = await upload(admin, haiDuong, HAI_DUONG);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Report;
    expect(r).toMatchObject({ format: 'units', total: 248, errors: 0, created: 0 });
    expect(r.counts).toEqual({ district: 12, commune: 235 });
    // No plan and the province ended on 30/06/2025: the last 1 January it lived through, never today.
    expect(r.defaultEffectiveDate).toBe('2025-01-01');
    expect(r.rows[0]).toMatchObject({ status: 'skipped', name: 'Tỉnh Hải Dương' });
    expect(await unitCount(haiDuong)).toBe(1);
  });

  it('refuses to confirm without an effective date chosen', async () => {
    const res = await upload(admin, haiDuong, HAI_DUONG, '&confirm=true');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toEqual(['querystring', 'effectiveDate']);
    expect(await unitCount(haiDuong)).toBe(1);
  });

  it('writes nothing when one row is wrong, and says which and why', async () => {
    const bad = `${HAI_DUONG.toString('utf8').trimEnd()}\n99999,Xã Lạc Đường,Xã,Huyện Không Có\n`;
    const res = await upload(admin, haiDuong, bad, '&confirm=true&effectiveDate=2023-01-01');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as Report;
    expect(r).toMatchObject({ errors: 1, created: 0 });
    expect(r.rows.find((x) => x.status === 'error')).toMatchObject({
      row: 250,
      messages: [expect.stringContaining('Không tìm thấy đơn vị cấp trên "Huyện Không Có"')],
    });
    expect(await unitCount(haiDuong)).toBe(1);
  });

  it('is refused to anyone but the province’s administrator and the system administrator', async () => {
    const other = await addProvince('68', '2025-07-01');
    const strangers = [
      await t.userWith([{ role: 'administrator', unitId: other }]),
      await t.userWith([{ role: 'dx_office', unitId: haiDuong }]),
    ];
    for (const s of strangers) {
      const res = await upload(s, haiDuong, HAI_DUONG, '&confirm=true&effectiveDate=2023-01-01');
      expect(res.statusCode).toBe(403);
    }
    expect(await unitCount(haiDuong)).toBe(1);
  });

  it('creates all 247 units on the chosen date in one step, audited, and the tree and groups show them', async () => {
    const res = await upload(admin, haiDuong, HAI_DUONG, '&confirm=true&effectiveDate=2023-01-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ errors: 0, created: 247, effectiveDate: '2023-01-01' });
    expect(await unitCount(haiDuong)).toBe(248);

    const districts = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units?provinceId=${haiDuong}&parentId=${haiDuong}&asOf=2023-06-30&limit=100`,
    });
    expect(districts.json().total).toBe(12);
    const before = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units/summary?provinceId=${haiDuong}&asOf=2022-12-31`,
    });
    expect(before.json().counts.commune ?? 0).toBe(0);
    const summary = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units/summary?provinceId=${haiDuong}&asOf=2023-06-30`,
    });
    expect(summary.json().counts).toMatchObject({ district: 12, commune: 235 });

    const groups = await t.call(admin, {
      method: 'GET',
      url: `/api/unit-groups?provinceId=${haiDuong}&asOf=2023-06-30`,
    });
    const byCode = Object.fromEntries(
      (groups.json().items as { code: string; memberCount: number }[]).map((g) => [g.code, g.memberCount]),
    );
    expect(byCode).toMatchObject({ 'all-districts': 12, 'all-communes': 235, 'all-local-government': 247 });

    const audit = await t.call(sys, { method: 'GET', url: '/api/audit?action=org_unit.import&limit=5' });
    const entry = audit.json().items.find((e: { provinceId: string }) => e.provinceId === haiDuong);
    expect(entry).toBeTruthy();
  });

  it('confirms a file once when two administrators confirm it at the same moment (issue 14 "Races")', async () => {
    const province = await addProvince('01', null);
    const [a, b] = [
      await t.userWith([{ role: 'administrator', unitId: province }]),
      await t.userWith([{ role: 'administrator', unitId: province }]),
    ];
    const csv = [
      'code_if_known,name,type,parent_name',
      '01,Thành phố Hà Nội,Thành phố Trung ương,',
      ...Array.from({ length: 30 }, (_, i) => `${900 + i},Phường Thử ${i + 1},Phường,Thành phố Hà Nội`),
    ].join('\n');
    const results = await Promise.all(
      [a, b].map((who) => upload(who, province, csv, '&confirm=true&effectiveDate=2023-01-01')),
    );
    // Both read and checked at once (no IMPORT.BUSY); the lock makes the second see the codes the first took.
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    const created = results.map((r) => (r.json() as Report).created).sort((x, y) => x - y);
    expect(created).toEqual([0, 30]);
    expect(await unitCount(province)).toBe(31);
  });

  it('refuses the same file a second time, row by row (the codes are taken), and writes nothing', async () => {
    const res = await upload(admin, haiDuong, HAI_DUONG, '&confirm=true&effectiveDate=2023-01-01');
    const r = res.json() as Report;
    expect(r.created).toBe(0);
    expect(r.errors).toBe(247);
    expect(r.rows[1]!.messages.join()).toContain('đã thuộc');
    expect(await unitCount(haiDuong)).toBe(248);
  });

  it('reads the statistics office’s list as an .xlsx, communes directly under a province formed on 01/07/2025', async () => {
    const lamDong = added.get('68')!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp']);
    ws.addRow(['68', 'Tỉnh Lâm Đồng', 24778, 'Phường Xuân Hương - Đà Lạt', 'Phường']);
    ws.addRow(['68', 'Tỉnh Lâm Đồng', 24781, 'Phường Cam Ly - Đà Lạt', 'Phường']);
    ws.addRow(['68', 'Tỉnh Lâm Đồng', 25000, 'Xã Lạc Dương', 'Xã']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const dry = await upload(sys, lamDong, xlsx, '', 'danh-muc.xlsx');
    expect(dry.statusCode, dry.body).toBe(200);
    // No plan: 1 January of this year (2026), within the province's life.
    expect(dry.json()).toMatchObject({ format: 'gso', errors: 0, defaultEffectiveDate: '2026-01-01' });
    const done = await upload(sys, lamDong, xlsx, '&confirm=true&effectiveDate=2025-07-01', 'danh-muc.xlsx');
    expect(done.json()).toMatchObject({ created: 3, counts: { commune: 3 } });
  });

  it('refuses an effective date outside the province’s life', async () => {
    const res = await upload(admin, haiDuong, HAI_DUONG, '&effectiveDate=2025-07-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].message).toContain('đến hết 30/06/2025');
  });
});
