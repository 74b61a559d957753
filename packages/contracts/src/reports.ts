import {
  acceptReportInput,
  REPORT_ACTIONS,
  REPORT_ISSUERS,
  REPORT_PERIOD_KINDS,
  REPORT_PERIOD_STATUSES,
  REPORT_STATUSES,
  remindReportInput,
  reportFigures,
  reportPeriodBody,
  returnReportInput,
  saveReportInput,
  submitReportInput,
  TIMELINESS_CLASSES,
  updateReportPeriodInput,
} from '@dx/domain';
import { z } from 'zod';
import { list } from './common';
import { TARGET_EVALUATION_STATUSES } from './targets';

// Requests (the bodies' rules live in the domain, packages/domain/src/reports/inputs.ts, which the use cases share)

export const reportPlanParams = z.object({ planId: z.uuid('Mã kế hoạch không hợp lệ') });
export const reportPeriodParams = z.object({ periodId: z.uuid('Mã kỳ báo cáo không hợp lệ') });
export const reportPeriodUnitParams = reportPeriodParams.extend({ unitId: z.uuid('Mã đơn vị không hợp lệ') });
export const reportParams = z.object({ reportId: z.uuid('Mã báo cáo không hợp lệ') });
export const completenessQuery = z.object({ groupId: z.uuid('Mã nhóm không hợp lệ').optional() });
export const myReportsQuery = z.object({ planId: z.uuid('Mã kế hoạch không hợp lệ').optional() });

export {
  acceptReportInput as acceptReportBody,
  remindReportInput as remindReportBody,
  reportPeriodBody,
  returnReportInput as returnReportBody,
  saveReportInput as saveReportBody,
  submitReportInput as submitReportBody,
  updateReportPeriodInput as updateReportPeriodBody,
};
export type ReportPeriodBody = z.input<typeof reportPeriodBody>;
export type UpdateReportPeriodBody = z.input<typeof updateReportPeriodInput>;
export type SaveReportBody = z.input<typeof saveReportInput>;

/** Who issues the consolidated report (plan 54 V.1.a): the People's Committee (default) or the DX office's agency. */
export const consolidatedQuery = z.object({
  issuer: z.enum(REPORT_ISSUERS, 'Cơ quan ban hành không hợp lệ').default('committee'),
});
export const issueConsolidatedBody = z.object({
  issuer: z.enum(REPORT_ISSUERS, 'Cơ quan ban hành không hợp lệ'),
});

// Responses

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
export const periodListOut = list(periodOut);
export type PeriodListOut = z.infer<typeof periodListOut>;

/** Who locked a report, when and why: always shown with an accepted report (UX "No dead ends"). */
export const lockOut = z.object({
  /** Why, as a code the web words (locales/reports.ts lockReasons): 'accepted' = the DX office accepted it. */
  reason: z.enum(['accepted']),
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

/** One step of a report's history; statusFrom is null for the step that started it. */
export const reportEventOut = z.object({
  id: z.number().int(),
  action: z.enum(REPORT_ACTIONS),
  statusFrom: z.enum(REPORT_STATUSES).nullable(),
  statusTo: z.enum(REPORT_STATUSES),
  comment: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
});
export type ReportEventOut = z.infer<typeof reportEventOut>;

export const reportViewOut = z.object({
  period: periodOut,
  unit: z.object({ id: z.uuid(), name: z.string(), isRequired: z.boolean() }),
  /** Null until the unit starts its report. */
  report: reportOut.nullable(),
  /** Live while the unit drafts (or after a return); the submitted snapshot once submitted. */
  figures: reportFigures,
  figuresSource: z.enum(['live', 'snapshot']),
  history: z.array(reportEventOut),
  /** What the signed-in user may do now (the same rule the server applies). */
  actions: z.array(z.enum(REPORT_ACTIONS)),
  canStart: z.boolean(),
});
export type ReportViewOut = z.infer<typeof reportViewOut>;

export const completenessUnitOut = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  unitCode: z.string().nullable(),
  /** The unit's kind; '' for a member of the chosen group that is not required (get-period-completeness.ts). */
  unitKind: z.string(),
  class: z.enum(TIMELINESS_CLASSES),
  reportId: z.uuid().nullable(),
  status: z.enum(REPORT_STATUSES).nullable(),
  firstSubmittedAt: z.string().nullable(),
  reminders: z.object({ count: z.number().int(), lastAt: z.string().nullable() }),
  /** The DX office may urge it now (mayRemindReport, the rule POST …/reminders applies). */
  remindable: z.boolean(),
});
export type CompletenessUnitOut = z.infer<typeof completenessUnitOut>;

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
export type CompletenessOut = z.infer<typeof completenessOut>;

export const myReportItemOut = z.object({
  period: periodOut,
  unitId: z.uuid(),
  unitName: z.string(),
  isOverdue: z.boolean(),
  report: z
    .object({
      id: z.uuid(),
      status: z.enum(REPORT_STATUSES),
      submittedAt: z.string().nullable(),
      reviewedAt: z.string().nullable(),
      reviewComment: z.string().nullable(),
      version: z.number().int(),
    })
    .nullable(),
});
export type MyReportItemOut = z.infer<typeof myReportItemOut>;
export const myReportsOut = z.object({ today: z.string(), items: z.array(myReportItemOut) });
export type MyReportsOut = z.infer<typeof myReportsOut>;

const count = z.number().int();

/** What the consolidated report's panel shows before downloading: its figures, exactly as the files state them. */
export const consolidatedSummaryOut = z.object({
  subject: z.string(),
  date: z.string(),
  /** The day the figures stand at: the period's last day once it has passed, else the report's date. */
  figuresDate: z.string(),
  issuer: z.enum(REPORT_ISSUERS),
  issuerLines: z.array(z.string()),
  recipients: z.array(z.string()),
  period: z.object({ label: z.string(), from: z.string(), to: z.string(), dueDate: z.string() }),
  targets: z.array(
    z.object({
      planTargetId: z.uuid(),
      code: z.string(),
      text: z.string(),
      goalText: z.string(),
      isCount: z.boolean(),
      value: z.number().nullable(),
      status: z.enum(TARGET_EVALUATION_STATUSES),
      formula: z.string().nullable(),
      population: count,
      due: count,
      achieved: count,
    }),
  ),
  publications: z.object({
    total: count,
    dx: count,
    byTheme: z.array(z.object({ code: z.string(), name: z.string(), count })),
  }),
  tasks: z.object({
    total: count,
    parts: count,
    done: count,
    inProgress: count,
    notStarted: count,
    blocked: count,
    overdue: count,
  }),
  reports: z.object({ required: count, submitted: count, accepted: count, returned: count, missing: count }),
  obstacles: z.object({ obstacles: count, proposals: count }),
  /** Once issued: when and by whom; the figures and words above are then the stored ones and never change. */
  issued: z.object({ at: z.string(), byName: z.string() }).nullable(),
});
export type ConsolidatedSummaryOut = z.infer<typeof consolidatedSummaryOut>;
