import { getPlanRow, getTask } from '@dx/db';
import { AppError, type Permission, said } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** Loads a task and checks the actor may act on its province with `permission`. */
export async function loadTaskFor(ctx: UseCaseContext, taskId: string, permission: Permission) {
  const task = await getTask(ctx.db, taskId);
  if (!task) throw new AppError('TASK.NOT_FOUND', said('task.notFound'), { taskId });
  authorizeProvince(ctx, permission, task.provinceId);
  return task;
}
