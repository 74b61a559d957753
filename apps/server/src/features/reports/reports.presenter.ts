import type { ReportPeriodRow, UnitReportEventRow, UnitReportRow } from '@dx/db';
import {
  REPORT_ACTIONS,
  REPORT_PERIOD_KINDS,
  REPORT_PERIOD_STATUSES,
  REPORT_STATUSES,
  reportFigures,
  TIMELINESS_CLASSES,
} from '@dx/domain';
import { z } from 'zod';

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

export const periodOut = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  provinceId: z.uuid(),
  kind: z.enum(REPORT_PERIOD_KINDS),
  label: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  status: z.enum(REPORT_PERIOD_STATUSES),
  groupIds: z.array(z.uuid()),
  unitIds: z.array(z.uuid()),
  note: z.string(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Units required to report and their reports by status (lists only). */
  counts: z
    .object({
      required: z.number().int(),
      submitted: z.number().int(),
      accepted: z.number().int(),
      returned: z.number().int(),
    })
    .optional(),
});
export type PeriodOut = z.infer<typeof periodOut>;

export function presentPeriod(
  p: ReportPeriodRow,
  counts?: { required: number; submitted: number; accepted: number; returned: number },
): PeriodOut {
  return {
    id: p.id,
    planId: p.planId,
    provinceId: p.provinceId,
    kind: p.kind as PeriodOut['kind'],
    label: p.label,
    periodFrom: p.periodFrom,
    periodTo: p.periodTo,
    dueDate: p.dueDate,
    status: p.status as PeriodOut['status'],
    groupIds: p.requiredGroupIds,
    unitIds: p.requiredUnitIds,
    note: p.note,
    closedAt: iso(p.closedAt),
    version: p.version,
    createdAt: iso(p.createdAt)!,
    updatedAt: iso(p.updatedAt)!,
    ...(counts ? { counts } : {}),
  };
}

/** Who locked a report, when and why: always shown with an accepted report (UX "No dead ends"). */
export const lockOut = z.object({
  reason: z.string(),
  byName: z.string(),
  at: z.string(),
});

export const reportOut = z.object({
  id: z.uuid(),
  periodId: z.uuid(),
  provinceId: z.uuid(),
  unitId: z.uuid(),
  status: z.enum(REPORT_STATUSES),
  results: z.string(),
  obstacles: z.string(),
  proposals: z.string(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  isLocked: z.boolean(),
  lock: lockOut.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ReportOut = z.infer<typeof reportOut>;

export function presentReport(r: UnitReportRow): ReportOut {
  const isLocked = r.status === 'accepted';
  return {
    id: r.id,
    periodId: r.periodId,
    provinceId: r.provinceId,
    unitId: r.unitId,
    status: r.status as ReportOut['status'],
    results: r.results,
    obstacles: r.obstacles,
    proposals: r.proposals,
    firstSubmittedAt: iso(r.firstSubmittedAt),
    submittedAt: iso(r.submittedAt),
    submittedByName: r.submittedByName,
    reviewedAt: iso(r.reviewedAt),
    reviewedByName: r.reviewedByName,
    reviewComment: r.reviewComment,
    isLocked,
    lock: isLocked
      ? {
          reason: 'Báo cáo đã được Văn phòng CĐS tiếp nhận; số liệu và nội dung đã khoá để tổng hợp.',
          byName: r.reviewedByName ?? '',
          at: iso(r.reviewedAt) ?? '',
        }
      : null,
    version: r.version,
    updatedAt: iso(r.updatedAt)!,
  };
}

export const eventOut = z.object({
  id: z.number().int(),
  action: z.enum(REPORT_ACTIONS),
  statusFrom: z.string().nullable(),
  statusTo: z.string(),
  comment: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export function presentEvent(e: UnitReportEventRow): z.infer<typeof eventOut> {
  return {
    id: e.id,
    action: e.action as (typeof REPORT_ACTIONS)[number],
    statusFrom: e.statusFrom,
    statusTo: e.statusTo,
    comment: e.comment,
    actorName: e.actorName,
    at: iso(e.at)!,
  };
}

export const figuresOut = reportFigures;

export const reportViewOut = z.object({
  period: periodOut,
  unit: z.object({ id: z.uuid(), name: z.string(), isRequired: z.boolean() }),
  /** Null until the unit starts its report. */
  report: reportOut.nullable(),
  /** Live while the unit drafts (or after a return); the submitted snapshot once submitted. */
  figures: figuresOut,
  figuresSource: z.enum(['live', 'snapshot']),
  history: z.array(eventOut),
  /** What the signed-in user may do now (the same rule the server applies). */
  actions: z.array(z.enum(['save', 'submit', 'return', 'accept'])),
  canStart: z.boolean(),
});

export const completenessUnitOut = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  unitCode: z.string().nullable(),
  unitKind: z.string(),
  class: z.enum(TIMELINESS_CLASSES),
  reportId: z.uuid().nullable(),
  status: z.enum(REPORT_STATUSES).nullable(),
  firstSubmittedAt: z.string().nullable(),
  reminders: z.object({ count: z.number().int(), lastAt: z.string().nullable() }),
  /** The DX office may urge it now (mayRemindReport, the rule POST …/reminders applies). */
  remindable: z.boolean(),
});

const rateOut = z.number().min(0).max(100).nullable();
export const completenessOut = z.object({
  period: periodOut,
  groupId: z.uuid().nullable(),
  today: z.string(),
  summary: z.object({
    required: z.number().int(),
    submitted: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    pending: z.number().int(),
    notRequired: z.number().int(),
    rates: z.object({ submitted: rateOut, onTime: rateOut, late: rateOut, missing: rateOut }),
  }),
  /** Report status counts among required units (the DX office's review queue). */
  byStatus: z.object({
    none: z.number().int(),
    draft: z.number().int(),
    submitted: z.number().int(),
    returned: z.number().int(),
    accepted: z.number().int(),
  }),
  units: z.array(completenessUnitOut),
});

export { iso };
