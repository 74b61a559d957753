import type {
  OrgUnitsSummaryOut,
  ReorganisationOut,
  UnitDetailOut,
  UnitLinkOut,
  UnitPageOut,
} from '@dx/contracts';
import type { ReorganisationInput } from '@dx/domain';
import { get, post } from '../lib/api';
import type { UnitSummary } from '../lib/province';

export type { UnitSummary };
export type UnitLink = UnitLinkOut;
export type UnitDetail = UnitDetailOut;

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
  get<UnitPageOut>('/org-units', { provinceId, asOf, parentId, limit: 500 });
export const searchUnits = (provinceId: string, asOf: string, q: string) =>
  get<UnitPageOut>('/org-units', { provinceId, asOf, q, limit: 100 });
export const fetchSummary = (provinceId: string, asOf: string) =>
  get<OrgUnitsSummaryOut>('/org-units/summary', {
    provinceId,
    asOf,
  });
export const fetchUnit = (unitId: string) => get<UnitDetail>(`/org-units/${unitId}`);
export const recordReorganisation = (input: ReorganisationInput) =>
  post<ReorganisationOut>('/reorganisations', input);
