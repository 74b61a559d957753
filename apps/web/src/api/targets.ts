import type { RecordType } from '@dx/domain';
import { get, post } from '../lib/api';

/* Targets (GET /api/plans/:planId/targets/...) — shapes as in apps/server/src/features/targets/targets.presenter.ts */

export type Breakdown = {
  key: string | null;
  name: string;
  population: number;
  due: number;
  achieved: number;
  value: number | null;
};
export type Subject = {
  subjectType: string;
  subjectId: string;
  label: string;
  unitId: string | null;
  unitName: string | null;
  unitKind?: string | null;
  districtId?: string | null;
  districtName: string;
  due: boolean;
  achieved: boolean;
  evidence: Record<string, unknown> | null;
};
export type TargetStatus = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'not_applicable' | 'not_defined';
export type TargetEvaluation = {
  planTargetId: string;
  code: string;
  letter: string;
  text: string;
  goal: { comparator: string; value: number; max?: number; unit: string };
  goalText: string;
  status: TargetStatus;
  value: number | null;
  formula: string | null;
  formulaEn: string | null;
  /** The rule's condition ('linked' or 'none'); null while the target is not defined. */
  conditionType: string | null;
  /** share, count, figure or ratio; null while the target is not defined. */
  valueType: string | null;
  /** The record a unit enters to move the target, and the records behind its figure (null = none). */
  actionRecord: RecordType | null;
  evidenceRecord: RecordType | null;
  period: { from: string; to: string } | null;
  asOf: string | null;
  elapsedPercent: number | null;
  population: number;
  due: number;
  achieved: number;
  notApplicable: number;
  byDistrict: Breakdown[];
  byKind: Breakdown[];
  subjects: Subject[];
  subjectCount: number;
};
export type Notification = {
  id: string;
  unitId: string;
  kind: string;
  title: string;
  body: string;
  planTargetId: string | null;
  emailStatus: string;
  createdAt: string;
  readAt: string | null;
  sentByName: string | null;
  urgingDocumentUrl: string | null;
};
/** E-mails are queued for the mail job (sent outside the request, retried when the mail server fails). */
export type ReminderResult = {
  notified: number;
  emailQueued: number;
  emailNoRecipient: number;
  emailStatus: 'queued' | 'not_configured' | 'no_recipient' | 'partial';
};
/** One record that makes a subject count (evidence.records). */
export type EvidenceRecord = { type: RecordType; id: string; label: string; date: string; status?: string };
export type SubjectState = 'behind' | 'achieved' | 'not_due' | 'all';
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
export type SubjectPage = { total: number; offset: number; limit: number; items: Subject[] };
export type TrendPoint = { date: string; value: number | null; due: number; achieved: number };

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
  get<{ planId: string; today: string; targets: TargetEvaluation[] }>(
    `/plans/${planId}/targets/evaluation`,
    asOf ? { asOf } : {},
  );
export const fetchStanding = (planId: string, unitId: string) =>
  get<{ planId: string; unitId: string; targets: TargetEvaluation[] }>(`/plans/${planId}/targets/standing`, {
    unitId,
  });
export const sendReminders = (planId: string, planTargetId: string, unitIds: string[], message?: string) =>
  post<ReminderResult>(`/plans/${planId}/targets/${planTargetId}/reminders`, {
    unitIds,
    ...(message?.trim() ? { message: message.trim() } : {}),
  });
export const fetchNotifications = (unitId: string) =>
  get<{ items: Notification[]; unread: number }>(`/units/${unitId}/notifications`);
export const markNotificationRead = (unitId: string, notificationId: string) =>
  post<{ marked: number }>(`/units/${unitId}/notifications/${notificationId}/read`, {});
export const markAllNotificationsRead = (unitId: string) =>
  post<{ marked: number }>(`/units/${unitId}/notifications/read-all`, {});
export const fetchTrend = (planId: string, asOf?: string) =>
  get<{ planId: string; today: string; targets: { planTargetId: string; points: TrendPoint[] }[] }>(
    `/plans/${planId}/targets/trend`,
    asOf ? { asOf } : {},
  );
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
