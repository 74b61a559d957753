import { getGrants, listUsers as queryUsers, throttledUsernames } from '@dx/db';
import { AppError, hasPermissionAnywhere, localDateOf, provincesFor, said } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { canManageUser } from './user-access';

/**
 * Accounts the administrator manages: every grant of the account within the administrator's scope (all accounts,
 * for a system administrator) — the same rule that opening or editing one applies.
 */
export async function listUsers({
  ctx,
  q,
  endedGrants,
  grantedOn,
  limit,
  offset,
}: {
  ctx: UseCaseContext;
  q?: string;
  /** 'true': only accounts granted on a unit that has ended by today (issue 15). */
  endedGrants?: 'true' | 'false';
  /** Only accounts granted on one of these units (the reorganisation form, issue 15). */
  grantedOn?: string[];
  limit: number;
  offset: number;
}) {
  if (!hasPermissionAnywhere(ctx.actor.grants, 'user.read'))
    throw new AppError('AUTH.FORBIDDEN', said('access.adminOnlyUsers'));
  const provinceIds = provincesFor(ctx.actor.grants, 'user.read');
  const endedGrantsOn = endedGrants === 'true' ? localDateOf(ctx.now) : undefined;
  // Administrators of whole provinces (or of all): the query's province filter is exactly their scope.
  const wholeProvinces = ctx.actor.grants.every(
    (g) => g.role !== 'administrator' || g.unitId === null || g.unitId === g.provinceId,
  );
  if (wholeProvinces) {
    const result = await queryUsers(ctx.db, { q, provinceIds, endedGrantsOn, grantedOn, limit, offset });
    const grants = await getGrants(
      ctx.db,
      result.items.map((u) => u.id),
    );
    const locked = await throttledUsernames(
      ctx.db,
      result.items.map((u) => u.username),
      ctx.now,
    );
    return {
      items: result.items.map((u) => ({
        user: u,
        grants: grants.get(u.id) ?? [],
        locked: locked.has(u.username.toLowerCase()),
      })),
      total: result.total,
    };
  }
  // An administrator of part of a province (a district): the province's accounts, kept when within its subtree.
  const candidates = await queryUsers(ctx.db, {
    q,
    provinceIds,
    endedGrantsOn,
    grantedOn,
    limit: 100_000,
    offset: 0,
  });
  const grants = await getGrants(
    ctx.db,
    candidates.items.map((u) => u.id),
  );
  const seen = new Map<string, boolean>();
  const managed = [];
  for (const user of candidates.items) {
    const own = grants.get(user.id) ?? [];
    if (await canManageUser(ctx, own, seen)) managed.push({ user, grants: own });
  }
  const page = managed.slice(offset, offset + limit);
  const locked = await throttledUsernames(
    ctx.db,
    page.map((m) => m.user.username),
    ctx.now,
  );
  return {
    items: page.map((m) => ({ ...m, locked: locked.has(m.user.username.toLowerCase()) })),
    total: managed.length,
  };
}
