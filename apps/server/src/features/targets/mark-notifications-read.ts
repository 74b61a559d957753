import { getNotification, markNotificationsRead } from '@dx/db';
import { AppError, said } from '@dx/domain';
import { audit, authorizeUnit, inTransaction, type UseCaseContext } from '../../use-case/context';

/**
 * The unit's officers mark its notifications read: one (`notificationId`) or all. A notification already read keeps
 * its first read time; marking it again changes nothing and writes no audit entry. Returns how many were marked.
 */
export async function markUnitNotificationsRead({
  ctx,
  unitId,
  notificationId,
}: {
  ctx: UseCaseContext;
  unitId: string;
  /** null = all of the unit's unread notifications. */
  notificationId: string | null;
}): Promise<{ marked: number }> {
  const scope = await authorizeUnit(ctx, 'record.write', unitId);
  if (notificationId) {
    const n = await getNotification(ctx.db, notificationId);
    if (!n || n.unitId !== unitId)
      throw new AppError('RESOURCE.NOT_FOUND', said('notification.notFound'), { notificationId });
  }
  return inTransaction(ctx, async (tx) => {
    const marked = await markNotificationsRead(tx, unitId, notificationId ? [notificationId] : null, ctx.now);
    if (marked.length) {
      await audit(tx, ctx, {
        action: 'notification.read',
        entityType: 'notification',
        entityId: notificationId,
        provinceId: scope.provinceId,
        after: { unitId, notificationIds: marked.map((m) => m.id) },
      });
    }
    return { marked: marked.length };
  });
}
