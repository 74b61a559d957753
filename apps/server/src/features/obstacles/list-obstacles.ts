import { listObstacles as listObstacleRows } from '@dx/db';
import { localDateOf, provincesFor, readScopeOf } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { presentObstacle } from './obstacles.presenter';

export type ObstacleListFilter = {
  provinceId?: string;
  unitId?: string;
  status?: string;
  kind?: string;
  overdue?: boolean;
  reportId?: string;
  q?: string;
  limit: number;
  offset: number;
};

/**
 * The register of the provinces the caller reads (report.read reaches the whole province), newest first; `overdue`
 * keeps items still open after their due date, judged against today in Asia/Ho_Chi_Minh. Counts feed the badge.
 */
export async function listObstacles({ ctx, filter }: { ctx: UseCaseContext; filter: ObstacleListFilter }) {
  const today = localDateOf(ctx.now);
  const { provinceId, ...rest } = filter;
  let provinceIds = provincesFor(ctx.actor.grants, 'report.read');
  if (provinceId) {
    authorizeProvince(ctx, 'report.read', provinceId);
    provinceIds = [provinceId];
  }
  // A unit officer reads the items raised by or directed to its own subtree (docs/security.md "Scope of reading").
  const readable = { ...readScopeOf(ctx.actor.grants, 'report.read_item'), asOf: today };
  const result = await listObstacleRows(ctx.db, { ...rest, provinceIds, readable, today });
  return { ...result, items: result.items.map((o) => presentObstacle(o, today)), today };
}
