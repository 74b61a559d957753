import {
  deleteUnitGroup as deleteGroupRow,
  getUnitGroup,
  getUnitScope,
  insertUnitGroup,
  listGroupMembers,
  listUnitGroups as queryGroups,
  replaceGroupMembers,
  updateUnitGroup as updateGroupRow,
} from '@dx/db';
import { AppError, localDateOf, type OrgUnitKind, said, worded } from '@dx/domain';
import { isUniqueViolation } from '../../http/errors';
import {
  audit,
  authorizeProvince,
  inTransaction,
  type UseCaseContext,
  versionConflict,
} from '../../use-case/context';

/** Groups of a province ("all departments", custom lists) that targets and tasks refer to. */
export async function listUnitGroups({
  ctx,
  provinceId,
  asOf,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  asOf: string;
}) {
  authorizeProvince(ctx, 'unit_group.read', provinceId);
  return queryGroups(ctx.db, provinceId, asOf);
}

async function loadGroup(ctx: UseCaseContext, groupId: string) {
  const group = await getUnitGroup(ctx.db, groupId);
  if (!group) throw new AppError('RESOURCE.NOT_FOUND', said('group.notFound'), { groupId });
  return group;
}

/** A group with its members in force on a date. */
export async function getUnitGroupWithMembers({
  ctx,
  groupId,
  asOf,
}: {
  ctx: UseCaseContext;
  groupId: string;
  asOf: string;
}) {
  const group = await loadGroup(ctx, groupId);
  authorizeProvince(ctx, 'unit_group.read', group.provinceId);
  return { group, members: await listGroupMembers(ctx.db, group, asOf) };
}

/** Explicit members must be units of the group's province. */
async function checkMembers(ctx: UseCaseContext, provinceId: string, unitIds: string[]) {
  for (const [i, unitId] of unitIds.entries()) {
    const scope = await getUnitScope(ctx.db, unitId, localDateOf(ctx.now));
    if (!scope || scope.provinceId !== provinceId) {
      throw new AppError('VALIDATION.FAILED', said('group.unitOutside'), {
        issues: [{ path: ['body', 'memberIds', i], ...worded('unit.invalidOrElsewhere') }],
      });
    }
  }
}

export type UnitGroupInput = { name: string; kinds: OrgUnitKind[]; memberIds: string[] };

const codeTaken = () =>
  new AppError('RESOURCE.CONFLICT', said('group.codeTaken'), {
    issues: [{ path: ['body', 'code'], ...worded('group.codeExists') }],
  });

export async function createUnitGroup({
  ctx,
  provinceId,
  code,
  input,
}: {
  ctx: UseCaseContext;
  provinceId: string;
  code: string;
  input: UnitGroupInput;
}) {
  authorizeProvince(ctx, 'unit_group.write', provinceId);
  await checkMembers(ctx, provinceId, input.memberIds);
  try {
    return await inTransaction(ctx, async (tx) => {
      const group = await insertUnitGroup(tx, {
        provinceId,
        code,
        name: input.name,
        rule: input.kinds.length ? { kinds: input.kinds } : null,
      });
      await replaceGroupMembers(tx, group.id, input.memberIds);
      await audit(tx, ctx, {
        action: 'unit_group.create',
        entityType: 'unit_group',
        entityId: group.id,
        provinceId,
        after: { code, ...input },
      });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken();
    throw error;
  }
}

export async function updateUnitGroup({
  ctx,
  groupId,
  expectedVersion,
  input,
}: {
  ctx: UseCaseContext;
  groupId: string;
  expectedVersion: number;
  input: Partial<UnitGroupInput>;
}) {
  const group = await loadGroup(ctx, groupId);
  authorizeProvince(ctx, 'unit_group.write', group.provinceId);
  if (group.isSystem && input.kinds) {
    throw new AppError('VALIDATION.FAILED', said('group.systemRules'), {
      issues: [{ path: ['body', 'kinds'], ...worded('group.systemEditable') }],
    });
  }
  if (input.memberIds) await checkMembers(ctx, group.provinceId, input.memberIds);
  return inTransaction(ctx, async (tx) => {
    const updated = await updateGroupRow(tx, groupId, expectedVersion, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.kinds !== undefined && { rule: input.kinds.length ? { kinds: input.kinds } : null }),
    });
    if (!updated) {
      const now = (await getUnitGroup(tx, groupId))!;
      throw versionConflict({ id: now.id, version: now.version, name: now.name, rule: now.rule });
    }
    if (input.memberIds) await replaceGroupMembers(tx, groupId, input.memberIds);
    await audit(tx, ctx, {
      action: 'unit_group.update',
      entityType: 'unit_group',
      entityId: groupId,
      provinceId: group.provinceId,
      before: { name: group.name, rule: group.rule },
      after: input,
    });
    return updated;
  });
}

export async function deleteUnitGroup({ ctx, groupId }: { ctx: UseCaseContext; groupId: string }) {
  const group = await loadGroup(ctx, groupId);
  authorizeProvince(ctx, 'unit_group.write', group.provinceId);
  if (group.isSystem) throw new AppError('RESOURCE.CONFLICT', said('group.systemDelete'));
  await inTransaction(ctx, async (tx) => {
    await deleteGroupRow(tx, groupId);
    await audit(tx, ctx, {
      action: 'unit_group.delete',
      entityType: 'unit_group',
      entityId: groupId,
      provinceId: group.provinceId,
      before: group,
    });
  });
}
