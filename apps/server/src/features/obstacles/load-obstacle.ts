import { getObstacleRow, getUnitScope, type ObstacleRow } from '@dx/db';
import { AppError, isAllowed, localDateOf, type ObstacleActor, obstacleActor, said } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';

/**
 * Loads an obstacle the actor may read (report.read_item over the unit that raised it: a unit officer reads its own
 * subtree's, docs/security.md "Scope of reading"); a missing one is a 404.
 */
export async function loadObstacleFor(ctx: UseCaseContext, obstacleId: string): Promise<ObstacleRow> {
  const row = await getObstacleRow(ctx.db, obstacleId);
  if (!row) throw new AppError('OBSTACLE.NOT_FOUND', said('obstacle.notFound'), { obstacleId });
  // The unit it is directed to (its owner) reads it too, to act on it.
  const today = localDateOf(ctx.now);
  const units =
    row.ownerUnitId && row.ownerUnitId !== row.unitId ? [row.unitId, row.ownerUnitId] : [row.unitId];
  const scopes = await Promise.all(units.map((u) => getUnitScope(ctx.db, u, today)));
  if (!scopes.some((s) => s && isAllowed(ctx.actor.grants, 'report.read_item', s)))
    throw new AppError('AUTH.FORBIDDEN', said('access.unit'));
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
