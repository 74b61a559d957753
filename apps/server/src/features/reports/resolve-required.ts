import { type Db, groupsInProvince, resolveRequiredUnits, unitsInForce } from '@dx/db';
import { said, validationError, worded } from '@dx/domain';

/**
 * The units that must report for a period: the chosen groups' members and the chosen units, as of the period end
 * (history keeps the structure it had at the time). Unknown groups, units of another province or units not in
 * force at the period end are refused by field.
 */
export async function resolveRequired(
  db: Db,
  f: { provinceId: string; groupIds: string[]; unitIds: string[]; asOf: string },
): Promise<{ unitId: string; viaGroupId: string | null }[]> {
  const groupIds = [...new Set(f.groupIds)];
  const unitIds = [...new Set(f.unitIds)];
  const groups = await groupsInProvince(db, f.provinceId, groupIds);
  const units = await unitsInForce(db, f.provinceId, unitIds, f.asOf);
  const issues = [
    ...f.groupIds
      .map((id, i) => ({ id, i }))
      .filter((g) => !groups.has(g.id))
      .map((g) => ({ path: ['body', 'groupIds', g.i], ...worded('group.missingInProvince') })),
    ...f.unitIds
      .map((id, i) => ({ id, i }))
      .filter((u) => !units.has(u.id))
      .map((u) => ({
        path: ['body', 'unitIds', u.i],
        ...worded('period.unitOutsideOrEnded'),
      })),
  ];
  if (issues.length) throw validationError(said('period.requiredInvalid'), issues);
  const resolved = await resolveRequiredUnits(db, {
    provinceId: f.provinceId,
    groupIds,
    unitIds,
    asOf: f.asOf,
  });
  if (resolved.length === 0)
    throw validationError(said('period.nobodyRequired'), [
      { path: ['body', 'groupIds'], ...worded('period.groupsEmpty') },
    ]);
  return resolved;
}
