import {
  indicatorLabels,
  listPlanTargetRules,
  rebuildRollupsOf,
  saveTargetRule,
  unitGroupCodes,
} from '@dx/db';
import {
  codesOfRule,
  type FieldIssue,
  type GoalUnit,
  localDateOf,
  said,
  type TargetRule,
  targetDefinition,
  validationError,
  worded,
} from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { loadPlanTarget, viewDefinition } from './get-target-definition';
import { presentDefinition } from './targets.presenter';

/** Why a rule's value does not suit the plan's goal, by the goal's unit (indicators/parts.ts checkGoal). */
const GOAL_MISMATCH: Record<GoalUnit, string> = {
  percent: 'Mục tiêu của chỉ tiêu là phần trăm: chọn giá trị là tỷ lệ (hoặc sửa mục tiêu trong kế hoạch)',
  count: 'Mục tiêu của chỉ tiêu là số lượng: chọn giá trị là số lượng (hoặc sửa mục tiêu trong kế hoạch)',
  people:
    'Mục tiêu của chỉ tiêu là số người: chọn giá trị là số lượng hoặc số liệu báo cáo (hoặc sửa mục tiêu trong kế hoạch)',
  vnd: 'Mục tiêu của chỉ tiêu là số tiền (đồng): chọn giá trị là số liệu báo cáo (hoặc sửa mục tiêu trong kế hoạch)',
};

/**
 * The DX office defines (or redefines) how a plan target is computed, as data: a 2024 plan composes its own rules
 * without code changes. `expectedVersion` null = first definition. The goal stays on the plan's target row (edited
 * with the plan); the rule must suit it. A stale version is a 409 carrying the definition as it is now.
 */
export async function defineTarget({
  ctx,
  planId,
  planTargetId,
  expectedVersion,
  rule,
}: {
  ctx: UseCaseContext;
  planId: string;
  planTargetId: string;
  expectedVersion: number | null;
  rule: TargetRule;
}) {
  const { plan, target } = await loadPlanTarget(ctx, planId, planTargetId, 'plan.write');
  const words = await indicatorLabels(ctx.db, plan.provinceId);
  if (target.ruleVersion !== expectedVersion)
    throw versionConflict(presentDefinition(viewDefinition(ctx, target, words)));

  const issues: FieldIssue[] = [];
  const checked = targetDefinition.safeParse({ ...rule, goal: target.goal });
  if (!checked.success && checked.error.issues.some((i) => i.path[0] === 'goal')) {
    issues.push({
      path: ['body', 'rule', 'value', 'type'],
      message: GOAL_MISMATCH[target.goal.unit],
    });
  }
  const groups = codesOfRule(rule).filter((c) => c.source === 'unit_group');
  if (groups.length) {
    const known = await unitGroupCodes(ctx.db, plan.provinceId);
    for (const g of groups)
      if (!known.has(g.code))
        issues.push({
          path: ['body', 'rule', ...g.path],
          ...worded('target.groupCodeUnknown'),
        });
  }
  if (issues.length) throw validationError(said('target.definitionInvalid'), issues);

  return inTransaction(ctx, async (tx) => {
    const saved = await saveTargetRule(tx, {
      planTargetId,
      provinceId: plan.provinceId,
      rule,
      expectedVersion,
      updatedBy: ctx.actor.userId,
    });
    const after = (await listPlanTargetRules(tx, planId)).find((t) => t.planTargetId === planTargetId)!;
    if (!saved) throw versionConflict(presentDefinition(viewDefinition(ctx, after, words)));
    // Defining or changing a rule rebuilds its rollups in the same transaction (issue 13): the next read is fresh.
    await rebuildRollupsOf(tx, [planTargetId], localDateOf(ctx.now));
    await audit(tx, ctx, {
      action: 'target.define',
      entityType: 'plan_target',
      entityId: planTargetId,
      provinceId: plan.provinceId,
      before: target.rule ? { version: target.ruleVersion, rule: target.rule } : null,
      after: { version: after.ruleVersion, rule: after.rule },
    });
    return viewDefinition(ctx, after, words);
  });
}
