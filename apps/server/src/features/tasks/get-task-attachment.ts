import { getTaskAttachment as queryAttachment } from '@dx/db';
import { AppError, said } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** An evidence file, for anyone who may read the task (everyone in the province). */
export async function getTaskAttachment({
  ctx,
  attachmentId,
}: {
  ctx: UseCaseContext;
  attachmentId: string;
}) {
  const file = await queryAttachment(ctx.db, attachmentId);
  if (!file)
    throw new AppError('TASK.ATTACHMENT_NOT_FOUND', said('task.attachmentNotFound'), { attachmentId });
  authorizeProvince(ctx, 'task.read', file.provinceId);
  return file;
}
