import { listAssignments, listTasks as queryTasks, taskLinks } from '@dx/db';
import { localDateOf } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { loadPlanFor } from '../../use-case/context';
import { presentTask, type TaskOut } from './tasks.presenter';

export type TaskFilter = {
  unitId?: string;
  /** "My tasks": the parts of the units the actor is granted on. */
  mine?: boolean;
  status?: string;
  themeId?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  limit: number;
  offset: number;
};

/** Tasks of a plan with every unit's part (plan 54 III), filtered; also the data of the timeline. */
export async function listTasks({
  ctx,
  planId,
  filter,
}: {
  ctx: UseCaseContext;
  planId: string;
  filter: TaskFilter;
}) {
  const plan = await loadPlanFor(ctx, planId, 'task.read');
  const today = localDateOf(ctx.now);
  let unitIds: string[] | undefined = filter.unitId ? [filter.unitId] : undefined;
  if (filter.mine) {
    const mine = ctx.actor.grants
      .filter((g) => g.unitId !== null && g.provinceId === plan.provinceId)
      .map((g) => g.unitId!);
    unitIds = unitIds ? unitIds.filter((u) => mine.includes(u)) : mine;
  }
  const { items, total } = await queryTasks(ctx.db, { planId, today, ...filter, unitIds });
  const ids = items.map((t) => t.id);
  const parts = await listAssignments(ctx.db, ids);
  const links = await taskLinks(ctx.db, ids);
  const out: TaskOut[] = items.map((t) =>
    presentTask(
      t,
      parts.filter((p) => p.taskId === t.id),
      { themeIds: links.themes.get(t.id) ?? [], targetIds: links.targets.get(t.id) ?? [] },
      today,
    ),
  );
  return { items: out, total, today, unitIds: unitIds ?? null };
}
