import type { BudgetEventRow, BudgetLineRow, BudgetRevisionRow, EstimateListItem, EstimateRow } from '@dx/db';
import {
  APPROVAL_ACTION_TYPES,
  type ApprovalActionType,
  type ApprovalChain,
  approvalStep,
  currentStep,
  ESTIMATE_KINDS,
  ESTIMATE_STATUSES,
  FUNDING_SOURCES,
} from '@dx/domain';
import { z } from 'zod';
import { stateOf } from './load-estimate';

// What leaves the server about budget estimates (never a database row).

const money = z.number().int().min(0);
export const lineOut = z.object({
  id: z.string(),
  position: z.number().int(),
  taskId: z.string().nullable(),
  content: z.string(),
  unitCost: money,
  quantity: z.number().int(),
  amount: money,
  requestedAmount: money,
  fundingSource: z.enum(FUNDING_SOURCES),
  adjustReason: z.string().nullable(),
  adjustedAt: z.string().nullable(),
});
export const eventOut = z.object({
  id: z.number().int(),
  action: z.string(),
  round: z.number().int(),
  stepKey: z.string().nullable(),
  stepLabel: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  revisionSeq: z.number().int().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export const revisionOut = z.object({
  seq: z.number().int(),
  round: z.number().int(),
  kind: z.enum(['submitted', 'adjusted', 'approved']),
  total: money,
  at: z.string(),
});
export const attachmentOut = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  at: z.string(),
});
export const estimateSummaryOut = z.object({
  id: z.string(),
  provinceId: z.string(),
  planId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(ESTIMATE_KINDS),
  parentId: z.string().nullable(),
  title: z.string(),
  note: z.string(),
  status: z.enum(ESTIMATE_STATUSES),
  round: z.number().int(),
  stepIndex: z.number().int().nullable(),
  stepLabel: z.string().nullable(),
  returnReason: z.string().nullable(),
  total: money,
  lineCount: z.number().int(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const estimateOut = estimateSummaryOut.extend({
  lines: z.array(lineOut),
  /** Requested in this estimate as the unit last submitted it (before appraisal). */
  requestedTotal: money,
  /** This estimate's approved amount plus its approved supplementary requests (0 until approved). */
  approvedTotal: money,
  supplementApprovedTotal: money,
  events: z.array(eventOut),
  revisions: z.array(revisionOut),
  attachments: z.array(attachmentOut),
  chain: z.array(approvalStep),
  /** Exactly the moves the server will accept from the caller now (workflow/approval.ts availableActions). */
  availableActions: z.array(z.enum(APPROVAL_ACTION_TYPES)),
  /** Whether the caller may edit the lines now (its unit's draft or returned estimate). */
  canEdit: z.boolean(),
});
export type EstimateOut = z.infer<typeof estimateOut>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(
  e: EstimateRow,
  extra: { unitName: string; total: number; lineCount: number },
  chain: ApprovalChain,
): z.infer<typeof estimateSummaryOut> {
  const step = currentStep(chain, stateOf(e));
  return {
    id: e.id,
    provinceId: e.provinceId,
    planId: e.planId,
    unitId: e.unitId,
    unitName: extra.unitName,
    kind: e.kind as (typeof ESTIMATE_KINDS)[number],
    parentId: e.parentId,
    title: e.title,
    note: e.note,
    status: e.status as (typeof ESTIMATE_STATUSES)[number],
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
  };
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
}): EstimateOut {
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
      fundingSource: l.fundingSource as (typeof FUNDING_SOURCES)[number],
      adjustReason: l.adjustReason,
      adjustedAt: iso(l.adjustedAt),
    })),
    requestedTotal,
    approvedTotal: approved ? total + a.supplementApprovedTotal : 0,
    supplementApprovedTotal: a.supplementApprovedTotal,
    events: a.events.map((e) => ({
      id: e.id,
      action: e.action,
      round: e.round,
      stepKey: e.stepKey,
      stepLabel: e.stepLabel,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
      revisionSeq: e.revisionSeq,
      actorName: e.actorName,
      at: e.createdAt.toISOString(),
    })),
    revisions: a.revisions.map((r) => ({
      seq: r.seq,
      round: r.round,
      kind: r.kind as 'submitted' | 'adjusted' | 'approved',
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
  };
}
