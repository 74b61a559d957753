import { z } from 'zod';
import { addDays } from '../calendar';
import { foldVietnamese } from '../text';
import { REPORT_PERIOD_KINDS, type ReportPeriodKind } from './constants';
import { standardPeriod } from './inputs';

/** How many periods of a kind a year has (the n of "Quý II", "6 tháng cuối năm"). */
const PERIODS_IN_YEAR: Record<ReportPeriodKind, number> = { quarter: 4, half_year: 2, year: 1 };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * One line of a plan's reporting schedule: the report of the n-th period of a kind is due on a day of a month
 * ("báo cáo 6 tháng đầu năm trước ngày 15/6" = half_year, 1, 06-15). The due date is the first such day on or
 * after the period's start, so a quarter IV report due 10/01 falls in the next year.
 */
export const reportingDeadline = z
  .object({
    kind: z.enum(REPORT_PERIOD_KINDS, 'Chọn loại kỳ báo cáo'),
    n: z.number().int().min(1).max(4).default(1),
    /** MM-DD */
    due: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Hạn nộp là ngày/tháng (ví dụ 15/6)'),
  })
  .superRefine((v, ctx) => {
    if (v.n > PERIODS_IN_YEAR[v.kind])
      ctx.addIssue({ code: 'custom', path: ['n'], message: 'Số thứ tự kỳ vượt quá số kỳ trong năm' });
    const [m, d] = v.due.split('-').map(Number) as [number, number];
    if (d > DAYS_IN_MONTH[m - 1]!)
      ctx.addIssue({ code: 'custom', path: ['due'], message: 'Ngày không có trong tháng' });
  });
export type ReportingDeadline = z.infer<typeof reportingDeadline>;

/** A plan's reporting schedule (plan data, never a constant per province); empty when the plan states none. */
export const reportingSchedule = z.array(reportingDeadline).max(12);

/** When a plan states no deadline for a period: ten days after it ends (the dialog's long-standing default). */
const FALLBACK_DAYS_AFTER_END = 10;

/** The due date the plan's schedule gives the n-th period of a kind of a year, or null when it states none. */
export function scheduledDueDate(
  schedule: readonly ReportingDeadline[],
  kind: ReportPeriodKind,
  year: number,
  n = 1,
): string | null {
  const entry = schedule.find((s) => s.kind === kind && (kind === 'year' || s.n === n));
  if (!entry) return null;
  const { periodFrom } = standardPeriod(kind, year, n);
  const [m, d] = entry.due.split('-').map(Number) as [number, number];
  const lastDay = (y: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const on = (y: number) =>
    `${y}-${entry.due.slice(0, 2)}-${String(Math.min(d, lastDay(y))).padStart(2, '0')}`;
  return on(year) >= periodFrom ? on(year) : on(year + 1);
}

/**
 * What "open a reporting period" proposes for a plan's year: the first period its schedule names (kind, n, label,
 * dates and the plan's due date), else quarter I due ten days after it ends.
 */
export function defaultReportPeriod(
  schedule: readonly ReportingDeadline[],
  kind: ReportPeriodKind | null,
  year: number,
  n?: number,
): {
  kind: ReportPeriodKind;
  n: number;
  label: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
} {
  const first = schedule[0];
  const k = kind ?? first?.kind ?? 'quarter';
  const num = n ?? (first && first.kind === k ? first.n : 1);
  const p = standardPeriod(k, year, num);
  return {
    kind: k,
    n: num,
    ...p,
    dueDate: scheduledDueDate(schedule, k, year, num) ?? addDays(p.periodTo, FALLBACK_DAYS_AFTER_END),
  };
}

/**
 * Reads the reporting deadlines a plan's text states, as plans usually word them: "báo cáo … 6 tháng (trước
 * ngày 15/6) và hằng năm (trước ngày 15/12)".
 * A six-month deadline alone gives the first half; with a yearly one, the second half is due with the year.
 * Pure; returns [] when the text states no dated deadline.
 */
export function inferReportingSchedule(text: string): ReportingDeadline[] {
  const f = foldVietnamese(text);
  const out: ReportingDeadline[] = [];
  const date = String.raw`(?:truoc |chua muon hon |han )?(?:ngay )?(\d{1,2})\s*[/.-]\s*(\d{1,2})\b`;
  const mmdd = (d: string, m: string) => {
    const dd = Number(d);
    const mm = Number(m);
    if (mm < 1 || mm > 12 || dd < 1 || dd > DAYS_IN_MONTH[mm - 1]!) return null;
    return `${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  };
  const near = (word: string) => {
    const re = new RegExp(`${word}[^.;]{0,40}?${date}`, 'u');
    const m = re.exec(f);
    return m ? mmdd(m[1]!, m[2]!) : null;
  };
  if (!/bao cao/.test(f)) return [];
  const half = near('(?:6|sau) thang(?: dau nam)?');
  const year = near(String.raw`(?:hang|ca|bao cao) nam\b`);
  if (half) out.push({ kind: 'half_year', n: 1, due: half });
  if (year) {
    if (half) out.push({ kind: 'half_year', n: 2, due: year });
    out.push({ kind: 'year', n: 1, due: year });
  }
  return out.filter((d) => reportingDeadline.safeParse(d).success);
}
