import { get } from '../../lib/api';

export type AuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  provinceId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
};
export type AuditFilter = { entityType?: string; action?: string; from?: string; to?: string };

export const fetchAudit = (filter: AuditFilter, beforeId?: number) =>
  get<{ items: AuditEntry[]; nextBeforeId: number | null }>('/audit', { ...filter, beforeId, limit: 50 });
