/*
 * Vietnamese alphabetical order (issue 19), the same on the server and in the browser: A Ă Â B C D Đ E Ê … O Ô Ơ …
 * U Ư …; tones and case only break ties ("Hai" < "hải an" < "Hải An"). The database sorts with the `vi_vn` collation
 * (packages/db/migrations/0019_vietnamese_collation.sql), which gives the same order (packages/db/src/collation.test.ts).
 */
const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Compares two strings in Vietnamese alphabetical order (for Array.prototype.sort). */
export const compareVi = (a: string, b: string): number => collator.compare(a, b);

/** A copy of `items` sorted by `key` in Vietnamese alphabetical order. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}
