import { correctUnitVersion, getUnitVersionById } from '@dx/db';
import { AppError, type OrgUnitKind, said } from '@dx/domain';
import {
  audit,
  authorizeUnit,
  inTransaction,
  type UseCaseContext,
  versionConflict,
} from '../../use-case/context';

/** Corrects a recorded version (a misspelt name, a wrong code): not a change in time, so no new version. */
export async function correctOrgUnit({
  ctx,
  versionId,
  expectedVersion,
  patch,
}: {
  ctx: UseCaseContext;
  versionId: string;
  expectedVersion: number;
  patch: { name: string; code: string | null; adminType: string | null; kind: OrgUnitKind };
}) {
  const existing = await getUnitVersionById(ctx.db, versionId);
  if (!existing) throw new AppError('ORG_UNIT.NOT_FOUND', said('unit.versionNotFound'), { versionId });
  const scope = await authorizeUnit(ctx, 'org_unit.correct', existing.unitId);
  return inTransaction(ctx, async (tx) => {
    const updated = await correctUnitVersion(tx, { versionId, expectedVersion, ...patch });
    if (!updated) {
      const now = await getUnitVersionById(tx, versionId);
      throw versionConflict(
        now && {
          versionId: now.id,
          version: now.version,
          name: now.name,
          code: now.code,
          adminType: now.adminType,
          kind: now.kind,
        },
      );
    }
    await audit(tx, ctx, {
      action: 'org_unit.correct',
      entityType: 'org_unit_version',
      entityId: versionId,
      provinceId: scope.provinceId,
      before: existing,
      after: updated,
    });
    return updated;
  });
}
