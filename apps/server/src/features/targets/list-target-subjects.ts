import { listTargetSubjects, type SubjectFilter, type SubjectPage } from '@dx/db';
import { AppError, evaluationDatesAsOf, type IndicatorRecord, localDateOf, said } from '@dx/domain';
import { authorizeUnit, readableIn, type UseCaseContext } from '../../use-case/context';
import { definitionOf } from './evaluate-plan-targets';
import { loadPlanTarget } from './get-target-definition';

/**
 * The subjects behind one figure of a target, with the records that make each count or the absence of them
 * (docs/design.md: every figure links to the records behind it): the whole population, one breakdown cell (a district,
 * the city level, a unit kind) or one unit, in one state, paged. Evaluated live with the same SQL as the figure.
 */
export async function getTargetSubjects({
  ctx,
  planId,
  planTargetId,
  filter,
  page,
  asOf,
}: {
  ctx: UseCaseContext;
  planId: string;
  planTargetId: string;
  filter: SubjectFilter;
  page: { offset: number; limit: number };
  /** As it stood at the close of this day; omitted = now. */
  asOf?: string;
}): Promise<SubjectPage & { subjectType: IndicatorRecord }> {
  const { plan, target } = await loadPlanTarget(ctx, planId, planTargetId, 'target.read');
  if (filter.unitId) {
    const scope = await authorizeUnit(ctx, 'record.read', filter.unitId);
    if (scope.provinceId !== plan.provinceId)
      throw new AppError('AUTH.FORBIDDEN', said('unit.notInPlanProvince'));
  }
  if (!target.rule) return { total: 0, items: [], subjectType: 'unit' };
  const definition = definitionOf(target);
  if (!definition) return { total: 0, items: [], subjectType: target.rule.population.record };
  const dates = evaluationDatesAsOf({
    definition,
    planYear: target.planYear,
    today: localDateOf(ctx.now),
    asOf,
  });
  // The figure is province-wide, but a target counting people lists names: those only within the reader's reach of
  // people's personal data (a unit officer: its own subtree, as the units stood on the figure's date; docs/security.md).
  const people = definition.population.record === 'person';
  const reach = people ? readableIn(ctx, 'person.read', target.provinceId) : undefined;
  const result = await listTargetSubjects(
    ctx.db,
    { definition, ...dates, provinceIds: [target.provinceId] },
    { ...filter, readable: reach && { ...reach, asOf: dates.asOf } },
    page,
  );
  return { ...result, subjectType: definition.population.record };
}
