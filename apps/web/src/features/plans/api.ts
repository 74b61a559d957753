import type { PlanDocument, TargetGoal, TargetSubject } from '@dx/domain';
import { get, patch, post } from '../../lib/api';

export type PlanSummary = {
  id: string;
  provinceId: string;
  number: string | null;
  issuerName: string;
  date: string | null;
  year: number;
  title: string;
  version: number;
  updatedAt: string;
  targetCount: number;
  themeCount: number;
};

export type StoredPlan = {
  id: string;
  provinceId: string;
  version: number;
  copiedFromPlanId: string | null;
  createdAt: string;
  updatedAt: string;
  document: PlanDocument;
  legalBasisLinks: (string | null)[];
  targetIndex: { id: string; code: string; goal: TargetGoal; subject: TargetSubject }[];
  themeIndex: { id: string; code: string; parentId: string | null; title: string }[];
};

export type PlanRevision = {
  id: number;
  version: number;
  action: string;
  parts: string[];
  actorName: string | null;
  at: string;
};

export const planKeys = {
  all: ['plans'] as const,
  list: (provinceId: string) => ['plans', 'list', provinceId] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  revisions: (id: string) => ['plans', 'revisions', id] as const,
};

export const listPlans = (provinceId: string) => get<{ items: PlanSummary[] }>('/plans', { provinceId });
export const fetchPlan = (id: string) => get<StoredPlan>(`/plans/${id}`);
export const fetchRevisions = (id: string) => get<{ items: PlanRevision[] }>(`/plans/${id}/revisions`);
export const createPlan = (input: { provinceId: string; year: number; copyFromPlanId?: string }) =>
  post<StoredPlan>('/plans', input);
export const updatePlan = (id: string, input: { version: number } & Partial<PlanDocument>) =>
  patch<StoredPlan>(`/plans/${id}`, input);
export const exportUrl = (id: string, format: 'docx' | 'pdf') => `/api/plans/${id}/export.${format}`;

export type ProvinceUnitGroup = { id: string; code: string; name: string };
export const listUnitGroups = (provinceId: string) =>
  get<{ items: ProvinceUnitGroup[] }>('/unit-groups', { provinceId });
