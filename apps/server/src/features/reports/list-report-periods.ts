import { listReportPeriods as listPeriodRows, periodCounts } from '@dx/db';
import { loadPlanFor, type UseCaseContext } from '../../use-case/context';
import { presentPeriod } from './reports.presenter';

/** The reporting periods of a plan, latest first, with how many units must report and how far they are. */
export async function listReportPeriods({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  await loadPlanFor(ctx, planId, 'report.read');
  const rows = await listPeriodRows(ctx.db, { planId });
  const counts = await periodCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentPeriod(r, counts.get(r.id) ?? { required: 0, submitted: 0, accepted: 0, returned: 0 }),
  );
}
