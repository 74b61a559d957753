import { getIssuedConsolidatedReport, getReportPeriod, insertIssuedConsolidatedReport } from '@dx/db';
import { AppError, layoutConsolidatedReport, type ReportIssuer, said } from '@dx/domain';
import { audit, authorizeProvince, inTransaction, type UseCaseContext } from '../../../use-case/context';
import { buildConsolidatedReport } from './build-consolidated-report';
import type { ConsolidatedReport } from './load-consolidated-report';

const alreadyIssued = (periodId: string, issuer: string, at: Date) =>
  new AppError('RESOURCE.CONFLICT', said('consolidated.alreadyIssued'), {
    periodId,
    issuer,
    issuedAt: at.toISOString(),
  });

/**
 * The DX office issues the period's consolidated report (plan 54 V.1.a): its figures and words as gathered now are
 * stored and from then on served unchanged (issue 11: a report is frozen at submission, like unit reports), so a
 * record entered late, a reorganisation or a new wording changes the live draft of other periods only. Issued once
 * per period and issuer: a second issue is a conflict, never an overwrite.
 */
export async function issueConsolidatedReport({
  ctx,
  periodId,
  issuer,
}: {
  ctx: UseCaseContext;
  periodId: string;
  issuer: ReportIssuer;
}): Promise<ConsolidatedReport> {
  const period = await getReportPeriod(ctx.db, periodId);
  if (!period) throw new AppError('REPORT.PERIOD_NOT_FOUND', said('period.notFound'), { periodId });
  authorizeProvince(ctx, 'report.manage', period.provinceId);
  const existing = await getIssuedConsolidatedReport(ctx.db, periodId, issuer);
  if (existing) throw alreadyIssued(periodId, issuer, existing.issuedAt);
  const data = await buildConsolidatedReport({ ctx, periodId, issuer });
  const layout = layoutConsolidatedReport(data);
  const stored = await inTransaction(ctx, async (tx) => {
    const row = await insertIssuedConsolidatedReport(tx, {
      periodId,
      provinceId: period.provinceId,
      issuer,
      reportDate: data.date,
      figuresDate: data.figuresDate,
      data,
      layout,
      issuedAt: ctx.now,
      issuedBy: ctx.actor.userId,
      issuedByName: ctx.actor.displayName,
    });
    if (!row) return null;
    await audit(tx, ctx, {
      action: 'consolidated_report.issue',
      entityType: 'report_period',
      entityId: periodId,
      provinceId: period.provinceId,
      after: { issuer, reportDate: data.date, figuresDate: data.figuresDate, subject: layout.subject },
    });
    return row;
  });
  // Two issues at once: the other one stored first, and it stands.
  if (!stored) throw alreadyIssued(periodId, issuer, ctx.now);
  return { data, layout, issued: { at: stored.issuedAt.toISOString(), byName: stored.issuedByName } };
}
