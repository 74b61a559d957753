import {
  APPROVAL_ACTION_TYPES,
  approvalChain,
  approvalStep,
  BUDGET_DIFF_FIELDS,
  budgetLinesInput,
  ESTIMATE_KINDS,
  ESTIMATE_STATUSES,
  FUNDING_SOURCES,
  lineAdjustment,
} from '@dx/domain';
import { z } from 'zod';
import { pagination, recordVersion } from './common';

// Requests

export const budgetPlanParams = z.object({ planId: z.uuid('Mã kế hoạch không hợp lệ') });
export const estimateParams = z.object({ estimateId: z.uuid('Mã dự toán không hợp lệ') });
export const budgetProvinceParams = z.object({ provinceId: z.uuid('Mã tỉnh/thành phố không hợp lệ') });
export const budgetAttachmentParams = z.object({ attachmentId: z.uuid('Mã tệp không hợp lệ') });
// NUL characters are refused in every body and query by apps/server/src/http/input-guard.ts.
const text = (max: number) => z.string().trim().max(max, `Tối đa ${max} ký tự`);
const seq = z.coerce.number().int().min(1).max(100_000);

export const estimatesQuery = z.object({
  status: z.enum(ESTIMATE_STATUSES).optional(),
  unitId: z.uuid().optional(),
  kind: z.enum(ESTIMATE_KINDS).optional(),
  parentId: z.uuid().optional(),
  ...pagination,
});

/** Amounts are integer đồng; a line without `amount` costs unitCost × quantity. */
export const createEstimateBody = z.object({
  unitId: z.uuid('Mã đơn vị không hợp lệ'),
  title: text(500).min(1, 'Nhập tên dự toán'),
  note: text(5000).optional(),
  kind: z.enum(ESTIMATE_KINDS).default('estimate'),
  parentId: z.uuid('Mã dự toán gốc không hợp lệ').nullable().optional(),
  lines: budgetLinesInput.default([]),
});
export type CreateEstimateBody = z.input<typeof createEstimateBody>;

export const saveEstimateLinesBody = z.object({
  version: recordVersion,
  title: text(500).min(1, 'Nhập tên dự toán').optional(),
  note: text(5000).optional(),
  lines: budgetLinesInput,
});
export type SaveEstimateLinesBody = z.input<typeof saveEstimateLinesBody>;
/** One line as the web's editor sends it (the body's line). */
export type EstimateLineBody = SaveEstimateLinesBody['lines'][number];

export const estimateActionBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit'), version: recordVersion }),
  z.object({ type: z.literal('forward'), version: recordVersion }),
  z.object({ type: z.literal('approve'), version: recordVersion }),
  z.object({
    type: z.literal('return'),
    version: recordVersion,
    reason: text(2000).min(5, 'Nêu lý do trả lại (ít nhất 5 ký tự)'),
  }),
]);
export type EstimateActionBody = z.input<typeof estimateActionBody>;

export const adjustEstimateBody = z.object({
  version: recordVersion,
  adjustments: z.array(lineAdjustment).min(1, 'Chọn ít nhất một dòng').max(500),
});
export type AdjustEstimateBody = z.input<typeof adjustEstimateBody>;

export const estimateDiffQuery = z.object({ from: seq.optional(), to: seq.optional() });

export const budgetAttachmentBody = z.object({
  fileName: text(255).min(1, 'Thiếu tên tệp'),
  /** Accepted for older clients and ignored: the type is judged from the extension and the bytes. */
  contentType: text(100).optional(),
  contentBase64: z
    .base64('Nội dung tệp phải mã hoá base64')
    .max(5_500_000, 'Tệp quá lớn (tối đa khoảng 4 MB)'),
});
export type BudgetAttachmentBody = z.input<typeof budgetAttachmentBody>;

/** version 0 while the province has never saved its chain. */
export const budgetChainBody = z.object({
  version: z.number().int().min(0).max(2_147_483_647),
  chain: approvalChain,
});

// Responses

const money = z.number().int().min(0);

export const budgetLineOut = z.object({
  id: z.uuid(),
  position: z.number().int(),
  taskId: z.uuid().nullable(),
  content: z.string(),
  unitCost: money,
  quantity: z.number().int(),
  amount: money,
  requestedAmount: money,
  fundingSource: z.enum(FUNDING_SOURCES),
  adjustReason: z.string().nullable(),
  adjustedAt: z.string().nullable(),
});
export type BudgetLineOut = z.infer<typeof budgetLineOut>;

/** What an estimate's history records: its creation, edits and attachments, and the steps of its road. */
export const BUDGET_EVENT_ACTIONS = ['create', 'edit', 'attach', ...APPROVAL_ACTION_TYPES] as const;

export const budgetEventOut = z.object({
  id: z.number().int(),
  action: z.enum(BUDGET_EVENT_ACTIONS),
  round: z.number().int(),
  stepKey: z.string().nullable(),
  stepLabel: z.string().nullable(),
  fromStatus: z.enum(ESTIMATE_STATUSES).nullable(),
  toStatus: z.enum(ESTIMATE_STATUSES).nullable(),
  reason: z.string().nullable(),
  revisionSeq: z.number().int().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type BudgetEventOut = z.infer<typeof budgetEventOut>;

export const BUDGET_REVISION_KINDS = ['submitted', 'adjusted', 'approved'] as const;
export const budgetRevisionOut = z.object({
  seq: z.number().int(),
  round: z.number().int(),
  kind: z.enum(BUDGET_REVISION_KINDS),
  total: money,
  at: z.string(),
});
export type BudgetRevisionOut = z.infer<typeof budgetRevisionOut>;

export const budgetAttachmentOut = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  at: z.string(),
});
export type BudgetAttachmentOut = z.infer<typeof budgetAttachmentOut>;

export const estimateSummaryOut = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  planId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(ESTIMATE_KINDS),
  parentId: z.uuid().nullable(),
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
export type EstimateSummaryOut = z.infer<typeof estimateSummaryOut>;
export const estimateListOut = z.object({ items: z.array(estimateSummaryOut), total: z.number().int() });
export type EstimateListOut = z.infer<typeof estimateListOut>;

export const estimateOut = estimateSummaryOut.extend({
  lines: z.array(budgetLineOut),
  /** Requested in this estimate as the unit last submitted it (before appraisal). */
  requestedTotal: money,
  /** This estimate's approved amount plus its approved supplementary requests (0 until approved). */
  approvedTotal: money,
  supplementApprovedTotal: money,
  events: z.array(budgetEventOut),
  revisions: z.array(budgetRevisionOut),
  attachments: z.array(budgetAttachmentOut),
  chain: z.array(approvalStep),
  /** Exactly the moves the server will accept from the caller now (workflow/approval.ts availableActions). */
  availableActions: z.array(z.enum(APPROVAL_ACTION_TYPES)),
  /** Whether the caller may edit the lines now (its unit's draft or returned estimate). */
  canEdit: z.boolean(),
});
export type EstimateOut = z.infer<typeof estimateOut>;

/** A line as it stood in one revision (packages/domain/src/budget/estimate.ts LineSnapshot). */
const snapshotLineOut = z.object({
  lineId: z.uuid(),
  taskId: z.uuid().nullable(),
  content: z.string(),
  unitCost: z.number().int(),
  quantity: z.number().int(),
  amount: z.number().int(),
  fundingSource: z.enum(FUNDING_SOURCES),
  adjustReason: z.string().nullable(),
});
const revisionHeadOut = z.object({
  seq: z.number().int(),
  round: z.number().int(),
  kind: z.enum(BUDGET_REVISION_KINDS),
  total: z.number().int(),
  at: z.string(),
});
export const estimateDiffLineOut = z.object({
  lineId: z.uuid(),
  change: z.enum(['added', 'removed', 'changed', 'unchanged']),
  content: z.string(),
  before: snapshotLineOut.nullable(),
  after: snapshotLineOut.nullable(),
  delta: z.number().int(),
  fields: z.array(z.enum(BUDGET_DIFF_FIELDS)),
  reason: z.string().nullable(),
});
export type EstimateDiffLineOut = z.infer<typeof estimateDiffLineOut>;
export const estimateDiffOut = z.object({
  from: revisionHeadOut,
  to: revisionHeadOut,
  totalBefore: z.number().int(),
  totalAfter: z.number().int(),
  delta: z.number().int(),
  lines: z.array(estimateDiffLineOut),
});
export type EstimateDiffOut = z.infer<typeof estimateDiffOut>;

const totalRow = z.object({
  /** A funding source, unit, task or theme (null = none). */
  key: z.string().nullable(),
  /** Its name (data: a unit's, a task's, a theme's or the province's funding-source name); null for "no task" or
   * "no theme", which the web words from its catalogue (the XLSX and DOCX keep the Vietnamese, issue 18). */
  label: z.string().nullable(),
  requested: z.number().int(),
  consolidated: z.number().int(),
  approved: z.number().int(),
});
export const budgetTotalsOut = z.object({
  requested: z.number().int(),
  consolidated: z.number().int(),
  approved: z.number().int(),
  bySource: z.array(totalRow),
  byUnit: z.array(totalRow),
  byTask: z.array(totalRow),
  byTheme: z.array(totalRow),
});
export type BudgetTotalsOut = z.infer<typeof budgetTotalsOut>;
export type BudgetTotalRowOut = z.infer<typeof totalRow>;

export const budgetChainOut = z.object({
  provinceId: z.uuid(),
  chain: approvalChain,
  version: z.number().int(),
  isDefault: z.boolean(),
  defaultChain: approvalChain,
  /** Names of the units the steps name, for display. */
  unitNames: z.record(z.string(), z.string()),
});
export type BudgetChainOut = z.infer<typeof budgetChainOut>;
