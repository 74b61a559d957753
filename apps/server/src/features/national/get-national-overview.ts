import type { NationalOverviewOut, NationalProvinceOut, NationalTargetSummaryOut } from '@dx/contracts';
import { listPlans, listProvinces, listReportPeriods } from '@dx/db';
import { AppError, hasPermissionAnywhere, localDateOf, targetCode } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { getPeriodCompleteness } from '../reports/get-period-completeness';
import { evaluatePlanTargets, type TargetEvaluation } from '../targets/evaluate-plan-targets';

/** Targets by status (NationalTargetSummaryOut: on track = achieved or on track, of those that could be judged). */
export function summariseTargets(statuses: TargetEvaluation['status'][]): NationalTargetSummaryOut {
  const count = (...s: TargetEvaluation['status'][]) => statuses.filter((x) => s.includes(x)).length;
  const onTrack = count('achieved', 'on_track');
  const atRisk = count('at_risk');
  const behind = count('behind');
  const judged = onTrack + atRisk + behind;
  return {
    total: statuses.length,
    onTrack,
    atRisk,
    behind,
    notApplicable: count('not_applicable'),
    notDefined: count('not_defined'),
    onTrackPercent: judged === 0 ? null : Math.round((onTrack / judged) * 1000) / 10,
  };
}

/**
 * Every province side by side (issue 13): each province in force on `asOf` (named as it was that day), its plans of
 * `year` with every target evaluated live by the same engine as the province's dashboard (evaluatePlanTargets, figures
 * only), and the completeness of each plan's latest reporting period whose deadline has passed (or that was closed) —
 * the one whose missing units are final (plan 54 V.1.a; the home page reads the same period).
 *
 * Provinces are evaluated one after another: a plan's targets already run in parallel on the pool, and 34 provinces at
 * once would take every connection from the other requests. The rollups of issue 13 are to replace this live path.
 * Completeness classifies units against today (getPeriodCompleteness), not against `asOf`.
 */
export async function getNationalOverview({
  ctx,
  year,
  asOf,
}: {
  ctx: UseCaseContext;
  year?: number;
  asOf?: string;
}): Promise<NationalOverviewOut> {
  if (!hasPermissionAnywhere(ctx.actor.grants, 'national.read'))
    throw new AppError('AUTH.FORBIDDEN', 'Chỉ tài khoản cấp quốc gia được xem tổng hợp các tỉnh');
  const on = asOf ?? localDateOf(ctx.now);
  const y = year ?? Number(on.slice(0, 4));
  const provinces = (await listProvinces(ctx.db, on)).filter((p) => p.kind === 'province');
  const plans = (
    await listPlans(
      ctx.db,
      provinces.map((p) => p.unitId),
    )
  ).filter((p) => p.year === y);

  const out: NationalProvinceOut[] = [];
  for (const province of provinces) {
    const own = plans.filter((p) => p.provinceId === province.unitId);
    const planOut: NationalProvinceOut['plans'] = [];
    for (const plan of own) {
      const { evaluations } = await evaluatePlanTargets({ ctx, planId: plan.id, asOf: on, behindLimit: 0 });
      const periods = await listReportPeriods(ctx.db, { planId: plan.id });
      const past = periods.find((p) => p.status === 'closed' || p.dueDate < on);
      const completeness = past ? await getPeriodCompleteness({ ctx, periodId: past.id }) : null;
      planOut.push({
        id: plan.id,
        code: plan.code ?? '',
        title: plan.title,
        targets: evaluations.map((e) => ({
          planTargetId: e.target.planTargetId,
          code: targetCode(e.target.letter),
          letter: e.target.letter,
          text: e.target.text,
          value: e.value,
          status: e.status,
          goalText: e.goalText,
        })),
        summary: summariseTargets(evaluations.map((e) => e.status)),
        reports:
          past && completeness
            ? {
                periodId: past.id,
                label: past.label,
                dueDate: past.dueDate,
                required: completeness.summary.required,
                onTime: completeness.summary.onTime,
                late: completeness.summary.late,
                missing: completeness.summary.missing,
                pending: completeness.summary.pending,
              }
            : null,
      });
    }
    const withReports = planOut.flatMap((p) => (p.reports ? [p.reports] : []));
    const sum = (k: 'required' | 'onTime' | 'late' | 'missing' | 'pending') =>
      withReports.reduce((n, r) => n + r[k], 0);
    out.push({
      provinceId: province.unitId,
      name: province.name,
      code: province.code,
      plans: planOut,
      summary: summariseTargets(planOut.flatMap((p) => p.targets.map((t) => t.status))),
      reports:
        withReports.length === 0
          ? null
          : {
              required: sum('required'),
              onTime: sum('onTime'),
              late: sum('late'),
              missing: sum('missing'),
              pending: sum('pending'),
            },
    });
  }
  out.sort(
    (a, b) =>
      (b.summary.onTrackPercent ?? -1) - (a.summary.onTrackPercent ?? -1) ||
      a.name.localeCompare(b.name, 'vi'),
  );
  return { year: y, asOf: on, provinces: out };
}
