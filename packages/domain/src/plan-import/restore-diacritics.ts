import { foldVietnamese } from '../text';
import {
  BOUNDARY,
  CODE,
  isSyllableShape,
  logProbability,
  NUMBER,
  type SyllableModel,
} from './syllable-model';

/**
 * OCR confusions of Vietnamese print seen in scans of Decree 30 documents (ocr text → true letters, folded):
 * "s6"/"sb"/"sd" for số, "ctia"/"cta" for của, "nim" for năm, "chirc" for chức, "K&" for Kế, "P" for Đ.
 * A cost below 1 makes the confusion cheaper than an arbitrary edit.
 */
const CONFUSIONS: readonly (readonly [string, string, number])[] = [
  ['6', 'o', 0.2],
  ['0', 'o', 0.3],
  ['1', 'l', 0.2],
  ['1', 'i', 0.4],
  ['3', 'a', 0.4],
  ['4', 'a', 0.4],
  ['4', 'o', 0.4],
  ['&', 'e', 0.3],
  ['&', 'o', 0.3],
  ['&', 'a', 0.4],
  ['&', 'u', 0.5],
  ['¢', 'c', 0.2],
  ['¢', 'e', 0.3],
  ['¢', '', 0.3],
  ['@', 'e', 0.2],
  ['¥', 'y', 0.1],
  ['ﬁ', 'a', 0.5],
  ['b', 'o', 0.4],
  ['d', 'o', 0.4],
  ['d', 'a', 0.5],
  ['g', 'o', 0.5],
  ['i', 'a', 0.4],
  ['i', 'u', 0.4],
  ['ii', 'u', 0.3],
  ['ti', 'u', 0.4],
  ['t', 'u', 0.5],
  ['ir', 'u', 0.3],
  ['ur', 'u', 0.3],
  ['it', 'u', 0.4],
  ['iru', 'u', 0.4],
  ['w', 'u', 0.2],
  ['wu', 'u', 0.3],
  ['w', '', 0.4],
  ['y', 'u', 0.4],
  ['a', 'u', 0.6],
  ['o', 'u', 0.6],
  ['e', 'c', 0.5],
  ['e', 'o', 0.5],
  ['e', 'a', 0.5],
  ['p', 'd', 0.3],
  ['s', 'o', 0.6],
  ['id', 'a', 0.5],
  ['de', 'o', 0.4],
  ['tm', 'u', 0.4],
  ['4&', 'a', 0.3],
  ['x', '', 0.6],
];
const BY_LAST = new Map<string, (readonly [string, string, number])[]>();
for (const c of CONFUSIONS) {
  const last = c[0].at(-1)!;
  BY_LAST.set(last, [...(BY_LAST.get(last) ?? []), c]);
}

/** Weighted edit distance from an OCR'd (folded) token to a folded syllable, with the confusions above. */
export function ocrDistance(ocr: string, truth: string, limit = Number.POSITIVE_INFINITY): number {
  const n = ocr.length;
  const m = truth.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  dp[0]![0] = 0;
  for (let i = 0; i <= n; i++) {
    let rowMin = Infinity;
    for (let j = 0; j <= m; j++) {
      let best = dp[i]![j]!;
      if (i > 0) best = Math.min(best, dp[i - 1]![j]! + 1);
      if (j > 0) best = Math.min(best, dp[i]![j - 1]! + 1);
      if (i > 0 && j > 0) best = Math.min(best, dp[i - 1]![j - 1]! + (ocr[i - 1] === truth[j - 1] ? 0 : 1));
      if (i > 0) {
        for (const [o, t, c] of BY_LAST.get(ocr[i - 1]!) ?? []) {
          if (o.length > i || t.length > j) continue;
          if (ocr.slice(i - o.length, i) === o && truth.slice(j - t.length, j) === t) {
            best = Math.min(best, dp[i - o.length]![j - t.length]! + c);
          }
        }
      }
      dp[i]![j] = best;
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > limit) return Infinity;
  }
  return dp[n]![m]!;
}

export type RestoreOptions = {
  /** Largest OCR distance for a candidate syllable. */
  maxDistance?: number;
  /** Weight of the OCR distance against the language model (log scale). */
  channelWeight?: number;
  /** Candidates kept per token for the search. */
  beam?: number;
};

type Candidate = { word: string; cost: number };

const WORD = /[\p{L}\p{N}&¢@¥ﬁ]+(?:[-/.][\p{L}\p{N}&]+)*/gu;
const CLAUSE_BREAK = /[.,;:!?()"“”…—–\n]/u;

function casePattern(token: string): 'upper' | 'title' | 'lower' {
  const letters = token.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return 'upper';
  if (letters && letters[0] === letters[0]!.toUpperCase() && /\p{Lu}/u.test(letters[0]!)) return 'title';
  return 'lower';
}

function applyCase(word: string, pattern: 'upper' | 'title' | 'lower'): string {
  if (pattern === 'upper') return word.toUpperCase();
  if (pattern === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/**
 * Maps an abbreviation that OCR read with D or P for Đ (QD, QP, BCD, HDND) to the one the corpus knows; splits
 * run-together ones (PCTUBNDTP → PCT UBND TP) when every part is known; else restores Đ inside (TTHDNDTP).
 */
function restoreAbbreviation(token: string, model: SyllableModel): string | null {
  const known =
    model.abbreviations.get(foldVietnamese(token)) ??
    model.abbreviations.get(foldVietnamese(token.replace(/P/g, 'D')));
  if (known) return known;
  if (token.length < 6) return null;
  const parts = splitAbbreviation(token, model);
  if (parts && parts.length >= 3) return parts.join(' ');
  let out = token;
  for (const [key, a] of model.abbreviations) {
    if (a.includes('Đ') && a.length >= 4) out = out.replace(new RegExp(key.toUpperCase(), 'g'), a);
  }
  return out === token ? null : out;
}

function splitAbbreviation(token: string, model: SyllableModel): string[] | null {
  if (!token) return [];
  for (let len = Math.min(token.length, 8); len >= 2; len--) {
    const head = model.abbreviations.get(foldVietnamese(token.slice(0, len)));
    if (!head) continue;
    const rest = splitAbbreviation(token.slice(len), model);
    if (rest) return [head, ...rest];
  }
  return null;
}

type Token = {
  start: number;
  end: number;
  text: string;
  kind: 'word' | 'code' | 'number' | 'abbr' | 'label';
  upperLine: boolean;
};

/**
 * Restores diacritics (and OCR-damaged letters) of a text, syllable by syllable, choosing per clause the
 * sequence that maximises language model probability minus OCR distance (Viterbi over a bigram model).
 * Numbers, document codes and abbreviations are kept (abbreviations get their Đ back). Pure.
 */
export function restoreDiacritics(
  text: string,
  model: SyllableModel,
  options: RestoreOptions = {},
): { text: string; changed: number; doubtful: { start: number; end: number }[] } {
  const maxDistance = options.maxDistance ?? 1.2;
  const channelWeight = options.channelWeight ?? 3;
  const beam = options.beam ?? 10;
  const keys = [...model.byKey.keys()];
  const cache = new Map<string, Candidate[]>();

  const candidatesFor = (token: string): Candidate[] => {
    const folded = foldVietnamese(token);
    const hit = cache.get(folded);
    if (hit) return hit;
    const found: Candidate[] = [];
    for (const k of keys) {
      if (Math.abs(k.length - folded.length) > 2) continue;
      const d = k === folded ? 0 : ocrDistance(folded, k, maxDistance);
      if (d <= maxDistance) for (const w of model.byKey.get(k)!) found.push({ word: w, cost: d });
    }
    // Keeping the token as written is always possible, dearer when it holds OCR debris (digits, &, ¢).
    const lower = token.toLowerCase();
    if (!found.some((c) => c.word === lower)) {
      found.push({ word: lower, cost: /[\d&¢@¥ﬁ]/u.test(token) ? 2.5 : isSyllableShape(token) ? 1.3 : 0.6 });
    }
    found.sort(
      (a, b) =>
        a.cost * channelWeight -
        Math.log((model.unigrams.get(a.word) ?? 0) + 0.05) -
        (b.cost * channelWeight - Math.log((model.unigrams.get(b.word) ?? 0) + 0.05)),
    );
    const kept = found.slice(0, beam);
    cache.set(folded, kept);
    return kept;
  };

  // Tokens, and which lines are headings in capitals (their words are syllables, not abbreviations).
  const tokens: Token[] = [];
  const lines = text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const words = [...line.matchAll(WORD)];
    const letterWords = words.filter((w) => /\p{L}/u.test(w[0]));
    const upper = letterWords.filter((w) => casePattern(w[0]) === 'upper').length;
    const upperLine = letterWords.length >= 2 && upper / letterWords.length >= 0.6;
    const pieces: { index: number; 0: string }[] = [];
    for (const w of words) {
      // "cung cấp/công bố": words joined by a slash are words, not a document code.
      if (/^[\p{Ll}&¢\d]+(?:\/[\p{Ll}&¢\d]+)+$/u.test(w[0]) && /\p{L}/u.test(w[0])) {
        let at = w.index!;
        for (const part of w[0].split('/')) {
          pieces.push({ index: at, 0: part });
          at += part.length + 1;
        }
      } else pieces.push({ index: w.index!, 0: w[0] });
    }
    for (const w of pieces) {
      const t = w[0];
      let kind: Token['kind'] = 'word';
      if (!/\p{L}/u.test(t)) kind = 'number';
      else if (t.length <= 2 && line[w.index! + t.length] === ')') kind = 'label';
      else if (/[-/.]/.test(t) || /^\d+[A-Z]{1,2}$/.test(t) || /^\d+[a-z]+\d/.test(t)) kind = 'code';
      else if (casePattern(t) === 'upper' && !upperLine) kind = 'abbr';
      else if (casePattern(t) === 'upper' && (restoreAbbreviation(t, model) || !isSyllableShape(t)))
        kind = 'abbr';
      tokens.push({ start: offset + w.index!, end: offset + w.index! + t.length, text: t, kind, upperLine });
    }
    offset += line.length + 1;
  }

  const replacement = new Map<number, string>();
  // Words read with letters changed beyond their diacritics (OCR distance ≥ 0.3), or left unknown: less certain.
  const doubtfulStarts = new Set<number>();
  // Clauses: runs of word tokens with no punctuation or line break between them.
  let clause: Token[] = [];
  const flush = () => {
    if (clause.length) decode(clause);
    clause = [];
  };
  const decode = (run: Token[]) => {
    const lattice = run.map((t) =>
      t.kind === 'word' ? candidatesFor(t.text) : [{ word: t.kind === 'number' ? NUMBER : CODE, cost: 0 }],
    );
    let scores = lattice[0]!.map((c) => logProbability(model, BOUNDARY, c.word) - channelWeight * c.cost);
    const back: number[][] = [];
    for (let i = 1; i < run.length; i++) {
      const next: number[] = [];
      const ptr: number[] = [];
      for (const c of lattice[i]!) {
        let best = -Infinity;
        let arg = 0;
        for (const [p, prev] of lattice[i - 1]!.entries()) {
          const s = scores[p]! + logProbability(model, prev.word, c.word);
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        next.push(best - channelWeight * c.cost);
        ptr.push(arg);
      }
      back.push(ptr);
      scores = next;
    }
    let arg = 0;
    let best = -Infinity;
    for (const [i, c] of lattice.at(-1)!.entries()) {
      const s = scores[i]! + logProbability(model, c.word, BOUNDARY);
      if (s > best) {
        best = s;
        arg = i;
      }
    }
    for (let i = run.length - 1; i >= 0; i--) {
      const t = run[i]!;
      if (t.kind !== 'word') {
        if (i > 0) arg = back[i - 1]![arg]!;
        continue;
      }
      const chosen = lattice[i]![arg]!.word;
      if (lattice[i]![arg]!.cost >= 0.3) doubtfulStarts.add(t.start);
      const seen = casePattern(t.text);
      const pattern = seen === 'upper' && !t.upperLine ? 'title' : seen;
      const out = applyCase(chosen, pattern);
      if (out !== t.text) replacement.set(t.start, out);
      if (i > 0) arg = back[i - 1]![arg]!;
    }
  };

  let last = 0;
  for (const t of tokens) {
    if (CLAUSE_BREAK.test(text.slice(last, t.start))) flush();
    last = t.end;
    if (t.kind === 'word' || t.kind === 'number') clause.push(t);
    else {
      flush();
      if (t.kind === 'abbr') {
        const a = restoreAbbreviation(t.text, model);
        if (a && a !== t.text) replacement.set(t.start, a);
      } else if (t.kind === 'code') {
        const parts = t.text.split(/([-/.])/);
        const fixed = parts
          .map((p) => (/^[A-Z]{2,}$/.test(p) ? (restoreAbbreviation(p, model) ?? p) : p))
          .join('');
        if (fixed !== t.text) replacement.set(t.start, fixed);
      }
    }
  }
  flush();

  let out = '';
  let pos = 0;
  const doubtful: { start: number; end: number }[] = [];
  for (const t of tokens) {
    const r = replacement.get(t.start);
    const at = out.length + (t.start - pos);
    if (doubtfulStarts.has(t.start)) doubtful.push({ start: at, end: at + (r ?? t.text).length });
    if (r === undefined) continue;
    out += text.slice(pos, t.start) + r;
    pos = t.end;
  }
  out += text.slice(pos);
  return { text: out, changed: replacement.size, doubtful };
}
