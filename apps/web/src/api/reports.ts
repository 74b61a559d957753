import type { ReportFigures, ReportPeriodKind, ReportStatus, Timeliness } from '@dx/domain';
import { get, patch, post } from '../lib/api';

export type Period = {
  id: string;
  planId: string;
  provinceId: string;
  kind: ReportPeriodKind;
  label: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  status: 'open' | 'closed';
  groupIds: string[];
  unitIds: string[];
  note: string;
  closedAt: string | null;
  version: number;
  counts?: { required: number; submitted: number; accepted: number; returned: number };
};

export type Report = {
  id: string;
  periodId: string;
  unitId: string;
  status: ReportStatus;
  results: string;
  obstacles: string;
  proposals: string;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewedAt: string | null;
  reviewedByName: string | null;
  reviewComment: string | null;
  isLocked: boolean;
  lock: { reason: string; byName: string; at: string } | null;
  version: number;
};

export type ReportView = {
  period: Period;
  unit: { id: string; name: string; isRequired: boolean };
  report: Report | null;
  figures: ReportFigures;
  figuresSource: 'live' | 'snapshot';
  history: {
    id: number;
    action: 'save' | 'submit' | 'return' | 'accept';
    statusFrom: string | null;
    statusTo: string;
    comment: string | null;
    actorName: string;
    at: string;
  }[];
  actions: ('save' | 'submit' | 'return' | 'accept')[];
  canStart: boolean;
};

export type CompletenessUnit = {
  unitId: string;
  unitName: string;
  unitCode: string | null;
  unitKind: string;
  class: Timeliness;
  reportId: string | null;
  status: ReportStatus | null;
  firstSubmittedAt: string | null;
  reminders: { count: number; lastAt: string | null };
  /** The DX office may urge it now (the server's rule). */
  remindable: boolean;
};
export type Completeness = {
  period: Period;
  groupId: string | null;
  today: string;
  summary: {
    required: number;
    submitted: number;
    onTime: number;
    late: number;
    missing: number;
    pending: number;
    notRequired: number;
    rates: { submitted: number | null; onTime: number | null; late: number | null; missing: number | null };
  };
  byStatus: Record<'none' | ReportStatus, number>;
  units: CompletenessUnit[];
};

export type MyReportItem = {
  period: Period;
  unitId: string;
  unitName: string;
  isOverdue: boolean;
  report: {
    id: string;
    status: ReportStatus;
    submittedAt: string | null;
    reviewedAt: string | null;
    reviewComment: string | null;
    version: number;
  } | null;
};

export type PeriodInput = {
  kind: ReportPeriodKind;
  label: string;
  periodFrom: string;
  periodTo: string;
  dueDate: string;
  groupIds: string[];
  unitIds: string[];
  note?: string;
};

export const reportKeys = {
  periods: (planId: string) => ['reports', 'periods', planId] as const,
  completeness: (periodId: string, groupId: string | null) =>
    ['reports', 'completeness', periodId, groupId ?? ''] as const,
  view: (periodId: string, unitId: string) => ['reports', 'view', periodId, unitId] as const,
  mine: () => ['reports', 'mine'] as const,
};

export const listPlans = (provinceId: string | null) =>
  get<{ items: { id: string; number: string | null; year: number; title: string }[] }>('/plans', {
    provinceId,
  });
export const listGroups = (provinceId: string, asOf?: string) =>
  get<{ items: { id: string; code: string; name: string; memberCount: number }[] }>('/unit-groups', {
    provinceId,
    asOf,
  });
export const listPeriods = (planId: string) =>
  get<{ items: Period[] }>(`/plans/${planId}/report-periods`).then((r) => r.items);
export const createPeriod = (planId: string, input: PeriodInput) =>
  post<Period>(`/plans/${planId}/report-periods`, input);
export const updatePeriod = (
  periodId: string,
  input: Partial<PeriodInput> & { version: number; status?: 'open' | 'closed' },
) => patch<Period>(`/report-periods/${periodId}`, input);
export const fetchCompleteness = (periodId: string, groupId: string | null) =>
  get<Completeness>(`/report-periods/${periodId}/completeness`, { groupId });
export const sendReminders = (periodId: string, unitIds: string[], message?: string) =>
  post<{ notified: number; emailQueued: number; emailNoRecipient: number; emailStatus: string }>(
    `/report-periods/${periodId}/reminders`,
    { unitIds, ...(message ? { message } : {}) },
  );
export const fetchReportView = (periodId: string, unitId: string) =>
  get<ReportView>(`/report-periods/${periodId}/units/${unitId}/report`);
export const startReport = (periodId: string, unitId: string) =>
  post<ReportView>(`/report-periods/${periodId}/units/${unitId}/report`);
export const fetchMine = () => get<{ today: string; items: MyReportItem[] }>('/reports/mine');

export type Narrative = { results: string; obstacles: string; proposals: string };
export const saveReport = (reportId: string, version: number, n: Narrative) =>
  patch<ReportView>(`/reports/${reportId}`, { version, ...n });
export const submitReport = (reportId: string, version: number, n: Narrative) =>
  post<ReportView>(`/reports/${reportId}/submit`, { version, ...n });
export const returnReport = (reportId: string, version: number, comment: string) =>
  post<ReportView>(`/reports/${reportId}/return`, { version, comment });
export const acceptReport = (reportId: string, version: number, comment?: string) =>
  post<ReportView>(`/reports/${reportId}/accept`, { version, ...(comment ? { comment } : {}) });
