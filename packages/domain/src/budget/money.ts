import { z } from 'zod';

/**
 * Money is exact: integer đồng (VND has no subunit in use), stored as SQL bigint and carried as a safe-integer
 * `number` in JSON. Floats, negatives and anything beyond Number.MAX_SAFE_INTEGER are refused at every edge.
 */
export const dong = z
  .number({ error: 'Nhập số tiền (đồng)' })
  .refine((n) => Number.isInteger(n), 'Số tiền phải là số nguyên (đồng), không có phần lẻ')
  .refine((n) => n >= 0, 'Số tiền không được âm')
  .refine((n) => n <= Number.MAX_SAFE_INTEGER, 'Số tiền quá lớn');

/** True when `n` is a valid amount of money in đồng. */
export const isDong = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Groups digits by three with dots, the Vietnamese way: 1234567 → "1.234.567". */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a safe integer: ${n}`);
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return n < 0 ? `-${grouped}` : grouped;
}

/**
 * Formats an amount of đồng as Vietnamese write it: "1.234.567 ₫" (a no-break space keeps the sign with the
 * number on a narrow phone screen). Pure; does not depend on the runtime's ICU data.
 */
export function formatVnd(n: number): string {
  return `${groupDigits(n)}\u00a0₫`;
}

/** Sums amounts exactly; throws when the total would leave the safe-integer range (never silently rounds). */
export function sumDong(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('Tổng số tiền vượt quá giới hạn');
  }
  return total;
}

/** unit cost × quantity, exact, or null when the product is beyond the safe-integer range. */
export function multiplyDong(unitCost: number, quantity: number): number | null {
  const p = unitCost * quantity;
  return Number.isSafeInteger(p) ? p : null;
}
