import { insertTasks, listAssignments, nextTaskPosition, taskLeadCandidates } from '@dx/db';
import { type FieldIssue, localDateOf, parseTimeFrame, said, validationError, worded } from '@dx/domain';
import { audit, inTransaction, loadPlanFor, type UseCaseContext } from '../../use-case/context';
import { checkTaskLinks } from './check-task-links';
import { expandAssignments } from './expand-assignments';
import { presentTask } from './tasks.presenter';

export type TaskInput = {
  section?: string | null;
  stt?: string | null;
  title: string;
  leadUnitIds: string[];
  leadGroupIds: string[];
  coordinatorUnitIds: string[];
  timeFrame: string;
  output?: string;
  budgetText?: string;
  note?: string;
  themeIds: string[];
  targetIds: string[];
};

/** The DX office enters a task by hand (plan 54 III): leads chosen from the units and groups of the province. */
export async function createTask({
  ctx,
  planId,
  input,
}: {
  ctx: UseCaseContext;
  planId: string;
  input: TaskInput;
}) {
  const plan = await loadPlanFor(ctx, planId, 'task.write');
  const tf = parseTimeFrame(input.timeFrame, { planYear: plan.year });
  const planFrom = `${plan.year}-01-01`;
  const asOf = tf.kind === 'unknown' ? planFrom : tf.from;
  const candidates = await taskLeadCandidates(ctx.db, plan.provinceId, asOf);
  const unitIds = new Set(candidates.units.map((u) => u.id));
  const groupIds = new Set(candidates.groups.map((g) => g.id));
  const issues: FieldIssue[] = [];
  input.leadUnitIds.forEach((id, i) => {
    if (!unitIds.has(id))
      issues.push({
        path: ['body', 'leadUnitIds', i],
        ...worded('task.unitOutsideOn', { date: asOf }),
      });
  });
  input.coordinatorUnitIds.forEach((id, i) => {
    if (!unitIds.has(id))
      issues.push({
        path: ['body', 'coordinatorUnitIds', i],
        ...worded('task.unitOutsideOn', { date: asOf }),
      });
  });
  input.leadGroupIds.forEach((id, i) => {
    if (!groupIds.has(id))
      issues.push({ path: ['body', 'leadGroupIds', i], ...worded('group.notOfProvince') });
  });
  if (input.leadUnitIds.length + input.leadGroupIds.length === 0) {
    issues.push({ path: ['body', 'leadUnitIds'], ...worded('task.leadMissing') });
  }
  if (issues.length) throw validationError(said('task.invalid'), issues);
  await checkTaskLinks(ctx.db, planId, input.themeIds, input.targetIds);
  const name = (id: string) =>
    candidates.units.find((u) => u.id === id)?.name ?? candidates.groups.find((g) => g.id === id)?.name ?? '';
  const assignments = await expandAssignments(
    ctx.db,
    plan.provinceId,
    {
      leads: [
        ...input.leadGroupIds.map((id) => ({ type: 'group' as const, id })),
        ...input.leadUnitIds.map((id) => ({ type: 'unit' as const, id })),
      ],
      coordinators: input.coordinatorUnitIds.map((id) => ({ type: 'unit' as const, id })),
    },
    asOf,
  );
  const saved = await inTransaction(ctx, async (tx) => {
    const [t] = await insertTasks(tx, [
      {
        task: {
          planId,
          provinceId: plan.provinceId,
          section: input.section ?? null,
          stt: input.stt ?? null,
          position: await nextTaskPosition(tx, planId),
          title: input.title,
          leadText: [...input.leadGroupIds, ...input.leadUnitIds].map(name).join('; '),
          coordinatorText: input.coordinatorUnitIds.map(name).join('; '),
          timeFrameText: input.timeFrame,
          timeFrameKind: tf.kind,
          periodFrom: tf.kind === 'unknown' ? null : tf.from,
          periodTo: tf.kind === 'unknown' ? null : tf.to,
          dueDate: tf.kind === 'unknown' ? null : tf.dueDate,
          output: input.output ?? '',
          budgetText: input.budgetText ?? '',
          note: input.note ?? '',
          leadGroupIds: input.leadGroupIds,
          createdBy: ctx.actor.userId,
        },
        themeIds: input.themeIds,
        targetIds: input.targetIds,
        assignments,
      },
    ]);
    await audit(tx, ctx, {
      action: 'task.create',
      entityType: 'task',
      entityId: t!.id,
      provinceId: plan.provinceId,
      after: { title: t!.title, assignments: assignments.length },
    });
    return t!;
  });
  return presentTask(
    saved,
    await listAssignments(ctx.db, [saved.id]),
    { themeIds: input.themeIds, targetIds: input.targetIds },
    localDateOf(ctx.now),
  );
}
