import {
  getObstacleRow,
  getUnitScope,
  insertNotifications,
  insertObstacleStep,
  listMergedObstacles,
  lockRaisedObstacles,
  type NewObstacle,
  type ObstacleRow,
  updateObstacleRow,
} from '@dx/db';
import {
  AppError,
  formatDateVi,
  localDateOf,
  mergeRefusal,
  type NotificationWords,
  type ObstacleAction,
  type ObstacleStatus,
  obstacleTransition,
  said,
  say,
  validationError,
  worded,
} from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { presentObstacleDetail } from './get-obstacle';
import { actorOn, loadObstacleFor } from './load-obstacle';

/**
 * One step on an obstacle (plan 54, closing paragraph): the DX office forwards it to leadership (optionally attaching
 * duplicates it consolidates), merges it into another item or declines it with a reason; leadership directs (text,
 * owner unit, due date); the owner unit answers. The state machine (domain) decides who may do what; a stale `version`
 * is a 409 with the current record; every step is recorded, audited and, where someone must act or read, notified.
 */
export async function actOnObstacle({
  ctx,
  obstacleId,
  expectedVersion,
  action,
  attachIds = [],
}: {
  ctx: UseCaseContext;
  obstacleId: string;
  expectedVersion: number;
  action: ObstacleAction;
  /** forward only: raised items of the same province consolidated into this one. */
  attachIds?: string[];
}) {
  const row = await loadObstacleFor(ctx, obstacleId);
  const today = localDateOf(ctx.now);
  const actor = await actorOn(ctx, row);
  const current = () => presentObstacleDetail(ctx, obstacleId);
  const result = obstacleTransition(
    { status: row.status as ObstacleStatus, ownerUnitId: row.ownerUnitId },
    action,
    actor,
    today,
  );
  if (!result.ok && result.code === 'AUTH.FORBIDDEN') throw new AppError('AUTH.FORBIDDEN', result.message);
  if (row.version !== expectedVersion) throw versionConflict(await current());
  if (!result.ok)
    throw new AppError('WORKFLOW.INVALID_TRANSITION', result.message, { current: await current() });

  const fields: Partial<NewObstacle> = { ...result.state };
  let note: string | null = null;
  const details: Record<string, unknown> = { dueDate: result.state.dueDate };
  switch (action.type) {
    case 'forward':
      fields.forwardNote = action.note || null;
      fields.forwardedAt = ctx.now;
      note = action.note || null;
      break;
    case 'decline':
      fields.declineReason = action.reason;
      note = action.reason;
      break;
    case 'merge': {
      const into = await getObstacleRow(ctx.db, action.intoId);
      if (!into)
        throw validationError(said('obstacle.mergeTargetNotFound'), [
          { path: ['body', 'intoId'], ...worded('obstacle.proposalNotFound') },
        ]);
      const refusal = mergeRefusal(row, { ...into, status: into.status as ObstacleStatus });
      if (refusal) throw new AppError('WORKFLOW.INVALID_TRANSITION', refusal, { intoId: action.intoId });
      fields.mergedIntoId = into.id;
      details.intoId = into.id;
      break;
    }
    case 'direct': {
      const owner = await getUnitScope(ctx.db, action.ownerUnitId, today);
      if (!owner || owner.provinceId !== row.provinceId)
        throw validationError(said('obstacle.ownerInvalid'), [
          {
            path: ['body', 'ownerUnitId'],
            ...worded(owner ? 'unit.notInProvince' : 'unit.notFound'),
          },
        ]);
      fields.direction = action.direction;
      fields.directedAt = ctx.now;
      fields.directedByName = ctx.actor.displayName;
      note = action.direction;
      details.ownerUnitId = action.ownerUnitId;
      break;
    }
    case 'answer':
      fields.answer = action.answer;
      fields.answeredAt = ctx.now;
      fields.answeredByName = ctx.actor.displayName;
      note = action.answer;
      break;
  }

  const attach = [...new Set(attachIds)];
  if (attach.length && action.type !== 'forward')
    throw validationError(said('obstacle.attachOnlyOnForward'), [
      { path: ['body', 'attachIds'], ...worded('obstacle.onlyWhenForwarding') },
    ]);

  await inTransaction(ctx, async (tx) => {
    if (!(await updateObstacleRow(tx, obstacleId, expectedVersion, fields, ctx.now)))
      throw versionConflict(null);
    const step = (
      o: ObstacleRow,
      s: { action: string; from: string; to: string; note: string | null; details: object },
    ) =>
      insertObstacleStep(tx, {
        obstacleId: o.id,
        provinceId: o.provinceId,
        action: s.action,
        statusFrom: s.from,
        statusTo: s.to,
        note: s.note,
        details: s.details as Record<string, unknown>,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        at: ctx.now,
      });
    await step(row, {
      action: action.type,
      from: row.status,
      to: result.state.status,
      note,
      details: { ...details, attachIds: attach.length ? attach : undefined },
    });
    await audit(tx, ctx, {
      action: `obstacle.${action.type}`,
      entityType: 'obstacle',
      entityId: obstacleId,
      provinceId: row.provinceId,
      before: {
        status: row.status,
        ownerRole: row.ownerRole,
        ownerUnitId: row.ownerUnitId,
        dueDate: row.dueDate,
      },
      after: { ...fields, attachIds: attach.length ? attach : undefined },
    });
    // Consolidation: duplicates still with the DX office go up inside this item.
    const attached = await lockRaisedObstacles(tx, attach);
    for (const id of attach) {
      const a = attached.find((x) => x.id === id);
      const refusal = !a
        ? 'Không tìm thấy kiến nghị'
        : a.status !== 'raised'
          ? 'Kiến nghị này không còn chờ tổng hợp'
          : mergeRefusal(a, { ...row, status: 'forwarded' });
      if (refusal)
        throw validationError(said('obstacle.cannotMerge'), [
          { path: ['body', 'attachIds', attach.indexOf(id)], message: refusal },
        ]);
      await updateObstacleRow(
        tx,
        a!.id,
        a!.version,
        { status: 'merged', ownerRole: null, ownerUnitId: null, dueDate: null, mergedIntoId: obstacleId },
        ctx.now,
      );
      await step(a!, {
        action: 'merge',
        from: 'raised',
        to: 'merged',
        note: null,
        details: { intoId: obstacleId },
      });
      await audit(tx, ctx, {
        action: 'obstacle.merge',
        entityType: 'obstacle',
        entityId: a!.id,
        provinceId: a!.provinceId,
        before: { status: 'raised' },
        after: { status: 'merged', mergedIntoId: obstacleId },
      });
    }
    // Who must act next, or read the outcome: the unit given the direction; the units that raised it (and its duplicates).
    const notify: { unitId: string; title: string; body: string; words: NotificationWords }[] = [];
    const worded = (words: NotificationWords, own?: string) => ({
      title: say(words.title.reason, words.title.params),
      body: words.body ? say(words.body.reason, words.body.params) : (own ?? ''),
      words,
    });
    if (action.type === 'direct')
      notify.push({
        unitId: action.ownerUnitId,
        ...worded({
          title: said('notification.obstacleDirectedTitle', { title: row.title }),
          body: said('notification.obstacleDirectedBody', {
            direction: action.direction,
            due: formatDateVi(action.dueDate),
          }),
        }),
      });
    if (action.type === 'answer' || action.type === 'decline') {
      const merged = await listMergedObstacles(tx, obstacleId, today);
      for (const unitId of new Set([row.unitId, ...merged.map((m) => m.unitId)]))
        notify.push({
          unitId,
          // The body is the office's own note, shown as written.
          ...worded(
            {
              title: said(
                action.type === 'answer'
                  ? 'notification.obstacleAnsweredTitle'
                  : 'notification.obstacleDeclinedTitle',
                { title: row.title },
              ),
              body: null,
            },
            note ?? '',
          ),
        });
    }
    await insertNotifications(
      tx,
      notify.map((n) => ({
        ...n,
        provinceId: row.provinceId,
        kind: 'obstacle',
        sentBy: ctx.actor.userId,
        emailStatus: 'not_configured',
      })),
    );
  });
  return current();
}
