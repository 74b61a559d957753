import { getRecord, updateRecord } from '@dx/db';
import { AppError, said, worded } from '@dx/domain';
import {
  audit,
  authorizeProvince,
  inTransaction,
  type UseCaseContext,
  versionConflict,
} from '../../use-case/context';
import { recordNotFound } from './record-access';

/** The DX office accepts or returns a unit's plan (Plan 54 I.2.a counts accepted plans only). */
export async function reviewUnitPlan({
  ctx,
  id,
  version,
  decision,
  note,
}: {
  ctx: UseCaseContext;
  id: string;
  version: number;
  decision: 'accept' | 'return';
  note: string | null;
}) {
  const before = await getRecord(ctx.db, 'unit_plan', id);
  if (!before) throw recordNotFound('unit_plan', id);
  authorizeProvince(ctx, 'unit_plan.review', before.provinceId);
  if (decision === 'return' && !note) {
    throw new AppError('VALIDATION.FAILED', said('unitPlan.returnReasonMissing'), {
      issues: [{ path: ['body', 'note'], ...worded('unitPlan.returnReasonField') }],
    });
  }
  if (before.status !== 'submitted') {
    throw new AppError('WORKFLOW.INVALID_TRANSITION', said('unitPlan.alreadyReviewed'), {
      status: before.status,
    });
  }
  return inTransaction(ctx, async (tx) => {
    const status = decision === 'accept' ? 'accepted' : 'returned';
    const row = await updateRecord(tx, 'unit_plan', id, version, {
      status,
      reviewNote: note,
      reviewedBy: ctx.actor.userId,
      reviewedAt: ctx.now,
    });
    if (!row) throw versionConflict(await getRecord(tx, 'unit_plan', id));
    await audit(tx, ctx, {
      action: `unit_plan.${decision}`,
      entityType: 'unit_plan',
      entityId: id,
      provinceId: before.provinceId,
      before,
      after: { status, note },
    });
    return row;
  });
}
