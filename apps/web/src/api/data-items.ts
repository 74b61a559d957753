import type {
  DataGridOut,
  DataImportOut,
  DataItemBody,
  DataItemListOut,
  DataItemOut,
  DataItemPatchBody,
  DataReviewOut,
  DataValuesBody,
  DataValuesReviewBody,
  UnitDataValuesOut,
} from '@dx/contracts';
import { api, get, patch, post, upload } from '../lib/api';

/* Reported figures (issue 16; packages/contracts/src/data-items.ts): items, a unit's values, the period grid. */

export type DataItem = DataItemOut;
export type UnitDataValues = UnitDataValuesOut;
export type DataGrid = DataGridOut;
export type DataItemInput = DataItemBody;

export const dataKeys = {
  items: (provinceId: string) => ['data-items', provinceId] as const,
  unit: (periodId: string, unitId: string) => ['data-values', periodId, unitId] as const,
  grid: (periodId: string) => ['data-values', periodId, 'grid'] as const,
};

export const listDataItems = (provinceId: string) =>
  get<DataItemListOut>('/data-items', { provinceId }).then((r) => r.items);
export const createDataItem = (input: DataItemBody) => post<DataItemOut>('/data-items', input);
export const updateDataItem = (itemId: string, input: DataItemPatchBody) =>
  patch<DataItemOut>(`/data-items/${itemId}`, input);
export const fetchUnitDataValues = (periodId: string, unitId: string) =>
  get<UnitDataValuesOut>(`/report-periods/${periodId}/units/${unitId}/data-values`);
export const saveUnitDataValues = (periodId: string, unitId: string, body: DataValuesBody) =>
  api<UnitDataValuesOut>('PUT', `/report-periods/${periodId}/units/${unitId}/data-values`, body);
export const submitUnitDataValues = (periodId: string, unitId: string) =>
  post<UnitDataValuesOut>(`/report-periods/${periodId}/units/${unitId}/data-values/submit`, {});
export const fetchDataGrid = (periodId: string) =>
  get<DataGridOut>(`/report-periods/${periodId}/data-values`);
export const reviewDataValues = (periodId: string, body: DataValuesReviewBody) =>
  post<DataReviewOut>(`/report-periods/${periodId}/data-values/review`, body);
export type DataImport = DataImportOut;
export const dataTemplateUrl = (periodId: string) =>
  `/api/report-periods/${periodId}/data-values/template.xlsx`;
export const importDataValues = (periodId: string, file: File, confirm: boolean) =>
  upload<DataImportOut>(`/report-periods/${periodId}/data-values/import?confirm=${confirm}`, file);
