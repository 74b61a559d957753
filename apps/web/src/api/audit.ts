import type { AuditEntryOut, AuditPageOut } from '@dx/contracts';
import { get } from '../lib/api';

export type AuditEntry = AuditEntryOut;
export type AuditFilter = { entityType?: string; action?: string; from?: string; to?: string };

export const fetchAudit = (filter: AuditFilter, beforeId?: number) =>
  get<AuditPageOut>('/audit', { ...filter, beforeId, limit: 50 });
