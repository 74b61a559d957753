import { multipartFile } from '../multipart';
import { count, next, type RouteCase, type Who } from './matrix';

/**
 * Rows of the authorization matrix (http/authorization.test.ts) for importing units (issue 15): the system
 * administrator and the province's own administrator only; an administrator of one district or another province is
 * refused.
 */
const provinceAdministrator = (w: Who) =>
  w.role === 'administrator' && (w.scope === 'global' || w.scope === 'province');

export const UNIT_IMPORT_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/unit-imports/template.xlsx',
    access: 'self',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/unit-imports/template.xlsx' }),
  },
  {
    method: 'POST',
    route: '/api/unit-imports/file',
    access: provinceAdministrator,
    ok: 200,
    request: (f) => ({
      method: 'POST',
      url: `/api/unit-imports/file?provinceId=${f.t.hp}&confirm=true&effectiveDate=2024-01-01`,
      ...multipartFile('don-vi.csv', `Mã,Tên đơn vị,Loại,Đơn vị cấp trên\n,Hội Nhập Thử ${next()},Hội,\n`),
    }),
    snapshot: async (f) => [await count(f, 'org_unit'), await count(f, 'org_unit_version')],
    audits: 'org_unit.import',
  },
];
