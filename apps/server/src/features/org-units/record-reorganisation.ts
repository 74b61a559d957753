import {
  applyReorganisation,
  endedGrantUnits,
  getChildrenOn,
  getPathOn,
  getUnitVersions,
  lockUnits,
  usersGrantedOn,
} from '@dx/db';
import {
  AppError,
  type FieldIssue,
  localDateOf,
  planReorganisation,
  type ReorganisationInput,
  said,
  validationError,
} from '@dx/domain';
import { audit, authorizeUnit, inTransaction, type UseCaseContext } from '../../use-case/context';
import { moveGrantsAfterReorganisation } from '../users/follow-successors';

/** Units the input names, with the field path each came from (for errors). */
function namedUnits(
  input: ReorganisationInput,
): { unitId: string; path: (string | number)[]; isParent: boolean }[] {
  switch (input.type) {
    case 'create':
      return input.unit.parentUnitId
        ? [{ unitId: input.unit.parentUnitId, path: ['unit', 'parentUnitId'], isParent: true }]
        : [];
    case 'rename':
    case 'end':
      return [{ unitId: input.unitId, path: ['unitId'], isParent: false }];
    case 'move':
      return [
        { unitId: input.unitId, path: ['unitId'], isParent: false },
        ...(input.parentUnitId
          ? [{ unitId: input.parentUnitId, path: ['parentUnitId'], isParent: true }]
          : []),
      ];
    case 'merge':
      return [
        ...input.sources.map((s, i) => ({
          unitId: s.unitId,
          path: ['sources', i, 'unitId'],
          isParent: false,
        })),
        ...(input.intoUnitId ? [{ unitId: input.intoUnitId, path: ['intoUnitId'], isParent: false }] : []),
        ...(input.intoNew?.parentUnitId
          ? [{ unitId: input.intoNew.parentUnitId, path: ['intoNew', 'parentUnitId'], isParent: true }]
          : []),
      ];
    case 'split':
      return [
        { unitId: input.unitId, path: ['unitId'], isParent: false },
        ...input.into.flatMap((u, i) =>
          u.parentUnitId
            ? [{ unitId: u.parentUnitId, path: ['into', i, 'parentUnitId'], isParent: true }]
            : [],
        ),
      ];
  }
}

/** The planner names fields of the input; the client gets them under `body`, like every other validation error. */
function underBody<T>(plan: () => T): T {
  try {
    return plan();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'VALIDATION.FAILED') throw error;
    const issues = (error.details?.issues ?? []) as FieldIssue[];
    throw validationError(
      error.message,
      issues.map((i) => ({ ...i, path: ['body', ...i.path] })),
    );
  }
}

/**
 * Records a merge, split, rename, move, creation or end of units with an effective date. Only the versions in
 * force on that date are closed; history before it never changes. One transaction; audited.
 */
export async function recordReorganisation({
  ctx,
  input,
}: {
  ctx: UseCaseContext;
  input: ReorganisationInput;
}) {
  const named = namedUnits(input);
  if (input.type === 'create' && !input.unit.parentUnitId) {
    // A new province: only a system administrator (global grant).
    if (!ctx.actor.grants.some((g) => g.role === 'administrator' && g.unitId === null)) {
      throw new AppError('AUTH.FORBIDDEN', said('access.systemAdminNewProvince'));
    }
  }
  let provinceId: string | null = null;
  for (const n of named) {
    const scope = await authorizeUnit(ctx, 'org_unit.reorganise', n.unitId);
    provinceId ??= scope.provinceId;
  }
  const ids = [...new Set(named.map((n) => n.unitId))];
  // Grants move only for a change already in effect: before its date the old unit is still the one they work for.
  if (input.moveGrants && input.effectiveDate > localDateOf(ctx.now)) {
    throw validationError('Chỉ chuyển quyền khi thay đổi đã có hiệu lực', [
      {
        path: ['body', 'moveGrants'],
        message: 'Thay đổi chưa có hiệu lực: chuyển quyền ở màn hình Tài khoản từ ngày có hiệu lực',
      },
    ]);
  }
  return inTransaction(ctx, async (tx) => {
    // Serialise concurrent reorganisations of the same units.
    await lockUnits(tx, ids);
    const versionsByUnit = await getUnitVersions(tx, ids);
    const childrenOn = await getChildrenOn(tx, ids, input.effectiveDate);
    const ancestorsOn = new Map<string, string[]>();
    for (const n of named.filter((x) => x.isParent))
      ancestorsOn.set(n.unitId, await getPathOn(tx, n.unitId, input.effectiveDate));
    const plan = underBody(() => planReorganisation(input, { versionsByUnit, childrenOn, ancestorsOn }));
    const result = await applyReorganisation(tx, plan, {
      type: input.type,
      effectiveDate: input.effectiveDate,
      legalBasis: input.legalBasis,
      note: input.note,
      actorId: ctx.actor.userId,
      provinceId,
    });
    await audit(tx, ctx, {
      action: `org_unit.${input.type}`,
      entityType: 'reorganisation',
      entityId: result.reorganisationId,
      provinceId: result.provinceId,
      before: Object.fromEntries([...versionsByUnit].map(([id, vs]) => [id, vs.at(-1)])),
      after: { input, createdUnitIds: result.createdUnitIds, operations: plan.ops.length },
    });
    // Issue 15: the accounts granted on the units this ended, moved to the unit standing for each if asked.
    const endedHere = named.filter((n) => !n.isParent).map((n) => n.unitId);
    const ended = await endedGrantUnits(tx, endedHere, input.effectiveDate);
    const granted = await usersGrantedOn(tx, [...ended.keys()]);
    const grants =
      input.moveGrants && granted.length > 0
        ? await moveGrantsAfterReorganisation(tx, ctx, {
            userIds: granted,
            ended,
            reorganisationId: result.reorganisationId,
          })
        : { moved: [], left: granted };
    return { ...result, grantsMoved: grants.moved, grantsLeft: grants.left };
  });
}
