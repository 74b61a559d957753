import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPlanByCode, queryRows, seedPlans } from '@dx/db';
import { DEFAULT_BUDGET_CHAIN, formatVnd, UPLOAD_POLICY } from '@dx/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

/**
 * Budget estimates on their road (plan 54 IV, V.1.d, V.2, V.3.a), through the API on a real database: unit → DX
 * office → Finance (adjusts with reasons) → leadership; rounds and their diff; supplementary requests; the chain as
 * configuration; optimistic locking under concurrent requests; totals and the XLSX/DOCX exports read back.
 */

let t: TestApp;
let admin: Session;
let unitOfficer: Session;
let otherOfficer: Session;
let dxOld: Session;
let dxNew: Session;
let dxOld2: Session;
let finance: Session;
let leader: Session;
let unit: string;
let otherUnit: string;
let dic: string;
let dost: string;
let plan: string;
let theme: string;
let task: string;

const ok = (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body);
};

async function createUnit(name: string, kind: string) {
  const res = await t.call(admin, {
    method: 'POST',
    url: '/api/reorganisations',
    payload: { type: 'create', effectiveDate: '2023-01-01', unit: { name, kind, parentUnitId: t.hp } },
  });
  return ok(res, 201).createdUnitIds[0] as string;
}

const lines = () => [
  {
    taskId: task,
    content: 'In 5.000 tờ rơi chuyển đổi số',
    unitCost: 2_500,
    quantity: 5_000,
    fundingSource: 'city_budget',
  },
  { content: 'Hội nghị tập huấn viết tin', unitCost: 15_000_000, quantity: 2, fundingSource: 'unit_regular' },
  {
    content: 'Video tuyên truyền',
    unitCost: 40_000_000,
    quantity: 1,
    amount: 38_500_000,
    fundingSource: 'other_lawful',
  },
];

async function draft(session = unitOfficer, unitId = unit, body: Record<string, unknown> = {}) {
  return ok(
    await t.call(session, {
      method: 'POST',
      url: `/api/plans/${plan}/budget-estimates`,
      payload: { unitId, title: 'Dự toán truyền thông CĐS 2023', lines: lines(), ...body },
    }),
    201,
  );
}
const act = (session: Session, e: { id: string; version: number }, type: string, reason?: string) =>
  t.call(session, {
    method: 'POST',
    url: `/api/budget-estimates/${e.id}/actions`,
    payload: { type, version: e.version, ...(reason ? { reason } : {}) },
  });
const get = async (session: Session, id: string) =>
  ok(await t.call(session, { method: 'GET', url: `/api/budget-estimates/${id}` }));

/** Drafts and submits an estimate, then forwards it to the Finance step. */
async function atFinance() {
  let e = await draft();
  e = ok(await act(unitOfficer, e, 'submit'));
  return ok(await act(dxOld, e, 'forward'));
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWith([{ role: 'administrator', unitId: null }]);
  unit = await createUnit('Phường Dự Toán', 'commune');
  otherUnit = await createUnit('Phường Bên Cạnh', 'commune');
  dic = await createUnit('Sở Thông tin và Truyền thông (thử)', 'department');
  dost = await createUnit('Sở Khoa học và Công nghệ (thử)', 'department');
  const fin = await createUnit('Sở Tài chính (thử)', 'department');
  unitOfficer = await t.userWith([{ role: 'unit_officer', unitId: unit }]);
  otherOfficer = await t.userWith([{ role: 'unit_officer', unitId: otherUnit }]);
  dxOld = await t.userWith([{ role: 'dx_office', unitId: dic }]);
  dxOld2 = await t.userWith([{ role: 'dx_office', unitId: dic }]);
  dxNew = await t.userWith([{ role: 'dx_office', unitId: dost }]);
  finance = await t.userWith([{ role: 'finance', unitId: fin }]);
  leader = await t.userWith([{ role: 'leadership', unitId: t.hp }]);
  await seedPlans(t.handle.db);
  plan = (await findPlanByCode(t.handle.db, t.hp, '54/KH-UBND', 2023))!;
  const [th] = await queryRows<{ id: string }>(
    t.handle.db,
    sql`SELECT id FROM plan_theme WHERE plan_id = ${plan} ORDER BY position LIMIT 1`,
  );
  theme = th!.id;
  task = ok(
    await t.call(admin, {
      method: 'POST',
      url: `/api/plans/${plan}/tasks`,
      payload: {
        title: 'Phát hành tờ rơi về chuyển đổi số',
        leadUnitIds: [unit],
        timeFrame: 'Quý II/2023',
        themeIds: [theme],
      },
    }),
    201,
  ).id;
});
afterAll(async () => t?.close());

describe('the road: unit → DX office → Finance → leadership', () => {
  it('a unit drafts with exact amounts (unit cost × quantity unless given) and submits', async () => {
    const e = await draft();
    expect(e.status).toBe('draft');
    expect(e.lines.map((l: { amount: number }) => l.amount)).toEqual([12_500_000, 30_000_000, 38_500_000]);
    expect(e.total).toBe(81_000_000);
    expect(e.availableActions).toEqual(['submit']);
    expect(e.canEdit).toBe(true);
    // Nobody else sees a move on a draft.
    expect((await get(dxOld, e.id)).availableActions).toEqual([]);
    // Another unit's officer does not read it at all (docs/security.md "Scope of reading").
    const foreign = await t.call(otherOfficer, { method: 'GET', url: `/api/budget-estimates/${e.id}` });
    expect(foreign.statusCode).toBe(403);
    const s = ok(await act(unitOfficer, e, 'submit'));
    expect(s).toMatchObject({
      status: 'in_review',
      stepIndex: 0,
      round: 1,
      stepLabel: DEFAULT_BUDGET_CHAIN[0]!.label,
      canEdit: false,
    });
    expect(s.revisions).toHaveLength(1);
  });

  it('goes the whole road; Finance adjusts a line with a reason; the unit sees approved amounts and the diff', async () => {
    let e = await draft();
    e = ok(await act(unitOfficer, e, 'submit'));
    expect((await get(dxOld, e.id)).availableActions).toEqual(['forward', 'return']);
    e = ok(await act(dxOld, e, 'forward'));
    const fin = await get(finance, e.id);
    expect(fin.availableActions).toEqual(['forward', 'adjust', 'return']);
    const video = e.lines[2];
    e = ok(
      await t.call(finance, {
        method: 'POST',
        url: `/api/budget-estimates/${e.id}/adjustments`,
        payload: {
          version: e.version,
          adjustments: [{ lineId: video.id, amount: 30_000_000, reason: 'Theo định mức chi sản xuất video' }],
        },
      }),
    );
    expect(e.lines[2]).toMatchObject({
      amount: 30_000_000,
      requestedAmount: 38_500_000,
      adjustReason: 'Theo định mức chi sản xuất video',
    });
    expect(e.status).toBe('in_review');
    expect(e.stepIndex).toBe(1);
    e = ok(await act(finance, e, 'forward'));
    expect((await get(leader, e.id)).availableActions).toEqual(['return', 'approve']);
    e = ok(await act(leader, e, 'approve'));
    expect(e.status).toBe('approved');

    const seen = await get(unitOfficer, e.id);
    expect(seen.total).toBe(72_500_000);
    expect(seen.approvedTotal).toBe(72_500_000);
    expect(seen.requestedTotal).toBe(81_000_000);
    expect(seen.availableActions).toEqual([]);
    expect(seen.revisions.map((r: { kind: string }) => r.kind)).toEqual([
      'submitted',
      'adjusted',
      'approved',
    ]);
    // History: who, when, why.
    expect(seen.events.map((x: { action: string }) => x.action)).toEqual([
      'create',
      'submit',
      'forward',
      'adjust',
      'forward',
      'approve',
    ]);
    const adjust = seen.events.find((x: { action: string }) => x.action === 'adjust');
    expect(adjust).toMatchObject({
      stepKey: 'finance_appraisal',
      reason: 'Theo định mức chi sản xuất video',
      revisionSeq: 2,
    });
    expect(adjust.actorName).toMatch(/Người dùng/);
    expect(Date.parse(adjust.at)).not.toBeNaN();

    const diff = ok(await t.call(unitOfficer, { method: 'GET', url: `/api/budget-estimates/${e.id}/diff` }));
    expect(diff.from.kind).toBe('submitted');
    expect(diff.to.kind).toBe('approved');
    expect(diff.delta).toBe(-8_500_000);
    const changed = diff.lines.filter((l: { change: string }) => l.change === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({
      lineId: video.id,
      delta: -8_500_000,
      fields: ['amount'],
      reason: 'Theo định mức chi sản xuất video',
    });

    // Every move is audited in the same transaction.
    const audits = await queryRows<{ action: string }>(
      t.handle.db,
      sql`SELECT action FROM audit_log WHERE entity_id = ${e.id} ORDER BY id`,
    );
    expect(audits.map((a) => a.action)).toEqual([
      'budget_estimate.create',
      'budget_estimate.submit',
      'budget_estimate.forward',
      'budget_estimate.adjust',
      'budget_estimate.forward',
      'budget_estimate.approve',
    ]);
  });

  it('a return needs a reason, opens the estimate to the unit, and a resubmission is round 2 with its own diff', async () => {
    let e = await atFinance();
    const noReason = await act(finance, e, 'return', 'ab');
    expect(noReason.statusCode).toBe(400);
    e = ok(await act(finance, e, 'return', 'Thiếu báo giá cho video'));
    expect(e).toMatchObject({ status: 'returned', returnReason: 'Thiếu báo giá cho video', round: 1 });
    const mine = await get(unitOfficer, e.id);
    expect(mine.canEdit).toBe(true);
    expect(mine.availableActions).toEqual(['submit']);
    const [a, b, c] = mine.lines;
    e = ok(
      await t.call(unitOfficer, {
        method: 'PUT',
        url: `/api/budget-estimates/${e.id}/lines`,
        payload: {
          version: mine.version,
          lines: [
            {
              id: a.id,
              taskId: task,
              content: a.content,
              unitCost: 2_500,
              quantity: 4_000,
              fundingSource: 'city_budget',
            },
            {
              id: c.id,
              content: c.content,
              unitCost: 35_000_000,
              quantity: 1,
              fundingSource: 'other_lawful',
            },
            { content: 'Pano, áp phích', unitCost: 3_000_000, quantity: 3, fundingSource: 'city_budget' },
          ],
        },
      }),
    );
    e = ok(await act(unitOfficer, e, 'submit'));
    expect(e).toMatchObject({ round: 2, stepIndex: 0, status: 'in_review' });
    const diff = ok(
      await t.call(dxOld, {
        method: 'GET',
        url: `/api/budget-estimates/${e.id}/diff?from=1&to=${e.revisions.at(-1).seq}`,
      }),
    );
    expect(diff.from.round).toBe(1);
    expect(diff.to.round).toBe(2);
    const by = Object.fromEntries(diff.lines.map((l: { lineId: string; change: string }) => [l.lineId, l]));
    expect(by[a.id]).toMatchObject({ change: 'changed', delta: -2_500_000, fields: ['quantity', 'amount'] });
    expect(by[b.id]).toMatchObject({ change: 'removed', delta: -30_000_000 });
    expect(by[c.id]).toMatchObject({ change: 'changed', delta: -3_500_000 });
    expect(diff.lines.find((l: { change: string }) => l.change === 'added')).toMatchObject({
      content: 'Pano, áp phích',
      delta: 9_000_000,
    });
    expect(diff.delta).toBe(10_000_000 + 35_000_000 + 9_000_000 - 81_000_000);
  });

  it('refuses moves out of turn with stable codes, and changes nothing', async () => {
    const e = await atFinance();
    for (const [who, type, status, code] of [
      [dxOld, 'forward', 403, 'AUTH.FORBIDDEN'],
      [leader, 'approve', 403, 'AUTH.FORBIDDEN'],
      [unitOfficer, 'forward', 403, 'AUTH.FORBIDDEN'],
      [unitOfficer, 'submit', 409, 'WORKFLOW.INVALID_TRANSITION'],
      [finance, 'approve', 409, 'WORKFLOW.INVALID_TRANSITION'],
      [otherOfficer, 'submit', 403, 'AUTH.FORBIDDEN'],
    ] as const) {
      const res = await act(who, e, type);
      expect(res.statusCode, `${type}: ${res.body}`).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    const dxAdjust = await t.call(dxOld, {
      method: 'POST',
      url: `/api/budget-estimates/${e.id}/adjustments`,
      payload: {
        version: e.version,
        adjustments: [{ lineId: e.lines[0].id, amount: 1, reason: 'Không được phép' }],
      },
    });
    expect(dxAdjust.statusCode).toBe(403);
    const edit = await t.call(unitOfficer, {
      method: 'PUT',
      url: `/api/budget-estimates/${e.id}/lines`,
      payload: { version: e.version, lines: [] },
    });
    expect(edit.statusCode).toBe(409);
    const after = await get(admin, e.id);
    expect(after.version).toBe(e.version);
    expect(after.lines).toEqual(e.lines);
  });

  it('an adjustment of a line of another estimate is bad input naming the line', async () => {
    const e = await atFinance();
    const other = await draft();
    const res = await t.call(finance, {
      method: 'POST',
      url: `/api/budget-estimates/${e.id}/adjustments`,
      payload: {
        version: e.version,
        adjustments: [{ lineId: other.lines[0].id, amount: 1, reason: 'Dòng lạ ở đây' }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toEqual(['adjustments', 0, 'lineId']);
  });

  it('money must be integer đồng within the safe range', async () => {
    for (const [field, value] of [
      ['unitCost', 1500.5],
      ['unitCost', -1],
      ['amount', Number.MAX_SAFE_INTEGER + 2],
      ['quantity', 0.5],
    ] as const) {
      const res = await t.call(unitOfficer, {
        method: 'POST',
        url: `/api/plans/${plan}/budget-estimates`,
        payload: { unitId: unit, title: 'Sai', lines: [{ ...lines()[1], [field]: value }] },
      });
      expect(res.statusCode, `${field}=${value}`).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual([
        'body',
        'lines',
        0,
        field,
      ]);
    }
    // The largest exact amount is stored and read back exactly (bigint).
    const big = await draft(unitOfficer, unit, {
      lines: [
        { content: 'Rất lớn', unitCost: Number.MAX_SAFE_INTEGER, quantity: 1, fundingSource: 'city_budget' },
      ],
    });
    expect((await get(admin, big.id)).lines[0].amount).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('a line may link only a task of the same plan; a unit drafts only for its own unit', async () => {
    const other = ok(
      await t.call(admin, {
        method: 'POST',
        url: '/api/plans',
        payload: { provinceId: t.hp, year: 2031, title: 'Khác' },
      }),
      201,
    );
    const otherTask = ok(
      await t.call(admin, {
        method: 'POST',
        url: `/api/plans/${other.id}/tasks`,
        payload: { title: 'Nhiệm vụ khác', leadUnitIds: [unit], timeFrame: 'Năm 2031' },
      }),
      201,
    ).id;
    const res = await t.call(unitOfficer, {
      method: 'POST',
      url: `/api/plans/${plan}/budget-estimates`,
      payload: { unitId: unit, title: 'X', lines: [{ ...lines()[0], taskId: otherTask }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toEqual(['lines', 0, 'taskId']);
    const foreign = await t.call(unitOfficer, {
      method: 'POST',
      url: `/api/plans/${plan}/budget-estimates`,
      payload: { unitId: otherUnit, title: 'X', lines: lines() },
    });
    expect(foreign.statusCode).toBe(403);
  });
});

describe('supplementary requests', () => {
  it('take the same road and add to the approved total when approved', async () => {
    let e = await atFinance();
    e = ok(await act(finance, e, 'forward'));
    e = ok(await act(leader, e, 'approve'));
    expect(e.approvedTotal).toBe(81_000_000);
    const early = await t.call(unitOfficer, {
      method: 'POST',
      url: `/api/plans/${plan}/budget-estimates`,
      payload: { unitId: unit, title: 'Bổ sung', kind: 'supplementary', lines: lines() },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0].path).toEqual(['parentId']);
    let s = await draft(unitOfficer, unit, {
      title: 'Đề xuất bổ sung kinh phí',
      kind: 'supplementary',
      parentId: e.id,
      lines: [
        { content: 'Bổ sung phóng sự', unitCost: 10_000_000, quantity: 1, fundingSource: 'city_budget' },
      ],
    });
    s = ok(await act(unitOfficer, s, 'submit'));
    s = ok(await act(dxOld, s, 'forward'));
    s = ok(await act(finance, s, 'forward'));
    expect((await get(unitOfficer, e.id)).approvedTotal).toBe(81_000_000);
    s = ok(await act(leader, s, 'approve'));
    expect(s.kind).toBe('supplementary');
    const parent = await get(unitOfficer, e.id);
    expect(parent.supplementApprovedTotal).toBe(10_000_000);
    expect(parent.approvedTotal).toBe(91_000_000);
    const list = ok(
      await t.call(unitOfficer, {
        method: 'GET',
        url: `/api/plans/${plan}/budget-estimates?kind=supplementary&parentId=${e.id}`,
      }),
    );
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([s.id]);
  });

  it('a supplementary request for another unit’s estimate is refused', async () => {
    let e = await atFinance();
    e = ok(await act(finance, e, 'forward'));
    e = ok(await act(leader, e, 'approve'));
    const res = await t.call(otherOfficer, {
      method: 'POST',
      url: `/api/plans/${plan}/budget-estimates`,
      payload: { unitId: otherUnit, title: 'Bổ sung', kind: 'supplementary', parentId: e.id, lines: lines() },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('the chain is configuration', () => {
  it('moving the DX office step to the Department of Science and Technology changes who may act, without code', async () => {
    const before = ok(await t.call(admin, { method: 'GET', url: `/api/provinces/${t.hp}/budget-chain` }));
    expect(before).toMatchObject({ isDefault: true, version: 0, chain: DEFAULT_BUDGET_CHAIN });
    const provinceAdmin = await t.userWith([{ role: 'administrator', unitId: t.hp }]);
    const districtAdmin = await t.userWith([{ role: 'administrator', unitId: unit }]);
    const chain2023 = [
      { ...DEFAULT_BUDGET_CHAIN[0]!, unitId: dic },
      DEFAULT_BUDGET_CHAIN[1]!,
      DEFAULT_BUDGET_CHAIN[2]!,
    ];
    const chain2025 = [
      { ...DEFAULT_BUDGET_CHAIN[0]!, unitId: dost },
      DEFAULT_BUDGET_CHAIN[1]!,
      DEFAULT_BUDGET_CHAIN[2]!,
    ];
    const refused = await t.call(districtAdmin, {
      method: 'PUT',
      url: `/api/provinces/${t.hp}/budget-chain`,
      payload: { version: 0, chain: chain2025 },
    });
    expect(refused.statusCode).toBe(403);
    const v1 = ok(
      await t.call(provinceAdmin, {
        method: 'PUT',
        url: `/api/provinces/${t.hp}/budget-chain`,
        payload: { version: 0, chain: chain2023 },
      }),
    );
    expect(v1).toMatchObject({ version: 1, isDefault: false });

    let e = await draft();
    e = ok(await act(unitOfficer, e, 'submit'));
    expect((await get(dxNew, e.id)).availableActions).toEqual([]);
    expect((await get(dxOld, e.id)).availableActions).toEqual(['forward', 'return']);

    const v2 = ok(
      await t.call(provinceAdmin, {
        method: 'PUT',
        url: `/api/provinces/${t.hp}/budget-chain`,
        payload: { version: 1, chain: chain2025 },
      }),
    );
    expect(v2.version).toBe(2);
    expect(v2.unitNames).toEqual({ [dost]: 'Sở Khoa học và Công nghệ (thử)' });
    const stale = await t.call(provinceAdmin, {
      method: 'PUT',
      url: `/api/provinces/${t.hp}/budget-chain`,
      payload: { version: 1, chain: chain2023 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.chain[0].unitId).toBe(dost);

    const oldTry = await act(dxOld, e, 'forward');
    expect(oldTry.statusCode).toBe(403);
    expect((await get(dxNew, e.id)).availableActions).toEqual(['forward', 'return']);
    e = ok(await act(dxNew, e, 'forward'));
    expect(e.stepIndex).toBe(1);

    const foreign = await t.call(provinceAdmin, {
      method: 'PUT',
      url: `/api/provinces/${t.hp}/budget-chain`,
      payload: { version: 2, chain: [{ ...DEFAULT_BUDGET_CHAIN[0]!, unitId: t.hd }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details.issues[0].path).toEqual(['chain', 0, 'unitId']);
    // Back to the default road for the other tests (no unit named).
    ok(
      await t.call(provinceAdmin, {
        method: 'PUT',
        url: `/api/provinces/${t.hp}/budget-chain`,
        payload: { version: 2, chain: DEFAULT_BUDGET_CHAIN },
      }),
    );
  });
});

describe('two people acting on the same estimate at once', () => {
  it('two DX officers forward concurrently: one wins, the other gets 409 with the current record', async () => {
    let e = await draft();
    e = ok(await act(unitOfficer, e, 'submit'));
    const [a, b] = await Promise.all([
      act(dxOld, e, 'forward'),
      act(dxOld2, e, 'return', 'Đề nghị làm rõ đơn giá'),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json().error.code).toBe('RESOURCE.VERSION_CONFLICT');
    const current = loser.json().error.details.current;
    expect(current.version).toBe(winner.json().version);
    expect(current.status).toBe(winner.json().status);
    const events = (await get(admin, e.id)).events.map((x: { action: string }) => x.action);
    expect(events.filter((x: string) => x === 'forward' || x === 'return')).toHaveLength(1);
  });

  it('two edits of the same draft: one is saved whole, the other gets 409 and nothing is lost', async () => {
    const e = await draft();
    const edit = (content: string) =>
      t.call(unitOfficer, {
        method: 'PUT',
        url: `/api/budget-estimates/${e.id}/lines`,
        payload: {
          version: e.version,
          lines: [{ content, unitCost: 1_000, quantity: 3, fundingSource: 'city_budget' }],
        },
      });
    const [a, b] = await Promise.all([edit('Bản của người thứ nhất'), edit('Bản của người thứ hai')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = (a.statusCode === 200 ? a : b).json();
    const loser = (a.statusCode === 409 ? a : b).json();
    const now = await get(admin, e.id);
    expect(now.lines).toHaveLength(1);
    expect(now.lines[0].content).toBe(winner.lines[0].content);
    expect(loser.error.details.current.lines[0].content).toBe(winner.lines[0].content);
  });

  it('a stale version is refused even when alone', async () => {
    let e = await draft();
    const stale = { ...e };
    e = ok(await act(unitOfficer, e, 'submit'));
    const res = await act(unitOfficer, stale, 'submit');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current.version).toBe(e.version);
  });
});

describe('attachments', () => {
  it('a unit attaches a document and anyone in the province downloads the same bytes', async () => {
    const e = await draft();
    const content = Buffer.from('Báo giá in tờ rơi — 2.500 đồng/tờ');
    const saved = ok(
      await t.call(unitOfficer, {
        method: 'POST',
        url: `/api/budget-estimates/${e.id}/attachments`,
        payload: {
          fileName: 'bao-gia.txt',
          contentType: 'text/plain',
          contentBase64: content.toString('base64'),
        },
      }),
      201,
    );
    expect(saved).toMatchObject({ fileName: 'bao-gia.txt', size: content.length });
    const res = await t.call(finance, { method: 'GET', url: `/api/budget-attachments/${saved.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
    expect((await get(dxOld, e.id)).attachments.map((a: { id: string }) => a.id)).toEqual([saved.id]);
    // Another unit's officer neither downloads the file nor lists the estimate (docs/security.md "Scope of reading").
    const foreignFile = await t.call(otherOfficer, {
      method: 'GET',
      url: `/api/budget-attachments/${saved.id}`,
    });
    expect(foreignFile.statusCode).toBe(403);
    const listed = (session: Session) =>
      t
        .call(session, { method: 'GET', url: `/api/plans/${plan}/budget-estimates?limit=200` })
        .then((r) => ok(r).items.map((i: { id: string }) => i.id) as string[]);
    expect(await listed(otherOfficer)).not.toContain(e.id);
    expect(await listed(unitOfficer)).toContain(e.id);
    expect(await listed(finance)).toContain(e.id);
    const other = await t.call(otherOfficer, {
      method: 'POST',
      url: `/api/budget-estimates/${e.id}/attachments`,
      payload: { fileName: 'x.txt', contentBase64: 'YQ==' },
    });
    expect(other.statusCode).toBe(403);
  });
});

describe('attachments under parallel uploads (issue 14 "Races")', () => {
  it('30 parallel uploads never put more than the cap on an estimate', async () => {
    const e = await draft();
    const cap = UPLOAD_POLICY.budget_attachment.maxCount;
    const results = await Promise.all(
      Array.from({ length: cap + 10 }, (_, i) =>
        t.call(unitOfficer, {
          method: 'POST',
          url: `/api/budget-estimates/${e.id}/attachments`,
          payload: {
            fileName: `bao-gia-${i}.txt`,
            contentBase64: Buffer.from(`Báo giá ${i}`).toString('base64'),
          },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(cap);
    expect(codes.filter((c) => c === 400)).toHaveLength(10);
    expect((await get(unitOfficer, e.id)).attachments).toHaveLength(cap);
  });
});

describe('totals and exports', () => {
  let t2: TestApp;
  let p2: string;
  afterAll(async () => t2?.close());

  it('totals by funding source, unit, task and theme; XLSX and DOCX read back', async () => {
    // A fresh database so the totals are known exactly.
    t2 = await createTestApp();
    const a = await t2.userWith([{ role: 'administrator', unitId: null }]);
    const mk = async (name: string) =>
      ok(
        await t2.call(a, {
          method: 'POST',
          url: '/api/reorganisations',
          payload: {
            type: 'create',
            effectiveDate: '2023-01-01',
            unit: { name, kind: 'commune', parentUnitId: t2.hp },
          },
        }),
        201,
      ).createdUnitIds[0] as string;
    const u1 = await mk('Phường Tổng Một');
    const u2 = await mk('Phường Tổng Hai');
    const o1 = await t2.userWith([{ role: 'unit_officer', unitId: u1 }]);
    const o2 = await t2.userWith([{ role: 'unit_officer', unitId: u2 }]);
    const dx = await t2.userWith([{ role: 'dx_office', unitId: t2.hp }]);
    const fi = await t2.userWith([{ role: 'finance', unitId: t2.hp }]);
    const le = await t2.userWith([{ role: 'leadership', unitId: t2.hp }]);
    await seedPlans(t2.handle.db);
    p2 = (await findPlanByCode(t2.handle.db, t2.hp, '54/KH-UBND', 2023))!;
    const [th] = await queryRows<{ id: string; code: string }>(
      t2.handle.db,
      sql`SELECT id, code FROM plan_theme WHERE plan_id = ${p2} ORDER BY position LIMIT 1`,
    );
    const tk = ok(
      await t2.call(a, {
        method: 'POST',
        url: `/api/plans/${p2}/tasks`,
        payload: {
          title: 'Nhiệm vụ tờ rơi',
          leadUnitIds: [u1],
          timeFrame: 'Quý II/2023',
          themeIds: [th!.id],
        },
      }),
      201,
    ).id;
    const call = (s: Session, url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') =>
      t2.call(s, { method, url, payload: payload as object });
    // u1: approved after Finance cuts 1.000.000; u2: submitted only (requested, not consolidated); a draft is not counted.
    let e1 = ok(
      await call(o1, `/api/plans/${p2}/budget-estimates`, {
        unitId: u1,
        title: 'Dự toán phường 1',
        lines: [
          { taskId: tk, content: 'Tờ rơi', unitCost: 2_000, quantity: 1_000, fundingSource: 'city_budget' },
          { content: 'Hội nghị', unitCost: 5_000_000, quantity: 1, fundingSource: 'unit_regular' },
        ],
      }),
      201,
    );
    e1 = ok(
      await call(o1, `/api/budget-estimates/${e1.id}/actions`, { type: 'submit', version: e1.version }),
    );
    e1 = ok(
      await call(dx, `/api/budget-estimates/${e1.id}/actions`, { type: 'forward', version: e1.version }),
    );
    e1 = ok(
      await call(fi, `/api/budget-estimates/${e1.id}/adjustments`, {
        version: e1.version,
        adjustments: [{ lineId: e1.lines[1].id, amount: 4_000_000, reason: 'Giảm theo định mức hội nghị' }],
      }),
    );
    e1 = ok(
      await call(fi, `/api/budget-estimates/${e1.id}/actions`, { type: 'forward', version: e1.version }),
    );
    e1 = ok(
      await call(le, `/api/budget-estimates/${e1.id}/actions`, { type: 'approve', version: e1.version }),
    );
    let e2 = ok(
      await call(o2, `/api/plans/${p2}/budget-estimates`, {
        unitId: u2,
        title: 'Dự toán phường 2',
        lines: [{ content: 'Pano', unitCost: 700_000, quantity: 3, fundingSource: 'other_lawful' }],
      }),
      201,
    );
    e2 = ok(
      await call(o2, `/api/budget-estimates/${e2.id}/actions`, { type: 'submit', version: e2.version }),
    );
    ok(
      await call(o2, `/api/plans/${p2}/budget-estimates`, {
        unitId: u2,
        title: 'Nháp',
        lines: [{ content: 'Nháp', unitCost: 999, quantity: 1, fundingSource: 'city_budget' }],
      }),
      201,
    );

    // The province's own names of its funding sources (issue 15, province settings) label the totals and exports.
    const settings = ok(await t2.call(a, { method: 'GET', url: `/api/provinces/${t2.hp}/settings` }));
    ok(
      await call(
        a,
        `/api/provinces/${t2.hp}/settings`,
        {
          revision: settings.revision,
          settings: {
            funding_source_names: [
              {
                validFrom: null,
                validTo: null,
                value: {
                  unit_regular: 'Chi thường xuyên của đơn vị',
                  city_budget: 'Ngân sách tỉnh Thử',
                  other_lawful: 'Nguồn hợp pháp khác',
                },
              },
            ],
          },
        },
        'PUT',
      ),
    );
    const totals = ok(await t2.call(o2, { method: 'GET', url: `/api/plans/${p2}/budget-totals` }));
    expect(totals.bySource.find((r: { key: string }) => r.key === 'city_budget').label).toBe(
      'Ngân sách tỉnh Thử',
    );
    expect(totals).toMatchObject({ requested: 8_100_000, consolidated: 6_000_000, approved: 6_000_000 });
    const by = (rows: { key: string | null; requested: number; approved: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.key ?? 'none', [r.requested, r.approved]]));
    expect(by(totals.bySource)).toEqual({
      city_budget: [2_000_000, 2_000_000],
      unit_regular: [4_000_000, 4_000_000],
      other_lawful: [2_100_000, 0],
    });
    expect(by(totals.byUnit)).toEqual({ [u1]: [6_000_000, 6_000_000], [u2]: [2_100_000, 0] });
    expect(by(totals.byTask)).toEqual({ [tk]: [2_000_000, 2_000_000], none: [6_100_000, 4_000_000] });
    expect(by(totals.byTheme)).toEqual({ [th!.id]: [2_000_000, 2_000_000], none: [6_100_000, 4_000_000] });
    // No task, no theme: unnamed rows the web words from its catalogue (issue 18); the XLSX below keeps the Vietnamese.
    const unnamed = (rows: { key: string | null; label: string | null }[]) =>
      rows.find((r) => r.key === null)?.label;
    expect([unnamed(totals.byTask), unnamed(totals.byTheme)]).toEqual([null, null]);
    const list = ok(
      await t2.call(dx, { method: 'GET', url: `/api/plans/${p2}/budget-estimates?status=in_review` }),
    );
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([e2.id]);
    const listU = ok(
      await t2.call(dx, { method: 'GET', url: `/api/plans/${p2}/budget-estimates?unitId=${u1}` }),
    );
    expect(listU.items.map((i: { id: string; total: number }) => [i.id, i.total])).toEqual([
      [e1.id, 6_000_000],
    ]);

    const x = await t2.call(dx, { method: 'GET', url: `/api/plans/${p2}/budget-export.xlsx` });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp dự toán')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const hoiNghi = rows.find((r) => r[2] === 'Hội nghị')!;
    expect(hoiNghi.slice(1, 11)).toEqual([
      'Phường Tổng Một',
      'Hội nghị',
      '',
      'Chi thường xuyên của đơn vị',
      5_000_000,
      1,
      5_000_000,
      4_000_000,
      'Đã phê duyệt',
      'Giảm theo định mức hội nghị',
    ]);
    expect(rows.find((r) => r[2] === 'Tờ rơi')![3]).toBe('Nhiệm vụ tờ rơi');
    expect(rows.find((r) => r[1] === 'TỔNG CỘNG')!.slice(7, 9)).toEqual([9_100_000, 6_000_000]);
    expect(rows.some((r) => r[2] === 'Nháp')).toBe(false);
    const sheet2: unknown[][] = [];
    wb.getWorksheet('Tổng theo nhóm')!.eachRow((r) => sheet2.push((r.values as unknown[]).slice(1)));
    expect(sheet2.find((r) => r[0] === 'Ngân sách tỉnh Thử')).toEqual([
      'Ngân sách tỉnh Thử',
      2_000_000,
      2_000_000,
      2_000_000,
    ]);

    const d = await t2.call(dx, { method: 'GET', url: `/api/plans/${p2}/budget-submission.docx` });
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toContain('wordprocessingml');
    const dir = mkdtempSync(join(tmpdir(), 'to-trinh-'));
    const file = join(dir, 'to-trinh.docx');
    writeFileSync(file, d.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml']).toString('utf8');
    const textOf = xml
      .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`)
      .replace(/<[^>]+>/g, '');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TỜ TRÌNH',
      'Về việc phê duyệt dự toán kinh phí thực hiện Kế hoạch 54/KH-UBND',
      'Kính gửi: Ủy ban nhân dân',
      `tổng số tiền ${formatVnd(6_000_000)}`,
      'Nơi nhận:',
      'Ngân sách tỉnh Thử',
      'Phường Tổng Một',
    ])
      expect(textOf, expected).toContain(expected);
    expect(textOf).not.toContain('Phường Tổng Hai'); // not yet consolidated
    expect(execFileSync('unzip', ['-p', file, 'word/styles.xml']).toString('utf8')).toContain(
      'Times New Roman',
    );
  });
});
