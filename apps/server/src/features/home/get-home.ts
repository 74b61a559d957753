import type { HomeItemKey, HomeOut } from '@dx/contracts';
import { countUnitsWithOverdueTasks, countUnitTaskParts, listPlans } from '@dx/db';
import { localDateOf, type Role } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';
import { listEstimates } from '../budget/list-estimates';
import { loadChain } from '../budget/load-estimate';
import { listObstacles } from '../obstacles/list-obstacles';
import { getPeriodCompleteness } from '../reports/get-period-completeness';
import { listMyReports } from '../reports/list-my-reports';
import { listReportPeriods } from '../reports/list-report-periods';
import { evaluatePlanTargets } from '../targets/evaluate-plan-targets';

/** How far ahead a unit's task part counts as "due" on its home page (the reminder job's horizon, jobs/). */
const DUE_WITHIN_DAYS = 7;
/** Estimates read to find those at the caller's step: a province's open estimates are far fewer. */
const ESTIMATE_SCAN = 1000;

type Item = { key: HomeItemKey; count: number; href: string };

/**
 * The home page: for the caller's grants in the province, what needs it today (issue 19). Every figure comes from
 * the use case that owns it (targets, tasks, reports, obstacles, budget), so the home page and the list a link opens
 * agree. Sections: the DX office (and administrators), a unit officer (what its units still owe), leadership
 * (targets and what waits for its decision).
 */
export async function getHome({
  ctx,
  provinceId,
}: {
  ctx: UseCaseContext;
  provinceId: string;
}): Promise<HomeOut> {
  authorizeProvince(ctx, 'plan.read', provinceId);
  const today = localDateOf(ctx.now);
  const grants = ctx.actor.grants.filter((g) => g.provinceId === provinceId || g.provinceId === null);
  const roles = new Set<Role>(grants.map((g) => g.role));
  const office = roles.has('dx_office') || roles.has('administrator');
  const leadership = roles.has('leadership');
  const unitOfficer = roles.has('unit_officer');
  const myUnits = [
    ...new Set(
      grants.filter((g) => g.role === 'unit_officer' && g.unitId !== null).map((g) => g.unitId as string),
    ),
  ];

  const [plan] = await listPlans(ctx.db, [provinceId]);
  if (!plan) return { provinceId, today, plan: null, sections: [], targets: null };
  const planId = plan.id;
  const sections: HomeOut['sections'] = [];

  let targets: HomeOut['targets'] = null;
  if (office || leadership) {
    const { evaluations } = await evaluatePlanTargets({ ctx, planId });
    targets = {
      total: evaluations.length,
      behind: evaluations.filter((e) => e.status === 'behind').length,
      atRisk: evaluations.filter((e) => e.status === 'at_risk').length,
    };
  }

  const obstacleCount = async (status: string, unitId?: string) =>
    (
      await listObstacles({
        ctx,
        filter: { provinceId, status, ...(unitId ? { unitId } : {}), overdue: false, limit: 1, offset: 0 },
      })
    ).total;

  /** In-review estimates whose current step names one of the caller's roles (and its unit when the step names one). */
  const estimatesAtMyStep = async (stepRoles: Role[]) => {
    const { chain } = await loadChain(ctx, provinceId);
    const { items } = await listEstimates({
      ctx,
      planId,
      filter: { status: 'in_review', limit: ESTIMATE_SCAN, offset: 0 },
    });
    return items.filter((e) => {
      const step = e.stepIndex === null ? null : chain[e.stepIndex];
      if (!step || !stepRoles.includes(step.role)) return false;
      return (
        step.unitId == null ||
        grants.some((g) => g.role === step.role && (g.unitId === step.unitId || g.unitId === null))
      );
    }).length;
  };

  if (office) {
    const periods = await listReportPeriods({ ctx, planId });
    const toReview = periods.reduce((n, p) => n + (p.counts?.submitted ?? 0), 0);
    // Units overdue on reports: the missing units of the latest period whose deadline has passed.
    const lastDue = periods.find((p) => p.dueDate < today);
    const missing = lastDue
      ? (await getPeriodCompleteness({ ctx, periodId: lastDue.id })).summary.missing
      : 0;
    const items: Item[] = [
      {
        key: 'targets_behind',
        count: targets?.behind ?? 0,
        href: `/dashboard?plan=${planId}`,
      },
      {
        key: 'tasks_overdue',
        count: await countUnitsWithOverdueTasks(ctx.db, planId, today),
        href: `/tasks?plan=${planId}`,
      },
      {
        key: 'reports_overdue',
        count: missing,
        href: lastDue ? `/reports/periods/${lastDue.id}` : '/reports',
      },
      { key: 'reports_to_review', count: toReview, href: '/reports' },
      { key: 'obstacles_new', count: await obstacleCount('raised'), href: '/obstacles?status=raised' },
      {
        key: 'estimates_waiting',
        count: await estimatesAtMyStep(['dx_office', 'administrator']),
        href: '/budget?status=in_review',
      },
    ];
    sections.push({ section: 'office', items });
  }

  if (unitOfficer && myUnits.length > 0) {
    const parts = await countUnitTaskParts(ctx.db, planId, myUnits, today, DUE_WITHIN_DAYS);
    const reports = await listMyReports({ ctx, planId });
    const toSubmit = reports.items.filter(
      (r) =>
        myUnits.includes(r.unitId) &&
        r.period.status === 'open' &&
        (r.report === null || r.report.status === 'draft' || r.report.status === 'returned'),
    ).length;
    let toAnswer = 0;
    let answered = 0;
    for (const unitId of myUnits) {
      toAnswer += await obstacleCount('directed', unitId);
      answered += await obstacleCount('resolved', unitId);
    }
    sections.push({
      section: 'unit',
      items: [
        { key: 'my_tasks_overdue', count: parts.overdue, href: '/tasks?mine=true&status=overdue' },
        { key: 'my_tasks_due', count: parts.due, href: '/tasks?mine=true' },
        { key: 'my_reports_to_submit', count: toSubmit, href: '/reports' },
        { key: 'my_obstacles_to_answer', count: toAnswer, href: '/obstacles?status=directed' },
        { key: 'my_obstacles_answered', count: answered, href: '/obstacles?status=resolved' },
      ],
    });
  }

  if (leadership) {
    sections.push({
      section: 'leadership',
      items: [
        {
          key: 'targets_behind',
          count: targets?.behind ?? 0,
          href: `/dashboard?plan=${planId}`,
        },
        {
          key: 'estimates_waiting',
          count: await estimatesAtMyStep(['leadership']),
          href: '/budget?status=in_review',
        },
        {
          key: 'obstacles_to_direct',
          count: await obstacleCount('forwarded'),
          href: '/obstacles?status=forwarded',
        },
      ],
    });
  }

  return {
    provinceId,
    today,
    plan: { id: plan.id, code: plan.code ?? '', title: plan.title, year: plan.year },
    sections,
    targets,
  };
}
