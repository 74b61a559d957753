import {
  INDICATOR_RECORDS,
  isoDate,
  ORG_UNIT_KINDS,
  RECORD_KINDS,
  SUBJECT_STATES,
  TARGET_STATUSES,
  targetGoal,
  targetRule,
  UNIT_PLAN_STATUSES,
} from '@dx/domain';
import { z } from 'zod';
import { recordVersion, said } from './common';

// Requests

export const targetPlanParams = z.object({ planId: z.uuid() });
export const planTargetParams = z.object({ planId: z.uuid(), planTargetId: z.uuid() });
export const unitNotificationsParams = z.object({ unitId: z.uuid() });
export const notificationParams = z.object({ unitId: z.uuid(), notificationId: z.uuid() });

/** `?asOf=YYYY-MM-DD`: the figures as they stood at the close of that day (issue 11); omitted = now. */
export const targetsAsOfQuery = z.object({ asOf: isoDate.optional() });
export const unitStandingQuery = targetsAsOfQuery.extend({ unitId: z.uuid() });

export const targetSubjectsQuery = targetsAsOfQuery.extend({
  state: z.enum(SUBJECT_STATES).default('behind'),
  unitId: z.uuid().optional(),
  /** A district's id, or "city" for the city-level cell. */
  district: z.union([z.literal('city'), z.uuid()]).optional(),
  /** A unit kind, or "none" for owners of unknown kind. */
  unitKind: z.union([z.enum(ORG_UNIT_KINDS), z.literal('none')]).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** The whole list as XLSX: the same filters, no paging. */
export const targetSubjectsExportQuery = targetSubjectsQuery.omit({ offset: true, limit: true });
/** What the web sends (strings for numbers are accepted too; defaults filled by the server). */
export type TargetSubjectsQuery = z.input<typeof targetSubjectsQuery>;

/** version null when the target is defined for the first time. */
export const defineTargetBody = z.object({ version: recordVersion.nullable(), rule: targetRule });
export type DefineTargetBody = z.input<typeof defineTargetBody>;

export const targetRemindersBody = z.object({
  unitIds: z.array(z.uuid('Đơn vị không hợp lệ')).min(1, 'Chọn ít nhất một đơn vị').max(1000),
  message: z.string().trim().max(4000).optional(),
});
export type TargetRemindersBody = z.input<typeof targetRemindersBody>;

// Responses

/** A target's status; 'not_defined' while it has no rule (packages/domain/src/targets/evaluation.ts). */
export const TARGET_EVALUATION_STATUSES = [...TARGET_STATUSES, 'not_defined'] as const;
export const targetEvaluationStatus = z.enum(TARGET_EVALUATION_STATUSES);
/** The rule's condition and value types (packages/domain/src/indicators/parts.ts). */
export const TARGET_CONDITION_TYPES = ['none', 'linked'] as const;
export const TARGET_VALUE_TYPES = ['share', 'count', 'figure', 'ratio'] as const;

export const breakdownOut = z.object({
  /** A district's id (null = above every district) or a unit kind (null = unknown). */
  key: z.string().nullable(),
  /** A district's name; null above every district and for every unit-kind row, which the web words by `key`
   * (locales/evidence.ts breakdownKinds, cityLevel, unknownKind: issue 18). */
  name: z.string().nullable(),
  population: z.number(),
  due: z.number(),
  achieved: z.number(),
  value: z.number().nullable(),
});
export type BreakdownOut = z.infer<typeof breakdownOut>;

/** One record behind a figure (packages/db/src/queries/indicators.ts recordJson). */
export const evidenceRecordOut = z.object({
  type: z.enum(INDICATOR_RECORDS),
  id: z.string(),
  label: z.string(),
  date: z.string().nullable(),
  unitId: z.string().nullable(),
  /** A unit's plan: where it stands on its road. */
  status: z.enum(UNIT_PLAN_STATUSES).optional(),
  /** A publication: the kind of channel it ran on (a code of the province's vocabulary). */
  channelKind: z.string().nullable().optional(),
});
export type EvidenceRecordOut = z.infer<typeof evidenceRecordOut>;

/** What counts or what is missing for a listed subject (packages/db/src/queries/indicators.ts indicatorEvidenceSql). */
export const subjectEvidenceOut = z.object({
  /** The records that make it count (empty = the absence is the evidence). */
  records: z.array(evidenceRecordOut),
  /** Records on a road (unit plans) of the period that miss the condition's filters. */
  others: z.array(evidenceRecordOut).optional(),
  /** A condition in every window: the windows (their first day) with a record, and those without. */
  windowsWithRecords: z.array(z.string()).optional(),
  windowsMissing: z.array(z.object({ from: z.string(), to: z.string() })).optional(),
  /** Whether the subject itself meets the condition's requirements (a channel's DX section). */
  subjectOk: z.boolean().nullable().optional(),
});
export type SubjectEvidenceOut = z.infer<typeof subjectEvidenceOut>;

export const subjectOut = z.object({
  subjectType: z.enum(INDICATOR_RECORDS),
  subjectId: z.uuid(),
  label: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  unitKind: z.enum(ORG_UNIT_KINDS).nullable(),
  districtId: z.uuid().nullable(),
  /** Null above every district (the province's own bodies): the web words it (locales/evidence.ts cityLevel). */
  districtName: z.string().nullable(),
  due: z.boolean(),
  achieved: z.boolean(),
  evidence: subjectEvidenceOut.nullable(),
});
export type SubjectOut = z.infer<typeof subjectOut>;

export const targetEvaluationOut = z.object({
  planTargetId: z.uuid(),
  code: z.string(),
  letter: z.string(),
  text: z.string(),
  goal: targetGoal,
  goalText: z.string(),
  status: targetEvaluationStatus,
  /** Percent (rates) or number (counts); null = not applicable or not defined. */
  value: z.number().nullable(),
  /** The formula in words, in Vietnamese and in English (from the province's vocabulary labels). */
  formula: z.string().nullable(),
  formulaEn: z.string().nullable(),
  /** The rule's condition type (null = not defined). */
  conditionType: z.enum(TARGET_CONDITION_TYPES).nullable(),
  /** The rule's value type (null = not defined): counts have nobody behind. */
  valueType: z.enum(TARGET_VALUE_TYPES).nullable(),
  /** The record a unit enters to move the target forward, and the records listed behind its figure (null = none). */
  actionRecord: z.enum(RECORD_KINDS).nullable(),
  evidenceRecord: z.enum(RECORD_KINDS).nullable(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  asOf: z.string().nullable(),
  elapsedPercent: z.number().nullable(),
  population: z.number(),
  due: z.number(),
  achieved: z.number(),
  notApplicable: z.number(),
  byDistrict: z.array(breakdownOut),
  byKind: z.array(breakdownOut),
  /** Who is behind (or, for a count, the records that count; for a unit's standing, all its subjects). */
  subjects: z.array(subjectOut),
  subjectCount: z.number(),
});
export type TargetEvaluationOut = z.infer<typeof targetEvaluationOut>;

export const planEvaluationOut = z.object({
  planId: z.uuid(),
  today: z.string(),
  targets: z.array(targetEvaluationOut),
});
export type PlanEvaluationOut = z.infer<typeof planEvaluationOut>;

export const unitStandingOut = z.object({
  planId: z.uuid(),
  unitId: z.uuid(),
  targets: z.array(targetEvaluationOut),
});
export type UnitStandingOut = z.infer<typeof unitStandingOut>;

/** How a target is computed: the rule as stored (null = not defined yet), its version, and the formula in words. */
export const targetDefinitionOut = z.object({
  planTargetId: z.uuid(),
  planId: z.uuid(),
  code: z.string(),
  letter: z.string(),
  text: z.string(),
  /** Edited with the plan (PATCH /plans/:planId), not here. */
  goal: targetGoal,
  goalText: z.string(),
  // Loose on purpose: a stored rule that no longer suits the plan's goal is still shown (evaluate-plan-targets.ts).
  rule: z.record(z.string(), z.unknown()).nullable(),
  /** For optimistic concurrency on PUT; null = not defined yet (PUT with version null). */
  version: z.number().nullable(),
  formula: z.string().nullable(),
  formulaEn: z.string().nullable(),
});
export type TargetDefinitionOut = z.infer<typeof targetDefinitionOut>;

/** E-mails are queued for the mail job (sent outside the request, retried when the mail server fails). */
export const REMINDER_EMAIL_STATUSES = ['queued', 'not_configured', 'no_recipient', 'partial'] as const;
/** The answer of every "remind these units" route (a target's units behind, a period's missing reports). */
export const reminderResultOut = z.object({
  notified: z.number().int(),
  emailQueued: z.number().int(),
  emailNoRecipient: z.number().int(),
  emailStatus: z.enum(REMINDER_EMAIL_STATUSES),
});
export type ReminderResultOut = z.infer<typeof reminderResultOut>;

/** Who writes notifications: target reminders, công văn đôn đốc, obstacles, report and task reminders. */
export const NOTIFICATION_KINDS = [
  'reminder',
  'urging',
  'obstacle',
  'report_reminder',
  'task_reminder',
] as const;
/** The mail outbox (apps/server/src/jobs/notification-mail.ts): queued → sending → sent | retrying | failed. */
export const NOTIFICATION_EMAIL_STATUSES = [
  'queued',
  'sending',
  'sent',
  'retrying',
  'failed',
  'not_configured',
  'no_recipient',
] as const;

export const notificationOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** The Vietnamese title and body (as e-mailed); the web shows `words` in the reader's language when present. */
  title: z.string(),
  body: z.string(),
  /** The title and body by sentence code (issue 18); null on rows written before; `body` null = shown as written. */
  words: z.object({ title: said, body: said.nullable() }).nullable(),
  planTargetId: z.uuid().nullable(),
  emailStatus: z.enum(NOTIFICATION_EMAIL_STATUSES),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** Who sent it (a reminder names its sender, issue 19); null for the system's own reminders. */
  sentByName: z.string().nullable(),
  /** The công văn đôn đốc it carries, downloadable as DOCX. */
  urgingDocumentUrl: z.string().nullable(),
});
export type NotificationOut = z.infer<typeof notificationOut>;
export const notificationListOut = z.object({ items: z.array(notificationOut), unread: z.number() });
export type NotificationListOut = z.infer<typeof notificationListOut>;
export const markedOut = z.object({ marked: z.number() });
export type MarkedOut = z.infer<typeof markedOut>;

export const trendPointOut = z.object({
  date: z.string(),
  value: z.number().nullable(),
  due: z.number(),
  achieved: z.number(),
});
export type TrendPointOut = z.infer<typeof trendPointOut>;
export const targetTrendOut = z.object({
  planId: z.uuid(),
  today: z.string(),
  targets: z.array(z.object({ planTargetId: z.uuid(), points: z.array(trendPointOut) })),
});
export type TargetTrendOut = z.infer<typeof targetTrendOut>;

export const targetSubjectPageOut = z.object({
  planTargetId: z.uuid(),
  state: z.enum(SUBJECT_STATES),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  items: z.array(subjectOut),
});
export type TargetSubjectPageOut = z.infer<typeof targetSubjectPageOut>;
