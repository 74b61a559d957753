import {
  countBudgetAttachments,
  getBudgetAttachment,
  insertBudgetAttachment,
  insertBudgetEvent,
  lockForWrite,
} from '@dx/db';
import { AppError, checkUpload, said, tooManyFilesMessage, UPLOAD_POLICY, validationError } from '@dx/domain';
import {
  audit,
  authorizeProvince,
  authorizeUnit,
  inTransaction,
  type UseCaseContext,
} from '../../use-case/context';
import { loadEstimateFor } from './load-estimate';

/**
 * The unit attaches a document to its estimate (a quotation, a decision); kept in the database like task evidence.
 * What may be uploaded is the domain upload policy: a known extension whose bytes match, within 4 MB, at most 20
 * per estimate; the stored content type comes from the extension, never from what the browser claims.
 */
export async function attachBudgetFile({
  ctx,
  estimateId,
  file,
}: {
  ctx: UseCaseContext;
  estimateId: string;
  file: { fileName: string; content: Buffer };
}) {
  const estimate = await loadEstimateFor(ctx, estimateId, 'budget.read');
  await authorizeUnit(ctx, 'budget.write', estimate.unitId);
  const check = checkUpload('budget_attachment', file.fileName, file.content);
  if (!check.ok)
    throw validationError(said('file.invalid'), [{ path: ['body', check.field], message: check.message }]);
  return inTransaction(ctx, async (tx) => {
    // Counted under a lock on the estimate, so parallel uploads cannot pass the cap together.
    await lockForWrite(tx, `budget_attachment:${estimateId}`);
    if ((await countBudgetAttachments(tx, estimateId)) >= UPLOAD_POLICY.budget_attachment.maxCount)
      throw validationError(said('file.tooMany'), [
        { path: ['body', 'fileName'], message: tooManyFilesMessage('budget_attachment') },
      ]);
    const saved = await insertBudgetAttachment(tx, {
      estimateId,
      provinceId: estimate.provinceId,
      fileName: check.fileName,
      contentType: check.contentType,
      size: file.content.length,
      content: file.content,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await insertBudgetEvent(tx, {
      estimateId,
      provinceId: estimate.provinceId,
      action: 'attach',
      round: estimate.round,
      reason: check.fileName,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      createdAt: ctx.now,
    });
    await audit(tx, ctx, {
      action: 'budget_estimate.attach',
      entityType: 'budget_estimate',
      entityId: estimateId,
      provinceId: estimate.provinceId,
      after: { attachmentId: saved.id, fileName: check.fileName, size: file.content.length },
    });
    return {
      id: saved.id,
      fileName: saved.fileName,
      contentType: saved.contentType,
      size: saved.size,
      at: saved.createdAt.toISOString(),
    };
  });
}

/** A file attached to an estimate, for anyone who may read the estimate. */
export async function getBudgetFile({ ctx, attachmentId }: { ctx: UseCaseContext; attachmentId: string }) {
  const file = await getBudgetAttachment(ctx.db, attachmentId);
  if (!file) throw new AppError('BUDGET.ATTACHMENT_NOT_FOUND', said('file.notFound'), { attachmentId });
  await loadEstimateFor(ctx, file.estimateId, 'budget.read_item');
  return file;
}
