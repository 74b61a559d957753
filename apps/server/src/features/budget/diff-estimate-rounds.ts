import type { BudgetRevisionOut } from '@dx/contracts';
import { getBudgetRevision, listBudgetRevisions } from '@dx/db';
import { AppError, diffLines, said } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { loadEstimateFor } from './load-estimate';

/**
 * What changed between two revisions of an estimate, line by line (added / removed / changed, with the appraisal's
 * reason). Without `from`/`to`: the first submission against the latest revision.
 */
export async function diffEstimateRounds({
  ctx,
  estimateId,
  from,
  to,
}: {
  ctx: UseCaseContext;
  estimateId: string;
  from?: number;
  to?: number;
}) {
  await loadEstimateFor(ctx, estimateId, 'budget.read_item');
  const all = await listBudgetRevisions(ctx.db, estimateId);
  const fromSeq = from ?? all[0]?.seq;
  const toSeq = to ?? all.at(-1)?.seq;
  const a = fromSeq === undefined ? null : await getBudgetRevision(ctx.db, estimateId, fromSeq);
  const b = toSeq === undefined ? null : await getBudgetRevision(ctx.db, estimateId, toSeq);
  if (!a || !b)
    throw new AppError('BUDGET.NOT_FOUND', said('budget.roundNotFound'), {
      estimateId,
      from: fromSeq ?? null,
      to: toSeq ?? null,
    });
  const d = diffLines(a.lines, b.lines);
  const head = (r: typeof a) => ({
    seq: r.seq,
    round: r.round,
    kind: r.kind as BudgetRevisionOut['kind'],
    total: r.total,
    at: r.createdAt.toISOString(),
  });
  return { from: head(a), to: head(b), ...d };
}
