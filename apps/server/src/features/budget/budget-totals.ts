import { listPlanBudgetLines, type PlanBudgetLine, planThemeNames, provinceSettingsOn } from '@dx/db';
import { type FundingSource, fundingSourceNames, localDateOf, sumDong } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { loadPlanFor } from '../../use-case/context';

export type TotalRow = {
  key: string | null;
  label: string;
  requested: number;
  consolidated: number;
  approved: number;
};

/** Past the first step (accepted by the DX office into the consolidated estimate, plan 54 V.1.d) or approved. */
export const isConsolidated = (l: PlanBudgetLine) =>
  l.estimateStatus === 'approved' || (l.estimateStatus === 'in_review' && (l.stepIndex ?? 0) >= 1);

/** Groups lines by one or more keys each (a task serving two themes counts under both), summing exactly. */
function group(
  lines: PlanBudgetLine[],
  keysOf: (l: PlanBudgetLine) => (string | null)[],
  labelOf: (k: string | null) => string,
): TotalRow[] {
  const m = new Map<string | null, TotalRow>();
  for (const l of lines) {
    for (const k of keysOf(l)) {
      const row = m.get(k) ?? { key: k, label: labelOf(k), requested: 0, consolidated: 0, approved: 0 };
      row.requested = sumDong([row.requested, l.amount]);
      if (isConsolidated(l)) row.consolidated = sumDong([row.consolidated, l.amount]);
      if (l.estimateStatus === 'approved') row.approved = sumDong([row.approved, l.amount]);
      m.set(k, row);
    }
  }
  return [...m.values()].sort((a, b) => b.requested - a.requested || a.label.localeCompare(b.label, 'vi'));
}

/**
 * Totals of a plan's estimates and supplementary requests (everything submitted), by funding source, unit, task and
 * theme (through the task's themes): requested (current amounts), consolidated by the DX office, and approved.
 */
export async function budgetTotals({ ctx, planId }: { ctx: UseCaseContext; planId: string }) {
  const plan = await loadPlanFor(ctx, planId, 'budget.read');
  const lines = await listPlanBudgetLines(ctx.db, planId);
  const themes = await planThemeNames(ctx.db, planId);
  const units = new Map(lines.map((l) => [l.unitId, l.unitName]));
  const tasks = new Map(lines.map((l) => [l.taskId, l.taskTitle]));
  // The province's own names of the funding sources, as in force on the day the totals stand at (issue 15).
  const inForce = await provinceSettingsOn(ctx.db, plan.provinceId, localDateOf(ctx.now));
  const sourceNames = fundingSourceNames(inForce.find((r) => r.key === 'funding_source_names')?.value);
  const sourceLabel = (k: string | null) => sourceNames[k as FundingSource] ?? String(k);
  const all = group(
    lines,
    () => [null],
    () => 'Tổng cộng',
  )[0] ?? { key: null, label: 'Tổng cộng', requested: 0, consolidated: 0, approved: 0 };
  return {
    plan,
    lines,
    sourceLabel,
    totals: {
      requested: all.requested,
      consolidated: all.consolidated,
      approved: all.approved,
      bySource: group(lines, (l) => [l.fundingSource], sourceLabel),
      byUnit: group(
        lines,
        (l) => [l.unitId],
        (k) => units.get(k ?? '') ?? '',
      ),
      byTask: group(
        lines,
        (l) => [l.taskId],
        (k) => (k ? (tasks.get(k) ?? '') : 'Không gắn nhiệm vụ'),
      ),
      byTheme: group(
        lines,
        (l) => (l.themeIds.length ? l.themeIds : [null]),
        (k) => {
          const t = k ? themes.get(k) : undefined;
          return t ? `${t.code} ${t.name}` : 'Không gắn nội dung tuyên truyền';
        },
      ),
    },
  };
}
