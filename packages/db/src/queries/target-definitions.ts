import type { TargetGoal, TargetRule } from '@dx/domain';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../client';
import { targetDefinition } from '../schema';

/** A plan target with its goal (from the plan) and how it is computed (null = not defined yet). */
export type PlanTargetRule = {
  planTargetId: string;
  planId: string;
  provinceId: string;
  planYear: number;
  letter: string;
  position: number;
  text: string;
  goal: TargetGoal;
  rule: TargetRule | null;
  ruleVersion: number | null;
};

/** A plan target's row with its rule, as the statements that read targets select it (snake_case). */
export type PlanTargetRuleRow = {
  plan_target_id: string;
  plan_id: string;
  province_id: string;
  plan_year: number;
  letter: string;
  position: number;
  text: string;
  comparator: TargetGoal['comparator'];
  goal_value: string | number;
  goal_max: string | number | null;
  unit: TargetGoal['unit'];
  rule: TargetRule | null;
  rule_version: number | null;
};

/** The targets of a plan in document order, each with its rule. */
export async function listPlanTargetRules(db: Db, planId: string): Promise<PlanTargetRule[]> {
  const rows = await queryRows<PlanTargetRuleRow>(
    db,
    sql`SELECT t.id AS plan_target_id, t.plan_id, t.province_id, p.year AS plan_year, t.letter, t.position, t.text,
               t.comparator, t.goal_value, t.goal_max, t.unit, d.rule, d.version AS rule_version
          FROM plan_target t JOIN plan p ON p.id = t.plan_id
          LEFT JOIN target_definition d ON d.plan_target_id = t.id
         WHERE t.plan_id = ${planId} ORDER BY t.position`,
  );
  return rows.map(planTargetRuleOf);
}

/** A selected target row as the domain reads it (numbers from numeric columns, the goal's parts together). */
export function planTargetRuleOf(r: PlanTargetRuleRow): PlanTargetRule {
  return {
    planTargetId: r.plan_target_id,
    planId: r.plan_id,
    provinceId: r.province_id,
    planYear: Number(r.plan_year),
    letter: r.letter,
    position: Number(r.position),
    text: r.text,
    goal: {
      comparator: r.comparator,
      value: Number(r.goal_value),
      ...(r.goal_max === null ? {} : { max: Number(r.goal_max) }),
      unit: r.unit,
    },
    rule: r.rule,
    ruleVersion: r.rule_version === null ? null : Number(r.rule_version),
  };
}

/**
 * Stores a target's rule. `expectedVersion` null = create (false when one exists); otherwise the update applies
 * only at that version (optimistic locking). Returns false on a conflict.
 */
export async function saveTargetRule(
  db: Db,
  o: {
    planTargetId: string;
    provinceId: string;
    rule: TargetRule;
    expectedVersion: number | null;
    updatedBy: string | null;
  },
): Promise<boolean> {
  if (o.expectedVersion === null) {
    const rows = await db
      .insert(targetDefinition)
      .values({
        planTargetId: o.planTargetId,
        provinceId: o.provinceId,
        rule: o.rule,
        updatedBy: o.updatedBy,
      })
      .onConflictDoNothing()
      .returning({ id: targetDefinition.planTargetId });
    return rows.length === 1;
  }
  const rows = await db
    .update(targetDefinition)
    .set({
      rule: o.rule,
      version: sql`${targetDefinition.version} + 1`,
      updatedBy: o.updatedBy,
      updatedAt: new Date(),
    })
    .where(
      and(eq(targetDefinition.planTargetId, o.planTargetId), eq(targetDefinition.version, o.expectedVersion)),
    )
    .returning({ id: targetDefinition.planTargetId });
  return rows.length === 1;
}

/**
 * Copies the rules of a plan's targets onto the targets of the same letter of another plan (a plan copied from
 * it), each passed through `transform` (dates moved to the new year). Targets without a rule, or with a rule
 * already, are left alone. Returns how many were copied.
 */
export async function copyTargetRules(
  db: Db,
  o: {
    fromPlanId: string;
    toPlanId: string;
    updatedBy: string | null;
    transform: (rule: TargetRule) => TargetRule;
  },
): Promise<number> {
  const [from, to] = await Promise.all([
    listPlanTargetRules(db, o.fromPlanId),
    listPlanTargetRules(db, o.toPlanId),
  ]);
  const byLetter = new Map(from.filter((t) => t.rule !== null).map((t) => [t.letter, t.rule!]));
  let copied = 0;
  for (const t of to) {
    const rule = byLetter.get(t.letter);
    if (!rule || t.rule !== null) continue;
    const saved = await saveTargetRule(db, {
      planTargetId: t.planTargetId,
      provinceId: t.provinceId,
      rule: o.transform(rule),
      expectedVersion: null,
      updatedBy: o.updatedBy,
    });
    if (saved) copied++;
  }
  return copied;
}
