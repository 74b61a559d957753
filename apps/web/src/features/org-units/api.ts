import type { OrgUnitKind, ReorganisationInput } from '@dx/domain';
import { get, post } from '../../lib/api';
import type { UnitSummary } from '../../lib/province';

export type { UnitSummary };
export type UnitLink = {
  unitId: string;
  name: string;
  code: string | null;
  share: string;
  effectiveDate: string;
};
export type UnitDetail = {
  unitId: string;
  provinceId: string;
  source: string | null;
  confidence: string | null;
  sourceNote: string | null;
  versions: {
    versionId: string;
    version: number;
    code: string | null;
    name: string;
    kind: OrgUnitKind;
    adminType: string | null;
    parentUnitId: string | null;
    validFrom: string | null;
    validTo: string | null;
  }[];
  predecessors: UnitLink[];
  successors: UnitLink[];
};

export const orgKeys = {
  all: ['org-units'] as const,
  children: (provinceId: string, asOf: string, parentId: string | null) =>
    ['org-units', 'children', provinceId, asOf, parentId] as const,
  search: (provinceId: string, asOf: string, q: string) =>
    ['org-units', 'search', provinceId, asOf, q] as const,
  summary: (provinceId: string, asOf: string) => ['org-units', 'summary', provinceId, asOf] as const,
  detail: (unitId: string) => ['org-units', 'detail', unitId] as const,
};

export const fetchChildren = (provinceId: string, asOf: string, parentId: string | null) =>
  get<{ items: UnitSummary[]; total: number }>('/org-units', { provinceId, asOf, parentId, limit: 500 });
export const searchUnits = (provinceId: string, asOf: string, q: string) =>
  get<{ items: UnitSummary[]; total: number }>('/org-units', { provinceId, asOf, q, limit: 100 });
export const fetchSummary = (provinceId: string, asOf: string) =>
  get<{ asOf: string; counts: Partial<Record<OrgUnitKind, number>> }>('/org-units/summary', {
    provinceId,
    asOf,
  });
export const fetchUnit = (unitId: string) => get<UnitDetail>(`/org-units/${unitId}`);
export const recordReorganisation = (input: ReorganisationInput) =>
  post<{ reorganisationId: string; createdUnitIds: string[] }>('/reorganisations', input);
