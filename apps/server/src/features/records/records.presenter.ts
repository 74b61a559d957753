import { RECORD_OUT_FIELDS, type RecordOutOf } from '@dx/contracts';
import type { RecordType } from '@dx/domain';

/** The fields each record type shows: the contract's out-fields (a presenter decides every field that leaves the server). */
const FIELDS = Object.fromEntries(
  Object.entries(RECORD_OUT_FIELDS).map(([type, shape]) => [type, Object.keys(shape)]),
) as Record<RecordType, string[]>;

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

export function presentRecord<K extends RecordType>(
  type: K,
  row: Record<string, unknown>,
  links: Record<string, string[]> = {},
): RecordOutOf<K> {
  const out: Record<string, unknown> = {
    id: row.id,
    type,
    provinceId: row.provinceId,
    version: row.version,
    updatedAt: (row.updatedAt as Date).toISOString(),
  };
  for (const f of FIELDS[type])
    out[f] = f === 'reviewedAt' && row[f] ? (row[f] as Date).toISOString() : plain(row[f] ?? null);
  // The row's columns are typed by the database schema, not per kind: the response schema checks each field on the way out.
  return { ...out, ...links } as RecordOutOf<K>;
}
