import type { UseCaseContext } from '../../use-case/context';
import { loadAuthorizedPlan } from './load-plan';

/** The whole plan as structured data, for anyone who reads plans in its province. */
export async function getPlan({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  return loadAuthorizedPlan(ctx, planId, 'plan.read');
}
