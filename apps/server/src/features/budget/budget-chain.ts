import { getUnitScope, putSettingIfVersion, unitNameOf } from '@dx/db';
import {
  AppError,
  type ApprovalChain,
  budgetChainSettingKey,
  type FieldIssue,
  localDateOf,
  said,
  validationError,
  worded,
} from '@dx/domain';
import {
  audit,
  authorizeProvince,
  inTransaction,
  type UseCaseContext,
  versionConflict,
} from '../../use-case/context';
import { loadChain } from './load-estimate';

async function presentChain(ctx: UseCaseContext, provinceId: string) {
  const c = await loadChain(ctx, provinceId);
  const unitNames: Record<string, string> = {};
  for (const s of c.chain) if (s.unitId) unitNames[s.unitId] = await unitNameOf(ctx.db, s.unitId);
  return {
    provinceId,
    chain: c.chain,
    version: c.version,
    isDefault: c.isDefault,
    defaultChain: c.defaultChain,
    unitNames,
  };
}

/** The province's approval road for budget estimates (who acts at each step). */
export async function getBudgetChain({ ctx, provinceId }: { ctx: UseCaseContext; provinceId: string }) {
  await checkProvince(ctx, provinceId);
  authorizeProvince(ctx, 'budget.read', provinceId);
  return presentChain(ctx, provinceId);
}

async function checkProvince(ctx: UseCaseContext, provinceId: string) {
  const scope = await getUnitScope(ctx.db, provinceId, localDateOf(ctx.now));
  if (!scope) throw new AppError('ORG_UNIT.NOT_FOUND', said('province.notFound'), { provinceId });
  if (scope.provinceId !== provinceId)
    throw validationError(said('budget.chainNotProvince'), [
      { path: ['params', 'provinceId'], ...worded('budget.chainNotProvince') },
    ]);
}

/**
 * The province administrator sets the road without code changes (2025: the DX office moved from the Department of
 * Information and Communications to the Department of Science and Technology). A step's unit must be of the province.
 */
export async function setBudgetChain({
  ctx,
  provinceId,
  expectedVersion,
  chain,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  expectedVersion: number;
  chain: ApprovalChain;
}) {
  await checkProvince(ctx, provinceId);
  authorizeProvince(ctx, 'budget.configure', provinceId);
  const issues: FieldIssue[] = [];
  for (const [i, step] of chain.entries()) {
    if (!step.unitId) continue;
    const scope = await getUnitScope(ctx.db, step.unitId, localDateOf(ctx.now));
    if (!scope || scope.provinceId !== provinceId)
      issues.push({ path: ['chain', i, 'unitId'], ...worded('unit.notInProvince') });
  }
  if (issues.length) throw validationError(said('budget.chainInvalid'), issues);
  const before = await loadChain(ctx, provinceId);
  if (before.version !== expectedVersion) throw versionConflict(await presentChain(ctx, provinceId));
  const stale = await inTransaction(ctx, async (tx) => {
    const v = await putSettingIfVersion(
      tx,
      budgetChainSettingKey(provinceId),
      chain,
      expectedVersion,
      ctx.now,
    );
    if (v === null) return true;
    await audit(tx, ctx, {
      action: 'budget_chain.update',
      entityType: 'setting',
      entityId: budgetChainSettingKey(provinceId),
      provinceId,
      before: before.chain,
      after: chain,
    });
    return false;
  });
  if (stale) throw versionConflict(await presentChain(ctx, provinceId));
  return presentChain(ctx, provinceId);
}
