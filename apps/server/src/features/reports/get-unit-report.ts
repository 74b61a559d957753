import {
  findUnitReport,
  isUnitRequired,
  listReportEvents,
  type ReportPeriodRow,
  type UnitReportRow,
  unitNames,
} from '@dx/db';
import {
  AppError,
  availableReportCommands,
  decideReport,
  type ReportStatus,
  reportFigures,
  said,
} from '@dx/domain';
import { authorizeUnit, type UseCaseContext } from '../../use-case/context';
import { computeReportFigures } from './compute-report-figures';
import { loadPeriod, loadReport, reportActorFor } from './load-report';
import { presentEvent, presentPeriod, presentReport } from './reports.presenter';

/**
 * One unit's report for a period as its reader sees it: the narrative, the figures (live from the records while the
 * unit drafts or after a return; the submitted snapshot once submitted — what was submitted is what is reviewed),
 * the history of every step, the lock (who, when, why) and the actions the reader may take now.
 */
export async function reportView(
  ctx: UseCaseContext,
  period: ReportPeriodRow,
  unitId: string,
  report: UnitReportRow | null,
) {
  const actor = await reportActorFor(ctx, unitId, period.provinceId);
  const isRequired = await isUnitRequired(ctx.db, period.id, unitId);
  const names = await unitNames(ctx.db, [unitId], period.periodTo);
  const useSnapshot =
    report !== null &&
    report.figures !== null &&
    (report.status === 'submitted' || report.status === 'accepted');
  const figures = useSnapshot
    ? reportFigures.parse(report.figures)
    : await computeReportFigures({ ctx, period, unitId });
  const state = { status: (report?.status ?? 'draft') as ReportStatus, periodOpen: period.status === 'open' };
  return {
    period: presentPeriod(period),
    unit: { id: unitId, name: names.get(unitId) ?? '', isRequired },
    report: report ? presentReport(report) : null,
    figures,
    figuresSource: useSnapshot ? ('snapshot' as const) : ('live' as const),
    history: report ? (await listReportEvents(ctx.db, report.id)).map(presentEvent) : [],
    actions: report ? availableReportCommands(state, actor) : [],
    canStart: report === null && isRequired && decideReport(state, { type: 'save' }, actor).ok,
  };
}

/** A unit's report for a period (null report when the unit has not started it yet). */
export async function getUnitReportForPeriod({
  ctx,
  periodId,
  unitId,
}: {
  ctx: UseCaseContext;
  periodId: string;
  unitId: string;
}) {
  const period = await loadPeriod(ctx, periodId);
  const names = await unitNames(ctx.db, [unitId], period.periodTo);
  if (!names.has(unitId)) throw new AppError('ORG_UNIT.NOT_FOUND', said('unit.notFound'), { unitId });
  // A unit officer reads its own subtree's reports (docs/security.md "Scope of reading").
  await authorizeUnit(ctx, 'report.read_item', unitId);
  return reportView(ctx, period, unitId, await findUnitReport(ctx.db, periodId, unitId));
}

/** A report by id. */
export async function getUnitReport({ ctx, reportId }: { ctx: UseCaseContext; reportId: string }) {
  const { report, period } = await loadReport(ctx, reportId);
  return reportView(ctx, period, report.unitId, report);
}
