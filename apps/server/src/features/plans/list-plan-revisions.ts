import { getPlanRevision, listPlanRevisions as queryRevisions } from '@dx/db';
import { AppError, said } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { loadAuthorizedPlan } from './load-plan';

/** The history of a plan, newest first: who changed which parts, when. */
export async function listPlanRevisions({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  await loadAuthorizedPlan(ctx, planId, 'plan.read');
  return queryRevisions(ctx.db, planId);
}

/** One revision with the document before and after it. */
export async function getPlanRevisionDetail({
  ctx,
  planId,
  revisionId,
}: {
  ctx: UseCaseContext;
  planId: string;
  revisionId: number;
}) {
  await loadAuthorizedPlan(ctx, planId, 'plan.read');
  const revision = await getPlanRevision(ctx.db, planId, revisionId);
  if (!revision) throw new AppError('RESOURCE.NOT_FOUND', said('plan.revisionNotFound'), { revisionId });
  return revision;
}
