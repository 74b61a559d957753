import { getPlanRow, getTask } from '@dx/db';
import { AppError, type Permission } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../http/context';

/** Loads a plan and checks the actor may act on its province with `permission`. */
export async function loadPlanFor(ctx: UseCaseContext, planId: string, permission: Permission) {
  const plan = await getPlanRow(ctx.db, planId);
  if (!plan) throw new AppError('PLAN.NOT_FOUND', 'Không tìm thấy kế hoạch', { planId });
  authorizeProvince(ctx, permission, plan.provinceId);
  return plan;
}

/** Loads a task and checks the actor may act on its province with `permission`. */
export async function loadTaskFor(ctx: UseCaseContext, taskId: string, permission: Permission) {
  const task = await getTask(ctx.db, taskId);
  if (!task) throw new AppError('TASK.NOT_FOUND', 'Không tìm thấy nhiệm vụ', { taskId });
  authorizeProvince(ctx, permission, task.provinceId);
  return task;
}
