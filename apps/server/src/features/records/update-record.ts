import { getRecord, getRecordLinks, updateRecord as updateRow } from '@dx/db';
import { AppError, type FieldIssue, type RecordInput, type RecordType } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { authorizeRecordWrite, checkReferences, columnsOf, ownerOf, recordNotFound } from './record-access';
import { saveRecordLinks } from './save-record-links';

/**
 * Corrects a record at the version the client read. Both the old and the new owner unit must be in the actor's
 * scope. A unit plan edited after review goes back to "submitted" (the DX office looks at it again).
 */
export async function updateRecord<K extends RecordType>({
  ctx,
  type,
  id,
  version,
  input,
}: {
  ctx: UseCaseContext;
  type: K;
  id: string;
  version: number;
  input: RecordInput<K>;
}) {
  const before = await getRecord(ctx.db, type, id);
  if (!before) throw recordNotFound(type, id);
  const oldOwner =
    type === 'channel'
      ? before.ownerUnitId
      : type === 'training' || type === 'event'
        ? before.organiserUnitId
        : before.unitId;
  await authorizeRecordWrite(ctx, oldOwner as string, 'id');
  const values = input as Record<string, unknown>;
  const { owner, provinceId } = await underRecord(async () => {
    const owner = await ownerOf(ctx, type, input);
    const provinceId = await authorizeRecordWrite(ctx, owner.unitId, owner.field);
    await checkReferences(ctx, type, values, provinceId, before as Record<string, unknown>);
    return { owner, provinceId };
  });
  return inTransaction(ctx, async (tx) => {
    const extra =
      type === 'publication'
        ? { unitId: owner.unitId }
        : type === 'unit_plan'
          ? { status: 'submitted', reviewedBy: null, reviewedAt: null }
          : {};
    const row = await updateRow(tx, type, id, version, { ...columnsOf(values), ...extra, provinceId });
    if (!row) throw versionConflict(await getRecord(tx, type, id));
    await saveRecordLinks(tx, type, id, provinceId, values);
    await audit(tx, ctx, {
      action: `${type}.update`,
      entityType: type,
      entityId: id,
      provinceId,
      before,
      after: values,
    });
    return { row, links: await getRecordLinks(tx, type, id) };
  });
}

/**
 * The record checks name fields as they sit in a create body (`body.role`); an update carries the record under
 * `body.record` (PUT `{ version, record }`), so their field paths are moved there for the client to find the field.
 */
async function underRecord<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    const issues =
      error instanceof AppError ? (error.details?.issues as FieldIssue[] | undefined) : undefined;
    if (!(error instanceof AppError) || !Array.isArray(issues)) throw error;
    throw new AppError(error.code, error.message, {
      ...error.details,
      issues: issues.map((i) =>
        i.path[0] === 'body' ? { ...i, path: ['body', 'record', ...i.path.slice(1)] } : i,
      ),
    });
  }
}
