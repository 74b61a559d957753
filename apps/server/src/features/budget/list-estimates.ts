import { listEstimates as queryEstimates } from '@dx/db';
import type { UseCaseContext } from '../../use-case/context';
import { authorizeUnit, loadPlanFor, readableIn } from '../../use-case/context';
import { presentListItem } from './budget.presenter';
import { loadChain } from './load-estimate';

/**
 * Estimates of a plan (everyone in the province reads them; a unit officer its own subtree's, docs/security.md
 * "Scope of reading"), filtered by status, unit, kind.
 */
export async function listEstimates({
  ctx,
  planId,
  filter,
}: {
  ctx: UseCaseContext;
  planId: string;
  filter: {
    status?: string;
    unitId?: string;
    kind?: string;
    parentId?: string;
    limit: number;
    offset: number;
  };
}) {
  const plan = await loadPlanFor(ctx, planId, 'budget.read');
  const { chain } = await loadChain(ctx, plan.provinceId);
  if (filter.unitId) await authorizeUnit(ctx, 'budget.read_item', filter.unitId);
  const r = await queryEstimates(ctx.db, {
    planId,
    ...filter,
    readable: readableIn(ctx, 'budget.read_item', plan.provinceId),
  });
  return { items: r.items.map((e) => presentListItem(e, chain)), total: r.total };
}
