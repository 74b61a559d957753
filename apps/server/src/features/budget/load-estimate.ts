import { type EstimateRow, getEstimate, getPlanRow, getSettingRow, getUnitScope } from '@dx/db';
import {
  AppError,
  type ApprovalActor,
  type ApprovalChain,
  type ApprovalColumns,
  approvalStateOf,
  budgetChainSettingKey,
  chainFromSetting,
  defaultBudgetChainOf,
  isAllowed,
  localDateOf,
  type Permission,
  said,
} from '@dx/domain';
import { authorizeProvince, authorizeUnit, type UseCaseContext } from '../../use-case/context';
import { provinceSettingsInForce } from '../provinces/settings-in-force';

/**
 * Loads an estimate and checks the actor may act on its province with `permission`; reading one
 * (`budget.read_item`) is checked on the estimate's unit, since a unit officer reads only its own subtree's
 * estimates (docs/security.md "Scope of reading").
 */
export async function loadEstimateFor(ctx: UseCaseContext, estimateId: string, permission: Permission) {
  const estimate = await getEstimate(ctx.db, estimateId);
  if (!estimate) throw new AppError('BUDGET.NOT_FOUND', said('budget.notFound'), { estimateId });
  if (permission === 'budget.read_item') await authorizeUnit(ctx, permission, estimate.unitId);
  else authorizeProvince(ctx, permission, estimate.provinceId);
  return estimate;
}

/**
 * The province's approval chain (setting `budget.approval_chain:<provinceId>`), or plan 54's default road in the
 * province's words in force today (its DX office's agency, "UBND tỉnh"/"UBND thành phố": issue 15).
 */
export async function loadChain(
  ctx: Pick<UseCaseContext, 'db' | 'now'>,
  provinceId: string,
): Promise<{ chain: ApprovalChain; version: number; isDefault: boolean; defaultChain: ApprovalChain }> {
  const row = await getSettingRow(ctx.db, budgetChainSettingKey(provinceId));
  const defaultChain = defaultBudgetChainOf(
    await provinceSettingsInForce(ctx.db, provinceId, localDateOf(ctx.now)),
  );
  return {
    chain: chainFromSetting(row?.value, defaultChain),
    version: row?.version ?? 0,
    isDefault: !row,
    defaultChain,
  };
}

/**
 * Who acts, as the road sees it: only the grants in the estimate's province count (the chain names roles and units,
 * not provinces), and the actor "owns" the estimate when a unit-officer grant covers its unit.
 */
export async function approvalActorFor(
  ctx: UseCaseContext,
  estimate: EstimateRow,
): Promise<ApprovalActor & { canEdit: boolean }> {
  const scope = await getUnitScope(ctx.db, estimate.unitId, localDateOf(ctx.now));
  const grants = ctx.actor.grants.filter((g) => g.provinceId === estimate.provinceId || g.unitId === null);
  const officerGrants = grants.filter((g) => g.role === 'unit_officer');
  const ownsSubject = !!scope && isAllowed(officerGrants, 'budget.write', scope);
  const canWrite = !!scope && isAllowed(ctx.actor.grants, 'budget.write', scope);
  return {
    grants,
    ownsSubject,
    canEdit: canWrite && (estimate.status === 'draft' || estimate.status === 'returned'),
  };
}

/** The road's state of a stored estimate. */
export const stateOf = (e: EstimateRow) =>
  approvalStateOf({
    status: e.status as ApprovalColumns['status'],
    round: e.round,
    stepIndex: e.stepIndex,
    returnedFromStep: e.returnedFromStep,
    returnReason: e.returnReason,
  });
