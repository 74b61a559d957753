import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  foldVietnamese,
  type PlanUnitRef,
  parsePlanMarkdown,
  REPORTING_UNITS_GROUP,
  validatePlanDocument,
} from '@dx/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { insertAudit } from '../queries/audit';
import { findUnitByName, insertPlan, insertPlanRevision, loadPlan } from '../queries/plans';
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
  const { document: draft } = parsePlanMarkdown(readPlan54Markdown());
  const asOf = draft.date ?? `${draft.year}-01-01`;
  for (const r of draft.responsibilities) {
    const unitId = await findUnitByName(db, provinceId, r.heading, asOf);
    r.unitRefs = unitId ? [{ type: 'unit', unitId, name: r.heading }] : groupRefsFor(r.heading);
    if (!unitId) for (const item of r.items ?? []) item.unitRefs = groupRefsFor(item.text);
  }
  const checked = validatePlanDocument(draft);
  if (!checked.ok) throw new Error(`seed plan 54 is invalid: ${JSON.stringify(checked.issues)}`);

  return db.transaction(async (tx) => {
    // Plan 54 I.2.a counts "các cơ quan, đơn vị, địa phương": departments, districts, communes and mass
    // organisations (BRIEF, target a).
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
    const planId = await insertPlan(tx, { provinceId, document: checked.value, createdBy: null });
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
      after: { code: checked.value.number, source: 'data/plans/54-KH-UBND-2023.vi.md' },
    });
    await tx.insert(setting).values({ key: 'seed.plans', value: { plans: [checked.value.number] } });
    return planId;
  });
}
