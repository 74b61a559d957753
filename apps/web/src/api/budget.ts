import type {
  AdjustEstimateBody,
  BudgetAttachmentOut,
  BudgetChainOut,
  BudgetEventOut,
  BudgetLineOut,
  BudgetRevisionOut,
  BudgetTotalRowOut,
  BudgetTotalsOut,
  CreateEstimateBody,
  EstimateDiffLineOut,
  EstimateDiffOut,
  EstimateListOut,
  EstimateOut,
  EstimateSummaryOut,
  SaveEstimateLinesBody,
  TaskListOut,
} from '@dx/contracts';
import type { ApprovalChain, EstimateKind, FundingSource } from '@dx/domain';
import { api, get, post } from '../lib/api';

/* Budget estimates (packages/contracts/src/budget.ts). */

export type BudgetLine = BudgetLineOut;
export type EstimateSummary = EstimateSummaryOut;
export type BudgetEvent = BudgetEventOut;
export type Revision = BudgetRevisionOut;
export type Estimate = EstimateOut;
/** A line in the editor: what the body's line carries, every field filled (the amount is unitCost × quantity). */
export type LineDraft = {
  id?: string;
  taskId: string | null;
  content: string;
  unitCost: number;
  quantity: number;
  fundingSource: FundingSource;
};
export type DiffLine = EstimateDiffLineOut;
export type Diff = EstimateDiffOut;
export type TotalRow = BudgetTotalRowOut;
export type Totals = BudgetTotalsOut;
export type ChainSetting = BudgetChainOut;

export const budgetKeys = {
  all: ['budget'] as const,
  list: (planId: string, f: object) => ['budget', 'list', planId, f] as const,
  one: (id: string) => ['budget', 'one', id] as const,
  diff: (id: string, from?: number, to?: number) => ['budget', 'diff', id, from ?? 0, to ?? 0] as const,
  totals: (planId: string) => ['budget', 'totals', planId] as const,
  chain: (provinceId: string) => ['budget', 'chain', provinceId] as const,
};

export const listEstimates = (planId: string, f: { status?: string; unitId?: string | null }) =>
  get<EstimateListOut>(`/plans/${planId}/budget-estimates`, { ...f, limit: 200 });
export const fetchEstimate = (id: string) => get<Estimate>(`/budget-estimates/${id}`);
export const createEstimate = (
  planId: string,
  body: CreateEstimateBody & { kind: EstimateKind; lines: LineDraft[] },
) => post<Estimate>(`/plans/${planId}/budget-estimates`, body);
export const saveLines = (id: string, version: number, lines: LineDraft[], title?: string) =>
  api<Estimate>('PUT', `/budget-estimates/${id}/lines`, {
    version,
    lines,
    ...(title ? { title } : {}),
  } satisfies SaveEstimateLinesBody);
export const actOn = (
  id: string,
  version: number,
  type: 'submit' | 'forward' | 'approve' | 'return',
  reason?: string,
) =>
  post<Estimate>(`/budget-estimates/${id}/actions`, {
    type,
    version,
    ...(type === 'return' ? { reason } : {}),
  });
export const adjust = (id: string, version: number, adjustments: AdjustEstimateBody['adjustments']) =>
  post<Estimate>(`/budget-estimates/${id}/adjustments`, { version, adjustments });
export const fetchDiff = (id: string, from?: number, to?: number) =>
  get<Diff>(`/budget-estimates/${id}/diff`, { from, to });
export const attach = (id: string, file: { fileName: string; contentType: string; contentBase64: string }) =>
  post<BudgetAttachmentOut>(`/budget-estimates/${id}/attachments`, file);
export const fetchTotals = (planId: string) => get<Totals>(`/plans/${planId}/budget-totals`);
export const fetchChain = (provinceId: string) => get<ChainSetting>(`/provinces/${provinceId}/budget-chain`);
export const saveChain = (provinceId: string, version: number, chain: ApprovalChain) =>
  api<ChainSetting>('PUT', `/provinces/${provinceId}/budget-chain`, { version, chain });
export const xlsxUrl = (planId: string) => `/api/plans/${planId}/budget-export.xlsx`;
export const docxUrl = (planId: string) => `/api/plans/${planId}/budget-submission.docx`;
export const attachmentUrl = (id: string) => `/api/budget-attachments/${id}`;
export const fetchPlanTasks = (planId: string) =>
  get<TaskListOut>(`/plans/${planId}/tasks`, {
    limit: 500,
  });

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
