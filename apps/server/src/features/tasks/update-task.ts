import { getPlanRow, getTask, listAssignments, type NewTask, taskLinks, updateTaskRow } from '@dx/db';
import { localDateOf, parseBudget, parseTimeFrame } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { checkTaskLinks } from './check-task-links';
import { loadTaskFor } from './load-task';
import { presentTask } from './tasks.presenter';

export type TaskEdit = {
  title?: string;
  output?: string;
  timeFrame?: string;
  budgetText?: string;
  note?: string;
  themeIds?: string[];
  targetIds?: string[];
};

/**
 * The DX office edits a task: its content, output, time frame (re-parsed: period and due date follow), budget and
 * note, and/or the plan's themes (II) and targets (I.2) it serves (each list replaced when given). Fields left out
 * stay as they are. Leads are not edited here, so the per-unit parts are not re-expanded.
 */
export async function updateTask({
  ctx,
  taskId,
  expectedVersion,
  edit,
}: {
  ctx: UseCaseContext;
  taskId: string;
  expectedVersion: number;
  edit: TaskEdit;
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
  const themeIds = edit.themeIds && [...new Set(edit.themeIds)];
  const targetIds = edit.targetIds && [...new Set(edit.targetIds)];
  await checkTaskLinks(ctx.db, task.planId, themeIds ?? [], targetIds ?? []);
  const fields: Partial<NewTask> = {};
  if (edit.title !== undefined) fields.title = edit.title;
  if (edit.output !== undefined) fields.output = edit.output;
  if (edit.note !== undefined) fields.note = edit.note;
  if (edit.budgetText !== undefined) {
    fields.budgetText = edit.budgetText;
    fields.budgetAmount = edit.budgetText ? parseBudget(edit.budgetText) : null;
  }
  if (edit.timeFrame !== undefined) {
    const plan = (await getPlanRow(ctx.db, task.planId))!;
    const tf = parseTimeFrame(edit.timeFrame, { planYear: plan.year });
    fields.timeFrameText = edit.timeFrame;
    fields.timeFrameKind = tf.kind;
    fields.periodFrom = tf.kind === 'unknown' ? null : tf.from;
    fields.periodTo = tf.kind === 'unknown' ? null : tf.to;
    fields.dueDate = tf.kind === 'unknown' ? null : tf.dueDate;
  }
  const edited = Object.keys(fields).length > 0;
  await inTransaction(ctx, async (tx) => {
    if (!(await updateTaskRow(tx, taskId, expectedVersion, fields, { themeIds, targetIds }, ctx.now)))
      throw versionConflict(null);
    const before = Object.fromEntries(Object.keys(fields).map((k) => [k, task[k as keyof typeof task]]));
    await audit(tx, ctx, {
      action: edited ? 'task.update' : 'task.link',
      entityType: 'task',
      entityId: taskId,
      provinceId: task.provinceId,
      before: edited ? before : undefined,
      after: { ...fields, themeIds, targetIds },
    });
  });
  return present();
}
