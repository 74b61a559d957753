import type { PlanTargetRule } from '@dx/db';
import type { UseCaseContext } from '../../use-case/context';
import { evaluateTarget, type FormulaWords, type TargetEvaluation } from '../targets/evaluate-plan-targets';

/**
 * One target evaluated as it stood at the close of `date` (a report's figures date, domain `reportFiguresDate`):
 * the dashboard's own evaluation asked as of that date (the trend point of that day; on today the card itself), so a
 * report and the dashboard cannot disagree.
 */
export function evaluateTargetOn(
  ctx: Pick<UseCaseContext, 'db' | 'now'>,
  target: PlanTargetRule,
  o: {
    date: string;
    ownerUnitIds?: string[];
    behindLimit?: number;
    words?: FormulaWords | Promise<FormulaWords>;
  },
): Promise<TargetEvaluation> {
  return evaluateTarget(ctx, target, {
    asOf: o.date,
    ownerUnitIds: o.ownerUnitIds,
    behindLimit: o.behindLimit,
    words: o.words,
  });
}
