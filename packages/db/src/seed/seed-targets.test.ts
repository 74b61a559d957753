import { evaluationDates, PLAN_54_TARGET_DEFINITIONS, targetDefinition } from '@dx/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { listPlanTargetRules } from '../queries/target-definitions';
import { evaluateTargetFacts } from '../queries/targets';
import { createTestDatabase } from '../testing';
import { findProvinceByCode, seedUnits } from './seed';
import { seedPlans } from './seed-plans';
import { seedTargetDefinitions } from './seed-targets';

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
      expect(t.rule?.condition.type, t.letter).toBe(full.condition.type);
    }
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
