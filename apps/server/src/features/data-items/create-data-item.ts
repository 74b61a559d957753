import { insertDataItem } from '@dx/db';
import { AppError, type DataItemInput, said, worded } from '@dx/domain';
import { audit, authorizeProvince, inTransaction, type UseCaseContext } from '../../use-case/context';
import { checkDataItemRefs } from './check-data-item';
import { presentDataItem } from './data-items.presenter';

/** The DX office defines a figure units report (issue 16 "Reported figures"). */
export async function createDataItem({ ctx, input }: { ctx: UseCaseContext; input: DataItemInput }) {
  const { provinceId, ...fields } = input;
  authorizeProvince(ctx, 'plan.write', provinceId);
  await checkDataItemRefs(ctx.db, provinceId, fields);
  return inTransaction(ctx, async (tx) => {
    const row = await insertDataItem(tx, {
      ...fields,
      nameEn: fields.nameEn || fields.nameVi,
      provinceId,
      createdBy: ctx.actor.userId,
    });
    if (!row)
      throw new AppError('RESOURCE.CONFLICT', said('dataItem.codeTakenNamed', { code: fields.code }), {
        issues: [{ path: ['body', 'code'], ...worded('dataItem.codeTaken') }],
      });
    await audit(tx, ctx, {
      action: 'data_item.create',
      entityType: 'data_item',
      entityId: row.id,
      provinceId,
      after: presentDataItem(row),
    });
    return presentDataItem(row);
  });
}
