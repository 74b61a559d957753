import {
  evaluateTargetCountsByUnit,
  getNationalBodies,
  getPlanRow,
  getReportPeriod,
  indicatorLabels,
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
  consolidatedSettingsOf,
  evaluationDatesOn,
  issuerOn,
  judgedOn,
  localDateOf,
  nationalBodies,
  OBSTACLE_STATUS_LABELS_VI,
  type ObstacleStatus,
  type ReportIssuer,
  rate,
  reportFiguresDate,
  said,
  targetCode,
  unitTypeLabel,
  worded,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../../use-case/context';
import { provinceSettingsInForce } from '../../provinces/settings-in-force';
import { evaluateTargetOn } from '../evaluate-target-on';

/**
 * Gathers the consolidated report of a reporting period (plan 54 V.1.a), live: each target exactly as the dashboard
 * evaluates it as of the report's figures date — the period's last day once it has passed, else today (issue 11:
 * "a report for a past period shows the figures as of the period's end"; the same statement as features/targets),
 * the province's records within the period by theme, the plan's task progress, the units' reports, the obstacles
 * register, and per required unit its own standing on each target. Issued by the People's Committee or the DX
 * office's agency (chosen per report), with the bodies in force on its date. Nothing is stored; everyone who reads
 * reports in the province may generate it.
 */
export async function buildConsolidatedReport({
  ctx,
  periodId,
  issuer = 'committee',
}: {
  ctx: UseCaseContext;
  periodId: string;
  issuer?: ReportIssuer;
}): Promise<ConsolidatedData> {
  const period = await getReportPeriod(ctx.db, periodId);
  if (!period) throw new AppError('REPORT.PERIOD_NOT_FOUND', said('period.notFound'), { periodId });
  authorizeProvince(ctx, 'report.read', period.provinceId);
  const today = localDateOf(ctx.now);
  const figuresDate = reportFiguresDate({ to: period.periodTo }, today);
  const plan = (await getPlanRow(ctx.db, period.planId))!;
  const national = nationalBodies.safeParse((await getNationalBodies(ctx.db)) ?? {});
  const provinceName = (await unitNameOn(ctx.db, period.provinceId, today)) ?? '';
  // The bodies, place and "Nơi nhận" of the report's date, from the province's dated settings (issue 15).
  const settings = consolidatedSettingsOf(
    await provinceSettingsInForce(ctx.db, period.provinceId, today),
    provinceName,
  );
  if (!issuerOn({ settings, date: today, provinceName }, issuer))
    throw new AppError('VALIDATION.FAILED', said('consolidated.issuerNotInForce'), {
      issues: [
        {
          path: ['querystring', 'issuer'],
          ...worded('consolidated.noDxOffice', { date: today }),
        },
      ],
    });
  const rules = await listPlanTargetRules(ctx.db, period.planId);
  const units = await listPeriodReports(ctx.db, periodId, period.periodTo);
  const required = units.filter((u) => u.isRequired);
  const unitIds = units.map((u) => u.unitId);

  // The dashboard's figures (province scope), one statement per target: independent, so on PostgreSQL they run in
  // parallel on the pool (PGlite runs them one by one), as the dashboard does. Then every required unit's own counts
  // for all the targets in one statement (grouped by unit, no evidence: the table needs only the counts).
  const words = indicatorLabels(ctx.db, period.provinceId);
  const evaluations = await Promise.all(
    rules.map((rule) => evaluateTargetOn(ctx, rule, { date: figuresDate, behindLimit: 0, words })),
  );
  const evaluated = evaluations.flatMap((e) => (e.definition ? [e] : []));
  const counted = await evaluateTargetCountsByUnit(
    ctx.db,
    evaluated.map(({ target, definition }) => {
      const { elapsed: _elapsed, ...dates } = evaluationDatesOn({
        definition: definition!,
        planYear: target.planYear,
        date: figuresDate,
        today,
      });
      return { definition: definition!, ...dates, provinceIds: [target.provinceId] };
    }),
    unitIds,
  );
  const targets: ConsolidatedTarget[] = [];
  const perUnit: Map<string, { due: number; achieved: number }>[] = [];
  for (const e of evaluations) {
    const rule = e.target;
    // Counts and reported figures are numbers; shares and ratios percentages.
    const isCount = e.definition ? !['share', 'ratio'].includes(e.definition.value.type) : false;
    targets.push({
      planTargetId: rule.planTargetId,
      code: targetCode(rule.letter),
      text: rule.text,
      goalText: e.goalText,
      isCount,
      value: e.value,
      status: e.status,
      formula: e.formula?.vi ?? null,
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
    today: judgedOn(figuresDate, today),
  });
  const obstacles = await listObstaclesForPeriod(ctx.db, {
    provinceId: period.provinceId,
    from: period.periodFrom,
    today,
  });
  const submitted = required.filter((u) => u.report?.firstSubmittedAt);
  return {
    provinceName,
    plan: { number: plan.code, title: plan.title, year: plan.year },
    period: { label: period.label, from: period.periodFrom, to: period.periodTo, dueDate: period.dueDate },
    date: today,
    figuresDate,
    targets,
    publications: {
      total: records.publications.total,
      dx: records.publications.dx,
      byTheme: records.publications.byTheme.map(({ code, name, count }) => ({ code, name, count })),
    },
    trainings: {
      count: records.trainings.count,
      peopleTrained: records.trainings.peopleTrained,
      attendances: records.trainings.attendances ?? 0,
    },
    events: { dx: records.events.dx ?? 0, dxParticipants: records.events.dxParticipants ?? 0 },
    models: {
      recognisedInPeriod: records.models.recognisedInPeriod,
      featuredInPeriod: records.models.featuredInPeriod,
    },
    tasks: await planTaskProgress(ctx.db, { planId: period.planId, today: judgedOn(figuresDate, today) }),
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
      unitType: unitTypeLabel(u.unitAdminType, u.unitKind),
      reportStatus: u.isRequired ? (u.report?.status ?? 'missing') : 'not_required',
      submittedAt: u.report?.submittedAt ? u.report.submittedAt.toISOString() : null,
      targets: targets.map((t, i) => {
        const c = perUnit[i]!.get(u.unitId) ?? { due: 0, achieved: 0 };
        return { ...c, value: t.isCount ? c.achieved : rate(c.achieved, c.due) };
      }),
    })),
    settings,
    national: national.success ? national.data : { ministries: [] },
    issuer,
  };
}
