import { clearSignInThrottle, findUserById, getGrants } from '@dx/db';
import { AppError, said, throttleKey } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { assertCanManage } from './user-access';

/**
 * Lifts the waits failed sign-ins put on an account, from every address (docs/security.md § Guessing passwords):
 * the administrator's answer to a user slowed down by someone else's guesses. Audited.
 */
export async function unlockUser({ ctx, userId }: { ctx: UseCaseContext; userId: string }) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('USER.NOT_FOUND', said('user.notFound'), { userId });
  const grants = (await getGrants(ctx.db, [userId])).get(userId) ?? [];
  await assertCanManage(ctx, grants, 'user.write');
  await inTransaction(ctx, async (tx) => {
    const cleared = await clearSignInThrottle(tx, throttleKey(user.username));
    await audit(tx, ctx, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: userId,
      provinceId: grants.find((g) => g.provinceId)?.provinceId ?? null,
      after: { countersCleared: cleared },
    });
  });
  return { user, grants };
}
