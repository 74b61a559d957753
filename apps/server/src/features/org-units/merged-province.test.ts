import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';

/**
 * Hải Dương merged into Hải Phòng on 01/07/2025: its units are Hải Phòng's history. People of Hải Phòng read them
 * (a 2025 commune's predecessors), nobody of Hải Phòng changes them, and Hải Dương grants give nothing in Hải Phòng.
 */
describe('a merged province is readable history for its successor', () => {
  let t: TestApp;
  let hdCommune: string;
  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units?provinceId=${t.hd}&asOf=2023-06-30&kind=commune&limit=1`,
    });
    hdCommune = res.json().items[0].unitId;
  });
  afterAll(async () => t?.close());

  it('lets a Hải Phòng DX office and unit officer open a Hải Dương unit', async () => {
    for (const role of ['dx_office', 'unit_officer', 'viewer'] as const) {
      const s = await t.userWith([{ role, unitId: t.hp }]);
      const res = await t.call(s, { method: 'GET', url: `/api/org-units/${hdCommune}` });
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
    }
  });

  it('does not let a Hải Phòng administrator reorganise a Hải Dương unit', async () => {
    const s = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const res = await t.call(s, {
      method: 'POST',
      url: '/api/reorganisations',
      payload: { type: 'rename', unitId: hdCommune, effectiveDate: '2024-01-01', name: 'Xã Đổi Tên' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('gives a Hải Dương grant nothing in Hải Phòng', async () => {
    const s = await t.userWith([{ role: 'dx_office', unitId: t.hd }]);
    const res = await t.call(s, { method: 'GET', url: `/api/org-units/${t.hp}` });
    expect(res.statusCode).toBe(403);
  });
});
