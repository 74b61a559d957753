import { getIssuedConsolidatedReport, getReportPeriod } from '@dx/db';
import {
  AppError,
  type ConsolidatedData,
  type ConsolidatedLayout,
  layoutConsolidatedReport,
  type ReportIssuer,
  said,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../../use-case/context';
import { buildConsolidatedReport } from './build-consolidated-report';

export type ConsolidatedReport = {
  data: ConsolidatedData;
  layout: ConsolidatedLayout;
  /** Set once the report is issued: from then on `data` and `layout` are the stored ones, never recomputed. */
  issued: { at: string; byName: string } | null;
};

/**
 * The consolidated report of a period by one issuer: as issued (stored, frozen: issue 11 "frozen at submission …
 * the consolidated report follows the same rule") once it has been, else the live draft gathered now.
 */
export async function loadConsolidatedReport({
  ctx,
  periodId,
  issuer = 'committee',
}: {
  ctx: UseCaseContext;
  periodId: string;
  issuer?: ReportIssuer;
}): Promise<ConsolidatedReport> {
  const period = await getReportPeriod(ctx.db, periodId);
  if (!period) throw new AppError('REPORT.PERIOD_NOT_FOUND', said('period.notFound'), { periodId });
  authorizeProvince(ctx, 'report.read', period.provinceId);
  const stored = await getIssuedConsolidatedReport(ctx.db, periodId, issuer);
  if (stored)
    return {
      data: stored.data as ConsolidatedData,
      layout: stored.layout as ConsolidatedLayout,
      issued: { at: stored.issuedAt.toISOString(), byName: stored.issuedByName },
    };
  const data = await buildConsolidatedReport({ ctx, periodId, issuer });
  return { data, layout: layoutConsolidatedReport(data), issued: null };
}
