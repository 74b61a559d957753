import { deleteUserSessions, findUserById, updateUser } from '@dx/db';
import { AppError, said, worded } from '@dx/domain';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';

/** The user changes their own password; every other session ends. */
export async function changePassword({
  ctx,
  currentPassword,
  newPassword,
}: {
  ctx: UseCaseContext;
  currentPassword: string;
  newPassword: string;
}) {
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('VALIDATION.FAILED', said('auth.wrongCurrentPassword'), {
      issues: [{ path: ['body', 'currentPassword'], ...worded('auth.wrongCurrentPassword') }],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (tx) => {
    await updateUser(tx, user.id, user.version, { passwordHash });
    await deleteUserSessions(tx, user.id);
    await audit(tx, ctx, {
      action: 'user.change_password',
      entityType: 'user',
      entityId: user.id,
      provinceId: null,
    });
  });
}
