import { deleteFilesOfRecord, deleteRecord as deleteRow, getRecord } from '@dx/db';
import { AppError, type RecordType, said } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { authorizeRecordWrite, recordNotFound } from './record-access';

/** Deletes a record entered by mistake; one still referred to (a channel with publications) is refused. */
export async function deleteRecord({
  ctx,
  type,
  id,
  version,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  id: string;
  version: number;
}) {
  const before = await getRecord(ctx.db, type, id);
  if (!before) throw recordNotFound(type, id);
  const owner =
    type === 'channel'
      ? before.ownerUnitId
      : type === 'training' || type === 'event'
        ? before.organiserUnitId
        : before.unitId;
  await authorizeRecordWrite(ctx, owner as string, 'id');
  try {
    await inTransaction(ctx, async (tx) => {
      if (!(await deleteRow(tx, type, id, version))) throw versionConflict(before);
      await deleteFilesOfRecord(tx, type, id);
      await audit(tx, ctx, {
        action: `${type}.delete`,
        entityType: type,
        entityId: id,
        provinceId: before.provinceId,
        before,
      });
    });
  } catch (error) {
    if (
      (error as { code?: string }).code === '23503' ||
      (error as { cause?: { code?: string } }).cause?.code === '23503'
    ) {
      throw new AppError('RESOURCE.CONFLICT', said('record.inUse'));
    }
    throw error;
  }
}
