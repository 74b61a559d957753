import {
  evaluateTargetCountsByUnit,
  getConsolidatedSettings,
  getPlanRow,
  getReportPeriod,
  listObstaclesForPeriod,
  listPeriodReports,
  listPlanTargetRules,
  planTaskProgress,
  unitNameOn,
  unitRecordFigures,
} from '@dx/db';
import {
  AppError,
  type ConsolidatedData,
  type ConsolidatedTarget,
  consolidatedSettings,
  evaluationDates,
  localDateOf,
  OBSTACLE_STATUS_LABELS_VI,
  type ObstacleStatus,
  rate,
  targetCode,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../../http/context';
import { evaluateTarget } from '../../targets/evaluate-plan-targets';

/**
 * Gathers the consolidated report of a reporting period (plan 54 V.1.a), live: each target exactly as the dashboard
 * evaluates it today (features/targets evaluateTarget — the same function, the same day), the province's records
 * within the period by theme, the plan's task progress, the units' reports, the obstacles register, and per required
 * unit its own standing on each target. Nothing is stored; everyone who reads reports in the province may generate it.
 */
export async function buildConsolidatedReport({
  ctx,
  periodId,
}: {
  ctx: UseCaseContext;
  periodId: string;
}): Promise<ConsolidatedData> {
  const period = await getReportPeriod(ctx.db, periodId);
  if (!period) throw new AppError('REPORT.PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo', { periodId });
  authorizeProvince(ctx, 'report.read', period.provinceId);
  const today = localDateOf(ctx.now);
  const plan = (await getPlanRow(ctx.db, period.planId))!;
  const stored = consolidatedSettings.safeParse(
    (await getConsolidatedSettings(ctx.db, period.provinceId)) ?? {},
  );
  const rules = await listPlanTargetRules(ctx.db, period.planId);
  const units = await listPeriodReports(ctx.db, periodId, period.periodTo);
  const required = units.filter((u) => u.isRequired);
  const unitIds = units.map((u) => u.unitId);

  // The dashboard's figures (province scope), one statement per target: independent, so on PostgreSQL they run in
  // parallel on the pool (PGlite runs them one by one), as the dashboard does. Then every required unit's own counts
  // for all the targets in one statement (grouped by unit, no evidence: the table needs only the counts).
  const evaluations = await Promise.all(rules.map((rule) => evaluateTarget(ctx, rule, { behindLimit: 0 })));
  const evaluated = evaluations.flatMap((e) => (e.definition ? [e] : []));
  const counted = await evaluateTargetCountsByUnit(
    ctx.db,
    evaluated.map(({ target, definition }) => ({
      definition: definition!,
      ...evaluationDates({ definition: definition!, planYear: target.planYear, today }),
      provinceIds: [target.provinceId],
    })),
    unitIds,
  );
  const targets: ConsolidatedTarget[] = [];
  const perUnit: Map<string, { due: number; achieved: number }>[] = [];
  for (const e of evaluations) {
    const rule = e.target;
    const isCount = e.definition?.condition.type === 'count';
    targets.push({
      planTargetId: rule.planTargetId,
      code: targetCode(rule.letter),
      text: rule.text,
      goalText: e.goalText,
      isCount,
      value: e.value,
      status: e.status,
      formula: e.formula,
      population: e.facts?.population ?? 0,
      due: e.facts?.due ?? 0,
      achieved: e.facts?.achieved ?? 0,
    });
    perUnit.push(counted[evaluated.indexOf(e)] ?? new Map());
  }

  const records = await unitRecordFigures(ctx.db, {
    planId: period.planId,
    unitId: period.provinceId,
    from: period.periodFrom,
    to: period.periodTo,
    today,
  });
  const obstacles = await listObstaclesForPeriod(ctx.db, {
    provinceId: period.provinceId,
    from: period.periodFrom,
    today,
  });
  const submitted = required.filter((u) => u.report?.firstSubmittedAt);
  return {
    provinceName: (await unitNameOn(ctx.db, period.provinceId, today)) ?? '',
    plan: { number: plan.code, title: plan.title, year: plan.year },
    period: { label: period.label, from: period.periodFrom, to: period.periodTo, dueDate: period.dueDate },
    date: today,
    targets,
    publications: {
      total: records.publications.total,
      dx: records.publications.dx,
      byTheme: records.publications.byTheme.map(({ code, name, count }) => ({ code, name, count })),
    },
    trainings: records.trainings,
    events: { total: records.events.total, participants: records.events.participants },
    models: records.models,
    tasks: await planTaskProgress(ctx.db, { planId: period.planId, today }),
    reports: {
      required: required.length,
      submitted: submitted.length,
      accepted: required.filter((u) => u.report?.status === 'accepted').length,
      returned: required.filter((u) => u.report?.status === 'returned').length,
      missing: required.length - submitted.length,
    },
    obstacles: obstacles.map((o) => ({
      kind: o.kind as 'obstacle' | 'proposal',
      title: o.title,
      unitName: o.unitName,
      statusLabel: OBSTACLE_STATUS_LABELS_VI[o.status as ObstacleStatus],
      direction: o.direction,
      answer: o.answer,
    })),
    units: units.map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      unitKind: u.unitKind,
      reportStatus: u.isRequired ? (u.report?.status ?? 'missing') : 'not_required',
      submittedAt: u.report?.submittedAt ? u.report.submittedAt.toISOString() : null,
      targets: targets.map((t, i) => {
        const c = perUnit[i]!.get(u.unitId) ?? { due: 0, achieved: 0 };
        return { ...c, value: t.isCount ? c.achieved : rate(c.achieved, c.due) };
      }),
    })),
    settings: stored.success ? stored.data : {},
  };
}
