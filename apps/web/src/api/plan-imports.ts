import type { PlanImportBody, PlanImportOut } from '@dx/contracts';
import type { PlanDocument } from '@dx/domain';
import { get, post } from '../lib/api';

/** One field of a draft: where in the plan document it sits, the source text it was read from, the confidence. */
export type DraftField = PlanImportOut['draft']['fields'][number];

/**
 * An import draft as GET /api/plans/imports/:id returns it (the contract's `planImportOut`). The contract leaves the
 * draft's document open (a record) so the API description stays small; it is the plan document the parser made.
 */
export type PlanImport = Omit<PlanImportOut, 'draft'> & {
  draft: Omit<PlanImportOut['draft'], 'document'> & { document: PlanDocument };
};

export const importKeys = { detail: (id: string) => ['plan-imports', id] as const };

export const uploadPlanDocument = (input: PlanImportBody) => post<PlanImport>('/plans/imports', input);
export const fetchPlanImport = (id: string) => get<PlanImport>(`/plans/imports/${id}`);
export const confirmPlanImport = (id: string, document: PlanDocument) =>
  post<PlanImport>(`/plans/imports/${id}/confirm`, { document });
