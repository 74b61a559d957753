import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

describe('foundation smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('signs in and browses Hải Phòng as of two dates', async () => {
    const admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    const s2023 = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units/summary?provinceId=${t.hp}&asOf=2023-06-30`,
    });
    expect(s2023.json().counts).toMatchObject({ district: 15, commune: 217 });
    const s2025 = await t.call(admin, {
      method: 'GET',
      url: `/api/org-units/summary?provinceId=${t.hp}&asOf=2025-08-01`,
    });
    expect(s2025.json().counts.commune).toBe(114);
    expect(s2025.json().counts.district).toBeUndefined();
  });

  it('refuses writes without the CSRF header', async () => {
    const admin = await t.userWith([{ role: 'administrator', unitId: null }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: admin.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.CSRF');
  });
});
