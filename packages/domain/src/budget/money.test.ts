import { describe, expect, it } from 'vitest';
import { dong, formatVnd, groupDigits, isDong, multiplyDong, sumDong } from './money';

describe('money in đồng', () => {
  it('formats the Vietnamese way', () => {
    expect(formatVnd(1234567)).toBe('1.234.567\u00a0₫');
    expect(formatVnd(0)).toBe('0\u00a0₫');
    expect(formatVnd(999)).toBe('999\u00a0₫');
    expect(formatVnd(1000)).toBe('1.000\u00a0₫');
    expect(formatVnd(-25000)).toBe('-25.000\u00a0₫');
    expect(formatVnd(Number.MAX_SAFE_INTEGER)).toBe('9.007.199.254.740.991\u00a0₫');
    expect(groupDigits(100000000)).toBe('100.000.000');
    expect(() => groupDigits(1.5)).toThrow();
  });
  it('accepts only non-negative safe integers', () => {
    expect(dong.safeParse(0).success).toBe(true);
    expect(dong.safeParse(Number.MAX_SAFE_INTEGER).success).toBe(true);
    for (const bad of [
      1.5,
      -1,
      Number.MAX_SAFE_INTEGER + 1,
      1e20,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '100',
      null,
    ]) {
      expect(dong.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(isDong(5)).toBe(true);
    expect(isDong(0.1)).toBe(false);
  });
  it('adds and multiplies exactly or refuses', () => {
    expect(sumDong([0.1 * 0 + 100_000_000_000, 1])).toBe(100_000_000_001);
    expect(() => sumDong([Number.MAX_SAFE_INTEGER, 1])).toThrow();
    expect(multiplyDong(1_500_000, 12)).toBe(18_000_000);
    expect(multiplyDong(Number.MAX_SAFE_INTEGER, 2)).toBeNull();
  });
});
