import { ERROR_CODES, MESSAGE_CODES, MESSAGES } from '@dx/domain';
import { describe, expect, it } from 'vitest';
import { catalogue } from './index';

/** Every leaf of a namespace as "path": value (functions are words with arguments, checked by their type). */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value))
      for (const [p, x] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, x);
  } else out.set(path, value);
  return out;
}
const placeholders = (s: unknown) =>
  typeof s === 'string' ? [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort() : [];

describe('the catalogue of words (vi and en)', () => {
  for (const [name, ns] of Object.entries(catalogue)) {
    it(`${name}: English has every Vietnamese word and no other, none empty, the same placeholders`, () => {
      const vi = leaves(ns.vi);
      const en = leaves(ns.en);
      expect([...en.keys()].filter((k) => !vi.has(k))).toEqual([]);
      expect([...vi.keys()].filter((k) => !en.has(k))).toEqual([]);
      const empty = [...vi, ...en]
        .filter(([, v]) => typeof v === 'string' && v.trim() === '')
        .map(([k]) => k);
      expect(empty).toEqual([]);
      const mismatched = [...vi.keys()].filter(
        (k) => placeholders(vi.get(k)).join() !== placeholders(en.get(k)).join(),
      );
      expect(mismatched).toEqual([]);
    });
  }
});

describe('error codes in words', () => {
  it('every code the server answers with (ERROR_CODES) has a word in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const words = leaves(catalogue.common[lang]);
      expect(ERROR_CODES.filter((c) => typeof words.get(`errors.${c}`) !== 'string')).toEqual([]);
    }
  });
});

describe('sentences the server sends by code (issue 18)', () => {
  it('every MESSAGE_CODE has a word in both languages, with the placeholders of its Vietnamese default', () => {
    for (const lang of ['vi', 'en'] as const) {
      const words = catalogue.messages[lang] as Record<string, string>;
      expect(MESSAGE_CODES.filter((c) => typeof words[c] !== 'string' || !words[c].trim())).toEqual([]);
      expect(
        MESSAGE_CODES.filter((c) => placeholders(words[c]).join() !== placeholders(MESSAGES[c]).join()),
      ).toEqual([]);
    }
  });
});
