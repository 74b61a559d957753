import type { ProvinceSettingsOut, PutProvinceSettingsBody } from '@dx/contracts';
import { api, get } from '../lib/api';

/* A province's settings (apps/server/src/features/provinces/provinces.routes.ts, issue 15) */

export type ProvinceSettingsData = ProvinceSettingsOut;

export const provinceSettingsKeys = {
  of: (provinceId: string) => ['province-settings', provinceId] as const,
};

export const fetchProvinceSettings = (provinceId: string) =>
  get<ProvinceSettingsOut>(`/provinces/${provinceId}/settings`);
export const saveProvinceSettings = (provinceId: string, body: PutProvinceSettingsBody) =>
  api<ProvinceSettingsOut>('PUT', `/provinces/${provinceId}/settings`, body);
