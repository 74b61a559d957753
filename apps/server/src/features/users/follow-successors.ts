import {
  deleteUserSessions,
  type EndedGrantUnit,
  endedGrantUnits,
  findUserById,
  type GrantRow,
  getGrants,
  replaceGrants,
  updateUser as updateUserRow,
} from '@dx/db';
import { AppError, localDateOf, type Role, said, worded } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { assertCanGrant, assertCanManage, canManageUser } from './user-access';
import { presentUser } from './users.presenter';

/** The ended units among the grants' units as of today, with the unit standing for each (issue 15). */
export async function endedGrantsOf(
  ctx: UseCaseContext,
  grants: GrantRow[],
): Promise<Map<string, EndedGrantUnit>> {
  return endedGrantUnits(
    ctx.db,
    grants.flatMap((g) => (g.unitId ? [g.unitId] : [])),
    localDateOf(ctx.now),
  );
}

/**
 * Moves every grant of an account on a unit that has ended to the unit standing for it today (issue 15: "when a
 * reorganisation ends a unit that users are granted on, the administrator … can move their grants to the successor
 * in one step (audited)"). The role stays; a grant that would repeat one the account already has is merged into it.
 * A grant whose unit ended without a successor is left for the administrator to change by hand. The account's
 * version guards a stale screen (409 with the account as it is); its sessions end, as on any change of grants.
 */
export async function followSuccessors({
  ctx,
  userId,
  version,
}: {
  ctx: UseCaseContext;
  userId: string;
  version: number;
}) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('USER.NOT_FOUND', said('user.notFound'), { userId });
  const before = (await getGrants(ctx.db, [userId])).get(userId) ?? [];
  await assertCanManage(ctx, before, 'user.write');
  const ended = await endedGrantsOf(ctx, before);
  const moved = before.flatMap((g) => {
    const e = g.unitId ? ended.get(g.unitId) : undefined;
    return e?.successorId ? [{ role: g.role, from: g.unitId!, to: e.successorId }] : [];
  });
  if (moved.length === 0)
    throw new AppError('VALIDATION.FAILED', said('user.noGrantsToFollow'), {
      issues: [{ path: ['params', 'userId'], ...worded('user.nothingToMove') }],
    });
  const next = before.map((g) => {
    const m = moved.find((x) => x.role === g.role && x.from === g.unitId);
    return { role: g.role, unitId: m ? m.to : g.unitId };
  });
  const key = (g: { role: string; unitId: string | null }) => `${g.role}|${g.unitId ?? '*'}`;
  const grants = [...new Map(next.map((g) => [key(g), g])).values()];
  await assertCanGrant(ctx, grants, { held: before });
  return inTransaction(ctx, async (tx) => {
    const updated = await updateUserRow(tx, userId, version, {});
    if (!updated) {
      const current = (await findUserById(tx, userId))!;
      throw versionConflict(presentUser(current, (await getGrants(tx, [userId])).get(userId) ?? [], ctx.now));
    }
    await replaceGrants(tx, userId, grants);
    await deleteUserSessions(tx, userId);
    const after = (await getGrants(tx, [userId])).get(userId) ?? [];
    await audit(tx, ctx, {
      action: 'user.grants_follow_successors',
      entityType: 'user',
      entityId: userId,
      provinceId: after.find((g) => g.provinceId)?.provinceId ?? null,
      before: { grants: before.map(({ role, unitId }) => ({ role, unitId })) },
      after: { grants: after.map(({ role, unitId }) => ({ role, unitId })), moved },
    });
    return { user: updated, grants: after };
  });
}

/**
 * In the caller's transaction (a reorganisation that has just ended units, issue 15): moves each account's grants on
 * the ended units to the unit standing for each — role kept, repeats merged, sessions ended, audited per account as
 * user.grants_follow_successors with the reorganisation. An account the administrator does not manage, or a unit
 * with no successor, is left as it is (the account is flagged on the users screen). Returns who moved and who not.
 */
export async function moveGrantsAfterReorganisation(
  tx: UseCaseContext['db'],
  ctx: UseCaseContext,
  o: { userIds: string[]; ended: Map<string, EndedGrantUnit>; reorganisationId: string },
): Promise<{ moved: string[]; left: string[] }> {
  const grantsOf = await getGrants(tx, o.userIds);
  const moved: string[] = [];
  const left: string[] = [];
  for (const userId of o.userIds) {
    const before = grantsOf.get(userId) ?? [];
    const moves = before.flatMap((g) => {
      const e = g.unitId ? o.ended.get(g.unitId) : undefined;
      return e?.successorId ? [{ role: g.role as Role, from: g.unitId!, to: e.successorId }] : [];
    });
    if (moves.length === 0 || !(await canManageUser({ ...ctx, db: tx }, before))) {
      left.push(userId);
      continue;
    }
    const next = before.map((g) => {
      const m = moves.find((x) => x.role === g.role && x.from === g.unitId);
      return { role: g.role, unitId: m ? m.to : g.unitId };
    });
    const key = (g: { role: string; unitId: string | null }) => `${g.role}|${g.unitId ?? '*'}`;
    await replaceGrants(tx, userId, [...new Map(next.map((g) => [key(g), g])).values()]);
    // The account's version moves on, so a form opened before answers 409 with the grants as they now are.
    const current = await findUserById(tx, userId);
    if (current) await updateUserRow(tx, userId, current.version, {});
    await deleteUserSessions(tx, userId);
    const after = (await getGrants(tx, [userId])).get(userId) ?? [];
    await audit(tx, ctx, {
      action: 'user.grants_follow_successors',
      entityType: 'user',
      entityId: userId,
      provinceId: after.find((g) => g.provinceId)?.provinceId ?? null,
      before: { grants: before.map(({ role, unitId }) => ({ role, unitId })) },
      after: {
        grants: after.map(({ role, unitId }) => ({ role, unitId })),
        moved: moves,
        reorganisationId: o.reorganisationId,
      },
    });
    moved.push(userId);
  }
  return { moved, left };
}
