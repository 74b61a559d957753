import { insertReportPeriod, replacePeriodUnits } from '@dx/db';
import type { CreateReportPeriodInput } from '@dx/domain';
import { audit, inTransaction, loadPlanFor, type UseCaseContext } from '../../use-case/context';
import { presentPeriod } from './reports.presenter';
import { resolveRequired } from './resolve-required';

/**
 * The DX office opens a reporting period for a plan (plan 54 V.1.a: units report their results periodically) and
 * chooses who must report; the required list is resolved and stored as of the period end.
 */
export async function createReportPeriod({
  ctx,
  input,
}: {
  ctx: UseCaseContext;
  input: CreateReportPeriodInput;
}) {
  const plan = await loadPlanFor(ctx, input.planId, 'report.manage');
  const required = await resolveRequired(ctx.db, {
    provinceId: plan.provinceId,
    groupIds: input.groupIds,
    unitIds: input.unitIds,
    asOf: input.periodTo,
  });
  const period = await inTransaction(ctx, async (tx) => {
    const row = await insertReportPeriod(tx, {
      planId: plan.id,
      provinceId: plan.provinceId,
      kind: input.kind,
      label: input.label.trim(),
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      dueDate: input.dueDate,
      requiredGroupIds: [...new Set(input.groupIds)],
      requiredUnitIds: [...new Set(input.unitIds)],
      note: input.note,
      createdBy: ctx.actor.userId,
    });
    await replacePeriodUnits(tx, row.id, plan.provinceId, required);
    await audit(tx, ctx, {
      action: 'report_period.create',
      entityType: 'report_period',
      entityId: row.id,
      provinceId: plan.provinceId,
      after: { ...presentPeriod(row), requiredUnits: required.length },
    });
    return row;
  });
  return presentPeriod(period, { required: required.length, submitted: 0, accepted: 0, returned: 0 });
}
