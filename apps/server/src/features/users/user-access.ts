import { type GrantRow, getUnitScope } from '@dx/db';
import { AppError, canGrant, localDateOf, type Role, said, worded } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';

const forbidden = (message = 'Bạn không có quyền quản lý tài khoản này') =>
  new AppError('AUTH.FORBIDDEN', message);

/** An administrator manages a user only when every grant the user holds is within the administrator's scope. */
export async function assertCanManage(
  ctx: UseCaseContext,
  grants: GrantRow[],
  permission: 'user.read' | 'user.write',
) {
  if (!ctx.actor.grants.some((g) => g.role === 'administrator')) throw forbidden();
  for (const g of grants) {
    if (!(await canManageGrant(ctx, g, permission))) throw forbidden();
  }
}

async function canManageGrant(
  ctx: UseCaseContext,
  g: { role: Role; unitId: string | null },
  _permission: string,
) {
  if (g.unitId === null) return canGrant(ctx.actor.grants, g, null);
  const scope = await getUnitScope(ctx.db, g.unitId, localDateOf(ctx.now));
  if (!scope) return false;
  return canGrant(ctx.actor.grants, g, scope);
}

/** True when the administrator manages an account holding these grants (`seen` caches answers per grant). */
export async function canManageUser(
  ctx: UseCaseContext,
  grants: { role: Role; unitId: string | null }[],
  seen = new Map<string, boolean>(),
): Promise<boolean> {
  if (!ctx.actor.grants.some((g) => g.role === 'administrator')) return false;
  for (const g of grants) {
    const key = `${g.role}|${g.unitId}`;
    if (!seen.has(key)) seen.set(key, await canManageGrant(ctx, g, 'user.read'));
    if (!seen.get(key)) return false;
  }
  return true;
}

/** Each requested grant must name an existing unit inside the administrator's scope. */
export async function assertCanGrant(ctx: UseCaseContext, grants: { role: Role; unitId: string | null }[]) {
  if (!ctx.actor.grants.some((g) => g.role === 'administrator'))
    throw forbidden('Chỉ quản trị viên được cấp quyền');
  for (const [i, g] of grants.entries()) {
    if (g.unitId !== null && !(await getUnitScope(ctx.db, g.unitId, localDateOf(ctx.now)))) {
      throw new AppError('VALIDATION.FAILED', said('user.grantUnitMissing'), {
        issues: [{ path: ['body', 'grants', i, 'unitId'], ...worded('unit.notFound') }],
      });
    }
    if (!(await canManageGrant(ctx, g, 'user.write'))) {
      throw forbidden(
        g.unitId === null
          ? 'Chỉ quản trị hệ thống được cấp quyền trên mọi tỉnh'
          : 'Đơn vị được phân quyền nằm ngoài phạm vi quản lý của bạn',
      );
    }
  }
}
