import { foldVietnamese } from '../text';

/**
 * A small language model of Vietnamese syllables for restoring diacritics that OCR lost: unigram and bigram
 * counts over a corpus, plus a syllable lexicon (every valid spelling, seen or not), indexed by folded key
 * ("chuyen" → chuyên, chuyến, chuyền, chuyển…). Built from text the caller supplies; pure.
 */
export type SyllableModel = {
  unigrams: Map<string, number>;
  bigrams: Map<string, number>;
  total: number;
  /** Folded key → syllables (lower case) with that key. */
  byKey: Map<string, string[]>;
  /** Upper-case abbreviations seen in the corpus (UBND, QĐ, HĐND), by their folded key. */
  abbreviations: Map<string, string>;
  vocabularySize: number;
};

/** Boundary token between sentences and clauses. */
export const BOUNDARY = '<s>';
/** A number (2025, 03) and a document code (29/KH-UBND) as the model sees them. */
export const NUMBER = '<n>';
export const CODE = '<c>';

const SYLLABLE = /^[\p{L}]+$/u;

/** Splits text into lower-case syllables and clause boundaries (punctuation, line ends). */
export function lmTokens(text: string): string[] {
  const out: string[] = [BOUNDARY];
  for (const raw of text.normalize('NFC').split(/(\s+|[.,;:!?()"“”'‘’[\]{}…—–])/u)) {
    const t = raw.trim();
    if (!t) continue;
    if (/^[.,;:!?()"“”'‘’[\]{}…—–]$/u.test(t)) {
      if (out.at(-1) !== BOUNDARY) out.push(BOUNDARY);
      continue;
    }
    out.push(/^\d+$/.test(t) ? NUMBER : /[\d/]/.test(t) ? CODE : t.toLowerCase());
  }
  if (out.at(-1) !== BOUNDARY) out.push(BOUNDARY);
  return out;
}

const SHAPE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(oa|oe|uy|uye|uya|ua|ue|uo|uoi|ia|ie|ieu|ai|ao|au|ay|eo|iu|oi|oo|ui|uu|ya|ye|yeu|oai|oay|oeo|uay|uoi|uou|[aeiouy])(ch|ng|nh|[cmnpt]|[iyuo])?$/;

/** True when a word has the shape of one Vietnamese syllable (onset, rhyme, coda), diacritics aside. */
export function isSyllableShape(word: string): boolean {
  return SHAPE.test(foldVietnamese(word));
}

/** Builds the model from corpus texts and an optional lexicon of syllables (e.g. a spelling dictionary). */
export function buildSyllableModel(options: {
  corpus: readonly string[];
  lexicon?: readonly string[];
}): SyllableModel {
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, number>();
  const abbreviations = new Map<string, string>();
  let total = 0;
  let boundaries = 0;
  for (const text of options.corpus) {
    for (const m of text.normalize('NFC').matchAll(/(?<![\p{L}&])[\p{Lu}&]{2,}(?![\p{L}&])/gu)) {
      // An abbreviation is upper case and not a syllable written in capitals (as in a heading).
      if (!isSyllableShape(m[0])) abbreviations.set(foldVietnamese(m[0]), m[0]);
    }
    const tokens = lmTokens(text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t === BOUNDARY) boundaries++;
      else {
        unigrams.set(t, (unigrams.get(t) ?? 0) + 1);
        total++;
      }
      if (i > 0) {
        const key = `${tokens[i - 1]} ${t}`;
        bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
      }
    }
  }
  unigrams.set(BOUNDARY, boundaries);
  const byKey = new Map<string, string[]>();
  const add = (s: string) => {
    const k = foldVietnamese(s);
    const list = byKey.get(k);
    if (!list) byKey.set(k, [s]);
    else if (!list.includes(s)) list.push(s);
  };
  for (const s of unigrams.keys()) if (SYLLABLE.test(s) && isSyllableShape(s)) add(s);
  for (const s of options.lexicon ?? []) {
    const l = s.normalize('NFC').trim().toLowerCase();
    if (SYLLABLE.test(l)) add(l);
  }
  let vocabularySize = 0;
  for (const list of byKey.values()) vocabularySize += list.length;
  return { unigrams, bigrams, total, byKey, abbreviations, vocabularySize };
}

/** log P(word | previous): bigram interpolated with an add-δ unigram (unseen lexicon syllables keep a small mass). */
export function logProbability(model: SyllableModel, previous: string, word: string): number {
  const uni = ((model.unigrams.get(word) ?? 0) + 0.05) / (model.total + 0.05 * model.vocabularySize);
  const context = model.unigrams.get(previous) ?? 0;
  const pair = model.bigrams.get(`${previous} ${word}`) ?? 0;
  const lambda = 2;
  return Math.log((pair + lambda * uni) / (context + lambda));
}
