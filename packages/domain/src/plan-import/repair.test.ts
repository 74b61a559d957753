import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanOcrLayout } from './clean-layout';
import { DX_CORPUS_VI } from './corpus-vi';
import { repairLetterLabels, repairOcrText, syllableModelFor } from './repair';
import { ocrDistance } from './restore-diacritics';
import { transcriptionText, wordAccuracy } from './word-accuracy';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test-data/plan-import/${name}`, import.meta.url), 'utf8');
const ocr = fixture('54-KH-UBND-2023.ocr.txt');
const reference = transcriptionText(fixture('54-KH-UBND-2023.vi.md'));

describe('OCR repair of plan 54', () => {
  it('reaches at least 96.5% word accuracy with the shipped corpus alone (raw OCR is far below)', () => {
    const before = wordAccuracy(ocr, reference).accuracy;
    const after = wordAccuracy(repairOcrText(ocr).text, reference).accuracy;
    expect(before).toBeLessThan(0.2);
    expect(after).toBeGreaterThanOrEqual(0.965);
  });

  it("does better with the province's own names, which the caller reads from its data (issue 15)", () => {
    // Hải Phòng's names as db provinceNamesForRepair returns them for the seeded city (its units other than
    // communes through time, its settings, the Ministry of the time); plan-imports.test.ts measures the server's path.
    const names = fixture('haiphong-names.txt').split('\n');
    const alone = wordAccuracy(repairOcrText(ocr).text, reference).accuracy;
    const own = wordAccuracy(repairOcrText(ocr, syllableModelFor(names)).text, reference).accuracy;
    expect(own).toBeGreaterThan(alone);
    expect(own).toBeGreaterThanOrEqual(0.975);
    expect(syllableModelFor([])).toBe(syllableModelFor(['  ']));
  });

  it('ships a corpus that names no place and no agency of its own', () => {
    const corpus = DX_CORPUS_VI.join('\n');
    for (const word of [
      'Hải Phòng',
      'Hải Dương',
      'Thông tin và Truyền thông',
      'Thành ủy',
      'Tài chính',
      'Sở Y tế',
    ])
      expect(corpus).not.toContain(word);
  });

  it('drops the signature trailer and scanner noise, and restores header and foot reading order', () => {
    const { text, removed } = cleanOcrLayout(ocr);
    expect(text).not.toMatch(/đã ký lên văn bản|loai_2|2023-02-22T/u);
    expect(removed.some((l) => l.includes('> A A'))).toBe(true);
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('UY BAN NHAN DAN THANH PHO HAI PHONG');
    expect(paragraphs.at(-1)).toBe('Hoang Minh Cwong');
    expect(paragraphs.slice(-4, -1)).toEqual(['TM. UY BAN NHAN DAN', 'KT. CHU TICH', 'PHO CHU TICH']);
  });

  it('joins a sentence broken by a page break', () => {
    const { text } = cleanOcrLayout(ocr);
    expect(text).toContain('trién khai vé chuyén d6i s6 trén dia ban thanh phb nam 2023:');
  });
});

describe('pieces', () => {
  it('restores damaged sub-item letters in sequence', () => {
    expect(repairLetterLabels('1. X\n\na) one\n\nb) two\n\n¢) three\n\nd) four\n\nd) five\n\n) six')).toBe(
      '1. X\n\na) one\n\nb) two\n\nc) three\n\nd) four\n\nđ) five\n\ne) six',
    );
  });

  it('prices known OCR confusions below arbitrary edits', () => {
    expect(ocrDistance('s6', 'so')).toBeLessThan(0.5);
    expect(ocrDistance('ctia', 'cua')).toBeLessThan(0.5);
    expect(ocrDistance('qqq', 'cua')).toBeGreaterThanOrEqual(2);
  });

  it('counts substitutions, deletions and insertions over words', () => {
    expect(wordAccuracy('một hai ba', 'một hai ba')).toMatchObject({ accuracy: 1 });
    expect(wordAccuracy('mot hai', 'một hai ba')).toMatchObject({ substitutions: 1, deletions: 1 });
  });
});
