import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  foldVietnamese,
  type PlanDocument,
  type PlanUnitRef,
  parsePlanMarkdown,
  REPORTING_UNITS_GROUP,
  validatePlanDocument,
} from '@dx/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { insertAudit } from '../queries/audit';
import {
  findPlanByCode,
  findUnitByName,
  insertPlan,
  insertPlanRevision,
  listPlanRevisions,
  loadPlan,
  updatePlan,
} from '../queries/plans';
import { setting, unitGroup } from '../schema';
import { findProvinceByCode } from './seed';

const PLANS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/plans');

/** The transcription of plan 54/KH-UBND (Hải Phòng, 2023) shipped with the code. */
export function readPlan54Markdown(): string {
  return readFileSync(resolve(PLANS_DIR, '54-KH-UBND-2023.vi.md'), 'utf8');
}

/** Who a part of V. TỔ CHỨC THỰC HIỆN names, when it names groups rather than one unit (Plan 54 V.3 a, b). */
function groupRefsFor(text: string): PlanUnitRef[] {
  const f = foldVietnamese(text);
  const refs: PlanUnitRef[] = [];
  const add = (code: string) => refs.push({ type: 'unit_group', unitGroupCode: code });
  if (/\bso, (ban, )?nganh\b/.test(f)) add('all-departments');
  if (f.includes('quan, huyen')) add('all-districts');
  if (f.includes('xa, phuong')) add('all-communes');
  if (f.includes('to chuc chinh tri - xa hoi')) add('all-mass-organisations');
  return refs;
}

/** The setting that records which transcription of plan 54 the stored plan was last loaded from (its SHA-256). */
const PLAN_54_TEXT_KEY = 'seed.plans.54.text';
const textHash = (md: string) => createHash('sha256').update(md).digest('hex');

/** Plan 54 parsed from the transcription, each part of V linked to the unit it names or to unit groups; checked. */
async function plan54Document(db: Db, provinceId: string, md: string): Promise<PlanDocument> {
  const { document: draft } = parsePlanMarkdown(md);
  const asOf = draft.date ?? `${draft.year}-01-01`;
  for (const r of draft.responsibilities) {
    const unitId = await findUnitByName(db, provinceId, r.heading, asOf);
    r.unitRefs = unitId ? [{ type: 'unit', unitId, name: r.heading }] : groupRefsFor(r.heading);
    if (!unitId) for (const item of r.items ?? []) item.unitRefs = groupRefsFor(item.text);
  }
  // Plan 54 V.1.a asks for results "báo cáo … theo quy định" without dates in its text; Hải Phòng's reporting
  // calendar (6 tháng by 15/6, the year by 15/12) is its data, given here as the plan's schedule (editable in
  // the plan editor) so reporting periods default to it.
  if (draft.reportingSchedule === undefined || draft.reportingSchedule.length === 0)
    draft.reportingSchedule = [
      { kind: 'half_year', n: 1, due: '06-15' },
      { kind: 'half_year', n: 2, due: '12-15' },
      { kind: 'year', n: 1, due: '12-15' },
    ];
  const checked = validatePlanDocument(draft);
  if (!checked.ok) throw new Error(`seed plan 54 is invalid: ${JSON.stringify(checked.issues)}`);
  return checked.value;
}

/**
 * Seeds plan 54/KH-UBND for Hải Phòng once (idempotent, like seedUnits): parsed from the transcription, each
 * part of V linked to the unit it names (Sở Thông tin và Truyền thông, Sở Tài chính) or to unit groups, plus the
 * unit group target I.2.a counts over. Returns the plan id, or null when already seeded.
 */
export async function seedPlans(db: Db): Promise<string | null> {
  const [done] = await db.select().from(setting).where(eq(setting.key, 'seed.plans'));
  if (done) return null;
  const provinceId = await findProvinceByCode(db, '31');
  if (!provinceId) return null;
  const md = readPlan54Markdown();
  const document = await plan54Document(db, provinceId, md);

  return db.transaction(async (tx) => {
    // Plan 54 I.2.a counts "các cơ quan, đơn vị, địa phương": departments, districts, communes and mass
    // organisations (docs/brief.md, target a).
    await tx
      .insert(unitGroup)
      .values({
        provinceId,
        code: REPORTING_UNITS_GROUP,
        name: 'Các cơ quan, đơn vị, địa phương (sở, ban, ngành; UBND quận, huyện, xã; tổ chức chính trị - xã hội)',
        rule: { kinds: ['department', 'district', 'commune', 'mass_organisation'] },
        isSystem: true,
      })
      .onConflictDoNothing();
    const planId = await insertPlan(tx, { provinceId, document: document, createdBy: null });
    const stored = (await loadPlan(tx, planId))!;
    await insertPlanRevision(tx, {
      planId,
      version: 1,
      action: 'seed',
      parts: [],
      actorUserId: null,
      actorName: 'bootstrap',
      before: null,
      after: stored.document,
    });
    await insertAudit(tx, {
      actorUserId: null,
      actorName: 'bootstrap',
      action: 'plan.seed',
      entityType: 'plan',
      entityId: planId,
      provinceId,
      after: { code: document.number, source: 'data/plans/54-KH-UBND-2023.vi.md' },
    });
    await tx.insert(setting).values({ key: 'seed.plans', value: { plans: [document.number] } });
    await tx
      .insert(setting)
      .values({ key: PLAN_54_TEXT_KEY, value: { sha256: textHash(md) } })
      .onConflictDoNothing();
    return planId;
  });
}

/** Plan revisions that are not edits: the seed and this reload. */
const LOADED_ACTIONS = new Set(['seed', 'reload']);

export type Plan54Reload = 'reloaded' | 'unchanged' | 'edited' | 'absent';

/**
 * Reloads plan 54 from the shipped transcription when the transcription changed (the corrected text of issue 11:
 * no editorial marks in the document, notes in its header) and the stored plan was never edited — its only
 * revisions are the seed and earlier reloads. An edited plan is left alone: what a user saved wins. Targets,
 * themes and legal bases keep their ids (target definitions, publications and tasks refer to them). Recorded as
 * a 'reload' revision and an audit entry, in one transaction.
 *
 * A start-up step rather than a SQL migration: the document is the parser's output (packages/domain
 * parsePlanMarkdown) with each part of V resolved to units by name as of the plan's date, and its rows are written
 * by the same id-keeping writer as an edit (updatePlan); a SQL migration would have to freeze a copy of that output
 * and bypass both. Idempotent: the transcription's hash is recorded (setting seed.plans.54.text).
 */
export async function reloadPlan54(db: Db, o: { now: Date; markdown?: string }): Promise<Plan54Reload> {
  const provinceId = await findProvinceByCode(db, '31');
  const planId = provinceId ? await findPlanByCode(db, provinceId, '54/KH-UBND', 2023) : null;
  if (!provinceId || !planId) return 'absent';
  const md = o.markdown ?? readPlan54Markdown();
  const hash = textHash(md);
  const [mark] = await db.select().from(setting).where(eq(setting.key, PLAN_54_TEXT_KEY));
  if ((mark?.value as { sha256?: string } | undefined)?.sha256 === hash) return 'unchanged';
  const record = (tx: Db) =>
    tx
      .insert(setting)
      .values({ key: PLAN_54_TEXT_KEY, value: { sha256: hash } })
      .onConflictDoUpdate({ target: setting.key, set: { value: { sha256: hash } } });
  const revisions = await listPlanRevisions(db, planId);
  if (revisions.some((r) => !LOADED_ACTIONS.has(r.action))) {
    await record(db);
    return 'edited';
  }
  const fresh = await plan54Document(db, provinceId, md);
  return db.transaction(async (tx) => {
    const stored = (await loadPlan(tx, planId))!;
    const before = stored.document;
    const document = keepIds(fresh, before);
    const ok = await updatePlan(tx, planId, stored.row.version, document, o.now);
    if (!ok) throw new Error('plan 54 changed while it was being reloaded');
    const after = (await loadPlan(tx, planId))!.document;
    await insertPlanRevision(tx, {
      planId,
      version: stored.row.version + 1,
      action: 'reload',
      parts: changedParts(before, after),
      actorUserId: null,
      actorName: 'bootstrap',
      before,
      after,
    });
    await insertAudit(tx, {
      actorUserId: null,
      actorName: 'bootstrap',
      action: 'plan.reload',
      entityType: 'plan',
      entityId: planId,
      provinceId,
      after: { code: after.number, source: 'data/plans/54-KH-UBND-2023.vi.md', sha256: hash },
    });
    await record(tx);
    return 'reloaded' as const;
  });
}

/** The fresh document with the ids of the stored one: targets by letter, themes by label, legal bases by number. */
function keepIds(fresh: PlanDocument, stored: PlanDocument): PlanDocument {
  const doc = structuredClone(fresh);
  for (const t of doc.targets) t.id = stored.targets.find((x) => x.letter === t.letter)?.id;
  for (const b of doc.legalBases) b.id = stored.legalBases.find((x) => x.number === b.number)?.id;
  for (const t of doc.themes) {
    const old = stored.themes.find((x) => x.label === t.label);
    t.id = old?.id;
    for (const c of t.children) c.id = old?.children.find((x) => x.label === c.label)?.id;
  }
  return doc;
}

/** Top-level parts whose content differs. */
function changedParts(before: PlanDocument, after: PlanDocument): string[] {
  return (Object.keys(after) as (keyof PlanDocument)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}
