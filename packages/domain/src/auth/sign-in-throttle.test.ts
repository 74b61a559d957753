import { describe, expect, it } from 'vitest';
import { SIGN_IN_THROTTLE, secondsUntil, throttleDelayMs, throttleKey } from './sign-in-throttle';

describe('throttleDelayMs', () => {
  const { pair, account } = SIGN_IN_THROTTLE;
  it('lets the first failures through, then doubles from one second', () => {
    expect([1, 2, 3, 4].map((n) => throttleDelayMs(n, pair))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => throttleDelayMs(n, pair))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });
  it('is capped, even after very many failures', () => {
    expect(throttleDelayMs(1_000_000, pair)).toBe(pair.capMs);
    expect(throttleDelayMs(1_000_000, account)).toBe(60_000);
  });
  it('is softer account-wide than per address', () => {
    expect(throttleDelayMs(19, account)).toBe(0);
    expect(throttleDelayMs(20, account)).toBe(1_000);
    for (let n = 0; n < 100; n++)
      expect(throttleDelayMs(n, account)).toBeLessThanOrEqual(throttleDelayMs(n, pair) || Infinity);
  });
});

describe('throttleKey and secondsUntil', () => {
  it('counts a username however it is typed', () => {
    expect(throttleKey('  NguyenVanA ')).toBe('nguyenvana');
  });
  it('rounds the wait up to whole seconds', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(secondsUntil(null, now)).toBe(0);
    expect(secondsUntil(new Date(now.getTime() - 1), now)).toBe(0);
    expect(secondsUntil(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsUntil(new Date(now.getTime() + 2_001), now)).toBe(3);
  });
});
