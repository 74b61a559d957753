import { getPlanRow, getUrging, listUrgings as queryUrgings } from '@dx/db';
import { AppError, foldVietnamese, said } from '@dx/domain';
import { authorizeProvince, loadPlanFor, type UseCaseContext } from '../../use-case/context';
import { planRefOf, urgingDocumentOf } from './issue-urging';
import { renderUrgingDocx } from './urging-docx';

/** A plan's dispatches, newest first (read by everyone who reads the plan's targets in the province). */
export async function listUrgings({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  await loadPlanFor(ctx, planId, 'target.read');
  return queryUrgings(ctx.db, planId);
}

/** One dispatch as the DOCX that was issued (rendered from what was stored on issue, so it never changes). */
export async function getUrgingDocument({ ctx, urgingId }: { ctx: UseCaseContext; urgingId: string }) {
  const u = await getUrging(ctx.db, urgingId);
  if (!u) throw new AppError('RESOURCE.NOT_FOUND', said('urging.notFound'), { urgingId });
  authorizeProvince(ctx, 'target.read', u.provinceId);
  const plan = (await getPlanRow(ctx.db, u.planId))!;
  const bytes = await renderUrgingDocx(urgingDocumentOf(u, planRefOf(plan)));
  const fileName = `cong-van-don-doc-${u.number}-${u.year}-${foldVietnamese(u.frame.code).replace(/[^a-z0-9]+/g, '')}.docx`;
  return { bytes, fileName };
}
