import { listAssignments, listTaskReminders, listTaskUpdates, taskLinks } from '@dx/db';
import { localDateOf } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { loadTaskFor } from './load-task';
import { presentTask, presentUpdate } from './tasks.presenter';

/** A task with every unit's part, the progress updates and comments with their evidence, and the reminders sent. */
export async function getTask({ ctx, taskId }: { ctx: UseCaseContext; taskId: string }) {
  const task = await loadTaskFor(ctx, taskId, 'task.read');
  const links = await taskLinks(ctx.db, [taskId]);
  const today = localDateOf(ctx.now);
  return {
    task: presentTask(
      task,
      await listAssignments(ctx.db, [taskId]),
      { themeIds: links.themes.get(taskId) ?? [], targetIds: links.targets.get(taskId) ?? [] },
      today,
    ),
    updates: (await listTaskUpdates(ctx.db, taskId)).map(presentUpdate),
    reminders: (await listTaskReminders(ctx.db, taskId)).map((r) => ({
      kind: r.kind as 'due_in_7',
      localDate: r.localDate,
      recipientUnitId: r.recipientUnitId,
      assignmentId: r.assignmentId,
      emailStatus: r.emailStatus,
    })),
  };
}
