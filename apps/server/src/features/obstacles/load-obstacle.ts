import { getObstacleRow, getUnitScope, type ObstacleRow } from '@dx/db';
import { AppError, localDateOf, type ObstacleActor, obstacleActor } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** Loads an obstacle the actor may read (report.read over its province); a missing one is a 404. */
export async function loadObstacleFor(ctx: UseCaseContext, obstacleId: string): Promise<ObstacleRow> {
  const row = await getObstacleRow(ctx.db, obstacleId);
  if (!row) throw new AppError('OBSTACLE.NOT_FOUND', 'Không tìm thấy khó khăn, kiến nghị', { obstacleId });
  authorizeProvince(ctx, 'report.read', row.provinceId);
  return row;
}

/** What the actor may do on the obstacle (the state machine's actor facts), from grants and where units sit. */
export async function actorOn(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'now'>,
  row: ObstacleRow,
): Promise<ObstacleActor> {
  const owner = row.ownerUnitId ? await getUnitScope(ctx.db, row.ownerUnitId, localDateOf(ctx.now)) : null;
  return obstacleActor(ctx.actor.grants, {
    province: { provinceId: row.provinceId, path: [row.provinceId] },
    owner,
  });
}
