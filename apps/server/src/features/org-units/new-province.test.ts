import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

/** Any province must be able to run its plans here: a system administrator adds one; it is its own province. */
describe('creating a new province', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const create = {
    type: 'create',
    effectiveDate: '2025-07-01',
    unit: { name: 'Tỉnh Thử Nghiệm', kind: 'province', parentUnitId: null },
  };

  it('is refused to a province administrator', async () => {
    const admin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const res = await t.call(admin, { method: 'POST', url: '/api/reorganisations', payload: create });
    expect(res.statusCode).toBe(403);
  });

  it('lets a system administrator add one that lists as a province and holds its own units', async () => {
    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.call(sys, { method: 'POST', url: '/api/reorganisations', payload: create });
    expect(res.statusCode, res.body).toBe(201);
    const [provinceId] = res.json().createdUnitIds as string[];
    const provinces = await t.call(sys, { method: 'GET', url: '/api/provinces?asOf=2025-08-01' });
    expect(
      provinces.json().items.map((p: { unitId: string; provinceId: string }) => [p.unitId, p.provinceId]),
    ).toContainEqual([provinceId, provinceId]);
    const commune = await t.call(sys, {
      method: 'POST',
      url: '/api/reorganisations',
      payload: {
        type: 'create',
        effectiveDate: '2025-08-01',
        unit: { name: 'Xã Một', kind: 'commune', parentUnitId: provinceId },
      },
    });
    expect(commune.statusCode, commune.body).toBe(201);
    const detail = await t.call(sys, {
      method: 'GET',
      url: `/api/org-units/${commune.json().createdUnitIds[0]}`,
    });
    expect(detail.json().provinceId).toBe(provinceId);
    const audit = await t.call(sys, { method: 'GET', url: `/api/audit?action=org_unit.create&limit=5` });
    expect(audit.json().items.map((e: { provinceId: string }) => e.provinceId)).toContain(provinceId);
  });
});
