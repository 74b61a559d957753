import { PLAN_54_TARGET_DEFINITIONS, partsOfLegacyRule, targetRule } from '@dx/domain';
import { eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { insertAudit } from '../queries/audit';
import { findPlanByCode } from '../queries/plans';
import { listPlanTargetRules, saveTargetRule } from '../queries/target-definitions';
import { targetDefinition } from '../schema';
import { findProvinceByCode } from './seed';
import { seedVocabularies } from './seed-vocabularies';

/**
 * Stores how plan 54/KH-UBND's six targets (I.2 a–e) are computed, in the general parts (issue 16), against the
 * seeded plan's target rows, found by plan code and letter. Idempotent: a target that already has a rule keeps it.
 * Rules stored in the shape before the parts are rewritten first (upgradeTargetRules). Returns how many were stored.
 */
export async function seedTargetDefinitions(db: Db): Promise<number> {
  await upgradeTargetRules(db);
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

/**
 * Rewrites every stored rule still in the shape of the six condition types (before issue 16) into the general parts
 * (domain partsOfLegacyRule), each as a new version with an audit entry, in one transaction. A start-up step, as
 * reloadPlan54: the mapping is code tested against the old engine, not a frozen SQL copy of it. Idempotent: rules
 * already in parts are left alone. Returns how many were rewritten.
 */
export async function upgradeTargetRules(db: Db): Promise<number> {
  const rows = await queryRows<{
    plan_target_id: string;
    province_id: string;
    rule: unknown;
    version: number;
  }>(
    db,
    sql`SELECT plan_target_id, province_id, rule, version FROM target_definition
         WHERE NOT (rule->'population' ? 'filters') ORDER BY plan_target_id`,
  );
  if (rows.length === 0) return 0;
  return db.transaction(async (tx) => {
    let n = 0;
    for (const r of rows) {
      const parts = partsOfLegacyRule(r.rule);
      if (!parts) continue;
      await tx
        .update(targetDefinition)
        .set({ rule: parts, version: sql`${targetDefinition.version} + 1`, updatedAt: new Date() })
        .where(eq(targetDefinition.planTargetId, r.plan_target_id));
      await insertAudit(tx, {
        actorUserId: null,
        actorName: 'bootstrap',
        action: 'target.upgrade',
        entityType: 'plan_target',
        entityId: r.plan_target_id,
        provinceId: r.province_id,
        before: { version: Number(r.version), rule: r.rule },
        after: { version: Number(r.version) + 1, rule: parts },
      });
      n++;
    }
    return n;
  });
}
