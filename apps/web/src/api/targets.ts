import type {
  BreakdownOut,
  EvidenceRecordOut,
  MarkedOut,
  NotificationListOut,
  NotificationOut,
  PlanEvaluationOut,
  ReminderResultOut,
  SubjectOut,
  TargetEvaluationOut,
  TargetSubjectPageOut,
  TargetTrendOut,
  TrendPointOut,
  UnitStandingOut,
} from '@dx/contracts';
import { get, post } from '../lib/api';

/* Targets (GET /api/plans/:planId/targets/...): the shapes are the contract's (packages/contracts/src/targets.ts). */

export type Breakdown = BreakdownOut;
export type Subject = SubjectOut;
export type TargetStatus = TargetEvaluationOut['status'];
export type TargetEvaluation = TargetEvaluationOut;
export type Notification = NotificationOut;
export type ReminderResult = ReminderResultOut;
/** One record that makes a subject count (evidence.records). */
export type EvidenceRecord = EvidenceRecordOut;
export type SubjectState = TargetSubjectPageOut['state'];
export type SubjectQuery = {
  state: SubjectState;
  /** A district id, or "city" for the city-level cell. */
  district?: string;
  /** A unit kind, or "none". */
  unitKind?: string;
  unitId?: string;
  /** As it stood at the close of this day; omitted = now. */
  asOf?: string;
  offset: number;
  limit: number;
};
export type SubjectPage = TargetSubjectPageOut;
export type TrendPoint = TrendPointOut;

export const targetKeys = {
  all: ['targets'] as const,
  evaluation: (planId: string, asOf?: string) => ['targets', 'evaluation', planId, asOf ?? ''] as const,
  standing: (planId: string, unitId: string) => ['targets', 'standing', planId, unitId] as const,
  notifications: (unitId: string) => ['targets', 'notifications', unitId] as const,
  trend: (planId: string, asOf?: string) => ['targets', 'trend', planId, asOf ?? ''] as const,
  subjects: (planId: string, planTargetId: string, q: SubjectQuery) =>
    ['targets', 'subjects', planId, planTargetId, q] as const,
};

/** Every target of a plan, now or as it stood at the close of `asOf`. */
export const fetchEvaluation = (planId: string, asOf?: string) =>
  get<PlanEvaluationOut>(`/plans/${planId}/targets/evaluation`, asOf ? { asOf } : {});
export const fetchStanding = (planId: string, unitId: string) =>
  get<UnitStandingOut>(`/plans/${planId}/targets/standing`, {
    unitId,
  });
export const sendReminders = (planId: string, planTargetId: string, unitIds: string[], message?: string) =>
  post<ReminderResult>(`/plans/${planId}/targets/${planTargetId}/reminders`, {
    unitIds,
    ...(message?.trim() ? { message: message.trim() } : {}),
  });
export const fetchNotifications = (unitId: string) =>
  get<NotificationListOut>(`/units/${unitId}/notifications`);
export const markNotificationRead = (unitId: string, notificationId: string) =>
  post<MarkedOut>(`/units/${unitId}/notifications/${notificationId}/read`, {});
export const markAllNotificationsRead = (unitId: string) =>
  post<MarkedOut>(`/units/${unitId}/notifications/read-all`, {});
export const fetchTrend = (planId: string, asOf?: string) =>
  get<TargetTrendOut>(`/plans/${planId}/targets/trend`, asOf ? { asOf } : {});
/** The subjects behind one figure (a target, a breakdown cell or a unit), paged, with the records that count. */
export const fetchSubjects = (planId: string, planTargetId: string, q: SubjectQuery) =>
  get<SubjectPage>(`/plans/${planId}/targets/${planTargetId}/subjects`, {
    state: q.state,
    offset: String(q.offset),
    limit: String(q.limit),
    ...(q.district ? { district: q.district } : {}),
    ...(q.unitKind ? { unitKind: q.unitKind } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.asOf ? { asOf: q.asOf } : {}),
  });

/** The dashboard as a download (issue 19): XLSX with every breakdown, or PDF in the Decree 30 frame. */
export const dashboardExportUrl = (planId: string, format: 'xlsx' | 'pdf', asOf?: string) =>
  `/api/plans/${planId}/targets/export.${format}${asOf ? `?asOf=${asOf}` : ''}`;

/** A target's whole list (one state, one breakdown cell or unit) as XLSX. */
export const subjectsExportUrl = (
  planId: string,
  planTargetId: string,
  q: Omit<SubjectQuery, 'offset' | 'limit'>,
) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  return `/api/plans/${planId}/targets/${planTargetId}/subjects.xlsx?${params}`;
};
