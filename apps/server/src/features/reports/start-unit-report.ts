import { ensureUnitReport, insertReportEvent, isUnitRequired } from '@dx/db';
import { AppError, decideReport, said } from '@dx/domain';
import { audit, authorizeUnit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { reportView } from './get-unit-report';
import { loadPeriod, reportActorFor } from './load-report';
import { presentReport } from './reports.presenter';

/**
 * A unit starts its report for a period (idempotent: a second call returns the same draft). Only a unit required
 * to report may; the period must be open.
 */
export async function startUnitReport({
  ctx,
  periodId,
  unitId,
}: {
  ctx: UseCaseContext;
  periodId: string;
  unitId: string;
}) {
  const period = await loadPeriod(ctx, periodId);
  const scope = await authorizeUnit(ctx, 'report.write', unitId);
  if (scope.provinceId !== period.provinceId)
    throw new AppError('AUTH.FORBIDDEN', said('unit.notInPeriodProvince'));
  if (!(await isUnitRequired(ctx.db, periodId, unitId)))
    throw new AppError('REPORT.NOT_REQUIRED', said('report.unitNotRequired'), {
      periodId,
      unitId,
    });
  const decision = decideReport(
    { status: 'draft', periodOpen: period.status === 'open' },
    { type: 'save' },
    await reportActorFor(ctx, unitId, period.provinceId),
  );
  if (!decision.ok) throw new AppError(decision.code, decision.message);
  const report = await inTransaction(ctx, async (tx) => {
    const { report, created } = await ensureUnitReport(tx, {
      periodId,
      provinceId: period.provinceId,
      unitId,
    });
    if (created) {
      await insertReportEvent(tx, {
        reportId: report.id,
        provinceId: period.provinceId,
        action: 'save',
        statusFrom: null,
        statusTo: 'draft',
        comment: null,
        actorUserId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        at: ctx.now,
      });
      await audit(tx, ctx, {
        action: 'unit_report.create',
        entityType: 'unit_report',
        entityId: report.id,
        provinceId: period.provinceId,
        after: presentReport(report),
      });
    }
    return report;
  });
  return reportView(ctx, period, unitId, report);
}
