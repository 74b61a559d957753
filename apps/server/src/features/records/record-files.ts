import {
  deleteRecordFile as deleteFileRow,
  getRecord,
  insertRecordFile,
  listRecordFiles,
  lockForWrite,
  getRecordFile as queryFile,
} from '@dx/db';
import {
  AppError,
  checkUpload,
  type RecordType,
  recordReadPermission,
  said,
  tooManyFilesMessage,
  UPLOAD_POLICY,
  validationError,
} from '@dx/domain';
import { audit, authorizeUnit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { authorizeRecordWrite, recordNotFound } from './record-access';

/** The unit a stored record belongs to. */
export const ownerUnitOf = (type: RecordType, row: Record<string, unknown>) =>
  (type === 'channel'
    ? row.ownerUnitId
    : type === 'training' || type === 'event'
      ? row.organiserUnitId
      : row.unitId) as string;

const fileNotFound = (fileId: string) =>
  new AppError('RECORD.FILE_NOT_FOUND', said('file.notFound'), { fileId });

/**
 * Attaches a file to a record (the plan's signed document, an attendance list…): whoever may write the record; the
 * kind is judged from the bytes and the extension, the size and count bounded (domain upload policy).
 */
export async function attachRecordFile({
  ctx,
  type,
  recordId,
  fileName,
  content,
}: {
  ctx: UseCaseContext;
  type: RecordType;
  recordId: string;
  fileName: string;
  content: Buffer;
}) {
  const record = await getRecord(ctx.db, type, recordId);
  if (!record) throw recordNotFound(type, recordId);
  const unitId = ownerUnitOf(type, record);
  await authorizeRecordWrite(ctx, unitId, 'id');
  const check = checkUpload('record_file', fileName, content);
  if (!check.ok)
    throw validationError(said('file.invalid'), [{ path: ['body', check.field], message: check.message }]);
  return inTransaction(ctx, async (tx) => {
    // Counted under a lock on the record: parallel uploads wait, so the cap holds (upload policy in the domain).
    await lockForWrite(tx, `record_file:${recordId}`);
    const existing = await listRecordFiles(tx, type, recordId);
    if (existing.length >= UPLOAD_POLICY.record_file.maxCount)
      throw validationError(said('file.tooMany'), [
        { path: ['body', 'fileName'], message: tooManyFilesMessage('record_file') },
      ]);
    const file = await insertRecordFile(tx, {
      provinceId: record.provinceId,
      recordType: type,
      recordId,
      unitId,
      fileName: check.fileName,
      contentType: check.contentType,
      size: content.length,
      content,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      action: 'record_file.create',
      entityType: type,
      entityId: recordId,
      provinceId: record.provinceId,
      after: { fileId: file.id, fileName: file.fileName, size: file.size, contentType: file.contentType },
    });
    return file;
  });
}

/** A file, for anyone who may read its record (a unit officer: within its subtree, docs/security.md). */
export async function getRecordFile({ ctx, fileId }: { ctx: UseCaseContext; fileId: string }) {
  const file = await queryFile(ctx.db, fileId);
  if (!file) throw fileNotFound(fileId);
  const record = await getRecord(ctx.db, file.recordType as RecordType, file.recordId);
  await authorizeUnit(
    ctx,
    recordReadPermission(file.recordType),
    record ? ownerUnitOf(file.recordType as RecordType, record) : file.unitId,
  );
  return file;
}

/** Removes a file attached by mistake: whoever may write the record. */
export async function removeRecordFile({ ctx, fileId }: { ctx: UseCaseContext; fileId: string }) {
  const file = await queryFile(ctx.db, fileId);
  if (!file) throw fileNotFound(fileId);
  const record = await getRecord(ctx.db, file.recordType as RecordType, file.recordId);
  await authorizeRecordWrite(
    ctx,
    record ? ownerUnitOf(file.recordType as RecordType, record) : file.unitId,
    'fileId',
  );
  await inTransaction(ctx, async (tx) => {
    if (!(await deleteFileRow(tx, fileId))) throw fileNotFound(fileId);
    const { content: _c, ...meta } = file;
    await audit(tx, ctx, {
      action: 'record_file.delete',
      entityType: file.recordType,
      entityId: file.recordId,
      provinceId: file.provinceId,
      before: meta,
    });
  });
}

export const presentFile = (f: {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: Date;
}) => ({
  id: f.id,
  fileName: f.fileName,
  contentType: f.contentType,
  size: f.size,
  createdAt: f.createdAt.toISOString(),
  url: `/api/record-files/${f.id}`,
});
