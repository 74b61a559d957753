import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesLoosely, normalizeText } from './text';

describe('Vietnamese text', () => {
  it('folds old and new tone placement to the same key', () => {
    expect(foldVietnamese('Thuỷ Nguyên')).toBe('thuy nguyen');
    expect(foldVietnamese('Thủy Nguyên')).toBe('thuy nguyen');
    expect(foldVietnamese('Hoà Bình')).toBe(foldVietnamese('Hòa Bình'));
  });

  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('Đồ Sơn')).toBe('do son');
    expect(foldVietnamese('đường ĐẠI')).toBe('duong dai');
  });

  it('folds decomposed (NFD) input the same as composed', () => {
    const nfd = 'Quận Hải An'.normalize('NFD');
    expect(nfd).not.toBe('Quận Hải An'.normalize('NFC'));
    expect(foldVietnamese(nfd)).toBe('quan hai an');
  });

  it('collapses white space, NBSP and zero-width spaces', () => {
    expect(foldVietnamese('  Lê\u00a0\u00a0Chân\u200b ')).toBe('le chan');
    expect(normalizeText(' Lê\u00a0 Chân ')).toBe('Lê Chân');
  });

  it('normalises to NFC for storage', () => {
    const out = normalizeText('Kiến Thụy'.normalize('NFD'));
    expect(out).toBe('Kiến Thụy'.normalize('NFC'));
    expect(out.length).toBe('Kiến Thụy'.normalize('NFC').length);
  });

  it('matches loosely ignoring accents, case and tone placement', () => {
    expect(matchesLoosely('Phường Thủy Nguyên', 'thuỷ nguyen')).toBe(true);
    expect(matchesLoosely('Huyện An Dương', 'AN DUONG')).toBe(true);
    expect(matchesLoosely('Quận Lê Chân', 'hai an')).toBe(false);
  });
});
