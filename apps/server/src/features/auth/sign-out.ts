import { deleteSession, deleteUserSessions } from '@dx/db';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';

/** Ends this session, or every session of the user ("đăng xuất khỏi mọi thiết bị"). */
export async function signOut({ ctx, everywhere }: { ctx: UseCaseContext; everywhere: boolean }) {
  return inTransaction(ctx, async (tx) => {
    const ended = everywhere
      ? await deleteUserSessions(tx, ctx.actor.userId)
      : (await deleteSession(tx, ctx.actor.tokenHash), 1);
    await audit(tx, ctx, {
      action: everywhere ? 'auth.sign_out_everywhere' : 'auth.sign_out',
      entityType: 'user',
      entityId: ctx.actor.userId,
      provinceId: null,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
