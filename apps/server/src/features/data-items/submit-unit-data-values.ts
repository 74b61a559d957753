import { moveUnitPeriodValues } from '@dx/db';
import { AppError, said } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { presentDataValue } from './data-items.presenter';
import { decideValue, loadUnitData, presentUnitData } from './unit-data-values';

/**
 * The unit sends its figures of the period for review without (or after) its report: a value returned alone is
 * corrected and sent again this way. The report's own submission sends them too (reports/report-step.ts).
 */
export async function submitUnitDataValues({
  ctx,
  periodId,
  unitId,
}: {
  ctx: UseCaseContext;
  periodId: string;
  unitId: string;
}) {
  const u = await loadUnitData(ctx, periodId, unitId);
  const open = u.period.status === 'open';
  const pending = [...u.values.values()].filter((v) => v.status === 'draft' || v.status === 'returned');
  for (const v of pending) {
    const d = decideValue(v.status, open, { type: 'submit' }, u.actor);
    if (!d.ok) throw new AppError(d.code, d.message, { itemId: v.itemId });
  }
  if (pending.length === 0) throw new AppError('WORKFLOW.INVALID_TRANSITION', said('dataItem.nothingToSend'));
  await inTransaction(ctx, async (tx) => {
    const moved = await moveUnitPeriodValues(tx, {
      provinceId: u.period.provinceId,
      unitId,
      periodFrom: u.period.periodFrom,
      periodTo: u.period.periodTo,
      itemIds: [...new Set(u.columns.map((c) => c.item.id))],
      from: ['draft', 'returned'],
      to: 'submitted',
      actorUserId: ctx.actor.userId,
      at: ctx.now,
      comment: null,
    });
    await audit(tx, ctx, {
      action: 'data_value.submit',
      entityType: 'data_value',
      entityId: unitId,
      provinceId: u.period.provinceId,
      after: moved.map(presentDataValue),
    });
  });
  return presentUnitData(await loadUnitData(ctx, periodId, unitId));
}
