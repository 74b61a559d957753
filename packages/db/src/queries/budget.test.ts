import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, Db } from '../client';
import { findProvinceByCode, seedUnits } from '../index';
import { seedPlans } from '../seed/seed-plans';
import { createTestDatabase } from '../testing';
import {
  approvedSupplementTotal,
  getBudgetRevision,
  getEstimate,
  getSettingRow,
  insertBudgetRevision,
  insertEstimate,
  listBudgetLines,
  listEstimates,
  listPlanBudgetLines,
  putSettingIfVersion,
  replaceBudgetLines,
  snapshotOf,
  updateEstimateIfVersion,
} from './budget';
import { findPlanByCode } from './plans';

let handle: DatabaseHandle;
let db: Db;
let hp: string;
let plan: string;

const line = (content: string, amount: number, extra: Record<string, unknown> = {}) => ({
  taskId: null,
  content,
  unitCost: amount,
  quantity: 1,
  amount,
  fundingSource: 'city_budget' as const,
  ...extra,
});

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedUnits(db);
  hp = (await findProvinceByCode(db, '31'))!;
  await seedPlans(db);
  plan = (await findPlanByCode(db, hp, '54/KH-UBND', 2023))!;
});
afterAll(async () => handle?.close());

const newEstimate = (extra: Record<string, unknown> = {}) =>
  insertEstimate(db, { provinceId: hp, planId: plan, unitId: hp, title: 'Dự toán thử', ...extra });

describe('budget queries', () => {
  it('keeps a line’s identity when it is edited, deletes lines left out, and stores bigint amounts exactly', async () => {
    const e = await newEstimate();
    await replaceBudgetLines(db, e.id, hp, [line('A', 100), line('B', Number.MAX_SAFE_INTEGER)]);
    const [a, b] = await listBudgetLines(db, e.id);
    expect(b!.amount).toBe(Number.MAX_SAFE_INTEGER);
    await replaceBudgetLines(db, e.id, hp, [{ ...line('A sửa', 150), id: a!.id }, line('C', 5)]);
    const after = await listBudgetLines(db, e.id);
    expect(after.map((l) => [l.content, l.amount, l.position])).toEqual([
      ['A sửa', 150, 1],
      ['C', 5, 2],
    ]);
    expect(after[0]!.id).toBe(a!.id);
    expect(after.some((l) => l.id === b!.id)).toBe(false);
  });

  it('the version is the lock: a stale writer gets nothing back and changes nothing', async () => {
    const e = await newEstimate();
    const first = await updateEstimateIfVersion(
      db,
      e.id,
      1,
      { status: 'in_review', stepIndex: 0 },
      new Date(),
    );
    expect(first?.version).toBe(2);
    expect(await updateEstimateIfVersion(db, e.id, 1, { status: 'draft' }, new Date())).toBeNull();
    expect((await getEstimate(db, e.id))!.status).toBe('in_review');
  });

  it('numbers revisions per estimate and keeps the lines as they stood', async () => {
    const e = await newEstimate();
    await replaceBudgetLines(db, e.id, hp, [line('A', 10)]);
    const lines = snapshotOf(await listBudgetLines(db, e.id));
    const r1 = await insertBudgetRevision(db, {
      estimateId: e.id,
      round: 1,
      kind: 'submitted',
      lines,
      createdBy: null,
    });
    const r2 = await insertBudgetRevision(db, {
      estimateId: e.id,
      round: 1,
      kind: 'adjusted',
      lines: [{ ...lines[0]!, amount: 8, adjustReason: 'Giảm' }],
      createdBy: null,
    });
    expect([r1.seq, r2.seq, r1.total, r2.total]).toEqual([1, 2, 10, 8]);
    expect((await getBudgetRevision(db, e.id, 2))!.lines[0]!.adjustReason).toBe('Giảm');
  });

  it('refuses negative money and unknown funding sources in the database too', async () => {
    const e = await newEstimate();
    await expect(replaceBudgetLines(db, e.id, hp, [line('X', -1)])).rejects.toThrow();
    await expect(
      replaceBudgetLines(db, e.id, hp, [line('X', 1, { fundingSource: 'loan' as never })]),
    ).rejects.toThrow();
    await expect(newEstimate({ status: 'lost' })).rejects.toThrow();
  });

  it('sums approved supplementary requests and lists submitted lines with their unit', async () => {
    const parent = await newEstimate({ status: 'approved' });
    await replaceBudgetLines(db, parent.id, hp, [line('Gốc', 1_000)]);
    for (const [status, amount] of [
      ['approved', 300],
      ['approved', 200],
      ['in_review', 999],
    ] as const) {
      const s = await newEstimate({ kind: 'supplementary', parentId: parent.id, status });
      await replaceBudgetLines(db, s.id, hp, [line('Bổ sung', amount)]);
    }
    expect(await approvedSupplementTotal(db, parent.id)).toBe(500);
    const lines = await listPlanBudgetLines(db, plan);
    expect(lines.filter((l) => l.estimateStatus === 'draft')).toEqual([]);
    expect(lines.find((l) => l.content === 'Gốc')).toMatchObject({
      amount: 1_000,
      unitName: expect.stringMatching(/Hải Phòng/),
    });
    const list = await listEstimates(db, {
      planId: plan,
      kind: 'supplementary',
      parentId: parent.id,
      limit: 10,
      offset: 0,
    });
    expect(list.total).toBe(3);
    expect(list.items.map((i) => i.total).sort((x, y) => x - y)).toEqual([200, 300, 999]);
  });

  it('writes a setting only at the version read (0 = not stored yet)', async () => {
    const key = 'budget.approval_chain:test';
    expect(await putSettingIfVersion(db, key, [1], 0, new Date())).toBe(1);
    expect(await putSettingIfVersion(db, key, [2], 0, new Date())).toBeNull();
    expect(await putSettingIfVersion(db, key, [3], 1, new Date())).toBe(2);
    expect(await putSettingIfVersion(db, key, [4], 1, new Date())).toBeNull();
    expect(await getSettingRow(db, key)).toEqual({ value: [3], version: 2 });
  });
});
