import { listReportObligations } from '@dx/db';
import { hasPermissionAnywhere, localDateOf } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { iso, presentPeriod } from './reports.presenter';

/**
 * "Báo cáo của tôi": the periods in which the units the actor reports for (its report.write grants) must report,
 * latest first, with the state of each report and what to do next.
 */
export async function listMyReports({ ctx, planId }: { ctx: UseCaseContext; planId?: string }) {
  const unitIds = hasPermissionAnywhere(ctx.actor.grants, 'report.write')
    ? [
        ...new Set(
          ctx.actor.grants
            .filter((g) => g.role === 'unit_officer' || g.role === 'dx_office' || g.role === 'administrator')
            .map((g) => g.unitId)
            .filter((u): u is string => u !== null),
        ),
      ]
    : [];
  const rows = await listReportObligations(ctx.db, unitIds, planId ? { planId } : {});
  const today = localDateOf(ctx.now);
  return {
    today,
    items: rows.map((r) => ({
      period: presentPeriod(r.period),
      unitId: r.unitId,
      unitName: r.unitName,
      isOverdue: r.period.dueDate < today && (r.report === null || r.report.status === 'draft'),
      report: r.report
        ? {
            id: r.report.id,
            status: r.report.status as 'draft' | 'submitted' | 'returned' | 'accepted',
            submittedAt: iso(r.report.submittedAt),
            reviewedAt: iso(r.report.reviewedAt),
            reviewComment: r.report.reviewComment,
            version: r.report.version,
          }
        : null,
    })),
  };
}
