import { getTask, listAssignments, replaceTaskLinks, taskLinks } from '@dx/db';
import { localDateOf } from '@dx/domain';
import { audit, type UseCaseContext, versionConflict } from '../../http/context';
import { checkTaskLinks } from './check-task-links';
import { loadTaskFor } from './load-task';
import { presentTask } from './tasks.presenter';

/** The DX office links a task to the plan's themes (II) and targets (I.2) it serves; replaces both lists. */
export async function updateTaskLinks({
  ctx,
  taskId,
  expectedVersion,
  themeIds,
  targetIds,
}: {
  ctx: UseCaseContext;
  taskId: string;
  expectedVersion: number;
  themeIds: string[];
  targetIds: string[];
}) {
  const task = await loadTaskFor(ctx, taskId, 'task.write');
  const present = async () => {
    const t = (await getTask(ctx.db, taskId))!;
    const links = await taskLinks(ctx.db, [taskId]);
    return presentTask(
      t,
      await listAssignments(ctx.db, [taskId]),
      { themeIds: links.themes.get(taskId) ?? [], targetIds: links.targets.get(taskId) ?? [] },
      localDateOf(ctx.now),
    );
  };
  if (task.version !== expectedVersion) throw versionConflict(await present());
  const themes = [...new Set(themeIds)];
  const targets = [...new Set(targetIds)];
  await checkTaskLinks(ctx.db, task.planId, themes, targets);
  await ctx.db.transaction(async (tx) => {
    if (!(await replaceTaskLinks(tx, taskId, expectedVersion, themes, targets, ctx.now)))
      throw versionConflict(null);
    await audit(tx, ctx, {
      action: 'task.link',
      entityType: 'task',
      entityId: taskId,
      provinceId: task.provinceId,
      after: { themeIds: themes, targetIds: targets },
    });
  });
  return present();
}
