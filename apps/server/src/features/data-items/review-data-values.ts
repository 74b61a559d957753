import { getDataValues, updateDataValueRow } from '@dx/db';
import { AppError, type DataValuesReviewInput, type FieldIssue, validationError, worded } from '@dx/domain';
import { audit, inTransaction, type UseCaseContext, versionConflict } from '../../use-case/context';
import { loadPeriod } from '../reports/load-report';
import { presentDataValue } from './data-items.presenter';
import { columnsOfPeriod, decideValue, slotKey } from './unit-data-values';

/**
 * The DX office accepts or returns (with a comment) submitted values of a period from its grid, all or none in one
 * transaction. Accepted values feed targets (the indicator compiler reads only accepted ones).
 */
export async function reviewDataValues({
  ctx,
  periodId,
  input,
}: {
  ctx: UseCaseContext;
  periodId: string;
  input: DataValuesReviewInput;
}) {
  const period = await loadPeriod(ctx, periodId, 'report.manage');
  const asked = new Set((await columnsOfPeriod(ctx, period)).map((c) => slotKey(c.item.id, c.from)));
  const rows = new Map(
    (
      await getDataValues(
        ctx.db,
        input.values.map((v) => v.id),
      )
    ).map((r) => [r.id, r]),
  );
  const issues: FieldIssue[] = [];
  const actor = { canWrite: false, canReview: true };
  const open = period.status === 'open';
  for (const [i, v] of input.values.entries()) {
    const row = rows.get(v.id);
    if (
      !row ||
      row.provinceId !== period.provinceId ||
      !asked.has(slotKey(row.itemId, row.periodFrom)) ||
      row.periodTo > period.periodTo
    ) {
      issues.push({ path: ['body', 'values', i, 'id'], ...worded('dataItem.notInPeriod') });
      continue;
    }
    const d = decideValue(row.status, open, { type: input.action, comment: input.comment || 'x' }, actor);
    if (!d.ok)
      throw new AppError(d.code, d.message.replaceAll('báo cáo', 'số liệu'), {
        valueId: v.id,
        status: row.status,
      });
    if (row.version !== v.version) throw versionConflict(presentDataValue(row));
  }
  if (issues.length > 0) throw validationError(issues[0]!.message, issues);
  return inTransaction(ctx, async (tx) => {
    const out = [];
    for (const v of input.values) {
      const before = rows.get(v.id)!;
      const row = await updateDataValueRow(tx, v.id, v.version, {
        status: input.action === 'accept' ? 'accepted' : 'returned',
        reviewedAt: ctx.now,
        reviewedBy: ctx.actor.userId,
        reviewNote: input.comment || null,
      });
      if (!row) throw versionConflict(presentDataValue(before));
      out.push(presentDataValue(row));
    }
    await audit(tx, ctx, {
      action: `data_value.${input.action}`,
      entityType: 'data_value',
      entityId: null,
      provinceId: period.provinceId,
      before: input.values.map((v) => presentDataValue(rows.get(v.id)!)),
      after: out,
    });
    return { items: out };
  });
}
