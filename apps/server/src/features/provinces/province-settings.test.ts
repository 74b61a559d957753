import { provinceSettingsOn, queryRows, seedProvinceSettings } from '@dx/db';
import { type ProvinceSettings, provinceSettingsSchema, settingOn } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/** Issue 15: a province's own words over time, read by everyone in it, saved whole by its administrator. */
describe('province settings', () => {
  let t: TestApp;
  let admin: Session;
  let viewer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.userWith([{ role: 'administrator', unitId: t.hd }]);
    viewer = await t.userWith([{ role: 'viewer', unitId: t.hd }]);
  });
  afterAll(async () => t?.close());

  const url = () => `/api/provinces/${t.hd}/settings`;
  const agencies = [
    {
      validFrom: null,
      validTo: '2025-03-01',
      value: { name: 'Sở Thông tin và Truyền thông', shortName: 'Sở TT&TT' },
    },
    {
      validFrom: '2025-03-01',
      validTo: null,
      value: { name: 'Sở Khoa học và Công nghệ', shortName: 'Sở KH&CN' },
    },
  ];

  it('saves the whole settings with the revision read, and everyone in the province reads them back', async () => {
    const empty = await t.call(viewer, { method: 'GET', url: url() });
    expect(empty.statusCode, empty.body).toBe(200);
    const revision = empty.json().revision as number;
    const saved = await t.call(admin, {
      method: 'PUT',
      url: url(),
      payload: {
        revision,
        settings: {
          province_word: [{ validFrom: null, validTo: null, value: 'tỉnh' }],
          dx_office_agency: agencies,
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().revision).toBe(revision + 1);
    const read = await t.call(viewer, { method: 'GET', url: url() });
    expect(read.json()).toEqual({
      provinceId: t.hd,
      revision: revision + 1,
      settings: {
        dx_office_agency: agencies,
        province_word: [{ validFrom: null, validTo: null, value: 'tỉnh' }],
      },
    });
    // The value in force on a date, by the one "as of" rule (half-open: the new agency from 01/03/2025).
    const on = async (d: string) =>
      (await provinceSettingsOn(t.handle.db, t.hd, d)).find((r) => r.key === 'dx_office_agency')?.value;
    expect(await on('2025-02-28')).toMatchObject({ shortName: 'Sở TT&TT' });
    expect(await on('2025-03-01')).toMatchObject({ shortName: 'Sở KH&CN' });
    const [entry] = await queryRows<{ action: string; actor_user_id: string }>(
      t.handle.db,
      sql`SELECT action, actor_user_id FROM audit_log WHERE entity_id = ${t.hd} AND action = 'province_settings.update'
           ORDER BY id DESC LIMIT 1`,
    );
    expect(entry).toEqual({ action: 'province_settings.update', actor_user_id: admin.userId });
  });

  it('refuses a stale save with 409 and the settings as they are now, writing nothing', async () => {
    const current = (await t.call(admin, { method: 'GET', url: url() })).json();
    const ok = await t.call(admin, {
      method: 'PUT',
      url: url(),
      payload: { revision: current.revision, settings: { ...current.settings, province_word: [] } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await t.call(admin, {
      method: 'PUT',
      url: url(),
      payload: { revision: current.revision, settings: {} },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    const after = (await t.call(admin, { method: 'GET', url: url() })).json();
    expect(after.revision).toBe(current.revision + 1);
    expect(after.settings.dx_office_agency).toEqual(agencies);
    expect(JSON.stringify(stale.json().error.details)).toContain('Sở KH&CN');
  });

  it('refuses overlapping periods with the field path, and a unit that is not a province with 404', async () => {
    const current = (await t.call(admin, { method: 'GET', url: url() })).json();
    const bad = await t.call(admin, {
      method: 'PUT',
      url: url(),
      payload: {
        revision: current.revision,
        settings: { dx_office_agency: [agencies[0], { ...agencies[1], validFrom: '2025-02-01' }] },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual([
      'body',
      'settings',
      'dx_office_agency',
      1,
      'validFrom',
    ]);
    const sys = await t.userWith([{ role: 'administrator', unitId: null }]);
    const [unit] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`SELECT id FROM org_unit WHERE province_id = ${t.hd} AND id <> ${t.hd} LIMIT 1`,
    );
    const notProvince = await t.call(sys, { method: 'GET', url: `/api/provinces/${unit!.id}/settings` });
    expect(notProvince.statusCode).toBe(404);
  });

  it("seeds Hải Phòng's own words once, dated, and never over an administrator's save", async () => {
    expect(await seedProvinceSettings(t.handle.db)).toBe(true);
    expect(await seedProvinceSettings(t.handle.db)).toBe(false);
    const cityAdmin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const res = await t.call(cityAdmin, { method: 'GET', url: `/api/provinces/${t.hp}/settings` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { revision: number; settings: ProvinceSettings };
    expect(provinceSettingsSchema.safeParse(body.settings).success).toBe(true);
    expect(body.revision).toBe(0);
    const s = body.settings;
    expect(settingOn(s, 'province_word', '2024-01-01')).toBe('thành phố');
    expect(settingOn(s, 'dx_office_agency', '2025-02-28')?.name).toBe('Sở Thông tin và Truyền thông');
    expect(settingOn(s, 'dx_office_agency', '2025-03-01')?.name).toBe('Sở Khoa học và Công nghệ');
    expect(settingOn(s, 'peoples_committee_name', '2025-03-01')).toBe('Ủy ban nhân dân thành phố Hải Phòng');
    expect(settingOn(s, 'default_recipients', '2025-06-30')?.join(' ')).toContain('quận, huyện');
    expect(settingOn(s, 'default_recipients', '2025-07-01')?.join(' ')).toContain('đặc khu');
    expect(settingOn(s, 'report_defaults', '2025-07-01')).toEqual({
      place: 'Hải Phòng',
      issuer: 'committee',
    });
    // The administrator's save stands: a later start seeds nothing over it.
    const saved = await t.call(cityAdmin, {
      method: 'PUT',
      url: `/api/provinces/${t.hp}/settings`,
      payload: { revision: 0, settings: { province_word: s.province_word } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await seedProvinceSettings(t.handle.db)).toBe(false);
    const after = (await t.call(cityAdmin, { method: 'GET', url: `/api/provinces/${t.hp}/settings` })).json();
    expect(Object.keys(after.settings)).toEqual(['province_word']);
  });
});
