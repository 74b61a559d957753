import { z } from 'zod';
import { addDays } from '../dates';
import type { MessageCode } from '../messages';

/**
 * Tasks of a plan's appendix (plan 54 III) and the DX office's urging of them (V.1.a: hướng dẫn, đôn đốc, kiểm tra).
 * Every lead unit has its own status on a task led by several units or a group.
 */
export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'done', 'blocked'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
/** What a list shows: the stored status, or "overdue" when the due date has passed and the part is not done. */
export type EffectiveStatus = AssignmentStatus | 'overdue';
export const EFFECTIVE_STATUSES = [...ASSIGNMENT_STATUSES, 'overdue'] as const;

export const ASSIGNMENT_ROLES = ['lead', 'coordinator'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const STATUS_LABELS_VI: Record<EffectiveStatus, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  blocked: 'Vướng mắc',
  overdue: 'Quá hạn',
};

/** Overdue is derived, never stored: a part not done after its due date (local dates). */
export function effectiveStatus(
  status: AssignmentStatus,
  dueDate: string | null,
  today: string,
): EffectiveStatus {
  if (status !== 'done' && dueDate !== null && dueDate < today) return 'overdue';
  return status;
}

/** Reminders before and after the due date (plan 54 V.1.a "đôn đốc"). */
export const REMINDER_KINDS = ['due_in_7', 'due_in_3', 'due_today', 'overdue', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const reminderSettings = z.object({
  /** Days after the due date from which an overdue reminder also goes to the unit's supervisor. */
  escalateAfterDays: z.number().int().min(0).max(365).default(7),
  /** Overdue reminders repeat every N days (1 = daily) until the part is done. */
  overdueEveryDays: z.number().int().min(1).max(90).default(7),
});
export type ReminderSettings = z.infer<typeof reminderSettings>;

/**
 * Which reminders are due today for a part not yet done: 7 and 3 days before, on the day, then every
 * `overdueEveryDays` while overdue, plus the supervisor's copy from `escalateAfterDays` after the due date (repeated
 * with the overdue reminders). Pure; the job records each one with a key (assignment, kind, local date).
 */
export function remindersDue(
  part: { status: AssignmentStatus; dueDate: string | null },
  today: string,
  settings: ReminderSettings,
): ReminderKind[] {
  if (part.status === 'done' || part.dueDate === null) return [];
  const due = part.dueDate;
  if (today === addDays(due, -7)) return ['due_in_7'];
  if (today === addDays(due, -3)) return ['due_in_3'];
  if (today === due) return ['due_today'];
  if (today <= due) return [];
  const late = daysBetween(due, today);
  if ((late - 1) % settings.overdueEveryDays !== 0) return [];
  return late >= settings.escalateAfterDays ? ['overdue', 'escalation'] : ['overdue'];
}

/** Whole days from a to b (local dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const TASK_REMINDER_WORDS: Record<ReminderKind, MessageCode> = {
  due_in_7: 'notification.taskDueIn7',
  due_in_3: 'notification.taskDueIn3',
  due_today: 'notification.taskDueToday',
  overdue: 'notification.taskOverdue',
  escalation: 'notification.taskEscalation',
};

/** A progress update: a note, a new status, and evidence (a link, an uploaded file, or evidence records). */
export const evidenceInput = z.object({
  links: z.array(z.url('Đường dẫn không hợp lệ').max(2000)).max(20).default([]),
  /** Ids of evidence records (publications, trainings, events…) that delivered the task. */
  recordIds: z.array(z.uuid()).max(100).default([]),
});
