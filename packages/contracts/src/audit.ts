import { isoDate } from '@dx/domain';
import { z } from 'zod';

export const auditQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().min(1).optional(),
});

export const auditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The object's name (now, else as the entry recorded it): the log names what was changed (issue 19). */
  entityName: z.string().nullable(),
  provinceId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntryOut = z.infer<typeof auditEntryOut>;

export const auditPageOut = z.object({ items: z.array(auditEntryOut), nextBeforeId: z.number().nullable() });
export type AuditPageOut = z.infer<typeof auditPageOut>;
