import {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  EFFECTIVE_STATUSES,
  isoDate,
  REMINDER_KINDS,
} from '@dx/domain';
import { z } from 'zod';
import { pagination, recordVersion } from './common';

// Requests

export const taskPlanParams = z.object({ planId: z.uuid('Mã kế hoạch không hợp lệ') });
export const taskParams = z.object({ taskId: z.uuid('Mã nhiệm vụ không hợp lệ') });
// NUL characters are refused in every body and query by apps/server/src/http/input-guard.ts.
const line = (max: number) => z.string().trim().max(max);
const ids = z.array(z.uuid()).max(500).default([]);

export const tasksQuery = z.object({
  unitId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  status: z.enum(EFFECTIVE_STATUSES).optional(),
  themeId: z.uuid().optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
  q: line(200).optional(),
  ...pagination,
});

/** A task entered by hand: the same schedule fields as an appendix row (time frame read live). */
export const createTaskBody = z.object({
  section: line(500).nullable().optional(),
  stt: line(20).nullable().optional(),
  title: line(2000).min(1, 'Nhập tên nhiệm vụ'),
  leadUnitIds: ids,
  leadGroupIds: ids,
  coordinatorUnitIds: ids,
  timeFrame: line(200).min(1, 'Nhập thời gian thực hiện'),
  output: line(2000).optional(),
  budgetText: line(200).optional(),
  note: line(2000).optional(),
  themeIds: ids,
  targetIds: ids,
});
export type CreateTaskBody = z.input<typeof createTaskBody>;

/**
 * Only the fields sent change; `themeIds` / `targetIds` replace the lists when sent. A new `timeFrame` text is
 * re-parsed (period and due date follow). Leads and coordinators are not edited here.
 */
export const updateTaskBody = z.object({
  version: recordVersion,
  title: line(2000).min(1, 'Nhập tên nhiệm vụ').optional(),
  output: line(2000).optional(),
  timeFrame: line(200).min(1, 'Nhập thời gian thực hiện').optional(),
  budgetText: line(200).optional(),
  note: line(2000).optional(),
  themeIds: z.array(z.uuid()).max(500).optional(),
  targetIds: z.array(z.uuid()).max(500).optional(),
});
export type UpdateTaskBody = z.input<typeof updateTaskBody>;

export const deleteTaskQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The appendix as .xlsx/.csv in base64; `answers` maps a questioned lead text to the unit or group meant. */
export const importAppendixBody = z.object({
  fileName: line(255).min(1, 'Thiếu tên tệp'),
  contentBase64: z
    .base64('Nội dung tệp phải mã hoá base64')
    .max(6_000_000, 'Tệp quá lớn (tối đa khoảng 4 MB)'),
  confirm: z.boolean().default(false),
  answers: z.record(line(500), z.object({ type: z.enum(['unit', 'group']), id: z.uuid() })).optional(),
});
export type ImportAppendixBody = z.input<typeof importAppendixBody>;

const file = z.object({
  fileName: line(255).min(1, 'Thiếu tên tệp'),
  contentType: line(100).default('application/octet-stream'),
  contentBase64: z
    .base64('Nội dung tệp phải mã hoá base64')
    .max(5_500_000, 'Tệp quá lớn (tối đa khoảng 4 MB)'),
});

/** A unit's progress on its part (with evidence) or a comment. */
export const postTaskUpdateBody = z.object({
  kind: z.enum(['progress', 'comment']),
  assignmentId: z.uuid().optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  version: recordVersion.optional(),
  note: line(5000).default(''),
  links: z.array(z.url('Đường dẫn không hợp lệ').max(2000)).max(20).default([]),
  recordIds: z.array(z.uuid()).max(100).default([]),
  files: z.array(file).max(5).default([]),
});
export type PostTaskUpdateBody = z.input<typeof postTaskUpdateBody>;

export const taskAttachmentParams = z.object({ attachmentId: z.uuid('Mã tệp không hợp lệ') });

// Responses

export const assignmentOut = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  viaGroupId: z.uuid().nullable(),
  status: z.enum(ASSIGNMENT_STATUSES),
  /** The status with "overdue" derived from the due date. */
  effectiveStatus: z.enum(EFFECTIVE_STATUSES),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AssignmentOut = z.infer<typeof assignmentOut>;

export const taskOut = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  provinceId: z.uuid(),
  section: z.string().nullable(),
  stt: z.string().nullable(),
  position: z.number().int(),
  title: z.string(),
  leadText: z.string(),
  coordinatorText: z.string(),
  timeFrame: z.object({
    text: z.string(),
    kind: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    dueDate: z.string().nullable(),
  }),
  output: z.string(),
  budgetText: z.string(),
  budgetAmount: z.number().nullable(),
  note: z.string(),
  themeIds: z.array(z.uuid()),
  targetIds: z.array(z.uuid()),
  assignments: z.array(assignmentOut),
  /** Lead parts done / lead parts. */
  progress: z.object({ done: z.number().int(), total: z.number().int(), overdue: z.number().int() }),
  version: z.number().int(),
});
export type TaskOut = z.infer<typeof taskOut>;

export const taskUpdateOut = z.object({
  id: z.uuid(),
  kind: z.enum(['progress', 'comment']),
  assignmentId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  statusFrom: z.enum(ASSIGNMENT_STATUSES).nullable(),
  statusTo: z.enum(ASSIGNMENT_STATUSES).nullable(),
  note: z.string(),
  links: z.array(z.string()),
  recordIds: z.array(z.uuid()),
  attachments: z.array(
    z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number().int() }),
  ),
  authorName: z.string(),
  createdAt: z.string(),
});
export type TaskUpdateOut = z.infer<typeof taskUpdateOut>;

export const taskReminderOut = z.object({
  kind: z.enum(REMINDER_KINDS),
  localDate: z.string(),
  recipientUnitId: z.uuid(),
  assignmentId: z.uuid(),
  emailStatus: z.string(),
});

export const taskListOut = z.object({ items: z.array(taskOut), total: z.number().int(), today: z.string() });
export type TaskListOut = z.infer<typeof taskListOut>;

export const taskDetailOut = z.object({
  task: taskOut,
  updates: z.array(taskUpdateOut),
  reminders: z.array(taskReminderOut),
});
export type TaskDetailOut = z.infer<typeof taskDetailOut>;

const leadResolution = z.object({
  matches: z.array(
    z.object({
      type: z.enum(['unit', 'group']),
      id: z.string(),
      name: z.string(),
      text: z.string(),
      confidence: z.enum(['exact', 'abbreviation', 'partial']),
    }),
  ),
  questions: z.array(
    z.object({
      text: z.string(),
      kind: z.enum(['ambiguous', 'unknown', 'vague']),
      options: z.array(
        z.object({ id: z.string(), name: z.string(), type: z.enum(['unit', 'group']).optional() }),
      ),
      reason: z.string(),
    }),
  ),
});

export const appendixImportRowOut = z.object({
  row: z.number().int(),
  kind: z.enum(['task', 'group']),
  stt: z.string(),
  section: z.string().nullable(),
  title: z.string(),
  leadText: z.string(),
  coordinatorText: z.string(),
  timeFrame: z.object({
    kind: z.string(),
    original: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    dueDate: z.string().nullable().optional(),
    yearInferred: z.boolean().optional(),
    reason: z.string().optional(),
  }),
  output: z.string(),
  budgetText: z.string(),
  budgetAmount: z.number().nullable(),
  note: z.string(),
  leads: leadResolution,
  coordinators: leadResolution,
  issues: z.array(
    z.object({ column: z.string().nullable(), message: z.string(), severity: z.enum(['error', 'warning']) }),
  ),
  valid: z.boolean(),
  /** Lead and coordinating units the task goes to once groups are expanded as of its period. */
  leadUnits: z.number().int(),
  coordinatorUnits: z.number().int(),
});
export type AppendixImportRowOut = z.infer<typeof appendixImportRowOut>;

export const appendixImportOut = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  saved: z.number().int(),
  fileIssues: z.array(z.string()),
  rows: z.array(appendixImportRowOut),
});
export type AppendixImportOut = z.infer<typeof appendixImportOut>;
