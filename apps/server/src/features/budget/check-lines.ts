import { tasksOfPlan } from '@dx/db';
import { type FieldIssue, type ParsedLineInput, said, validationError, worded } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';

/** A line may name a task only of the estimate's plan (its appendix, plan 54 III). */
export async function checkLineTasks(ctx: UseCaseContext, planId: string, lines: ParsedLineInput[]) {
  const ids = [...new Set(lines.map((l) => l.taskId).filter((t): t is string => !!t))];
  const known = await tasksOfPlan(ctx.db, planId, ids);
  const issues: FieldIssue[] = [];
  lines.forEach((l, i) => {
    if (l.taskId && !known.has(l.taskId))
      issues.push({ path: ['lines', i, 'taskId'], ...worded('task.notInPlan') });
  });
  if (issues.length) throw validationError(said('budget.lineTaskOutside'), issues);
}
