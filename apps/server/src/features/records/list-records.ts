import { listRecords as queryRecords } from '@dx/db';
import { localDateOf, type RecordType } from '@dx/domain';
import { authorizeProvince, authorizeUnit, type UseCaseContext } from '../../http/context';

/**
 * Records of a province, or of one unit; with `includeBelow`, of the unit and every unit below it in the org-unit
 * tree as of today (a district officer's view takes in its communes). Everyone in the province reads them (figures
 * link to their records).
 */
export async function listRecords({
  ctx,
  type,
  provinceId,
  unitId,
  includeBelow = false,
  from,
  to,
  limit,
  offset,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  provinceId: string;
  unitId?: string;
  includeBelow?: boolean;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}) {
  authorizeProvince(ctx, 'record.read', provinceId);
  if (unitId) await authorizeUnit(ctx, 'record.read', unitId);
  return queryRecords(ctx.db, type, {
    provinceId,
    unitIds: unitId && !includeBelow ? [unitId] : undefined,
    subtreeOf: unitId && includeBelow ? { unitId, asOf: localDateOf(ctx.now) } : undefined,
    from,
    to,
    limit,
    offset,
  });
}
