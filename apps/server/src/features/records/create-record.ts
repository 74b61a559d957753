import { getRecordLinks, insertRecord } from '@dx/db';
import type { RecordInput, RecordType } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { authorizeRecordWrite, checkReferences, columnsOf, ownerOf } from './record-access';
import { saveRecordLinks } from './save-record-links';

/** Records what a unit did (a publication, a channel, a training…), in its own unit's scope. */
export async function createRecord<K extends RecordType>({
  ctx,
  type,
  input,
}: {
  ctx: UseCaseContext;
  type: K;
  input: RecordInput<K>;
}) {
  const owner = await ownerOf(ctx, type, input);
  const provinceId = await authorizeRecordWrite(ctx, owner.unitId, owner.field);
  const values = input as Record<string, unknown>;
  await checkReferences(ctx, type, values, provinceId);
  return inTransaction(ctx, async (tx) => {
    const extra =
      type === 'publication' ? { unitId: owner.unitId } : type === 'unit_plan' ? { status: 'submitted' } : {};
    const row = await insertRecord(tx, type, {
      ...columnsOf(values),
      ...extra,
      provinceId,
      createdBy: ctx.actor.userId,
    });
    await saveRecordLinks(tx, type, row.id, provinceId, values);
    await audit(tx, ctx, {
      action: `${type}.create`,
      entityType: type,
      entityId: row.id,
      provinceId,
      after: values,
    });
    return { row, links: await getRecordLinks(tx, type, row.id) };
  });
}
