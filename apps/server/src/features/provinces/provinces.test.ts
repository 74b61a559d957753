import { queryRows } from '@dx/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

type CatalogueItem = {
  id: string;
  code: string;
  name: string;
  word: string;
  validFrom: string | null;
  provinceId: string | null;
};

/** Issue 15: a system administrator adds a province from the national catalogue instead of typing it. */
describe('the province catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const catalogue = async (asOf: string) => {
    const user = await t.userWith([{ role: 'viewer', unitId: t.hp }]);
    const res = await t.call(user, { method: 'GET', url: `/api/province-catalogue?asOf=${asOf}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as CatalogueItem[];
  };

  it('lists 63 before 01/07/2025 and 34 from then, in their own words, with the provinces already added', async () => {
    const before = await catalogue('2025-06-30');
    expect(before).toHaveLength(63);
    expect(before.find((r) => r.code === '30')).toMatchObject({
      name: 'Tỉnh Hải Dương',
      word: 'tỉnh',
      provinceId: t.hd,
    });
    const after = await catalogue('2025-07-01');
    expect(after).toHaveLength(34);
    expect(after.find((r) => r.code === '31')).toMatchObject({ word: 'thành phố', provinceId: t.hp });
    expect(after.find((r) => r.code === '68')).toMatchObject({ name: 'Tỉnh Lâm Đồng', provinceId: null });
  });

  it('lets only a system administrator add a province, with the default groups of its levels, once', async () => {
    const lamDong = (await catalogue('2025-07-01')).find((r) => r.code === '68')!;
    const provinceAdmin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const refused = await t.call(provinceAdmin, {
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: lamDong.id },
    });
    expect(refused.statusCode).toBe(403);

    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.call(sys, {
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: lamDong.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { provinceId, groups } = res.json() as { provinceId: string; groups: string[] };
    // Formed on 01/07/2025: no district level, so no group of district People's Committees.
    expect(groups).not.toContain('all-districts');
    expect(groups).toContain('all-communes');

    const provinces = await t.call(sys, { method: 'GET', url: '/api/provinces?asOf=2025-08-01' });
    expect(provinces.json().items).toContainEqual(
      expect.objectContaining({
        unitId: provinceId,
        code: '68',
        name: 'Tỉnh Lâm Đồng',
        adminType: 'Tỉnh',
        validFrom: '2025-07-01',
      }),
    );
    // Not in force before it was formed.
    const earlier = await t.call(sys, { method: 'GET', url: '/api/provinces?asOf=2025-06-30' });
    expect(earlier.json().items.map((p: { unitId: string }) => p.unitId)).not.toContain(provinceId);

    const again = await t.call(sys, {
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: lamDong.id },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.provinceId).toBe(provinceId);

    const listed = (await catalogue('2025-07-01')).find((r) => r.code === '68');
    expect(listed?.provinceId).toBe(provinceId);
    const audit = await t.call(sys, { method: 'GET', url: '/api/audit?action=province.create&limit=5' });
    expect(audit.json().items.map((e: { provinceId: string }) => e.provinceId)).toContain(provinceId);
  });

  it('gives a province that had districts the group of district People’s Committees', async () => {
    const namDinh = (await catalogue('2025-06-30')).find((r) => r.code === '36')!;
    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.call(sys, {
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: namDinh.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().groups).toContain('all-districts');
  });

  it('adds a province once when five administrators add it at the same moment (issue 14 "Races")', async () => {
    const entry = (await catalogue('2025-07-01')).find((r) => r.code === '01')!;
    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.call(sys, { method: 'POST', url: '/api/provinces', payload: { catalogueId: entry.id } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const created = results.find((r) => r.statusCode === 201)!.json().provinceId;
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.details.provinceId).toBe(created);
    const [n] = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM org_unit_version WHERE code = '01' AND parent_unit_id IS NULL`,
    );
    expect(n!.n).toBe(1);
  });

  it('answers 404 for an id that is not in the catalogue', async () => {
    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.call(sys, {
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(404);
  });
});
