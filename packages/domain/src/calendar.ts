/**
 * Local calendar dates as ISO text (yyyy-mm-dd): pure functions without zod, importable by the web as
 * `@dx/domain/calendar` (the schema `isoDate` is in ./dates).
 */

export type IsoDate = string;

/** True when yyyy-mm-dd names a real calendar day (rejects 2023-02-30). */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** One formatter per time zone: making an Intl.DateTimeFormat costs far more than using one (it was ~2% of a request). */
const localDateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date (Asia/Ho_Chi_Minh) of an instant, as yyyy-mm-dd. */
export function localDateOf(now: Date, timeZone = 'Asia/Ho_Chi_Minh'): IsoDate {
  let format = localDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    localDateFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now).reduce<Record<string, string>>((acc, p) => {
    acc[p.type] = p.value;
    return acc;
  }, {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** yyyy-mm-dd → dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatDateVi(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Add whole days to a local date. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const dt = new Date(`${iso}T00:00:00Z`);
  dt.setUTCDate(dt.getUTCDate() + days);
  return dt.toISOString().slice(0, 10);
}
