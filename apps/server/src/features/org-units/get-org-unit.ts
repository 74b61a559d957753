import { getUnitDetail } from '@dx/db';
import { AppError, said } from '@dx/domain';
import { authorizeUnit, type UseCaseContext } from '../../use-case/context';

/** A unit's whole history with predecessors and successors. */
export async function getOrgUnit({ ctx, unitId }: { ctx: UseCaseContext; unitId: string }) {
  await authorizeUnit(ctx, 'org_unit.read', unitId);
  const detail = await getUnitDetail(ctx.db, unitId);
  if (!detail) throw new AppError('ORG_UNIT.NOT_FOUND', said('unit.notFound'), { unitId });
  return detail;
}
