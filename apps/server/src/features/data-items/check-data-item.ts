import { type DataItemRow, type Db, getDataItem } from '@dx/db';
import { AppError, ORG_UNIT_KINDS, said, validationError, worded } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** An item the actor may change (plan.write over its province: the DX office); DATA_ITEM.NOT_FOUND when unknown. */
export async function loadDataItemFor(ctx: UseCaseContext, itemId: string): Promise<DataItemRow> {
  const item = await getDataItem(ctx.db, itemId);
  if (!item) throw new AppError('DATA_ITEM.NOT_FOUND', said('dataItem.notFound'), { itemId });
  authorizeProvince(ctx, 'plan.write', item.provinceId);
  return item;
}

/**
 * What the schema cannot check alone: unit kinds the platform knows, and a population item of the same province
 * that is not the item itself (people reached ≤ the commune's population: the population is another item).
 */
export async function checkDataItemRefs(
  db: Db,
  provinceId: string,
  f: { itemId?: string; reportingUnitKinds?: string[]; populationItemId?: string | null },
): Promise<void> {
  const issues: { path: (string | number)[]; message: string }[] = [];
  (f.reportingUnitKinds ?? []).forEach((k, i) => {
    if (!(ORG_UNIT_KINDS as readonly string[]).includes(k))
      issues.push({
        path: ['body', 'reportingUnitKinds', i],
        ...worded('dataItem.unknownKind', { kind: k }),
      });
  });
  if (f.populationItemId) {
    const pop = await getDataItem(db, f.populationItemId);
    if (!pop || pop.provinceId !== provinceId || pop.id === f.itemId)
      issues.push({
        path: ['body', 'populationItemId'],
        ...worded('dataItem.totalOtherItem'),
      });
  }
  if (issues.length > 0) throw validationError(issues[0]!.message, issues);
}
