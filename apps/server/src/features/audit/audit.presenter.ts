import type { AuditEntryOut } from '@dx/contracts';
import type { AuditRow } from '@dx/db';

/** Fields that name an object in the audited before/after images (records, plans, units, users). */
const NAME_KEYS = [
  'name',
  'title',
  'fullName',
  'displayName',
  'subject',
  'documentNumber',
  'label',
  'username',
];

function nameIn(image: unknown): string | null {
  if (!image || typeof image !== 'object') return null;
  const o = image as Record<string, unknown>;
  for (const k of NAME_KEYS) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  // Records are audited as { record: {...} } by some use cases.
  return o.record ? nameIn(o.record) : null;
}

/**
 * One audit entry as it leaves (issue 19: the log showed raw codes and UUIDs): the object's name as it is now, else
 * as the entry recorded it (a deleted object keeps the name it had). The web words the action from its code.
 */
export const presentAuditEntry = (row: AuditRow, names: Map<string, string>): AuditEntryOut => ({
  ...row,
  entityName:
    (row.entityId ? names.get(`${row.entityType}:${row.entityId}`) : undefined) ??
    nameIn(row.after) ??
    nameIn(row.before),
});
