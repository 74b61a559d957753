import {
  byEpoch,
  evaluateTargetFacts,
  getPlanRow,
  indicatorLabels,
  listPlanTargetRules,
  listRollupBuiltKeys,
  type PlanTargetRule,
  recordProvinceIdsOn,
  rollupFacts,
  rollupKey,
  type TargetFacts,
} from '@dx/db';
import {
  AppError,
  accumulates,
  BEHIND_PREVIEW,
  type CodeLabels,
  describeGoal,
  describeTarget,
  evaluationDatesAsOf,
  type ItemLabels,
  indicatorValueOf,
  judgeStatus,
  localDateOf,
  said,
  type TargetDefinition,
  type TargetStatus,
  targetDefinition,
} from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

export type TargetEvaluation = {
  target: PlanTargetRule;
  definition: TargetDefinition | null;
  period: { from: string; to: string } | null;
  asOf: string | null;
  elapsed: number | null;
  /** Percent for shares and ratios (null = not applicable), a number for counts and reported figures. */
  value: number | null;
  status: TargetStatus | 'not_defined';
  /** The formula in words (Vietnamese and English), from the province's vocabulary labels. */
  formula: { vi: string; en: string } | null;
  goalText: string;
  facts: TargetFacts | null;
};

/** The words a province's formulas use (vocabulary labels, unit group and data item names). */
export type FormulaWords = { labels: CodeLabels; items: ItemLabels };

/** Loads a plan's targets for reading: the plan must exist and be in the actor's province. */
export async function loadPlanTargets(ctx: UseCaseContext, planId: string) {
  // Both read at once, or reused from this process while no plan, target or rule has been written since the request's
  // session was read (queries/epochs.ts); nothing leaves before the province check.
  const [plan, targets] = await byEpoch(ctx.db, ctx.actor.epochs, 'plans', planId, () =>
    Promise.all([getPlanRow(ctx.db, planId), listPlanTargetRules(ctx.db, planId)]),
  );
  if (!plan) throw new AppError('PLAN.NOT_FOUND', said('plan.notFound'), { planId });
  authorizeProvince(ctx, 'target.read', plan.provinceId);
  return { plan, targets };
}

/**
 * What a target's rule gives, worked out once per target object: the targets of a plan are kept by each process while
 * its 'plans' epoch is unchanged (queries/epochs.ts), so the same object comes back to every dashboard request until a
 * plan, target or rule is written, and a new object (new work) after. Issue 12: parsing six rules and putting six
 * formulas into words took a few milliseconds of every request. Nothing here is changed after it is made.
 */
const derived = new WeakMap<
  PlanTargetRule,
  {
    definition: TargetDefinition | null;
    /** The formula in words for one period and one set of words (themselves kept under the 'words' epoch). */
    formula?: { words: FormulaWords; from: string; to: string; text: { vi: string; en: string } };
  }
>();

function derivedOf(target: PlanTargetRule) {
  let entry = derived.get(target);
  if (!entry) {
    const parsed = target.rule ? targetDefinition.safeParse({ ...target.rule, goal: target.goal }) : null;
    entry = { definition: parsed?.success ? parsed.data : null };
    derived.set(target, entry);
  }
  return entry;
}

/** The stored rule with the plan's goal as a definition; null when not defined, or when the goal no longer suits it. */
export function definitionOf(target: PlanTargetRule): TargetDefinition | null {
  return derivedOf(target).definition;
}

/** The formula in words (describeTarget), reused while the target, its period and the words are the same objects. */
function formulaOf(
  target: PlanTargetRule,
  definition: TargetDefinition,
  period: { from: string; to: string },
  words: FormulaWords,
): { vi: string; en: string } {
  const entry = derivedOf(target);
  const kept = entry.formula;
  if (kept && kept.words === words && kept.from === period.from && kept.to === period.to) return kept.text;
  const text = describeTarget(definition, { period, ...words });
  entry.formula = { words, from: period.from, to: period.to, text };
  return text;
}

/**
 * Evaluates one target live over the records (no stored figures): now, or as it stood at the close of `asOf`
 * (the population in force that day, records dated up to it; evaluationDatesAsOf decides).
 */
export async function evaluateTarget(
  ctx: Pick<UseCaseContext, 'db' | 'now'>,
  target: PlanTargetRule,
  opts: {
    ownerUnitIds?: string[];
    behindLimit?: number;
    asOf?: string;
    /** The province's formula words when already being read (one read for all of a plan's targets). */
    words?: FormulaWords | Promise<FormulaWords>;
    /**
     * The provinces whose records count on a date, shared by the targets of one plan (one read per date instead of
     * one per target); omitted = resolved by the evaluation itself.
     */
    recordProvinces?: (asOf: string) => Promise<string[]>;
    /**
     * The key each target's rollups were built for (listRollupBuiltKeys, kept under the 'rollups' epoch): a target
     * not built for today's key runs the live SQL at once, without first asking its rollups (issue 12: one round trip
     * per target, not two). Omitted = the rollups are asked.
     */
    rollupKeys?: ReadonlyMap<string, string>;
  } = {},
): Promise<TargetEvaluation> {
  const { asOf: requested, words: given, recordProvinces, rollupKeys, ...evaluationOpts } = opts;
  const goalText = describeGoal(target.goal);
  const definition = definitionOf(target);
  if (!definition) {
    return {
      target,
      definition: null,
      period: null,
      asOf: null,
      elapsed: null,
      value: null,
      status: 'not_defined',
      formula: null,
      goalText,
      facts: null,
    };
  }
  const dates = evaluationDatesAsOf({
    definition,
    planYear: target.planYear,
    today: localDateOf(ctx.now),
    asOf: requested,
  });
  const live = async () =>
    evaluateTargetFacts(ctx.db, {
      definition,
      ...dates,
      provinceIds: [target.provinceId],
      recordProvinceIds: recordProvinces ? await recordProvinces(dates.asOf) : undefined,
      ...evaluationOpts,
    });
  // Today's figure of the whole province comes from the rollups kept fresh on every write (issue 13,
  // packages/db/src/queries/rollups.ts) when they were built for today's evaluation; a past as-of, a unit's own
  // standing, a target not yet built today and the trends run the live SQL.
  const key =
    dates.until === undefined && !evaluationOpts.ownerUnitIds && target.ruleVersion !== null
      ? rollupKey(target.ruleVersion, dates)
      : null;
  const fromRollups =
    key !== null && (!rollupKeys || rollupKeys.get(target.planTargetId) === key)
      ? () =>
          rollupFacts(ctx.db, {
            targetId: target.planTargetId,
            key,
            input: { definition, ...dates, provinceIds: [target.provinceId] },
            behindLimit: evaluationOpts.behindLimit ?? 200,
          }).then((f) => f ?? live())
      : live;
  const [facts, words] = await Promise.all([
    fromRollups(),
    given ?? indicatorLabels(ctx.db, target.provinceId),
  ]);
  const value = indicatorValueOf(definition.value, facts);
  const status = judgeStatus({
    goal: definition.goal,
    value,
    elapsed: dates.elapsed,
    accumulates: accumulates(definition),
  });
  return {
    target,
    definition,
    period: dates.period,
    asOf: dates.asOf,
    elapsed: dates.elapsed,
    value,
    status,
    formula: formulaOf(target, definition, dates.period, words),
    goalText,
    facts,
  };
}

/**
 * Every target of a plan with its value, status, breakdowns and the first BEHIND_PREVIEW of who is behind (the DX
 * office dashboard); the whole list is paged through GET …/targets/:id/subjects.
 */
export async function evaluatePlanTargets({
  ctx,
  planId,
  asOf,
  behindLimit = BEHIND_PREVIEW,
}: {
  ctx: UseCaseContext;
  planId: string;
  /** As it stood at the close of this day; omitted = now. */
  asOf?: string;
  /** How many of those behind to list per target (0 = figures only: the national overview, issue 13). */
  behindLimit?: number;
}) {
  const { plan, targets } = await loadPlanTargets(ctx, planId);
  const { epochs } = ctx.actor;
  // Which targets were built for which evaluation, reused while no rollup was (re)built (migration 0025): a target not
  // built for today goes straight to the live SQL.
  const rollupKeys = await byEpoch(ctx.db, epochs, 'rollups', plan.id, () =>
    listRollupBuiltKeys(ctx.db, plan.id),
  );
  // Read once for every target, beside their evaluations (or reused while no label was written: queries/epochs.ts).
  const words = byEpoch(ctx.db, epochs, 'words', plan.provinceId, () =>
    indicatorLabels(ctx.db, plan.provinceId),
  );
  // The provinces whose records count, once per date for all targets (issue 12: one round trip, not one per target),
  // reused while no unit or succession was written.
  const byDate = new Map<string, Promise<string[]>>();
  const recordProvinces = (on: string) => {
    if (!byDate.has(on))
      byDate.set(
        on,
        byEpoch(ctx.db, epochs, 'units', `${plan.provinceId}|${on}`, () =>
          recordProvinceIdsOn(ctx.db, [plan.provinceId], on),
        ),
      );
    return byDate.get(on)!;
  };
  // Independent statements: on PostgreSQL they run in parallel on the pool; PGlite runs them one by one.
  const evaluations = await Promise.all(
    targets.map((t) => evaluateTarget(ctx, t, { behindLimit, asOf, words, recordProvinces, rollupKeys })),
  );
  return { plan, evaluations };
}
