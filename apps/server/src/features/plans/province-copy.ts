import { listProvinces, listUnitGroups, provinceUnitsOn, unitNamesOn } from '@dx/db';
import {
  AppError,
  copyPlanToProvince,
  type FieldIssue,
  issuerForProvince,
  localDateOf,
  type PlanDocument,
  type PlanDocumentInput,
  planGroupCodes,
  planUnitIds,
  said,
  suggestUnitMapping,
  type UnitInfo,
  worded,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { loadAuthorizedPlan } from './load-plan';

async function provinceName(ctx: UseCaseContext, provinceId: string, asOf: string): Promise<string> {
  const province = (await listProvinces(ctx.db, asOf)).find((p) => p.unitId === provinceId);
  if (!province) throw new AppError('ORG_UNIT.NOT_FOUND', said('province.notFound'), { provinceId });
  return province.name;
}

/**
 * How a plan's units and groups map onto another province (issue 17 "a template across provinces"): each unit
 * the plan names with the target's unit of the same kind and name, or none and the choices; each group code and
 * whether the target has it. Reading the source needs plan.read there; the target needs plan.write.
 */
export async function planCopyMapping(
  ctx: UseCaseContext,
  input: { copyFromPlanId: string; provinceId: string; year?: number | undefined },
) {
  authorizeProvince(ctx, 'plan.write', input.provinceId);
  const source = await loadAuthorizedPlan(ctx, input.copyFromPlanId, 'plan.read');
  return mappingFor(ctx, source.document, source.row.provinceId, input.provinceId, input.year);
}

async function mappingFor(
  ctx: UseCaseContext,
  doc: PlanDocument,
  fromProvinceId: string,
  toProvinceId: string,
  year?: number,
) {
  const today = localDateOf(ctx.now);
  // The target's units as they stand in the plan's year (its last day, or today for this year and later).
  const asOf = year !== undefined && `${year}-12-31` < today ? `${year}-12-31` : today;
  const ids = planUnitIds(doc);
  const names = await unitNamesOn(ctx.db, ids, today);
  const source: UnitInfo[] = ids.map((unitId) => ({
    unitId,
    name: names.get(unitId)?.name ?? unitId,
    kind: names.get(unitId)?.kind ?? 'other',
  }));
  const [fromName, toName, target, groups] = await Promise.all([
    provinceName(ctx, fromProvinceId, `${doc.year}-12-31` < today ? `${doc.year}-12-31` : today),
    provinceName(ctx, toProvinceId, asOf),
    provinceUnitsOn(ctx.db, toProvinceId, asOf),
    listUnitGroups(ctx.db, toProvinceId, asOf),
  ]);
  const fromPlace = issuerForProvince(fromName).place;
  const to = issuerForProvince(toName);
  const codes = new Set(groups.map((g) => g.code));
  return {
    units: suggestUnitMapping(source, target, { fromPlace, toPlace: to.place }),
    groups: planGroupCodes(doc).map((code) => ({ code, exists: codes.has(code) })),
    targetGroups: groups.map((g) => ({ code: g.code, name: g.name })),
    fromPlace,
    to,
  };
}

/**
 * The draft of a plan copied into another province: the user's choices over the suggestions; whatever is still
 * unmapped is a VALIDATION.FAILED listing each unit and group (with the mapping, for the dialog to ask about).
 */
export async function draftForProvince(
  ctx: UseCaseContext,
  source: PlanDocument,
  fromProvinceId: string,
  input: {
    provinceId: string;
    year: number;
    title?: string | undefined;
    unitMap?: Record<string, string | null> | undefined;
    groupMap?: Record<string, string | null> | undefined;
  },
): Promise<PlanDocumentInput> {
  const m = await mappingFor(ctx, source, fromProvinceId, input.provinceId, input.year);
  const issues: FieldIssue[] = [];
  const unitMap = new Map<string, UnitInfo | null>();
  for (const row of m.units) {
    const chosen = input.unitMap?.[row.unitId];
    if (chosen === null) unitMap.set(row.unitId, null);
    else if (chosen !== undefined) {
      const unit = row.candidates.find((c) => c.unitId === chosen);
      if (unit) unitMap.set(row.unitId, unit);
      else
        issues.push({
          path: ['body', 'unitMap', row.unitId],
          ...worded('plan.copyChooseSameKind', { name: row.name }),
        });
    } else if (row.suggestion) unitMap.set(row.unitId, row.suggestion);
    else
      issues.push({
        path: ['body', 'unitMap', row.unitId],
        ...worded('plan.copyUnitUnmapped', { name: row.name }),
      });
  }
  const codes = new Set(m.targetGroups.map((g) => g.code));
  const groupMap = new Map<string, string | null>();
  for (const g of m.groups) {
    const chosen = input.groupMap?.[g.code];
    if (chosen === null) groupMap.set(g.code, null);
    else if (chosen !== undefined && codes.has(chosen)) groupMap.set(g.code, chosen);
    else if (!g.exists)
      issues.push({
        path: ['body', 'groupMap', g.code],
        ...worded('plan.copyGroupMissing', { group: g.code }),
      });
  }
  // A target is about a group: it cannot be dropped, only re-mapped.
  for (const t of source.targets)
    if (t.subject.type === 'unit_group' && groupMap.get(t.subject.unitGroupCode) === null)
      issues.push({
        path: ['body', 'groupMap', t.subject.unitGroupCode],
        ...worded('plan.copyTargetGroup', { letter: t.letter, group: t.subject.unitGroupCode }),
      });
  if (issues.length)
    throw new AppError('VALIDATION.FAILED', said('plan.copyUnmapped'), {
      issues,
      mapping: { units: m.units, groups: m.groups, targetGroups: m.targetGroups },
    });
  return copyPlanToProvince(source, {
    year: input.year,
    title: input.title,
    fromPlace: m.fromPlace,
    toPlace: m.to.place,
    committee: m.to.issuerName,
    unitMap,
    groupMap,
  });
}
