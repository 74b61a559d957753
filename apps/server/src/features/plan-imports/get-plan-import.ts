import { getPlanImport, type PlanImportRow } from '@dx/db';
import { AppError, said } from '@dx/domain';
import { authorizeProvince, type UseCaseContext } from '../../use-case/context';

/** A stored import draft, for the DX office of its province (the only ones who may turn it into a plan). */
export async function getPlanImportDraft({
  ctx,
  importId,
}: {
  ctx: UseCaseContext;
  importId: string;
}): Promise<PlanImportRow> {
  const row = await getPlanImport(ctx.db, importId);
  if (!row) throw new AppError('RESOURCE.NOT_FOUND', said('planImport.notFound'), { importId });
  authorizeProvince(ctx, 'plan.write', row.provinceId);
  return row;
}
