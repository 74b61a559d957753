import { type Db, planLinkIds } from '@dx/db';
import { said, validationError, worded } from '@dx/domain';

/** Themes and targets must be the plan's own (plan 54 II themes, I.2 targets). */
export async function checkTaskLinks(
  db: Db,
  planId: string,
  themeIds: string[],
  targetIds: string[],
): Promise<void> {
  const known = await planLinkIds(db, planId, themeIds, targetIds);
  const issues: { path: (string | number)[]; message: string }[] = [];
  themeIds.forEach((id, i) => {
    if (!known.themes.has(id))
      issues.push({
        path: ['body', 'themeIds', i],
        ...worded('task.themeNotInPlan'),
      });
  });
  targetIds.forEach((id, i) => {
    if (!known.targets.has(id))
      issues.push({ path: ['body', 'targetIds', i], ...worded('target.notInPlan') });
  });
  if (issues.length) throw validationError(said('links.invalid'), issues);
}
