import type {
  ApprovalActionType,
  ApprovalChain,
  EstimateKind,
  EstimateStatus,
  FundingSource,
} from '@dx/domain';
import { api, get, post } from '../lib/api';

export type BudgetLine = {
  id: string;
  position: number;
  taskId: string | null;
  content: string;
  unitCost: number;
  quantity: number;
  amount: number;
  requestedAmount: number;
  fundingSource: FundingSource;
  adjustReason: string | null;
  adjustedAt: string | null;
};
export type EstimateSummary = {
  id: string;
  provinceId: string;
  planId: string;
  unitId: string;
  unitName: string;
  kind: EstimateKind;
  parentId: string | null;
  title: string;
  note: string;
  status: EstimateStatus;
  round: number;
  stepIndex: number | null;
  stepLabel: string | null;
  returnReason: string | null;
  total: number;
  lineCount: number;
  version: number;
  submittedAt: string | null;
  approvedAt: string | null;
  updatedAt: string;
};
export type BudgetEvent = {
  id: number;
  action: string;
  round: number;
  stepKey: string | null;
  stepLabel: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  revisionSeq: number | null;
  actorName: string;
  at: string;
};
export type Revision = {
  seq: number;
  round: number;
  kind: 'submitted' | 'adjusted' | 'approved';
  total: number;
  at: string;
};
export type Estimate = EstimateSummary & {
  lines: BudgetLine[];
  requestedTotal: number;
  approvedTotal: number;
  supplementApprovedTotal: number;
  events: BudgetEvent[];
  revisions: Revision[];
  attachments: { id: string; fileName: string; contentType: string; size: number; at: string }[];
  chain: ApprovalChain;
  availableActions: ApprovalActionType[];
  canEdit: boolean;
};
export type LineDraft = {
  id?: string;
  taskId: string | null;
  content: string;
  unitCost: number;
  quantity: number;
  fundingSource: FundingSource;
};
export type DiffLine = {
  lineId: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  content: string;
  before: { amount: number; unitCost: number; quantity: number } | null;
  after: { amount: number; unitCost: number; quantity: number } | null;
  delta: number;
  fields: string[];
  reason: string | null;
};
export type Diff = {
  from: Revision;
  to: Revision;
  totalBefore: number;
  totalAfter: number;
  delta: number;
  lines: DiffLine[];
};
export type TotalRow = {
  key: string | null;
  label: string;
  requested: number;
  consolidated: number;
  approved: number;
};
export type Totals = {
  requested: number;
  consolidated: number;
  approved: number;
  bySource: TotalRow[];
  byUnit: TotalRow[];
  byTask: TotalRow[];
  byTheme: TotalRow[];
};
export type ChainSetting = {
  provinceId: string;
  chain: ApprovalChain;
  version: number;
  isDefault: boolean;
  defaultChain: ApprovalChain;
  unitNames: Record<string, string>;
};

export const budgetKeys = {
  all: ['budget'] as const,
  list: (planId: string, f: object) => ['budget', 'list', planId, f] as const,
  one: (id: string) => ['budget', 'one', id] as const,
  diff: (id: string, from?: number, to?: number) => ['budget', 'diff', id, from ?? 0, to ?? 0] as const,
  totals: (planId: string) => ['budget', 'totals', planId] as const,
  chain: (provinceId: string) => ['budget', 'chain', provinceId] as const,
};

export const listEstimates = (planId: string, f: { status?: string; unitId?: string | null }) =>
  get<{ items: EstimateSummary[]; total: number }>(`/plans/${planId}/budget-estimates`, { ...f, limit: 200 });
export const fetchEstimate = (id: string) => get<Estimate>(`/budget-estimates/${id}`);
export const createEstimate = (
  planId: string,
  body: { unitId: string; title: string; kind: EstimateKind; parentId?: string | null; lines: LineDraft[] },
) => post<Estimate>(`/plans/${planId}/budget-estimates`, body);
export const saveLines = (id: string, version: number, lines: LineDraft[], title?: string) =>
  api<Estimate>('PUT', `/budget-estimates/${id}/lines`, { version, lines, ...(title ? { title } : {}) });
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
export const adjust = (
  id: string,
  version: number,
  adjustments: { lineId: string; amount: number; reason: string }[],
) => post<Estimate>(`/budget-estimates/${id}/adjustments`, { version, adjustments });
export const fetchDiff = (id: string, from?: number, to?: number) =>
  get<Diff>(`/budget-estimates/${id}/diff`, { from, to });
export const attach = (id: string, file: { fileName: string; contentType: string; contentBase64: string }) =>
  post<{ id: string }>(`/budget-estimates/${id}/attachments`, file);
export const fetchTotals = (planId: string) => get<Totals>(`/plans/${planId}/budget-totals`);
export const fetchChain = (provinceId: string) => get<ChainSetting>(`/provinces/${provinceId}/budget-chain`);
export const saveChain = (provinceId: string, version: number, chain: ApprovalChain) =>
  api<ChainSetting>('PUT', `/provinces/${provinceId}/budget-chain`, { version, chain });
export const xlsxUrl = (planId: string) => `/api/plans/${planId}/budget-export.xlsx`;
export const docxUrl = (planId: string) => `/api/plans/${planId}/budget-submission.docx`;
export const attachmentUrl = (id: string) => `/api/budget-attachments/${id}`;
export const fetchPlanTasks = (planId: string) =>
  get<{ items: { id: string; title: string; stt: string | null }[] }>(`/plans/${planId}/tasks`, {
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
