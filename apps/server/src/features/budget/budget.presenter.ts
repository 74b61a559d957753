import type {
  BudgetEventOut,
  BudgetLineOut,
  BudgetRevisionOut,
  BudgetTotalRowOut,
  BudgetTotalsOut,
  EstimateOut,
  EstimateSummaryOut,
} from '@dx/contracts';
import type { BudgetEventRow, BudgetLineRow, BudgetRevisionRow, EstimateListItem, EstimateRow } from '@dx/db';
import { APPROVAL_ACTION_TYPES, type ApprovalActionType, type ApprovalChain, currentStep } from '@dx/domain';
import { stateOf } from './load-estimate';

// What leaves the server about budget estimates (never a database row): the shapes are packages/contracts/src/budget.ts.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(
  e: EstimateRow,
  extra: { unitName: string; total: number; lineCount: number },
  chain: ApprovalChain,
) {
  const step = currentStep(chain, stateOf(e));
  return {
    id: e.id,
    provinceId: e.provinceId,
    planId: e.planId,
    unitId: e.unitId,
    unitName: extra.unitName,
    kind: e.kind as EstimateSummaryOut['kind'],
    parentId: e.parentId,
    title: e.title,
    note: e.note,
    status: e.status as EstimateSummaryOut['status'],
    round: e.round,
    stepIndex: e.stepIndex,
    stepLabel: step?.label ?? null,
    returnReason: e.returnReason,
    total: extra.total,
    lineCount: extra.lineCount,
    version: e.version,
    submittedAt: iso(e.submittedAt),
    approvedAt: iso(e.approvedAt),
    updatedAt: e.updatedAt.toISOString(),
  } satisfies EstimateSummaryOut;
}

export const presentListItem = (e: EstimateListItem, chain: ApprovalChain) => presentSummary(e, e, chain);

export function presentEstimate(a: {
  estimate: EstimateRow;
  unitName: string;
  lines: BudgetLineRow[];
  events: BudgetEventRow[];
  revisions: BudgetRevisionRow[];
  attachments: { id: string; fileName: string; contentType: string; size: number; createdAt: Date }[];
  chain: ApprovalChain;
  availableActions: ApprovalActionType[];
  canEdit: boolean;
  supplementApprovedTotal: number;
}) {
  const total = a.lines.reduce((s, l) => s + l.amount, 0);
  const requestedTotal = a.lines.reduce((s, l) => s + l.requestedAmount, 0);
  const approved = a.estimate.status === 'approved';
  return {
    ...presentSummary(a.estimate, { unitName: a.unitName, total, lineCount: a.lines.length }, a.chain),
    lines: a.lines.map((l) => ({
      id: l.id,
      position: l.position,
      taskId: l.taskId,
      content: l.content,
      unitCost: l.unitCost,
      quantity: l.quantity,
      amount: l.amount,
      requestedAmount: l.requestedAmount,
      fundingSource: l.fundingSource as BudgetLineOut['fundingSource'],
      adjustReason: l.adjustReason,
      adjustedAt: iso(l.adjustedAt),
    })),
    requestedTotal,
    approvedTotal: approved ? total + a.supplementApprovedTotal : 0,
    supplementApprovedTotal: a.supplementApprovedTotal,
    events: a.events.map((e) => ({
      id: e.id,
      // Text columns written only by the use cases of this folder, with these words.
      action: e.action as BudgetEventOut['action'],
      round: e.round,
      stepKey: e.stepKey,
      stepLabel: e.stepLabel,
      fromStatus: e.fromStatus as BudgetEventOut['fromStatus'],
      toStatus: e.toStatus as BudgetEventOut['toStatus'],
      reason: e.reason,
      revisionSeq: e.revisionSeq,
      actorName: e.actorName,
      at: e.createdAt.toISOString(),
    })),
    revisions: a.revisions.map((r) => ({
      seq: r.seq,
      round: r.round,
      kind: r.kind as BudgetRevisionOut['kind'],
      total: r.total,
      at: r.createdAt.toISOString(),
    })),
    attachments: a.attachments.map((f) => ({
      id: f.id,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      at: f.createdAt.toISOString(),
    })),
    chain: a.chain,
    availableActions: APPROVAL_ACTION_TYPES.filter((t) => a.availableActions.includes(t)),
    canEdit: a.canEdit,
  } satisfies EstimateOut;
}

type TotalsIn = Omit<BudgetTotalsOut, 'byTask' | 'byTheme'> & {
  byTask: (Omit<BudgetTotalRowOut, 'label'> & { label: string })[];
  byTheme: (Omit<BudgetTotalRowOut, 'label'> & { label: string })[];
};
/** The totals as they leave: the rows of no task or no theme carry no words (the web's catalogue names them). */
export const presentTotals = (t: TotalsIn) =>
  ({
    ...t,
    byTask: t.byTask.map((r) => (r.key === null ? { ...r, label: null } : r)),
    byTheme: t.byTheme.map((r) => (r.key === null ? { ...r, label: null } : r)),
  }) satisfies BudgetTotalsOut;
