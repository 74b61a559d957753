import { getGrants, listUsers as queryUsers } from '@dx/db';
import { AppError, hasPermissionAnywhere, provincesFor } from '@dx/domain';
import type { UseCaseContext } from '../../http/context';

/** Accounts holding grants in the provinces the administrator manages (all, for a system administrator). */
export async function listUsers({ ctx, q, limit, offset }: { ctx: UseCaseContext; q?: string; limit: number; offset: number }) {
  if (!hasPermissionAnywhere(ctx.actor.grants, 'user.read')) throw new AppError('AUTH.FORBIDDEN', 'Chỉ quản trị viên xem được danh sách tài khoản');
  const result = await queryUsers(ctx.db, { q, provinceIds: provincesFor(ctx.actor.grants, 'user.read'), limit, offset });
  const grants = await getGrants(ctx.db, result.items.map((u) => u.id));
  return { items: result.items.map((u) => ({ user: u, grants: grants.get(u.id) ?? [] })), total: result.total };
}
