import { getPlanRow, listReportPeriods as listPeriodRows, periodCounts } from '@dx/db';
import { AppError } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { presentPeriod } from './reports.presenter';

/** The reporting periods of a plan, latest first, with how many units must report and how far they are. */
export async function listReportPeriods({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  const plan = await getPlanRow(ctx.db, planId);
  if (!plan) throw new AppError('PLAN.NOT_FOUND', 'Không tìm thấy kế hoạch', { planId });
  authorizeProvince(ctx, 'report.read', plan.provinceId);
  const rows = await listPeriodRows(ctx.db, { planId });
  const counts = await periodCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    presentPeriod(r, counts.get(r.id) ?? { required: 0, submitted: 0, accepted: 0, returned: 0 }),
  );
}
