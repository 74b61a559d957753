import { insertObstacle, insertObstacleStep, obstacleLinkFacts } from '@dx/db';
import {
  type FieldIssue,
  localDateOf,
  type RaiseObstacleInput,
  raisedState,
  said,
  validationError,
  worded,
} from '@dx/domain';
import { audit, authorizeUnit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { presentObstacleDetail } from './get-obstacle';

/**
 * A unit raises an obstacle or a proposal (plan 54, closing paragraph), directly or from its period report. It goes to
 * the DX office of its province, which has 10 days to consolidate it (OBSTACLE_DEFAULT_DAYS).
 */
export async function raiseObstacle({ ctx, input }: { ctx: UseCaseContext; input: RaiseObstacleInput }) {
  const scope = await authorizeUnit(ctx, 'report.write', input.unitId);
  const facts = await obstacleLinkFacts(ctx.db, input);
  const issues: FieldIssue[] = [];
  if (input.planId && facts.plan?.provinceId !== scope.provinceId)
    issues.push({
      path: ['body', 'planId'],
      ...worded(facts.plan ? 'obstacle.planElsewhere' : 'plan.notFound'),
    });
  const planOf = input.planId ?? facts.task?.planId ?? facts.target?.planId ?? null;
  if (input.taskId && (facts.task?.provinceId !== scope.provinceId || facts.task.planId !== planOf))
    issues.push({
      path: ['body', 'taskId'],
      ...worded(facts.task ? 'task.notInPlan' : 'task.notFound'),
    });
  if (input.planTargetId && (facts.target?.provinceId !== scope.provinceId || facts.target.planId !== planOf))
    issues.push({
      path: ['body', 'planTargetId'],
      ...worded(facts.target ? 'target.notInPlan' : 'target.notFound'),
    });
  if (input.reportId && facts.report?.unitId !== input.unitId)
    issues.push({
      path: ['body', 'reportId'],
      ...worded(facts.report ? 'report.ofAnotherUnit' : 'report.notFound'),
    });
  if (issues.length) throw validationError(said('links.invalid'), issues);

  const today = localDateOf(ctx.now);
  const state = raisedState(today);
  const id = await inTransaction(ctx, async (tx) => {
    const row = await insertObstacle(tx, {
      provinceId: scope.provinceId,
      unitId: input.unitId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      planId: planOf ?? facts.report?.planId ?? null,
      taskId: input.taskId ?? null,
      planTargetId: input.planTargetId ?? null,
      reportId: input.reportId ?? null,
      ...state,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await insertObstacleStep(tx, {
      obstacleId: row.id,
      provinceId: row.provinceId,
      action: 'raise',
      statusFrom: null,
      statusTo: 'raised',
      note: null,
      details: { dueDate: state.dueDate },
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      at: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'obstacle.raise',
      entityType: 'obstacle',
      entityId: row.id,
      provinceId: row.provinceId,
      after: { ...input, status: 'raised', dueDate: state.dueDate },
    });
    return row.id;
  });
  return presentObstacleDetail(ctx, id);
}
