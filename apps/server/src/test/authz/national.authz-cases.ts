import type { RouteCase } from './matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the national view (issue 13). */
export const NATIONAL_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/national/overview',
    // national.read: only a grant over every province; a province's administrator is refused like everyone else.
    access: (w) => w.scope === 'global',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/national/overview?year=2023&asOf=2023-10-15' }),
    check: (f, _w, body) => {
      const ids = (body as { provinces: { provinceId: string }[] }).provinces.map((p) => p.provinceId);
      if (!ids.includes(f.t.hp) || !ids.includes(f.t.hd)) throw new Error(`provinces missing: ${ids}`);
    },
  },
];
