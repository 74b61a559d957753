import { inProvince, type RouteCase } from './matrix';

/** Rows of the authorization matrix (http/authorization.test.ts) for the home page. */
export const HOME_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/home',
    // plan.read reaches the whole province for every role; another province's home is refused.
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/home?provinceId=${f.t.hp}` }),
    check: (f, w, body) => {
      const home = body as { provinceId: string; sections: { section: string }[] };
      if (home.provinceId !== f.t.hp) throw new Error('wrong province');
      const sections = home.sections.map((s) => s.section);
      const office = w.role === 'dx_office' || w.role === 'administrator';
      if (office !== sections.includes('office'))
        throw new Error(`office section for ${w.role}: ${sections}`);
      if ((w.role === 'leadership') !== sections.includes('leadership'))
        throw new Error(`leadership section for ${w.role}: ${sections}`);
    },
  },
];
