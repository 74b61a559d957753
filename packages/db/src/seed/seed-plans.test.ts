import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { insertPlanRevision, listPlanRevisions, loadPlan } from '../queries/plans';
import { auditLog } from '../schema';
import { createTestDatabase } from '../testing';
import { seedUnits } from './seed';
import { readPlan54Markdown, reloadPlan54, seedPlans } from './seed-plans';

let handle: DatabaseHandle;
let planId: string;
const now = new Date('2026-12-07T02:00:00Z');

/** The transcription as first shipped: editorial marks inside the document text. */
const withMarks = (md: string) =>
  md
    .replace('tháng 3 tháng 2022', 'tháng 3 tháng [sic: năm] 2022')
    .replace('khu đô thị trung tâm.', 'khu đô thị trung tâm [sic].')
    .replace('- CV: KSTTHCS.', '- CV: KSTTHCS [?].')
    .replace('PHÓ CHỦ TỊCH**', 'PHÓ CHỦ TỊCH [?]**');
const text = async () => JSON.stringify((await loadPlan(handle.db, planId))!.document);

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedUnits(handle.db);
  planId = (await seedPlans(handle.db))!;
}, 120_000);
afterAll(async () => handle?.close());

describe("plan 54's reporting schedule", () => {
  it('is stored with the plan and read back: six months by 15/6, the second half and the year by 15/12', async () => {
    const doc = (await loadPlan(handle.db, planId))!.document;
    expect(doc.reportingSchedule).toEqual([
      { kind: 'half_year', n: 1, due: '06-15' },
      { kind: 'half_year', n: 2, due: '12-15' },
      { kind: 'year', n: 1, due: '12-15' },
    ]);
  });
});

describe('plan 54 reloaded from the corrected transcription', () => {
  it('a fresh install has the corrected text (no editorial marks, notes apart) and nothing to reload', async () => {
    expect(readPlan54Markdown()).not.toMatch(/\[sic|\[\?\]/);
    const doc = (await loadPlan(handle.db, planId))!.document;
    expect(JSON.stringify({ ...doc, notes: [] })).not.toMatch(/\[sic|\[\?\]/);
    expect(doc.signature.position).toBe('PHÓ CHỦ TỊCH');
    expect(doc.notes.some((n) => n.includes('Hoàng Minh Cường'))).toBe(true);
    expect(await reloadPlan54(handle.db, { now })).toBe('unchanged');
    expect((await listPlanRevisions(handle.db, planId)).map((r) => r.action)).toEqual(['seed']);
  });

  it('an install seeded from the old text and never edited gets the corrected text, keeping every id', async () => {
    // The state of an install seeded before the correction.
    expect(await reloadPlan54(handle.db, { now, markdown: withMarks(readPlan54Markdown()) })).toBe(
      'reloaded',
    );
    const old = (await loadPlan(handle.db, planId))!.document;
    expect(old.signature.position).toBe('PHÓ CHỦ TỊCH [?]');
    expect(JSON.stringify(old)).toContain('[sic: năm]');

    expect(await reloadPlan54(handle.db, { now })).toBe('reloaded');
    const { document: doc, row } = (await loadPlan(handle.db, planId))!;
    expect(JSON.stringify({ ...doc, notes: [] })).not.toMatch(/\[sic|\[\?\]/);
    expect(doc.signature.position).toBe('PHÓ CHỦ TỊCH');
    expect(doc.recipients).toContain('CV: KSTTHCS.');
    expect(doc.themes[1]!.title).toContain('ngày 31 tháng 3 tháng 2022 của Thủ tướng');
    // Targets, themes and legal bases keep their ids (definitions, publications and tasks point at them).
    expect(doc.targets.map((t) => t.id)).toEqual(old.targets.map((t) => t.id));
    expect(doc.themes.flatMap((t) => [t.id, ...t.children.map((c) => c.id)])).toEqual(
      old.themes.flatMap((t) => [t.id, ...t.children.map((c) => c.id)]),
    );
    expect(doc.legalBases.map((b) => b.id)).toEqual(old.legalBases.map((b) => b.id));
    expect(row.version).toBe(3);
    const revisions = await listPlanRevisions(handle.db, planId);
    expect(revisions.map((r) => r.action).sort()).toEqual(['reload', 'reload', 'seed']);
    expect(revisions.find((r) => r.version === 3)?.parts).toEqual(
      expect.arrayContaining(['themes', 'recipients', 'signature']),
    );
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.entityId, planId));
    expect(audits.filter((a) => a.action === 'plan.reload')).toHaveLength(2);
    // Once loaded, a restart changes nothing.
    expect(await reloadPlan54(handle.db, { now })).toBe('unchanged');
  });

  it('an edited plan is left alone', async () => {
    const before = await text();
    await insertPlanRevision(handle.db, {
      planId,
      version: 4,
      action: 'update',
      parts: ['closing'],
      actorUserId: null,
      actorName: 'Sở TT&TT',
      before: null,
      after: {},
    });
    expect(await reloadPlan54(handle.db, { now, markdown: withMarks(readPlan54Markdown()) })).toBe('edited');
    expect(await text()).toBe(before);
    expect(await reloadPlan54(handle.db, { now, markdown: withMarks(readPlan54Markdown()) })).toBe(
      'unchanged',
    );
  });
});
