import { listRecords as queryRecords } from '@dx/db';
import { localDateOf, type RecordType } from '@dx/domain';
import { authorizeProvince, authorizeUnit, type UseCaseContext } from '../../use-case/context';

/**
 * Records of a province, or of one unit; with `includeBelow`, of the unit and every unit below it in the org-unit
 * tree as of `asOf` (a district officer's view takes in its communes), with the records of the units merged into them
 * by then (succession roll-up). Everyone in the province reads them (figures
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
  asOf,
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
  /** With includeBelow: the tree (and the units merged into it) as of this day; omitted = today. */
  asOf?: string;
  limit: number;
  offset: number;
}) {
  authorizeProvince(ctx, 'record.read', provinceId);
  if (unitId) await authorizeUnit(ctx, 'record.read', unitId);
  return queryRecords(ctx.db, type, {
    provinceId,
    unitIds: unitId && !includeBelow ? [unitId] : undefined,
    subtreeOf: unitId && includeBelow ? { unitId, asOf: asOf ?? localDateOf(ctx.now) } : undefined,
    from,
    to,
    limit,
    offset,
  });
}
