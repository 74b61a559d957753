import type {
  CompletenessOut,
  CompletenessUnitOut,
  ConsolidatedSummaryOut,
  MyReportItemOut,
  MyReportsOut,
  PeriodListOut,
  PeriodOut,
  PlanListOut,
  ReminderResultOut,
  ReportOut,
  ReportPeriodBody,
  ReportViewOut,
  SaveReportBody,
  UnitGroupListOut,
  UpdateReportPeriodBody,
} from '@dx/contracts';
import { get, patch, post } from '../lib/api';

/* Reporting periods and unit reports (packages/contracts/src/reports.ts). */

export type Period = PeriodOut;
export type Report = ReportOut;
export type ReportView = ReportViewOut;
export type CompletenessUnit = CompletenessUnitOut;
export type Completeness = CompletenessOut;
export type MyReportItem = MyReportItemOut;

/** What the period form sends. */
export type PeriodInput = ReportPeriodBody;

export const reportKeys = {
  periods: (planId: string) => ['reports', 'periods', planId] as const,
  completeness: (periodId: string, groupId: string | null) =>
    ['reports', 'completeness', periodId, groupId ?? ''] as const,
  view: (periodId: string, unitId: string) => ['reports', 'view', periodId, unitId] as const,
  mine: () => ['reports', 'mine'] as const,
  consolidated: (periodId: string, issuer: ReportIssuer) =>
    ['reports', 'consolidated', periodId, issuer] as const,
};

export const listPlans = (provinceId: string | null) =>
  get<PlanListOut>('/plans', {
    provinceId,
  });
export const listGroups = (provinceId: string, asOf?: string) =>
  get<UnitGroupListOut>('/unit-groups', {
    provinceId,
    asOf,
  });
export const listPeriods = (planId: string) =>
  get<PeriodListOut>(`/plans/${planId}/report-periods`).then((r) => r.items);
export const createPeriod = (planId: string, input: PeriodInput) =>
  post<Period>(`/plans/${planId}/report-periods`, input);
export const updatePeriod = (periodId: string, input: UpdateReportPeriodBody) =>
  patch<Period>(`/report-periods/${periodId}`, input);
/** The period's units that have not submitted, as XLSX (optionally of one group). */
export const missingExportUrl = (periodId: string, groupId: string | null) =>
  `/api/report-periods/${periodId}/missing.xlsx${groupId ? `?groupId=${groupId}` : ''}`;
export const fetchCompleteness = (periodId: string, groupId: string | null) =>
  get<Completeness>(`/report-periods/${periodId}/completeness`, { groupId });
export const sendReminders = (periodId: string, unitIds: string[], message?: string) =>
  post<ReminderResultOut>(`/report-periods/${periodId}/reminders`, {
    unitIds,
    ...(message ? { message } : {}),
  });
export const fetchReportView = (periodId: string, unitId: string) =>
  get<ReportView>(`/report-periods/${periodId}/units/${unitId}/report`);
export const startReport = (periodId: string, unitId: string) =>
  post<ReportView>(`/report-periods/${periodId}/units/${unitId}/report`);
export const fetchMine = () => get<MyReportsOut>('/reports/mine');

export type Narrative = { results: string; obstacles: string; proposals: string };
/** The reported figures typed in the report form, saved (and sent) with it (issue 16). */
export type ReportValues = NonNullable<SaveReportBody['values']>;
export const saveReport = (reportId: string, version: number, n: Narrative, values?: ReportValues) =>
  patch<ReportView>(`/reports/${reportId}`, { version, ...n, ...(values?.length ? { values } : {}) });
export const submitReport = (reportId: string, version: number, n: Narrative, values?: ReportValues) =>
  post<ReportView>(`/reports/${reportId}/submit`, { version, ...n, ...(values?.length ? { values } : {}) });
export const returnReport = (reportId: string, version: number, comment: string) =>
  post<ReportView>(`/reports/${reportId}/return`, { version, comment });
export const acceptReport = (reportId: string, version: number, comment?: string) =>
  post<ReportView>(`/reports/${reportId}/accept`, { version, ...(comment ? { comment } : {}) });

/** Who issues the consolidated report: the People's Committee or the DX office's agency. */
export type ReportIssuer = ConsolidatedSummaryOut['issuer'];
export type ConsolidatedSummary = ConsolidatedSummaryOut;
/** The consolidated report's figures as its files state them (live until issued, stored once issued). */
export const fetchConsolidated = (periodId: string, issuer: ReportIssuer) =>
  get<ConsolidatedSummaryOut>(`/report-periods/${periodId}/consolidated`, { issuer });
export const issueConsolidated = (periodId: string, issuer: ReportIssuer) =>
  post<ConsolidatedSummaryOut>(`/report-periods/${periodId}/consolidated/issue`, { issuer });
