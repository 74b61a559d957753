import type { NationalOverviewOut, NationalProvinceOut } from '@dx/contracts';
import { get } from '../lib/api';

/* The national view (GET /api/national/overview, issue 13): shapes from packages/contracts/src/national.ts. */

export type NationalOverview = NationalOverviewOut;
export type NationalProvince = NationalProvinceOut;
export const nationalKeys = {
  overview: (year: number, asOf: string) => ['national', 'overview', year, asOf] as const,
};
export const fetchNationalOverview = (year: number, asOf: string) =>
  get<NationalOverview>('/national/overview', { year: String(year), asOf });
