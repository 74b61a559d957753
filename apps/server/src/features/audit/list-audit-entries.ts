import { type AuditFilter, auditEntityNames, listAudit } from '@dx/db';
import { AppError, hasPermissionAnywhere, provincesFor, said } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { presentAuditEntry } from './audit.presenter';

/** Audit entries of the provinces the administrator manages (entries without a province: system administrators only). */
export async function listAuditEntries({
  ctx,
  filter,
}: {
  ctx: UseCaseContext;
  filter: Omit<AuditFilter, 'provinceIds'>;
}) {
  if (!hasPermissionAnywhere(ctx.actor.grants, 'audit.read'))
    throw new AppError('AUTH.FORBIDDEN', said('access.adminOnlyAudit'));
  const rows = await listAudit(ctx.db, {
    ...filter,
    provinceIds: provincesFor(ctx.actor.grants, 'audit.read'),
  });
  const names = await auditEntityNames(ctx.db, rows);
  return rows.map((r) => presentAuditEntry(r, names));
}
