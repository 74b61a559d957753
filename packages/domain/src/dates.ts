import { z } from 'zod';
import { isValidIsoDate } from './calendar';

// The calendar arithmetic lives in ./calendar (no zod), so the web's first screen can import it as
// `@dx/domain/calendar` without bundling the schemas (issue 12: the dashboard's first load).
export * from './calendar';

/** A local calendar date as ISO text (yyyy-mm-dd). Periods and deadlines are local dates, not instants. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine((s) => isValidIsoDate(s), 'Ngày không tồn tại');

/**
 * True when a dated row (settings, vocabulary terms, catalogue rows…) is in force on `date`: the same half-open
 * [validFrom, validTo) rule as packages/db queries/as-of.ts inForceOn for the rows a statement reads; null = open.
 */
export function inForceOn(
  row: { validFrom?: string | null; validTo?: string | null },
  date: string,
): boolean {
  return (!row.validFrom || row.validFrom <= date) && (!row.validTo || row.validTo > date);
}
