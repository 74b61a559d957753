import type { RecordType } from '@dx/domain';
import { z } from 'zod';

/** The fields each record type shows (a presenter decides every field that leaves the server). */
const FIELDS: Record<RecordType, string[]> = {
  unit_plan: [
    'unitId',
    'year',
    'kind',
    'documentNumber',
    'documentDate',
    'fileRef',
    'status',
    'reviewNote',
    'reviewedAt',
  ],
  channel: [
    'ownerUnitId',
    'kind',
    'name',
    'address',
    'hasDxSection',
    'dxSectionUrl',
    'dxSectionSince',
    'closedOn',
  ],
  publication: ['channelId', 'unitId', 'title', 'url', 'publishedOn', 'format', 'isDx', 'reach'],
  person: ['unitId', 'fullName', 'role', 'email', 'phone', 'leftOn'],
  training: ['organiserUnitId', 'title', 'heldOn', 'tags'],
  dx_model: ['unitId', 'kind', 'name', 'description', 'recognisedBy', 'recognisedOn'],
  event: ['organiserUnitId', 'kind', 'level', 'title', 'heldOn', 'participants', 'isDx'],
};

export const recordOut = z
  .object({
    id: z.string(),
    type: z.string(),
    provinceId: z.string(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .catchall(z.unknown());

/** node-postgres gives DATE columns as Date objects; the API speaks yyyy-mm-dd. */
function plain(v: unknown): unknown {
  if (v instanceof Date) {
    const isMidnight =
      v.getHours() === 0 && v.getMinutes() === 0 && v.getSeconds() === 0 && v.getMilliseconds() === 0;
    return isMidnight
      ? `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`
      : v.toISOString();
  }
  return v;
}

export function presentRecord(
  type: RecordType,
  row: Record<string, unknown>,
  links: Record<string, string[]> = {},
) {
  const out: Record<string, unknown> = {
    id: row.id,
    type,
    provinceId: row.provinceId,
    version: row.version,
    updatedAt: (row.updatedAt as Date).toISOString(),
  };
  for (const f of FIELDS[type])
    out[f] = f === 'reviewedAt' && row[f] ? (row[f] as Date).toISOString() : plain(row[f] ?? null);
  return { ...out, ...links } as z.infer<typeof recordOut>;
}
