import { PLAN_54_TARGET_DEFINITIONS, targetRule } from '@dx/domain';
import type { Db } from '../client';
import { findPlanByCode } from '../queries/plans';
import { listPlanTargetRules, saveTargetRule } from '../queries/target-definitions';
import { findProvinceByCode } from './seed';
import { seedVocabularies } from './seed-vocabularies';

/**
 * Stores how plan 54/KH-UBND's six targets (I.2 a–e) are computed, against the seeded plan's target rows, found
 * by plan code and letter. Idempotent: a target that already has a rule keeps it. Returns how many were stored.
 */
export async function seedTargetDefinitions(db: Db): Promise<number> {
  const provinceId = await findProvinceByCode(db, '31');
  if (!provinceId) return 0;
  await seedVocabularies(db); // the codes the rules below filter on (issue 16)
  const planId = await findPlanByCode(db, provinceId, '54/KH-UBND', 2023);
  if (!planId) return 0;
  let stored = 0;
  for (const t of await listPlanTargetRules(db, planId)) {
    const input = PLAN_54_TARGET_DEFINITIONS[t.letter as keyof typeof PLAN_54_TARGET_DEFINITIONS];
    if (!input || t.rule) continue;
    const rule = targetRule.parse(input);
    if (
      await saveTargetRule(db, {
        planTargetId: t.planTargetId,
        provinceId,
        rule,
        expectedVersion: null,
        updatedBy: null,
      })
    )
      stored++;
  }
  return stored;
}
