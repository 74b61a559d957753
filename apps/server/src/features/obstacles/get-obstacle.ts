import { getObstacleView, listMergedObstacles, listObstacleSteps } from '@dx/db';
import { availableObstacleActions, localDateOf, type ObstacleStatus } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { actorOn, loadObstacleFor } from './load-obstacle';
import { presentObstacle, presentStep } from './obstacles.presenter';

/** One obstacle with its history, the items merged into it, the item it went into, and the caller's next steps. */
export async function getObstacle({ ctx, obstacleId }: { ctx: UseCaseContext; obstacleId: string }) {
  const row = await loadObstacleFor(ctx, obstacleId);
  return presentObstacleDetail(ctx, row.id);
}

/** The detail as the API returns it (also the `current` record of a 409). */
export async function presentObstacleDetail(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'now'>,
  obstacleId: string,
) {
  const today = localDateOf(ctx.now);
  const view = (await getObstacleView(ctx.db, obstacleId, today))!;
  const into = view.mergedIntoId ? await getObstacleView(ctx.db, view.mergedIntoId, today) : null;
  const actor = await actorOn(ctx, view);
  return {
    ...presentObstacle(view, today),
    steps: (await listObstacleSteps(ctx.db, obstacleId)).map(presentStep),
    merged: (await listMergedObstacles(ctx.db, obstacleId, today)).map((m) => presentObstacle(m, today)),
    mergedInto: into ? presentObstacle(into, today) : null,
    actions: availableObstacleActions(
      { status: view.status as ObstacleStatus, ownerUnitId: view.ownerUnitId },
      actor,
      today,
    ),
  };
}
