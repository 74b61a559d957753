import { indicatorLabels, listPlanTargetRules, type ReportPeriodRow, unitRecordFigures } from '@dx/db';
import { judgedOn, localDateOf, type ReportFigures, reportFiguresDate, targetCode } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { evaluateTargetOn } from './evaluate-target-on';

/**
 * The figures a unit's report is pre-filled with, computed live: its records within the period (and those of the
 * units below it) and its own standing on each target of the plan — the same evaluation as "Việc của tôi"
 * (features/targets), so the report and the dashboard never disagree. A past period's figures stand at its last day
 * (issue 11: "as of the period's end"; frozen when the report is submitted); the running period's are live. Read-only;
 * no authorisation here (callers have checked the actor may read the report).
 */
export async function computeReportFigures({
  ctx,
  period,
  unitId,
}: {
  ctx: Pick<UseCaseContext, 'db' | 'now'>;
  period: ReportPeriodRow;
  unitId: string;
}): Promise<ReportFigures> {
  const today = localDateOf(ctx.now);
  const date = reportFiguresDate({ to: period.periodTo }, today);
  const records = await unitRecordFigures(ctx.db, {
    planId: period.planId,
    unitId,
    from: period.periodFrom,
    to: period.periodTo,
    // Overdue parts judged at the close of the figures date.
    today: judgedOn(date, today),
  });
  const targets = await listPlanTargetRules(ctx.db, period.planId);
  const words = targets[0] ? indicatorLabels(ctx.db, targets[0].provinceId) : undefined;
  const evaluations = [];
  // One statement per target; PGlite runs them one at a time anyway, PostgreSQL uses the pool.
  for (const t of targets)
    evaluations.push(
      await evaluateTargetOn(ctx, t, { date, ownerUnitIds: [unitId], behindLimit: 500, words }),
    );
  return {
    computedAt: ctx.now.toISOString(),
    ...records,
    targets: evaluations.map((e) => {
      const facts = e.facts;
      const due = facts?.due ?? 0;
      const achieved = facts?.achieved ?? 0;
      return {
        planTargetId: e.target.planTargetId,
        code: targetCode(e.target.letter),
        text: e.target.text,
        goalText: e.goalText,
        goal: e.target.goal,
        due,
        achieved,
        value: e.value,
        status: e.status,
      };
    }),
  };
}
