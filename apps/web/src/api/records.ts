import type { RecordImportOut, RecordListOut, RecordOut, RecordOutOf, RecordsQuery } from '@dx/contracts';
import { RECORD_PATHS, typeOfPath } from '@dx/contracts/paths';
import type { RecordType } from '@dx/domain';
import { api, del, get, post } from '../lib/api';

/* Records (apps/server/src/features/records/records.routes.ts) */

export { RECORD_PATHS, typeOfPath };

/** A stored record: the common fields plus the fields of its kind (and link lists when read one by one). */
export type StoredRecord = RecordOut;

export const recordKeys = {
  all: ['records'] as const,
  list: (type: RecordType, provinceId: string, unitId: string | null) =>
    ['records', type, provinceId, unitId ?? ''] as const,
};

export const listRecords = <K extends RecordType>(
  type: K,
  provinceId: string,
  unitId: string | null,
  limit = 200,
) =>
  get<RecordListOut<K>>(`/${RECORD_PATHS[type]}`, {
    provinceId,
    unitId: unitId ?? undefined,
    limit,
  } satisfies RecordsQuery);
export const fetchRecord = <K extends RecordType>(type: K, id: string) =>
  get<RecordOutOf<K>>(`/${RECORD_PATHS[type]}/${id}`);
export const createRecord = (type: RecordType, input: Record<string, unknown>) =>
  post<StoredRecord>(`/${RECORD_PATHS[type]}`, input);
export const updateRecord = (
  type: RecordType,
  id: string,
  version: number,
  record: Record<string, unknown>,
) => api<StoredRecord>('PUT', `/${RECORD_PATHS[type]}/${id}`, { version, record });
export const deleteRecord = (type: RecordType, id: string, version: number) =>
  del<void>(`/${RECORD_PATHS[type]}/${id}?version=${version}`);
export const reviewUnitPlan = (
  id: string,
  version: number,
  decision: 'accept' | 'return',
  note: string | null,
) => post<StoredRecord>(`/unit-plans/${id}/review`, { version, decision, note });

/* Import of publications */

export type ImportReport = RecordImportOut;
export type ImportIssue = ImportReport['issues'][number];

/** A file's bytes as base64 (for the JSON import body). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
