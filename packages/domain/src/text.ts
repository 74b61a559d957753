/** Vietnamese text helpers: storage in NFC, accent-insensitive folding for matching. */

/** Normalise to NFC and collapse white space (text pasted from Word often carries NBSP and NFD). */
export function normalizeText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/**
 * Fold for matching: lower case, no diacritics, đ → d, single spaces.
 * "Thuỷ Nguyên" and "Thủy Nguyên" (old/new tone placement) fold to the same key "thuy nguyen".
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}

/** True when `haystack` contains `needle`, ignoring accents, case and tone placement. */
export function matchesLoosely(haystack: string, needle: string): boolean {
  return foldVietnamese(haystack).includes(foldVietnamese(needle));
}
