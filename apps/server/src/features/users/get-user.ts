import { findUserById, getGrants, throttledUsernames } from '@dx/db';
import { AppError, said } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { assertCanManage } from './user-access';

/** One account with its grants. */
export async function getUser({ ctx, userId }: { ctx: UseCaseContext; userId: string }) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('USER.NOT_FOUND', said('user.notFound'), { userId });
  const grants = (await getGrants(ctx.db, [userId])).get(userId) ?? [];
  await assertCanManage(ctx, grants, 'user.read');
  const locked = (await throttledUsernames(ctx.db, [user.username], ctx.now)).size > 0;
  return { user, grants, locked };
}
