import { getDataItem, updateDataItemRow } from '@dx/db';
import type { DataItemPatch } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { checkDataItemRefs, loadDataItemFor } from './check-data-item';
import { presentDataItem } from './data-items.presenter';

/** The DX office changes an item (its code stays: targets refer to it); a stale version is a 409 with the item. */
export async function updateDataItem({
  ctx,
  itemId,
  input,
}: {
  ctx: UseCaseContext;
  itemId: string;
  input: DataItemPatch;
}) {
  const item = await loadDataItemFor(ctx, itemId);
  const { version, ...patch } = input;
  await checkDataItemRefs(ctx.db, item.provinceId, { ...patch, itemId });
  if (item.version !== version) throw versionConflict(presentDataItem(item));
  return inTransaction(ctx, async (tx) => {
    const row = await updateDataItemRow(tx, itemId, version, patch);
    if (!row) throw versionConflict(presentDataItem((await getDataItem(tx, itemId))!));
    await audit(tx, ctx, {
      action: 'data_item.update',
      entityType: 'data_item',
      entityId: itemId,
      provinceId: item.provinceId,
      before: presentDataItem(item),
      after: presentDataItem(row),
    });
    return presentDataItem(row);
  });
}
