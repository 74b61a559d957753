import {
  ensureDefaultGroups,
  getCatalogueEntry,
  insertProvinceFromCatalogue,
  listProvincePeriods,
  lockForWrite,
} from '@dx/db';
import { AppError, defaultUnitGroups, levelsOfProvince, periodsOverlap, said } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';

/**
 * Adds a province from the national catalogue (issue 15): its unit with the official code, name, type and dates,
 * and the default unit groups. Only a system administrator (a grant over all provinces) adds provinces; a province
 * already added for an overlapping period is refused (409) instead of duplicated.
 */
export async function addProvince({ ctx, catalogueId }: { ctx: UseCaseContext; catalogueId: string }) {
  if (!ctx.actor.grants.some((g) => g.role === 'administrator' && g.unitId === null))
    throw new AppError('AUTH.FORBIDDEN', said('access.systemAdminAddProvince'));
  const entry = await getCatalogueEntry(ctx.db, catalogueId);
  if (!entry) throw new AppError('RESOURCE.NOT_FOUND', said('province.notInCatalogue'));
  return inTransaction(ctx, async (tx) => {
    // Two administrators adding the same province at once: the second waits, then finds it added.
    await lockForWrite(tx, `province:add:${entry.code}`);
    const existing = (await listProvincePeriods(tx)).find(
      (p) => p.code === entry.code && periodsOverlap(p, entry),
    );
    if (existing)
      throw new AppError('RESOURCE.CONFLICT', said('province.alreadyAdded', { name: entry.name }), {
        provinceId: existing.provinceId,
      });
    const { provinceId, reorganisationId } = await insertProvinceFromCatalogue(tx, entry, ctx.actor.userId);
    const groups = await ensureDefaultGroups(tx, provinceId, defaultUnitGroups(levelsOfProvince(entry)));
    await audit(tx, ctx, {
      action: 'province.create',
      entityType: 'org_unit',
      entityId: provinceId,
      provinceId,
      after: { catalogueId, code: entry.code, name: entry.name, reorganisationId, groups },
    });
    return { provinceId, code: entry.code, name: entry.name, groups };
  });
}
