import { countUnitsByKind, type ListUnitsFilter, listProvinces, listUnits } from '@dx/db';
import { isAllowed } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** Provinces on a date that the actor may read. */
export async function listVisibleProvinces({ ctx, asOf }: { ctx: UseCaseContext; asOf: string }) {
  const all = await listProvinces(ctx.db, asOf);
  return all.filter((p) =>
    isAllowed(ctx.actor.grants, 'org_unit.read', { provinceId: p.provinceId, path: [p.unitId] }),
  );
}

/** Children of a unit, or a search across the province, as of a date. */
export async function listOrgUnits({ ctx, filter }: { ctx: UseCaseContext; filter: ListUnitsFilter }) {
  authorizeProvince(ctx, 'org_unit.read', filter.provinceId);
  return listUnits(ctx.db, filter);
}

/** Counts by kind for a province on a date. */
export async function summarizeOrgUnits({
  ctx,
  provinceId,
  asOf,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  asOf: string;
}) {
  authorizeProvince(ctx, 'org_unit.read', provinceId);
  return countUnitsByKind(ctx.db, provinceId, asOf);
}
