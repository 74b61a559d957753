import { describe, expect, it } from 'vitest';
import {
  defaultReportPeriod,
  inferReportingSchedule,
  type ReportingDeadline,
  reportingSchedule,
  scheduledDueDate,
} from './schedule';

const sixMonthsAndYear: ReportingDeadline[] = [
  { kind: 'half_year', n: 1, due: '06-15' },
  { kind: 'half_year', n: 2, due: '12-15' },
  { kind: 'year', n: 1, due: '12-15' },
];

describe('scheduledDueDate', () => {
  it("gives each period the plan's day and month", () => {
    expect(scheduledDueDate(sixMonthsAndYear, 'half_year', 2023, 1)).toBe('2023-06-15');
    expect(scheduledDueDate(sixMonthsAndYear, 'half_year', 2023, 2)).toBe('2023-12-15');
    expect(scheduledDueDate(sixMonthsAndYear, 'year', 2024)).toBe('2024-12-15');
  });
  it('is null for a period the plan states no deadline for', () => {
    expect(scheduledDueDate(sixMonthsAndYear, 'quarter', 2023, 1)).toBeNull();
    expect(scheduledDueDate([], 'half_year', 2023, 1)).toBeNull();
  });
  it('moves a deadline before the period starts into the next year (quarter IV due 10/01)', () => {
    const s: ReportingDeadline[] = [{ kind: 'quarter', n: 4, due: '01-10' }];
    expect(scheduledDueDate(s, 'quarter', 2023, 4)).toBe('2024-01-10');
  });
  it('takes 29/02 as 28/02 in a common year', () => {
    const s: ReportingDeadline[] = [{ kind: 'year', n: 1, due: '02-29' }];
    expect(scheduledDueDate(s, 'year', 2024)).toBe('2024-02-29');
    expect(scheduledDueDate([{ kind: 'quarter', n: 1, due: '02-29' }], 'quarter', 2023, 1)).toBe(
      '2023-02-28',
    );
  });
});

describe('defaultReportPeriod', () => {
  it("proposes the schedule's first period with its deadline", () => {
    expect(defaultReportPeriod(sixMonthsAndYear, null, 2023)).toEqual({
      kind: 'half_year',
      n: 1,
      label: '6 tháng đầu năm 2023',
      periodFrom: '2023-01-01',
      periodTo: '2023-06-30',
      dueDate: '2023-06-15',
    });
    expect(defaultReportPeriod(sixMonthsAndYear, 'half_year', 2023, 2).dueDate).toBe('2023-12-15');
  });
  it('without a schedule, quarter I due ten days after it ends', () => {
    expect(defaultReportPeriod([], null, 2023)).toMatchObject({
      kind: 'quarter',
      n: 1,
      periodTo: '2023-03-31',
      dueDate: '2023-04-10',
    });
    expect(defaultReportPeriod(sixMonthsAndYear, 'quarter', 2023, 2).dueDate).toBe('2023-07-10');
  });
});

describe('reportingSchedule', () => {
  it('refuses a day the month lacks and a period number the kind lacks', () => {
    expect(reportingSchedule.safeParse([{ kind: 'half_year', n: 1, due: '06-31' }]).success).toBe(false);
    expect(reportingSchedule.safeParse([{ kind: 'half_year', n: 3, due: '06-15' }]).success).toBe(false);
    expect(reportingSchedule.safeParse([{ kind: 'year', n: 1, due: '6/15' }]).success).toBe(false);
    expect(reportingSchedule.safeParse(sixMonthsAndYear).success).toBe(true);
  });
});

describe('inferReportingSchedule', () => {
  it('reads six-month and yearly deadlines as plans word them', () => {
    expect(
      inferReportingSchedule(
        'Định kỳ báo cáo kết quả thực hiện 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) gửi Sở.',
      ),
    ).toEqual(sixMonthsAndYear);
  });
  it('reads a yearly deadline alone', () => {
    expect(inferReportingSchedule('Báo cáo kết quả hằng năm trước ngày 10/12.')).toEqual([
      { kind: 'year', n: 1, due: '12-10' },
    ]);
  });
  it('states nothing when the text gives no date (plan 54 V.1.a: "theo quy định")', () => {
    expect(
      inferReportingSchedule(
        'tổng hợp kết quả triển khai thực hiện của các cơ quan, đơn vị, địa phương báo cáo Ủy ban nhân dân thành phố, Bộ Thông tin và Truyền thông theo quy định.',
      ),
    ).toEqual([]);
    expect(inferReportingSchedule('Triển khai trong 6 tháng đầu năm 2023.')).toEqual([]);
  });
});
