import { describe, expect, it } from 'vitest';
import { readImportCount, readImportNumber } from './import-numbers';

describe('numbers in imported cells', () => {
  it('keeps a number cell a number: 1.5 is one and a half, never 15', () => {
    expect(readImportNumber(1.5)).toEqual({ ok: true, value: 1.5 });
    expect(readImportCount(1.5, 'Số người')).toEqual({
      ok: false,
      message: 'Số người phải là số nguyên; "1,5" có phần thập phân',
    });
    expect(readImportCount(1234)).toEqual({ ok: true, value: 1234 });
  });

  it('reads text by the Vietnamese convention', () => {
    expect(readImportNumber('1.234')).toEqual({ ok: true, value: 1234 });
    expect(readImportNumber('12.345.678')).toEqual({ ok: true, value: 12_345_678 });
    expect(readImportNumber('1,5')).toEqual({ ok: true, value: 1.5 });
    expect(readImportNumber('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(readImportNumber(' 1 200 ')).toEqual({ ok: true, value: 1200 });
    expect(readImportNumber('')).toEqual({ ok: true, value: null });
    expect(readImportCount('1.234')).toEqual({ ok: true, value: 1234 });
    expect(readImportCount('1,5', 'Số người').ok).toBe(false);
  });

  it('refuses what could be read two ways, saying why', () => {
    const english = readImportNumber('1,000');
    expect(english.ok).toBe(false);
    expect(!english.ok && english.message).toMatch(/không rõ.*1\.000/);
    const dot = readImportNumber('1.5');
    expect(dot.ok).toBe(false);
    expect(!dot.ok && dot.message).toMatch(/dấu phẩy \(1,5\)/);
    expect(readImportNumber('mười').ok).toBe(false);
    expect(readImportCount('-3').ok).toBe(false);
  });
});
