import { listPlanTargetRules, type PlanRow } from '@dx/db';
import { AppError, formatDateVi, said, sortVi, targetCode, type UrgingSource } from '@dx/domain';
import type { UseCaseContext } from '../../use-case/context';
import { getPeriodCompleteness } from '../reports/get-period-completeness';
import { getTargetSubjects } from '../targets/list-target-subjects';
import { listTasks } from '../tasks/list-tasks';

/** The most units one dispatch names (a province has a few hundred units at most). */
const MAX_ROWS = 5000;

export type BehindList = {
  /** The subject after "V/v": "đôn đốc thực hiện chỉ tiêu 1.a …". */
  subject: string;
  lines: { unitId: string; unitName: string; owes: string[] }[];
};

/**
 * A who-is-behind list as units and what each owes, from the use case that owns the list (so the dispatch names
 * exactly the units the screen showed): a target's subjects behind, the lead parts of tasks past their due date, or
 * the units that have not submitted a period's report by its deadline.
 */
export async function collectBehind(
  ctx: UseCaseContext,
  plan: PlanRow,
  source: UrgingSource,
  sourceId: string | null,
  asOf: string,
): Promise<BehindList> {
  const byUnit = new Map<string, { unitName: string; owes: string[] }>();
  const add = (unitId: string, unitName: string, owe: string) => {
    const cur = byUnit.get(unitId) ?? { unitName, owes: [] };
    if (!cur.owes.includes(owe)) cur.owes.push(owe);
    byUnit.set(unitId, cur);
  };
  let subject: string;
  const planName = `Kế hoạch${plan.code ? ` số ${plan.code}` : ''}`;
  if (source === 'target') {
    const target = (await listPlanTargetRules(ctx.db, plan.id)).find((t) => t.planTargetId === sourceId);
    if (!target || !sourceId) throw new AppError('TARGET.NOT_FOUND', said('target.notFound'), { sourceId });
    const code = targetCode(target.letter);
    const { items } = await getTargetSubjects({
      ctx,
      planId: plan.id,
      planTargetId: sourceId,
      filter: { state: 'behind' },
      page: { offset: 0, limit: MAX_ROWS },
      asOf,
    });
    const labels = new Map<string, string[]>();
    for (const s of items) {
      if (!s.unitId) continue;
      const cur = labels.get(s.unitId) ?? [];
      if (s.label && s.label !== s.unitName) cur.push(s.label);
      labels.set(s.unitId, cur);
      if (!byUnit.has(s.unitId)) byUnit.set(s.unitId, { unitName: s.unitName ?? s.label, owes: [] });
    }
    for (const [unitId, ls] of labels) {
      const shown = ls.slice(0, 5).join(', ') + (ls.length > 5 ? ` và ${ls.length - 5} đối tượng khác` : '');
      add(unitId, byUnit.get(unitId)!.unitName, `Chỉ tiêu ${code}${shown ? `: ${shown}` : ''} chưa đạt`);
    }
    subject = `đôn đốc thực hiện chỉ tiêu ${code} của ${planName}`;
  } else if (source === 'tasks') {
    const { items } = await listTasks({
      ctx,
      planId: plan.id,
      filter: { status: 'overdue', limit: 1000, offset: 0 },
    });
    for (const t of items)
      for (const a of t.assignments)
        if (a.role === 'lead' && a.effectiveStatus === 'overdue')
          add(
            a.unitId,
            a.unitName,
            `Nhiệm vụ ${t.stt ? `${t.stt}. ` : ''}"${t.title}" (hạn ${t.timeFrame.dueDate ? formatDateVi(t.timeFrame.dueDate) : '—'})`,
          );
    subject = `đôn đốc thực hiện các nhiệm vụ quá hạn của ${planName}`;
  } else {
    if (!sourceId) throw new AppError('REPORT.PERIOD_NOT_FOUND', said('urging.choosePeriod'), { sourceId });
    const c = await getPeriodCompleteness({ ctx, periodId: sourceId });
    if (c.period.planId !== plan.id)
      throw new AppError('REPORT.PERIOD_NOT_FOUND', said('period.notInPlan'), { sourceId });
    for (const u of c.units)
      if (u.class === 'missing')
        add(u.unitId, u.unitName, `Báo cáo ${c.period.label} (hạn ${formatDateVi(c.period.dueDate)})`);
    subject = `đôn đốc nộp báo cáo ${c.period.label} thực hiện ${planName}`;
  }
  const lines = sortVi(
    [...byUnit].map(([unitId, v]) => ({ unitId, ...v })),
    (l) => l.unitName,
  );
  return { subject, lines };
}
