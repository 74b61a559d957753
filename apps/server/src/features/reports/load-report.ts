import {
  getReportPeriod,
  getUnitReport,
  getUnitScope,
  type ReportPeriodRow,
  type UnitReportRow,
} from '@dx/db';
import { AppError, isAllowed, localDateOf, type Permission, type ReportActor, said } from '@dx/domain';
import { authorizeProvince, authorizeUnit, type UseCaseContext } from '../../use-case/context';

/** A period the actor may read (or manage): 404 when unknown, 403 outside the actor's province. */
export async function loadPeriod(
  ctx: Pick<UseCaseContext, 'db' | 'actor'>,
  periodId: string,
  permission: Permission = 'report.read',
): Promise<ReportPeriodRow> {
  const period = await getReportPeriod(ctx.db, periodId);
  if (!period) throw new AppError('REPORT.PERIOD_NOT_FOUND', said('period.notFound'), { periodId });
  authorizeProvince(ctx, permission, period.provinceId);
  return period;
}

/** A report the actor may read, with its period. */
export async function loadReport(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'now'>,
  reportId: string,
): Promise<{ report: UnitReportRow; period: ReportPeriodRow }> {
  const report = await getUnitReport(ctx.db, reportId);
  if (!report) throw new AppError('REPORT.NOT_FOUND', said('report.notFound'), { reportId });
  // A unit officer reads its own subtree's reports (docs/security.md "Scope of reading").
  await authorizeUnit(ctx, 'report.read_item', report.unitId);
  const period = (await getReportPeriod(ctx.db, report.periodId))!;
  return { report, period };
}

/** What the actor may do with a unit's report: write it (its officers) and/or review it (the DX office). */
export async function reportActorFor(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'now'>,
  unitId: string,
  provinceId: string,
): Promise<ReportActor> {
  const scope = await getUnitScope(ctx.db, unitId, localDateOf(ctx.now));
  return {
    canWrite:
      !!scope && scope.provinceId === provinceId && isAllowed(ctx.actor.grants, 'report.write', scope),
    canReview: isAllowed(ctx.actor.grants, 'report.manage', { provinceId, path: [provinceId] }),
  };
}
