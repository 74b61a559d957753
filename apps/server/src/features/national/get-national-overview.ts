import type { NationalOverviewOut, NationalProvinceOut, NationalTargetSummaryOut } from '@dx/contracts';
import {
  evaluateTargetFacts,
  type NationalTargetRow,
  nationalOverviewRows,
  rollupKey,
  type TargetFacts,
} from '@dx/db';
import {
  AppError,
  accumulates,
  describeGoal,
  evaluationDatesAsOf,
  hasPermissionAnywhere,
  indicatorValueOf,
  judgeStatus,
  localDateOf,
  said,
  targetCode,
} from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { definitionOf, type TargetEvaluation } from '../targets/evaluate-plan-targets';

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

type Prepared = {
  definition: NonNullable<ReturnType<typeof definitionOf>>;
  dates: ReturnType<typeof evaluationDatesAsOf>;
  key: string | null;
} | null;

/**
 * A target's parsed definition, dates and rollup key by everything they are computed from (its rule and the rule's
 * version, its goal, the plan's year, today and the as-of date): pure, so any process may keep them (as
 * packages/db statement-cache.ts keeps built statements). Parsing 210 rules with zod on every request cost 10–60 ms on
 * the loaded bench machine, more than the overview's one statement. Bounded: cleared when it grows past 5,000.
 */
const prepared = new Map<string, Prepared>();

function prepare(t: NationalTargetRow, today: string, asOf: string): Prepared {
  const id = JSON.stringify([t.ruleVersion, t.rule, t.goal, t.planYear, today, asOf]);
  const kept = prepared.get(id);
  if (kept !== undefined) return kept;
  const definition = definitionOf(t);
  const dates = definition ? evaluationDatesAsOf({ definition, planYear: t.planYear, today, asOf }) : null;
  const value: Prepared =
    definition && dates
      ? {
          definition,
          dates,
          key: dates.until === undefined && t.ruleVersion !== null ? rollupKey(t.ruleVersion, dates) : null,
        }
      : null;
  if (prepared.size >= 5_000) prepared.clear();
  prepared.set(id, value);
  return value;
}

/**
 * A target's value and status as the dashboard judges them (evaluate-plan-targets.ts evaluateTarget): from its rollup's
 * sums when they were built for this very evaluation (today's, by rule version and dates), else live over the records
 * (a past as-of date, a target not built today) — the rollups are never stale, only absent.
 */
async function judgeTarget(
  ctx: UseCaseContext,
  t: NationalTargetRow,
  o: { today: string; asOf: string },
): Promise<{ value: number | null; status: TargetEvaluation['status'] }> {
  const p = prepare(t, o.today, o.asOf);
  if (!p) return { value: null, status: 'not_defined' };
  const { definition, dates } = p;
  const built = p.key !== null && t.builtKey === p.key;
  const facts: Pick<TargetFacts, 'due' | 'achieved' | 'numerator' | 'denominator'> = built
    ? t.sums
    : await evaluateTargetFacts(ctx.db, {
        definition,
        ...dates,
        provinceIds: [t.provinceId],
        behindLimit: 0,
      });
  const value = indicatorValueOf(definition.value, facts);
  return {
    value,
    status: judgeStatus({
      goal: definition.goal,
      value,
      elapsed: dates.elapsed,
      accumulates: accumulates(definition),
    }),
  };
}

/**
 * Every province side by side (issue 13): each province in force on `asOf` (named as it was that day), its plans of
 * `year` with every target's value and status as the province's dashboard gives them, and the completeness of each
 * plan's latest reporting period whose deadline has passed (or that was closed) — the one whose missing units are
 * final (plan 54 V.1.a; the home page reads the same period), its units classed against today.
 *
 * One statement reads it all for every province (queries/national.ts nationalOverviewRows: the rollups' sums, not a
 * statement per province or plan); only a target whose rollup was not built for this evaluation (a past as-of date,
 * a new day before the nightly rebuild) is evaluated live, one plan's such targets at a time.
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
    throw new AppError('AUTH.FORBIDDEN', said('access.nationalOnly'));
  const today = localDateOf(ctx.now);
  const on = asOf ?? today;
  const y = year ?? Number(on.slice(0, 4));
  const rows = await nationalOverviewRows(ctx.db, { asOf: on, year: y, today });

  const targetsOf = new Map<string, NationalTargetRow[]>();
  for (const t of rows.targets) targetsOf.set(t.planId, [...(targetsOf.get(t.planId) ?? []), t]);
  // Live evaluations run one plan at a time (its targets in parallel on the pool), never every province at once.
  const judged = new Map<string, Awaited<ReturnType<typeof judgeTarget>>>();
  for (const plan of rows.plans) {
    const own = targetsOf.get(plan.id) ?? [];
    const results = await Promise.all(own.map((t) => judgeTarget(ctx, t, { today, asOf: on })));
    for (const [i, t] of own.entries()) judged.set(t.planTargetId, results[i]!);
  }
  const periodOf = new Map(rows.periods.map((p) => [p.planId, p]));

  const out: NationalProvinceOut[] = rows.provinces.map((province) => {
    const planOut: NationalProvinceOut['plans'] = rows.plans
      .filter((p) => p.provinceId === province.provinceId)
      .map((plan) => {
        const targets = (targetsOf.get(plan.id) ?? []).map((t) => ({
          planTargetId: t.planTargetId,
          code: targetCode(t.letter),
          letter: t.letter,
          text: t.text,
          value: judged.get(t.planTargetId)!.value,
          status: judged.get(t.planTargetId)!.status,
          goalText: describeGoal(t.goal),
        }));
        const period = periodOf.get(plan.id);
        return {
          id: plan.id,
          code: plan.code ?? '',
          title: plan.title,
          targets,
          summary: summariseTargets(targets.map((t) => t.status)),
          reports: period
            ? {
                periodId: period.periodId,
                label: period.label,
                dueDate: period.dueDate,
                required: period.required,
                onTime: period.onTime,
                late: period.late,
                missing: period.missing,
                pending: period.pending,
              }
            : null,
        };
      });
    const withReports = planOut.flatMap((p) => (p.reports ? [p.reports] : []));
    const sum = (k: 'required' | 'onTime' | 'late' | 'missing' | 'pending') =>
      withReports.reduce((n, r) => n + r[k], 0);
    return {
      provinceId: province.provinceId,
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
    };
  });
  out.sort(
    (a, b) =>
      (b.summary.onTrackPercent ?? -1) - (a.summary.onTrackPercent ?? -1) ||
      a.name.localeCompare(b.name, 'vi'),
  );
  return { year: y, asOf: on, provinces: out };
}
