import {
  clearSignInThrottle,
  deleteUserSessions,
  findUserById,
  getGrants,
  replaceGrants,
  updateUser as updateUserRow,
} from '@dx/db';
import { AppError, type Role, said, throttleKey, worded } from '@dx/domain';
import { hashPassword } from '../../lib/passwords';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { assertCanGrant, assertCanManage } from './user-access';
import { presentUser } from './users.presenter';

export type UpdateUserInput = {
  version: number;
  displayName?: string;
  email?: string | null;
  isActive?: boolean;
  grants?: { role: Role; unitId: string | null }[];
  /** New grants on units that have ended are meant (issue 15; contracts updateUserBody). */
  allowEndedUnits?: boolean;
  /** Administrator sets a new password; the user's sessions end. */
  password?: string;
};

/** Edits an account (optimistic: a stale version gets 409 with the current account). */
export async function updateUser({
  ctx,
  userId,
  input,
}: {
  ctx: UseCaseContext;
  userId: string;
  input: UpdateUserInput;
}) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('USER.NOT_FOUND', said('user.notFound'), { userId });
  const before = (await getGrants(ctx.db, [userId])).get(userId) ?? [];
  await assertCanManage(ctx, before, 'user.write');
  if (input.grants)
    await assertCanGrant(ctx, input.grants, { held: before, allowEnded: input.allowEndedUnits ?? false });
  if (
    userId === ctx.actor.userId &&
    (input.isActive === false || (input.grants && !input.grants.some((g) => g.role === 'administrator')))
  ) {
    throw new AppError('VALIDATION.FAILED', said('user.selfLockout'), {
      issues: [
        {
          path: ['body', input.isActive === false ? 'isActive' : 'grants'],
          ...worded('user.askAnotherAdmin'),
        },
      ],
    });
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return inTransaction(ctx, async (tx) => {
    const updated = await updateUserRow(tx, userId, input.version, {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.isActive !== undefined && { isActive: input.isActive }),
      ...(passwordHash && { passwordHash }),
    });
    if (!updated) {
      const current = (await findUserById(tx, userId))!;
      throw versionConflict(presentUser(current, (await getGrants(tx, [userId])).get(userId) ?? [], ctx.now));
    }
    if (input.grants) await replaceGrants(tx, userId, input.grants);
    // A changed role or scope, a new password or a deactivation takes effect at once: end the user's sessions.
    const key = (g: { role: string; unitId: string | null }) => `${g.role}|${g.unitId ?? '*'}`;
    const grantsChanged =
      !!input.grants &&
      [...new Set(input.grants.map(key))].sort().join(',') !== [...new Set(before.map(key))].sort().join(',');
    if (input.isActive === false || passwordHash || grantsChanged) await deleteUserSessions(tx, userId);
    // A password set by an administrator is the way back in: failed attempts before it no longer make anyone wait.
    if (passwordHash) await clearSignInThrottle(tx, throttleKey(user.username));
    const grants = (await getGrants(tx, [userId])).get(userId) ?? [];
    await audit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      provinceId:
        grants.find((g) => g.provinceId)?.provinceId ?? before.find((g) => g.provinceId)?.provinceId ?? null,
      before: {
        displayName: user.displayName,
        email: user.email,
        isActive: user.isActive,
        grants: before.map(({ role, unitId }) => ({ role, unitId })),
      },
      after: {
        displayName: updated.displayName,
        email: updated.email,
        isActive: updated.isActive,
        grants: grants.map(({ role, unitId }) => ({ role, unitId })),
        passwordReset: !!passwordHash,
      },
    });
    return { user: updated, grants };
  });
}
