import { evaluationDates, PLAN_54_TARGET_DEFINITIONS, targetDefinition } from '@dx/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { queryRows } from '../client';
import { listPlanTargetRules } from '../queries/target-definitions';
import { evaluateTargetFacts } from '../queries/targets';
import { createTestDatabase } from '../testing';
import { findProvinceByCode, seedUnits } from './seed';
import { seedPlans } from './seed-plans';
import { seedTargetDefinitions, upgradeTargetRules } from './seed-targets';

let handle: DatabaseHandle;
let planId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedUnits(handle.db);
  planId = (await seedPlans(handle.db))!;
});
afterAll(async () => handle?.close());

describe('seedTargetDefinitions', () => {
  it("stores the rules of plan 54's six targets once, and their goals agree with the plan's", async () => {
    expect(await seedTargetDefinitions(handle.db)).toBe(6);
    expect(await seedTargetDefinitions(handle.db)).toBe(0);
    const targets = await listPlanTargetRules(handle.db, planId);
    expect(targets.map((t) => t.letter)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e']);
    for (const t of targets) {
      const full = targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS[t.letter as 'a']);
      expect(t.goal, t.letter).toEqual(full.goal);
      const { goal: _goal, ...parts } = full;
      expect(t.rule, t.letter).toEqual(parts);
    }
  });

  it('rewrites a rule stored in the shape before the parts, once, as a new audited version', async () => {
    const [a] = await listPlanTargetRules(handle.db, planId);
    const old = {
      population: { record: 'unit', unitKinds: ['department', 'district', 'commune', 'mass_organisation'] },
      condition: {
        type: 'accepted_unit_plan',
        planKinds: ['communication_plan', 'dx_plan', 'work_programme'],
        includePredecessors: true,
      },
      period: { type: 'plan_year' },
      asOf: null,
    };
    await queryRows(
      handle.db,
      sql`UPDATE target_definition SET rule = ${JSON.stringify(old)}::jsonb, version = 7
           WHERE plan_target_id = ${a!.planTargetId}::uuid`,
    );
    expect(await upgradeTargetRules(handle.db)).toBe(1);
    expect(await upgradeTargetRules(handle.db)).toBe(0);
    const after = (await listPlanTargetRules(handle.db, planId))[0]!;
    const { goal: _goal, ...parts } = targetDefinition.parse(PLAN_54_TARGET_DEFINITIONS.a);
    expect([after.rule, after.ruleVersion]).toEqual([parts, 8]);
    const audit = await queryRows<{ before: { version: number }; after: { version: number } }>(
      handle.db,
      sql`SELECT before, after FROM audit_log WHERE action = 'target.upgrade' AND entity_id = ${a!.planTargetId}`,
    );
    expect(audit.map((r) => [r.before.version, r.after.version])).toEqual([[7, 8]]);
  });

  it("evaluates target a over Hải Phòng's 2023 units with no records yet: everyone is behind", async () => {
    const provinceId = (await findProvinceByCode(handle.db, '31'))!;
    const [a] = await listPlanTargetRules(handle.db, planId);
    const definition = targetDefinition.parse({ ...a!.rule, goal: a!.goal });
    const dates = evaluationDates({ definition, planYear: 2023, today: '2024-01-10' });
    const facts = await evaluateTargetFacts(handle.db, { definition, ...dates, provinceIds: [provinceId] });
    expect(facts.population).toBeGreaterThan(200); // ~30 departments, 15 districts, ~200 communes
    expect(facts.achieved).toBe(0);
    expect(facts.byDistrict.filter((d) => d.key !== null)).toHaveLength(15);
  });
});
