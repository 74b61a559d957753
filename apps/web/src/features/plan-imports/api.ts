import type { PlanDocument } from '@dx/domain';
import { get, post } from '../../lib/api';

export type DraftField = {
  path: (string | number)[];
  source: { start: number; end: number; text: string } | null;
  confidence: number;
};

/** An import draft as GET /api/plans/imports/:id returns it. */
export type PlanImport = {
  id: string;
  provinceId: string;
  fileName: string | null;
  source: 'text' | 'ocr' | 'docx' | 'pdf';
  status: 'draft' | 'confirmed' | 'discarded';
  planId: string | null;
  createdAt: string;
  confirmedAt: string | null;
  sourceText: string;
  draft: {
    kind: string;
    sourceNumber: string | null;
    parentIssuer: string | null;
    period: { from: number; to: number };
    parentPlanNumber: string | null;
    document: PlanDocument;
    fields: DraftField[];
    warnings: string[];
  };
};

export const importKeys = { detail: (id: string) => ['plan-imports', id] as const };

export const uploadPlanDocument = (input: {
  provinceId: string;
  fileName?: string;
  text?: string;
  contentBase64?: string;
}) => post<PlanImport>('/plans/imports', input);
export const fetchPlanImport = (id: string) => get<PlanImport>(`/plans/imports/${id}`);
export const confirmPlanImport = (id: string, document: PlanDocument) =>
  post<PlanImport>(`/plans/imports/${id}/confirm`, { document });
