import { listPlans as queryPlans } from '@dx/db';
import { provincesFor } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** Plans the actor may read: of one province, or of every province in their scope. */
export async function listPlans({ ctx, provinceId }: { ctx: UseCaseContext; provinceId?: string }) {
  if (provinceId) {
    authorizeProvince(ctx, 'plan.read', provinceId);
    return queryPlans(ctx.db, [provinceId]);
  }
  return queryPlans(ctx.db, provincesFor(ctx.actor.grants, 'plan.read'));
}
