import { describe, expect, it } from 'vitest';
import { addDays, formatDateVi, isoDate, isValidIsoDate, localDateOf } from './dates';

describe('dates', () => {
  it('accepts real calendar days only', () => {
    expect(isValidIsoDate('2023-06-30')).toBe(true);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-02-30')).toBe(false);
    expect(isValidIsoDate('2023-04-31')).toBe(false);
    expect(isValidIsoDate('2023-13-01')).toBe(false);
    expect(isValidIsoDate('2023-00-10')).toBe(false);
    expect(isValidIsoDate('30/06/2023')).toBe(false);
    expect(isValidIsoDate('2023-6-30')).toBe(false);
    expect(isValidIsoDate('2023-06-30T00:00:00Z')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('the schema rejects the same, with a message', () => {
    expect(isoDate.safeParse('2023-06-30').success).toBe(true);
    const bad = isoDate.safeParse('2023-02-30');
    expect(bad.success).toBe(false);
    expect(isoDate.safeParse('30/06/2023').success).toBe(false);
    expect(isoDate.safeParse(20230630).success).toBe(false);
  });

  it('gives the local date in Hải Phòng of an instant', () => {
    // 17:30 UTC on 30 June is 00:30 on 1 July in Asia/Ho_Chi_Minh (UTC+7).
    expect(localDateOf(new Date('2023-06-30T17:30:00Z'))).toBe('2023-07-01');
    expect(localDateOf(new Date('2023-06-30T16:59:59Z'))).toBe('2023-06-30');
  });

  it('formats and adds days across month and leap-year ends', () => {
    expect(formatDateVi('2023-06-30')).toBe('30/06/2023');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});
