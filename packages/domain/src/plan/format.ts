import type { DocumentReference, TargetGoal } from './plan';

/**
 * "Hải Phòng, ngày 22 tháng 02 năm 2023": Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5 — days below 10 and
 * the months 1 and 2 take a leading zero (so "ngày 03 tháng 6", "ngày 22 tháng 02").
 */
export function formatPlaceAndDate(place: string, iso: string | null): string {
  if (!iso) return `${place}, ngày     tháng     năm`;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** dd/mm/yyyy, as citations in the body write dates ("ngày 09/02/2022"). */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "Kế hoạch số 29/KH-UBND ngày 09/02/2022 của Ủy ban nhân dân thành phố về …" — the stored citation if any. */
export function formatCitation(ref: DocumentReference): string {
  if (ref.citation) return ref.citation;
  const date = ref.date ? ` ngày ${formatShortDate(ref.date)}` : '';
  const issuer = ref.issuer ? ` của ${ref.issuer}` : '';
  return `${ref.kind} số ${ref.number}${date}${issuer} về ${ref.title}`;
}

/** The preamble sentence: "Thực hiện <citation>; <citation>; …," */
export function formatPreamble(lead: string, refs: readonly DocumentReference[]): string {
  if (refs.length === 0) return '';
  return `${lead} ${refs.map(formatCitation).join('; ')},`;
}

/** "= 100%", "≥ 50%", "1–2" for display. */
export function formatGoal(g: TargetGoal): string {
  const unit = g.unit === 'percent' ? '%' : '';
  switch (g.comparator) {
    case 'eq':
      return `= ${g.value}${unit}`;
    case 'gte':
      return `≥ ${g.value}${unit}`;
    case 'lte':
      return `≤ ${g.value}${unit}`;
    case 'between':
      return `${g.value}–${g.max}${unit}`;
  }
}

/** Splits "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" into the two lines a Decree 30 header prints. */
export function issuerLines(issuerName: string): string[] {
  const m = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.+)$/u.exec(issuerName.trim());
  return m ? [m[1]!, m[2]!] : [issuerName.trim()];
}

/** Short name of the issuing body for the signature block: "TM. ỦY BAN NHÂN DÂN". */
export function issuerBody(issuerName: string): string {
  return issuerLines(issuerName)[0]!;
}
