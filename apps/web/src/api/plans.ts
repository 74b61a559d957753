import type {
  CopyMappingBody,
  CopyMappingOut,
  CreatePlanBody,
  PlanListOut,
  PlanOut,
  PlanRevisionListOut,
  PlanRevisionOut,
  PlanSummaryOut,
  UnitGroupListOut,
} from '@dx/contracts';
import type { PlanDocument } from '@dx/domain';
import { get, patch, post } from '../lib/api';

export type PlanSummary = PlanSummaryOut;
export type StoredPlan = PlanOut;
export type PlanRevision = PlanRevisionOut;

export const planKeys = {
  all: ['plans'] as const,
  list: (provinceId: string) => ['plans', 'list', provinceId] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  revisions: (id: string) => ['plans', 'revisions', id] as const,
};

export const listPlans = (provinceId: string) => get<PlanListOut>('/plans', { provinceId });
export const fetchPlan = (id: string) => get<StoredPlan>(`/plans/${id}`);
export const fetchRevisions = (id: string) => get<PlanRevisionListOut>(`/plans/${id}/revisions`);
/** Every plan the user may read, of every province (the sources of a copy into this province). */
export const listReadablePlans = () => get<PlanListOut>('/plans');
export const createPlan = (input: CreatePlanBody) => post<StoredPlan>('/plans', input);
/** Which units and groups of a plan map onto another province, before copying it there (issue 17). */
export const fetchCopyMapping = (input: CopyMappingBody) =>
  post<CopyMappingOut>('/plans/copy-mapping', input);
export const updatePlan = (id: string, input: { version: number } & Partial<PlanDocument>) =>
  patch<StoredPlan>(`/plans/${id}`, input);
export const exportUrl = (id: string, format: 'docx' | 'pdf') => `/api/plans/${id}/export.${format}`;

export type ProvinceUnitGroup = UnitGroupListOut['items'][number];
export const listUnitGroups = (provinceId: string) => get<UnitGroupListOut>('/unit-groups', { provinceId });
