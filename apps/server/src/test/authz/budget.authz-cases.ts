import {
  getSettingRow,
  insertBudgetAttachment,
  insertBudgetRevision,
  insertEstimate,
  listBudgetLines,
  queryRows,
  replaceBudgetLines,
  snapshotOf,
} from '@dx/db';
import { budgetChainSettingKey, DEFAULT_BUDGET_CHAIN } from '@dx/domain';
import { sql } from 'drizzle-orm';
import {
  count,
  type Fixture,
  inProvince,
  inSubtree,
  itemReader,
  next,
  type Request,
  type RouteCase,
  type Who,
} from './matrix';

/**
 * Rows of the authorization matrix (http/authorization.test.ts) for the budget routes. Everyone in the province reads
 * estimates (budget.read); a unit officer (or the DX office, an administrator) drafts for its unit and the units below
 * (budget.write, subtree); only a unit officer of the unit submits; at each step only the chain's role acts (default
 * road, no unit named: any DX office / Finance / leadership grant in the province); only the province's administrator
 * sets the chain (budget.configure).
 */

type BudgetFixture = { estimate: string; attachment: string };
const cache = new WeakMap<Fixture, Promise<BudgetFixture>>();

type Stage = 'draft' | 'dx' | 'finance' | 'leadership';
const STAGE_COLUMNS: Record<Stage, { status: string; stepIndex: number | null }> = {
  draft: { status: 'draft', stepIndex: null },
  dx: { status: 'in_review', stepIndex: 0 },
  finance: { status: 'in_review', stepIndex: 1 },
  leadership: { status: 'in_review', stepIndex: 2 },
};

/** A fresh estimate of the commune at a stage of the road, stored directly (the matrix makes hundreds). */
async function freshEstimate(f: Fixture, stage: Stage) {
  const db = f.t.handle.db;
  const e = await insertEstimate(db, {
    provinceId: f.t.hp,
    planId: f.plan,
    unitId: f.commune,
    title: `Dự toán ma trận ${next()}`,
    ...STAGE_COLUMNS[stage],
    createdBy: f.sysAdmin.userId,
  });
  await replaceBudgetLines(db, e.id, f.t.hp, [
    {
      taskId: null,
      content: 'In tờ rơi',
      unitCost: 2_000,
      quantity: 100,
      amount: 200_000,
      fundingSource: 'city_budget',
    },
  ]);
  if (stage !== 'draft')
    await insertBudgetRevision(db, {
      estimateId: e.id,
      round: 1,
      kind: 'submitted',
      lines: snapshotOf(await listBudgetLines(db, e.id)),
      createdBy: f.sysAdmin.userId,
    });
  return e;
}

function budgetFixture(f: Fixture): Promise<BudgetFixture> {
  let p = cache.get(f);
  if (!p) {
    p = (async () => {
      const e = await freshEstimate(f, 'finance');
      const file = await insertBudgetAttachment(f.t.handle.db, {
        estimateId: e.id,
        provinceId: f.t.hp,
        fileName: 'bao-gia.txt',
        contentType: 'text/plain',
        size: 1,
        content: Buffer.from('a'),
      });
      return { estimate: e.id, attachment: file.id };
    })();
    cache.set(f, p);
  }
  return p;
}

const estimateState = async (f: Fixture, req: Request) => {
  const id = req.url.split('/')[3]!;
  return [
    await queryRows(
      f.t.handle.db,
      sql`SELECT status, step_index, round, version FROM budget_estimate WHERE id = ${id}`,
    ),
    await queryRows(
      f.t.handle.db,
      sql`SELECT id, amount, adjust_reason FROM budget_line WHERE estimate_id = ${id} ORDER BY position`,
    ),
    await queryRows(
      f.t.handle.db,
      sql`SELECT count(*)::int AS n FROM budget_event WHERE estimate_id = ${id}`,
    ),
  ];
};

/** budget.write over the commune: unit officers, the DX office, administrators granted on it or above. */
const unitWriter = (w: Who) =>
  (w.role === 'unit_officer' || w.role === 'dx_office' || w.role === 'administrator') && inSubtree(w);
/** Who may make the move the request picks for their role (see `moveFor`). */
const mover = (w: Who) =>
  (w.role === 'unit_officer' && inSubtree(w)) ||
  ((w.role === 'dx_office' || w.role === 'finance' || w.role === 'leadership') && inProvince(w));
/** Each role tries its own move on an estimate waiting for it; others try to forward at the DX office's step. */
const moveFor = (w: Who | null): { stage: Stage; type: string } => {
  switch (w?.role) {
    case 'unit_officer':
      return { stage: 'draft', type: 'submit' };
    case 'finance':
      return { stage: 'finance', type: 'forward' };
    case 'leadership':
      return { stage: 'leadership', type: 'approve' };
    default:
      return { stage: 'dx', type: 'forward' };
  }
};

export const BUDGET_ROUTES: RouteCase[] = [
  {
    method: 'GET',
    route: '/api/plans/:planId/budget-estimates',
    access: itemReader,
    ok: 200,
    request: async (f) => {
      await budgetFixture(f);
      return { method: 'GET', url: `/api/plans/${f.plan}/budget-estimates?unitId=${f.commune}` };
    },
    check: (f, _w, body) => {
      for (const item of (body as { items: { provinceId: string }[] }).items)
        if (item.provinceId !== f.t.hp) throw new Error('foreign estimate');
    },
  },
  {
    method: 'POST',
    route: '/api/plans/:planId/budget-estimates',
    access: unitWriter,
    ok: 201,
    request: (f) => ({
      method: 'POST',
      url: `/api/plans/${f.plan}/budget-estimates`,
      payload: {
        unitId: f.commune,
        title: `Dự toán ${next()}`,
        lines: [{ content: 'Hội nghị', unitCost: 1_000_000, quantity: 2, fundingSource: 'unit_regular' }],
      },
    }),
    snapshot: async (f) => [await count(f, 'budget_estimate'), await count(f, 'budget_line')],
    audits: 'budget_estimate.create',
  },
  {
    method: 'GET',
    route: '/api/budget-estimates/:estimateId',
    access: itemReader,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/budget-estimates/${(await budgetFixture(f)).estimate}`,
    }),
  },
  {
    method: 'PUT',
    route: '/api/budget-estimates/:estimateId/lines',
    access: unitWriter,
    ok: 200,
    request: async (f) => {
      const e = await freshEstimate(f, 'draft');
      return {
        method: 'PUT',
        url: `/api/budget-estimates/${e.id}/lines`,
        payload: {
          version: e.version,
          lines: [{ content: 'Pano', unitCost: 500_000, quantity: 4, fundingSource: 'other_lawful' }],
        },
      };
    },
    snapshot: estimateState,
    audits: 'budget_estimate.edit',
  },
  {
    method: 'POST',
    route: '/api/budget-estimates/:estimateId/actions',
    access: mover,
    ok: 200,
    request: async (f, w) => {
      const move = moveFor(w);
      const e = await freshEstimate(f, move.stage);
      return {
        method: 'POST',
        url: `/api/budget-estimates/${e.id}/actions`,
        payload: { type: move.type, version: e.version },
      };
    },
    snapshot: estimateState,
    audits: (w) => `budget_estimate.${moveFor(w).type}`,
  },
  {
    method: 'POST',
    route: '/api/budget-estimates/:estimateId/adjustments',
    access: (w) => w.role === 'finance' && inProvince(w),
    ok: 200,
    request: async (f) => {
      const e = await freshEstimate(f, 'finance');
      const [line] = await listBudgetLines(f.t.handle.db, e.id);
      return {
        method: 'POST',
        url: `/api/budget-estimates/${e.id}/adjustments`,
        payload: {
          version: e.version,
          adjustments: [{ lineId: line!.id, amount: 150_000, reason: 'Theo định mức chi' }],
        },
      };
    },
    snapshot: estimateState,
    audits: 'budget_estimate.adjust',
  },
  {
    method: 'GET',
    route: '/api/budget-estimates/:estimateId/diff',
    access: itemReader,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/budget-estimates/${(await budgetFixture(f)).estimate}/diff`,
    }),
  },
  {
    method: 'POST',
    route: '/api/budget-estimates/:estimateId/attachments',
    access: unitWriter,
    ok: 201,
    request: async (f) => ({
      method: 'POST',
      url: `/api/budget-estimates/${(await budgetFixture(f)).estimate}/attachments`,
      payload: { fileName: `bao-gia-${next()}.txt`, contentBase64: 'YQ==' },
    }),
    snapshot: async (f) => count(f, 'budget_attachment'),
    audits: 'budget_estimate.attach',
  },
  {
    method: 'GET',
    route: '/api/budget-attachments/:attachmentId',
    access: itemReader,
    ok: 200,
    request: async (f) => ({
      method: 'GET',
      url: `/api/budget-attachments/${(await budgetFixture(f)).attachment}`,
    }),
  },
  ...(['budget-totals', 'budget-export.xlsx', 'budget-submission.docx'] as const).map(
    (path): RouteCase => ({
      method: 'GET',
      route: `/api/plans/:planId/${path}`,
      access: inProvince,
      ok: 200,
      request: async (f) => {
        await budgetFixture(f);
        return { method: 'GET', url: `/api/plans/${f.plan}/${path}` };
      },
    }),
  ),
  {
    method: 'GET',
    route: '/api/provinces/:provinceId/budget-chain',
    access: inProvince,
    ok: 200,
    request: (f) => ({ method: 'GET', url: `/api/provinces/${f.t.hp}/budget-chain` }),
  },
  {
    method: 'PUT',
    route: '/api/provinces/:provinceId/budget-chain',
    // The province's administrator (or a system administrator); not one granted on a district below it.
    access: (w) => w.role === 'administrator' && (w.scope === 'global' || w.scope === 'province'),
    ok: 200,
    request: async (f) => {
      const row = await getSettingRow(f.t.handle.db, budgetChainSettingKey(f.t.hp));
      // The default road stays in force for the other rows (no unit named at any step).
      return {
        method: 'PUT',
        url: `/api/provinces/${f.t.hp}/budget-chain`,
        payload: { version: row?.version ?? 0, chain: DEFAULT_BUDGET_CHAIN },
      };
    },
    snapshot: async (f) => getSettingRow(f.t.handle.db, budgetChainSettingKey(f.t.hp)),
    audits: 'budget_chain.update',
  },
];
