import type { DocumentReference, GoalUnit, TargetGoal } from './plan';

/**
 * "<place>, ngày 22 tháng 02 năm 2023": Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5 — days below 10 and
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

// One formatter per language (a new Intl.NumberFormat per call is slow; consolidated/report.ts does the same).
const GOAL_NUMBERS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 }),
};
const GOAL_UNIT_WORDS: Record<GoalUnit, { vi: string; en: string }> = {
  percent: { vi: '%', en: '%' },
  count: { vi: '', en: '' },
  people: { vi: ' người', en: ' people' },
  vnd: { vi: ' đồng', en: ' VND' },
};

/** A goal's number with its unit in the reader's language: "70%", "12", "1.500 người" / "1,500 people", "2.000.000 đồng". */
export function formatGoalAmount(value: number, unit: GoalUnit, lang: 'vi' | 'en' = 'vi'): string {
  return `${GOAL_NUMBERS[lang].format(value)}${GOAL_UNIT_WORDS[unit][lang]}`;
}

/** Only a goal's number, as the language writes it ("1.500" / "1,500"). */
export const formatGoalNumber = (value: number, lang: 'vi' | 'en' = 'vi'): string =>
  GOAL_NUMBERS[lang].format(value);

/** "= 100%", "≥ 50%", "1–2", "≥ 1.500 người" for display. */
export function formatGoal(g: TargetGoal, lang: 'vi' | 'en' = 'vi'): string {
  const a = (v: number) => formatGoalAmount(v, g.unit, lang);
  switch (g.comparator) {
    case 'eq':
      return `= ${a(g.value)}`;
    case 'gte':
      return `≥ ${a(g.value)}`;
    case 'lte':
      return `≤ ${a(g.value)}`;
    case 'between':
      return `${formatGoalNumber(g.value, lang)}–${a(g.max ?? g.value)}`;
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
