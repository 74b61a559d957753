/**
 * Sign-in throttling (docs/security.md § Guessing passwords). A hard lock after N failures let anyone lock any user
 * out; instead each failure makes the next attempt wait longer, counted per (account, address) pair and, more
 * softly, per account across addresses. Unknown and known usernames are counted alike (by the name typed), so
 * neither the answer nor its delay tells them apart.
 */
export type ThrottleRule = {
  /** Failures allowed before any wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  /** The longest wait. */
  capMs: number;
};

export const SIGN_IN_THROTTLE = {
  /** One address guessing one account: 1 s after the 5th failure, then 2 s, 4 s … up to 15 minutes. */
  pair: { free: 5, baseMs: 1_000, capMs: 15 * 60_000 },
  /**
   * One account from many addresses: starts later and stops at one minute, so an attacker spreading guesses over
   * many addresses can slow the real user by a minute at most, never lock them out.
   */
  account: { free: 20, baseMs: 1_000, capMs: 60_000 },
  /** A counter with no failure for this long starts again from zero. */
  forgetAfterMs: 24 * 3_600_000,
} as const satisfies { pair: ThrottleRule; account: ThrottleRule; forgetAfterMs: number };

/** How long to wait after the `failures`-th consecutive failure (0 = the next attempt may come at once). */
export function throttleDelayMs(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  const exponent = Math.min(failures - rule.free, 40);
  return Math.min(rule.capMs, rule.baseMs * 2 ** exponent);
}

/** The key a sign-in is counted under: the username as typed, trimmed and case-folded (as the lookup matches it). */
export const throttleKey = (username: string) => username.trim().toLowerCase();

/** Whole seconds left until `blockedUntil` (at least 1 while blocked, 0 when not). */
export function secondsUntil(blockedUntil: Date | null, now: Date): number {
  if (!blockedUntil || blockedUntil <= now) return 0;
  return Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000));
}
