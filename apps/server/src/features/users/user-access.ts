import { endedGrantUnits, type GrantRow, getUnitScope } from '@dx/db';
import {
  AppError,
  canGrant,
  formatDateVi,
  localDateOf,
  type Role,
  said,
  validationError,
  worded,
} from '@dx/domain';
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

type GrantIn = { role: Role; unitId: string | null };

/**
 * Each requested grant must name an existing unit inside the administrator's scope, and a grant the account does not
 * already hold (`held`) a unit still in force today: a unit a reorganisation ended (merged away, dissolved) takes no
 * new grants — its successor does (issue 15) — unless the administrator says so (`allowEnded`: an account to enter
 * the records of a time before the reorganisation). A grant kept as it was stays, so the account can still be edited.
 */
export async function assertCanGrant(
  ctx: UseCaseContext,
  grants: GrantIn[],
  { held = [], allowEnded = false }: { held?: GrantIn[]; allowEnded?: boolean } = {},
) {
  if (!ctx.actor.grants.some((g) => g.role === 'administrator'))
    throw forbidden('Chỉ quản trị viên được cấp quyền');
  const key = (g: GrantIn) => `${g.role}|${g.unitId ?? '*'}`;
  const kept = new Set(held.map(key));
  const added = allowEnded
    ? []
    : grants.flatMap((g, i) => (g.unitId && !kept.has(key(g)) ? [{ i, unitId: g.unitId }] : []));
  const ended = await endedGrantUnits(
    ctx.db,
    added.map((a) => a.unitId),
    localDateOf(ctx.now),
  );
  const refused = added.filter((a) => ended.has(a.unitId));
  if (refused.length > 0) {
    throw validationError(
      'Không phân quyền mới trên đơn vị đã kết thúc',
      refused.map(({ i, unitId }) => {
        const e = ended.get(unitId)!;
        return {
          path: ['body', 'grants', i, 'unitId'],
          message: e.successorName
            ? `Đơn vị đã kết thúc từ ngày ${formatDateVi(e.endedOn)}; chọn đơn vị kế thừa: ${e.successorName}`
            : `Đơn vị đã kết thúc từ ngày ${formatDateVi(e.endedOn)}`,
        };
      }),
    );
  }
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
