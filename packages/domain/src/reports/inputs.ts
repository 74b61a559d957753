import { z } from 'zod';
import { isoDate } from '../dates';
import { dataValueEntry } from '../indicators/data-items';
import { REPORT_PERIOD_KINDS, REPORT_PERIOD_STATUSES, type ReportPeriodKind } from './constants';

const text = (max: number) =>
  z
    .string()
    .max(max, `Tối đa ${max} ký tự`)
    .transform((s) => s.normalize('NFC'));
const version = z.number().int().min(1).max(2_147_483_647);

/** Dates of a period: from ≤ to, due date not before the start (a report may be due after the period ends). */
function checkDates(
  v: { periodFrom?: string; periodTo?: string; dueDate?: string },
  ctx: z.RefinementCtx,
): void {
  if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo)
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'Ngày kết thúc phải sau ngày bắt đầu' });
  if (v.periodFrom && v.dueDate && v.dueDate < v.periodFrom)
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Hạn nộp không được trước ngày bắt đầu kỳ' });
}

/** The DX office opens a reporting period for a plan and chooses who must report (groups and/or units). */
const reportPeriodFields = z.object({
  kind: z.enum(REPORT_PERIOD_KINDS),
  label: text(200).refine((s) => s.trim().length >= 2, 'Nhập tên kỳ báo cáo (ví dụ "Quý I/2023")'),
  periodFrom: isoDate,
  periodTo: isoDate,
  dueDate: isoDate,
  groupIds: z.array(z.uuid()).max(50).default([]),
  unitIds: z.array(z.uuid()).max(5000).default([]),
  note: text(2000).default(''),
});

function checkRequired(v: { groupIds: string[]; unitIds: string[] }, ctx: z.RefinementCtx): void {
  if (v.groupIds.length === 0 && v.unitIds.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['unitIds'],
      message: 'Chọn ít nhất một nhóm đơn vị hoặc một đơn vị phải báo cáo',
    });
}

/** The body of "open a period" (the plan comes from the route). */
export const reportPeriodBody = reportPeriodFields.superRefine((v, ctx) => {
  checkDates(v, ctx);
  checkRequired(v, ctx);
});
export const createReportPeriodInput = reportPeriodFields
  .extend({ planId: z.uuid() })
  .superRefine((v, ctx) => {
    checkDates(v, ctx);
    checkRequired(v, ctx);
  });
export type CreateReportPeriodInput = z.infer<typeof createReportPeriodInput>;

/** Edit or close/reopen a period; the required list is re-resolved when groups or units change. */
export const updateReportPeriodInput = z
  .object({
    version,
    label: text(200)
      .refine((s) => s.trim().length >= 2, 'Nhập tên kỳ báo cáo')
      .optional(),
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    dueDate: isoDate.optional(),
    groupIds: z.array(z.uuid()).max(50).optional(),
    unitIds: z.array(z.uuid()).max(5000).optional(),
    note: text(2000).optional(),
    status: z.enum(REPORT_PERIOD_STATUSES).optional(),
  })
  .superRefine(checkDates);
export type UpdateReportPeriodInput = z.infer<typeof updateReportPeriodInput>;

/** The narrative a unit writes (the figures come from its records). */
export const reportNarrative = z.object({
  results: text(20_000).default(''),
  obstacles: text(20_000).default(''),
  proposals: text(20_000).default(''),
});
/**
 * Saving or submitting a report carries the narrative and the reported figures typed in the same form (issue 16):
 * they are saved (and sent) with the report in one transaction; errors come back on `values.<i>.value`.
 */
export const saveReportInput = reportNarrative
  .partial()
  .extend({ version, values: z.array(dataValueEntry).max(400).optional() });
export type SaveReportInput = z.infer<typeof saveReportInput>;
/** Submitting may carry the last edits of the narrative (one click "Gửi"). */
export const submitReportInput = saveReportInput;
export const returnReportInput = z.object({
  version,
  comment: text(5000).refine((s) => s.trim().length > 0, 'Nhập ý kiến khi trả lại báo cáo'),
});
export const acceptReportInput = z.object({ version, comment: text(5000).optional() });

export const remindReportInput = z.object({
  unitIds: z.array(z.uuid()).min(1, 'Chọn ít nhất một đơn vị').max(1000),
  message: text(2000).optional(),
});

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Dates and the usual label of the n-th quarter / half of a year, or the year (n ignored). */
export function standardPeriod(
  kind: ReportPeriodKind,
  year: number,
  n = 1,
): { periodFrom: string; periodTo: string; label: string } {
  const pad = (m: number) => String(m).padStart(2, '0');
  const lastDay = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (kind === 'year')
    return { periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, label: `Năm ${year}` };
  if (kind === 'half_year') {
    const h = n === 2 ? 2 : 1;
    const start = h === 1 ? 1 : 7;
    const end = start + 5;
    return {
      periodFrom: `${year}-${pad(start)}-01`,
      periodTo: `${year}-${pad(end)}-${lastDay(end)}`,
      label: h === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`,
    };
  }
  const q = Math.min(4, Math.max(1, n));
  const start = (q - 1) * 3 + 1;
  const end = start + 2;
  return {
    periodFrom: `${year}-${pad(start)}-01`,
    periodTo: `${year}-${pad(end)}-${lastDay(end)}`,
    label: `Quý ${ROMAN[q - 1]}/${year}`,
  };
}
