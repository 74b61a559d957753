import {
  type Db,
  type Epochs,
  getPlanRow,
  getUnitScope,
  insertAudit,
  type ReadScope,
  refreshRollups,
} from '@dx/db';
import { AppError, type Grant, isAllowed, localDateOf, type Permission, readScopeOf, said } from '@dx/domain';

/** The signed-in user acting on a request. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  grants: Grant[];
  tokenHash: string;
  csrfToken: string;
  /** The data epochs read with the session: what a read may reuse from this process's memory (queries/epochs.ts). */
  epochs?: Epochs;
};

/** What every use case receives: the database, who acts, when, and where the request came from. */
export type UseCaseContext = { db: Db; actor: Actor; now: Date; requestId: string; ip: string };

const forbidden = () => new AppError('AUTH.FORBIDDEN', said('access.unit'));

/** Authorises an action on a unit by role and org-unit scope; a unit that does not exist is a 404. */
export async function authorizeUnit(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'now'>,
  permission: Permission,
  unitId: string,
) {
  const scope = await getUnitScope(ctx.db, unitId, localDateOf(ctx.now));
  if (!scope) throw new AppError('ORG_UNIT.NOT_FOUND', said('unit.notFound'), { unitId });
  if (!isAllowed(ctx.actor.grants, permission, scope)) throw forbidden();
  return scope;
}

/** Authorises an action on a whole province (lists, groups, audit of a province). */
export function authorizeProvince(
  ctx: Pick<UseCaseContext, 'actor'>,
  permission: Permission,
  provinceId: string,
): void {
  if (!isAllowed(ctx.actor.grants, permission, { provinceId, path: [provinceId] })) throw forbidden();
}

/**
 * The rows of `provinceId` a list read under `permission` may return: undefined when the actor reads the whole
 * province, else its subtrees there as of today (a unit officer's, docs/security.md "Scope of reading").
 */
export function readableIn(
  ctx: Pick<UseCaseContext, 'actor' | 'now'>,
  permission: Permission,
  provinceId: string,
): ReadScope | undefined {
  if (isAllowed(ctx.actor.grants, permission, { provinceId, path: [provinceId] })) return undefined;
  return { ...readScopeOf(ctx.actor.grants, permission), asOf: localDateOf(ctx.now) };
}

/** Appends to the audit trail inside the use case's transaction: every write is audited (docs/architecture.md § Access). */
export async function audit(
  tx: Db,
  ctx: UseCaseContext,
  entry: {
    action: string;
    entityType: string;
    entityId: string | null;
    provinceId: string | null;
    before?: unknown;
    after?: unknown;
  },
) {
  return insertAudit(tx, {
    ...entry,
    actorUserId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

/**
 * The one transaction of a use case (docs/architecture.md: one transaction per use case): runs `work`, then, last
 * and exactly once, brings the targets' rollups up to everything the transaction wrote (issue 13,
 * packages/db/src/queries/rollups.ts refreshRollups) — the triggers of migration 0022 noted which rows changed, so a
 * transaction that changed no record costs one indexed lookup. Use cases open their transaction only through this
 * (use-case/transaction.test.ts), so no write path can commit records without their rollups.
 */
export function inTransaction<T>(
  ctx: Pick<UseCaseContext, 'db' | 'now'>,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    const result = await work(tx);
    await refreshRollups(tx, localDateOf(ctx.now));
    return result;
  });
}

/** 409 with the record as it is now, so the client can show it and nothing the user typed is lost. */
export function versionConflict(current: unknown): AppError {
  return new AppError('RESOURCE.VERSION_CONFLICT', said('record.versionConflict'), {
    current,
  });
}

/** Loads a plan and checks the actor may act on its province with `permission`; a missing plan is PLAN.NOT_FOUND. */
export async function loadPlanFor(ctx: UseCaseContext, planId: string, permission: Permission) {
  const plan = await getPlanRow(ctx.db, planId);
  if (!plan) throw new AppError('PLAN.NOT_FOUND', said('plan.notFound'), { planId });
  authorizeProvince(ctx, permission, plan.provinceId);
  return plan;
}
