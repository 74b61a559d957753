import { insertUrgingNumbered } from '@dx/db';
import { count, groupWriter, inProvince, type RouteCase } from './matrix';

/** A dispatch of the fixture's plan, written directly (the document route reads it). */
async function anUrging(f: Parameters<RouteCase['request']>[0]): Promise<string> {
  const u = await insertUrgingNumbered(f.t.handle.db, {
    provinceId: f.t.hp,
    planId: f.ev.plan,
    year: 2024,
    source: 'target',
    sourceId: f.ev.planTarget,
    subject: 'đôn đốc thực hiện chỉ tiêu của Kế hoạch',
    issuedOn: '2024-01-05',
    asOf: '2024-01-05',
    frame: {
      issuerParent: null,
      issuer: ['CƠ QUAN THỬ'],
      issuerName: 'Cơ quan thử',
      code: 'CQT',
      place: 'Nơi thử',
      signature: ['GIÁM ĐỐC'],
      signer: '',
    },
    lines: [{ unitId: f.commune, unitName: 'Xã thử', owes: ['Chỉ tiêu thử chưa đạt'] }],
  });
  return u.id;
}

/** Rows of the authorization matrix (http/authorization.test.ts) for công văn đôn đốc. */
export const URGING_ROUTES: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/plans/:planId/urgings',
    // Issued by the DX office and administrators of the plan's province (target.remind).
    access: groupWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.ev.plan}/urgings`,
      payload: { source: 'target', sourceId: f.ev.planTarget },
    }),
    snapshot: async (f) => count(f, 'urging'),
    audits: 'urging.issue',
  },
  {
    method: 'GET',
    route: '/api/plans/:planId/urgings',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/plans/${f.ev.plan}/urgings` }),
  },
  {
    method: 'GET',
    route: '/api/urgings/:urgingId/document.docx',
    access: inProvince,
    ok: 200,
    request: async (f) => ({ method: 'GET', url: `/api/urgings/${await anUrging(f)}/document.docx` }),
  },
];
