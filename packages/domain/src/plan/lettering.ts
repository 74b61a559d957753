/**
 * Vietnamese item lettering (a, b, c, d, đ, e, g, h, i, k…): the Vietnamese alphabet has no f, j, w, z, and
 * đ follows d. Plan 54 I.2 and II.4 use it ("đ) Tổ chức 01-02 cuộc thi…", "đ) … An toàn thông tin mạng").
 * Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9: items below "1." are lettered a), b), c)… in this alphabet.
 */
export const VIETNAMESE_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
] as const;

/** The letter of the item at a 0-based position (a, b, c, d, đ, e, g…). */
export function letterAt(index: number): string {
  const letter = VIETNAMESE_LETTERS[index];
  if (letter === undefined) throw new RangeError(`No Vietnamese item letter at position ${index}`);
  return letter;
}

/** Roman numerals for the top-level parts of a document (I., II., …). */
export function romanAt(index: number): string {
  const numerals = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
  const r = numerals[index];
  if (r === undefined) throw new RangeError(`No numeral at position ${index}`);
  return r;
}

/** One item whose label is not the one its position calls for. */
export type SequenceIssue = { index: number; expected: string; actual: string; message: string };

/** Checks that labels run a, b, c, d, đ, e, g… from the start; reports every label out of sequence. */
export function checkLetterSequence(labels: readonly string[]): SequenceIssue[] {
  const issues: SequenceIssue[] = [];
  labels.forEach((actual, index) => {
    const expected = VIETNAMESE_LETTERS[index];
    if (expected === undefined) {
      issues.push({
        index,
        expected: '',
        actual,
        message: `Quá nhiều mục (tối đa ${VIETNAMESE_LETTERS.length})`,
      });
    } else if (actual.normalize('NFC') !== expected) {
      const hint = actual === 'f' ? ' (chữ cái tiếng Việt không có f: sau đ là e, sau e là g)' : '';
      issues.push({
        index,
        expected,
        actual,
        message: `Mục "${actual})" sai thứ tự: vị trí này phải là "${expected})"${hint}`,
      });
    }
  });
  return issues;
}

/** Checks that labels run 1, 2, 3… from the start. */
export function checkNumberSequence(labels: readonly string[]): SequenceIssue[] {
  const issues: SequenceIssue[] = [];
  labels.forEach((actual, index) => {
    const expected = String(index + 1);
    if (actual !== expected) {
      issues.push({
        index,
        expected,
        actual,
        message: `Mục "${actual}." sai thứ tự: vị trí này phải là "${expected}."`,
      });
    }
  });
  return issues;
}
