import type { AddProvinceOut, ProvinceCatalogueOut } from '@dx/contracts';
import { get, post } from '../lib/api';

/* The province catalogue (apps/server/src/features/provinces/provinces.routes.ts) */

export type CatalogueProvince = ProvinceCatalogueOut['items'][number];

export const provinceKeys = {
  catalogue: (asOf: string | null) => ['province-catalogue', asOf ?? 'all'] as const,
};

export const listProvinceCatalogue = (asOf: string | null) =>
  get<ProvinceCatalogueOut>('/province-catalogue', { asOf: asOf ?? undefined });
export const addProvince = (catalogueId: string) => post<AddProvinceOut>('/provinces', { catalogueId });
