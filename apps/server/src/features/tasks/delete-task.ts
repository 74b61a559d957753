import { countTaskUpdates, deleteTaskRow, getTask, listAssignments, taskLinks } from '@dx/db';
import { AppError, localDateOf, said } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { loadTaskFor } from './load-task';
import { presentTask } from './tasks.presenter';

/** The DX office removes a task entered or imported by mistake; a task with progress updates or comments stays. */
export async function deleteTask({
  ctx,
  taskId,
  expectedVersion,
}: {
  ctx: UseCaseContext;
  taskId: string;
  expectedVersion: number;
}) {
  const task = await loadTaskFor(ctx, taskId, 'task.write');
  if (task.version !== expectedVersion) {
    const t = (await getTask(ctx.db, taskId))!;
    const links = await taskLinks(ctx.db, [taskId]);
    throw versionConflict(
      presentTask(
        t,
        await listAssignments(ctx.db, [taskId]),
        { themeIds: links.themes.get(taskId) ?? [], targetIds: links.targets.get(taskId) ?? [] },
        localDateOf(ctx.now),
      ),
    );
  }
  await inTransaction(ctx, async (tx) => {
    const updates = await countTaskUpdates(tx, taskId);
    if (updates > 0)
      throw new AppError('RESOURCE.CONFLICT', said('task.hasUpdates', { updates }), { updates });
    if (!(await deleteTaskRow(tx, taskId, expectedVersion))) throw versionConflict(null);
    await audit(tx, ctx, {
      action: 'task.delete',
      entityType: 'task',
      entityId: taskId,
      provinceId: task.provinceId,
      before: { title: task.title, stt: task.stt, section: task.section, planId: task.planId },
    });
  });
}
