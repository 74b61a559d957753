import { getProvinceSettingsRevision, listCatalogueWithProvinces, listProvinceSettings } from '@dx/db';
import { count, type Fixture, inProvince, type RouteCase, type Who } from './matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the province catalogue (issue 15). */

const systemAdministrator = (w: Who) => w.role === 'administrator' && w.scope === 'global';

/**
 * A catalogue row no province was made from yet (an allowed call adds it, a refused one leaves it for the next),
 * among those formed on 01/07/2025, so the matrix's other rows (which read as of 2023) see the same provinces.
 */
async function freshCatalogueId(f: Fixture): Promise<string> {
  const rows = await listCatalogueWithProvinces(f.t.handle.db);
  const row = rows.find((r) => r.provinceId === null && r.validFrom === '2025-07-01');
  if (!row) throw new Error('the catalogue has no province left to add');
  return row.id;
}

export const PROVINCE_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/province-catalogue',
    access: 'self',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/province-catalogue?asOf=2025-07-01' }),
  },
  {
    method: 'POST',
    route: '/api/provinces',
    access: systemAdministrator,
    ok: 201,
    request: async (f) => ({
      method: 'POST',
      url: '/api/provinces',
      payload: { catalogueId: await freshCatalogueId(f) },
    }),
    snapshot: async (f) => [await count(f, 'org_unit'), await count(f, 'unit_group')],
    audits: 'province.create',
  },
  // Province settings (issue 15): read by everyone in the province; saved by its administrator (a grant on the
  // province) or a system administrator, not by an administrator granted on a district below it.
  {
    method: 'GET',
    route: '/api/provinces/:provinceId/settings',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/provinces/${f.t.hp}/settings` }),
  },
  {
    method: 'PUT',
    route: '/api/provinces/:provinceId/settings',
    access: (w) => w.role === 'administrator' && (w.scope === 'global' || w.scope === 'province'),
    ok: 200,
    request: async (f) => ({
      method: 'PUT',
      url: `/api/provinces/${f.t.hp}/settings`,
      payload: {
        revision: await getProvinceSettingsRevision(f.t.handle.db, f.t.hp),
        settings: { province_word: [{ validFrom: null, validTo: null, value: 'thành phố' }] },
      },
    }),
    snapshot: async (f) => [
      await getProvinceSettingsRevision(f.t.handle.db, f.t.hp),
      await listProvinceSettings(f.t.handle.db, f.t.hp),
    ],
    audits: 'province_settings.update',
  },
];
