import { listRecords as queryRecords } from '@dx/db';
import type { RecordType } from '@dx/domain';
import { authorizeProvince, authorizeUnit, type UseCaseContext } from '../../http/context';

/** Records of a province, or of one unit; everyone in the province reads them (figures link to their records). */
export async function listRecords({
  ctx,
  type,
  provinceId,
  unitId,
  from,
  to,
  limit,
  offset,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  provinceId: string;
  unitId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}) {
  authorizeProvince(ctx, 'record.read', provinceId);
  if (unitId) await authorizeUnit(ctx, 'record.read', unitId);
  return queryRecords(ctx.db, type, {
    provinceId,
    unitIds: unitId ? [unitId] : undefined,
    from,
    to,
    limit,
    offset,
  });
}
