import { loadPlan as queryPlan } from '@dx/db';
import { AppError, type Permission, said } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** Loads a plan and checks the actor may act on its province; a missing plan is PLAN.NOT_FOUND. */
export async function loadAuthorizedPlan(ctx: UseCaseContext, planId: string, permission: Permission) {
  const stored = await queryPlan(ctx.db, planId);
  if (!stored) throw new AppError('PLAN.NOT_FOUND', said('plan.notFound'), { planId });
  authorizeProvince(ctx, permission, stored.row.provinceId);
  return stored;
}
