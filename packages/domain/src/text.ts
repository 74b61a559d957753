import { z } from 'zod';

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

/**
 * Zero-width characters and bidirectional controls (U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+2066–U+2069,
 * U+FEFF): invisible in a name, they make two names that look the same differ, or display text reordered
 * ("Trojan Source"). Names never need them in Vietnamese; they are removed, not refused, since pasted text carries
 * them innocently (docs/security.md § Odd text).
 */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function stripInvisible(input: string): string {
  return input.replace(INVISIBLE, '');
}

/**
 * A name (of a person, a unit, a group): one line, NFC, invisible characters removed, white space collapsed,
 * at most `max` characters. Unpaired surrogates and control characters never get this far: the server refuses them
 * for every field before validation (apps/server/src/http/input-guard.ts).
 */
export const nameText = (max: number, message = 'Nhập tên') =>
  z
    .string(message)
    .max(max * 2, `Tối đa ${max} ký tự`)
    .transform((s) => normalizeText(stripInvisible(s)))
    .pipe(z.string().min(1, message).max(max, `Tối đa ${max} ký tự`));

/** One line of text (tab and line breaks refused), trimmed, at most `max` characters. */
export const singleLineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .refine((s) => !/[\t\n\r]/.test(s), 'Chỉ được một dòng (không xuống dòng, không tab)');

/** Multi-line text (tab and line breaks kept), at most `max` characters. */
export const multiLineText = (max: number) => z.string().max(max, `Tối đa ${max} ký tự`);
