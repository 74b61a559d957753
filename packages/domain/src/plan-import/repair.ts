import { VIETNAMESE_LETTERS } from '../plan/lettering';
import { cleanOcrLayout } from './clean-layout';
import { DX_CORPUS_VI } from './corpus-vi';
import { restoreDiacritics } from './restore-diacritics';
import { buildSyllableModel, isSyllableShape, type SyllableModel } from './syllable-model';

/** Item letters in the order Vietnamese documents use them (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9). */
const LETTERS: readonly string[] = VIETNAMESE_LETTERS;

/**
 * Puts back the letters of a), b), c)… that OCR damaged (Nghị định 30/2020, Phụ lục I, mục II.9: sub-items run
 * a), b), c), d), đ), e), g)…): "¢)" and ")" take the letter after the previous one; a second "d)" is "đ)".
 */
export function repairLetterLabels(text: string): string {
  let previous: string | null = null;
  return text
    .split('\n\n')
    .map((p) => {
      if (/^(?:[IVX]+\.|\d{1,2}\.)\s/u.test(p)) {
        previous = null;
        return p;
      }
      const m = /^([a-zđ¢]?)\)\s/u.exec(p);
      if (!m) return p;
      const expected = previous === null ? 'a' : (LETTERS[LETTERS.indexOf(previous) + 1] ?? '');
      let letter = m[1]!;
      if (letter === '' || letter === '¢' || (letter === previous && expected)) letter = expected;
      else if (letter === 'd' && expected === 'đ') letter = 'đ';
      previous = letter;
      return `${letter})${p.slice(m[0].length - 1)}`;
    })
    .join('\n\n');
}

let defaultModel: SyllableModel | null = null;

/** The model built from the shipped corpus (corpus-vi.ts) and, when given, a syllable lexicon. */
export function defaultSyllableModel(lexicon?: readonly string[]): SyllableModel {
  if (lexicon) return buildSyllableModel({ corpus: DX_CORPUS_VI, lexicon });
  defaultModel ??= buildSyllableModel({ corpus: DX_CORPUS_VI });
  return defaultModel;
}

/**
 * The model for one province's documents: the shipped corpus, which names no place or agency, and the names the
 * province's data holds (its units through time, the bodies of its settings, the national bodies), each read as a
 * clause of its own. With no names it is the default model. Pure: the caller reads the names (issue 15).
 */
export function syllableModelFor(names: readonly string[], lexicon?: readonly string[]): SyllableModel {
  const own = [...new Set(names.map((n) => n.normalize('NFC').trim()).filter(Boolean))];
  if (own.length === 0) return defaultSyllableModel(lexicon);
  return buildSyllableModel({ corpus: [...DX_CORPUS_VI, own.join('.\n')], ...(lexicon && { lexicon }) });
}

export type RepairResult = {
  text: string;
  removed: string[];
  restoredWords: number;
  /** Spans of `text` holding words the repair was less sure of (letters changed, or unknown words kept). */
  doubtful: { start: number; end: number }[];
};

/** OCR repair: layout (noise, columns, broken lines), sub-item letters, then diacritics. Pure. */
export function repairOcrText(raw: string, model: SyllableModel = defaultSyllableModel()): RepairResult {
  const layout = cleanOcrLayout(raw);
  const labelled = repairLetterLabels(layout.text);
  const restored = restoreDiacritics(labelled, model);
  // "Số:" before the number is a fixed label (Nghị định 30/2020, Phụ lục I, mục II.3); the model may read "Sở".
  // (Same length as what it replaces, so the doubtful spans stay in place.)
  const text = restored.text.replace(/^S\p{L}:(?=\s*\d)/gmu, 'Số:');
  return {
    text,
    doubtful: restored.doubtful,
    removed: layout.removed,
    restoredWords: restored.changed,
  };
}

/** What a text looks like before import: Vietnamese with its diacritics, Vietnamese that lost them (OCR), or neither. */
export function classifyImportText(text: string): 'vietnamese' | 'ocr' | 'unreadable' {
  const sample = text.slice(0, 200_000);
  const words = sample.match(/[\p{L}\d&¢@]+/gu) ?? [];
  const letters = words.filter((w) => /\p{L}/u.test(w));
  if (letters.length < 20) return 'unreadable';
  const syllables = letters.filter((w) => isSyllableShape(w.replace(/[\d&¢@]/g, 'o'))).length;
  if (syllables / letters.length < 0.6) return 'unreadable';
  const marked = letters.filter((w) =>
    /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu.test(w),
  );
  // Vietnamese prose carries a diacritic on about two syllables in three; OCR that lost them, far fewer.
  return marked.length / letters.length < 0.35 ? 'ocr' : 'vietnamese';
}
