import { unitGroupCodes, unitsInProvince } from '@dx/db';
import { AppError, type FieldIssue, type PlanDocument, said, validatePlanDocument, worded } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';

/**
 * Validates a whole plan (fields, Decree 30 numbering) and its links: target subjects and responsibilities
 * must name unit groups and units of the plan's province. Throws VALIDATION.FAILED with `body.…` field paths.
 */
export async function checkPlan(
  ctx: UseCaseContext,
  provinceId: string,
  input: unknown,
): Promise<PlanDocument> {
  const result = validatePlanDocument(input);
  if (!result.ok) throw invalid(result.issues);
  const doc = result.value;
  const issues: FieldIssue[] = [];
  const groups = await unitGroupCodes(ctx.db, provinceId);
  doc.targets.forEach((t, i) => {
    if (t.subject.type === 'unit_group' && !groups.has(t.subject.unitGroupCode)) {
      issues.push({
        path: ['targets', i, 'subject', 'unitGroupCode'],
        ...worded('group.notInProvince'),
      });
    }
  });
  const unitIds = doc.responsibilities.flatMap((r) => [...r.unitRefs, ...r.items.flatMap((x) => x.unitRefs)]);
  const known = await unitsInProvince(
    ctx.db,
    provinceId,
    unitIds.flatMap((u) => (u.type === 'unit' ? [u.unitId] : [])),
  );
  doc.responsibilities.forEach((r, i) => {
    const check = (refs: typeof r.unitRefs, path: (string | number)[]) =>
      refs.forEach((u, j) => {
        if (u.type === 'unit' && !known.has(u.unitId)) {
          issues.push({
            path: [...path, j, 'unitId'],
            ...worded('unit.notInPlanProvince'),
          });
        }
        if (u.type === 'unit_group' && !groups.has(u.unitGroupCode)) {
          issues.push({
            path: [...path, j, 'unitGroupCode'],
            ...worded('group.notInProvince'),
          });
        }
      });
    check(r.unitRefs, ['responsibilities', i, 'unitRefs']);
    for (const [k, it] of r.items.entries())
      check(it.unitRefs, ['responsibilities', i, 'items', k, 'unitRefs']);
  });
  if (issues.length) throw invalid(issues);
  return doc;
}

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION.FAILED', said('plan.invalid'), {
    issues: issues.map((i) => ({ ...i, path: ['body', ...i.path] })),
  });
}

/** The number is already used by this issuer in this year (Nghị định 30/2020: numbers restart each year). */
export function duplicateNumber(number: string | null): AppError {
  return new AppError('PLAN.DUPLICATE_NUMBER', said('plan.numberUsed', { number: number ?? '' }), {
    issues: [{ path: ['body', 'number'], ...worded('plan.numberTaken', { number: number ?? '' }) }],
  });
}
