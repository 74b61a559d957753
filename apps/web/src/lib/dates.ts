import { formatDateVi, isValidIsoDate, localDateOf } from '@dx/domain/calendar';

/** Today as yyyy-mm-dd in Vietnam's time zone. */
export const todayIso = (): string => localDateOf(new Date());

/** yyyy-mm-dd → dd/mm/yyyy (vi-VN and en-GB alike: lib/format.ts); null/empty → fallback. */
export function formatDate(iso: string | null | undefined, fallback = ''): string {
  if (!iso) return fallback;
  return formatDateVi(iso.slice(0, 10));
}

/**
 * An instant (ISO timestamp) → "dd/mm/yyyy hh:mm" in local time. Both languages write it so (vi-VN, and en-GB of
 * lib/format.ts numberLocale), so the form is fixed here rather than left to each browser's ICU data.
 */
export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or yyyy-mm-dd → yyyy-mm-dd; null when not a real day. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return isValidIsoDate(s) ? s : null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}
