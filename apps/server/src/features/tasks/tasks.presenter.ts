import type { AssignmentView, TaskRow, TaskUpdateRow } from '@dx/db';
import {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
  EFFECTIVE_STATUSES,
  effectiveStatus,
  REMINDER_KINDS,
} from '@dx/domain';
import { z } from 'zod';

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

export const updateOut = z.object({
  id: z.uuid(),
  kind: z.enum(['progress', 'comment']),
  assignmentId: z.uuid().nullable(),
  unitId: z.uuid().nullable(),
  statusFrom: z.string().nullable(),
  statusTo: z.string().nullable(),
  note: z.string(),
  links: z.array(z.string()),
  recordIds: z.array(z.uuid()),
  attachments: z.array(
    z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number().int() }),
  ),
  authorName: z.string(),
  createdAt: z.string(),
});

export const reminderOut = z.object({
  kind: z.enum(REMINDER_KINDS),
  localDate: z.string(),
  recipientUnitId: z.uuid(),
  assignmentId: z.uuid(),
  emailStatus: z.string(),
});

export function presentAssignment(
  a: AssignmentView,
  dueDate: string | null,
  today: string,
): z.infer<typeof assignmentOut> {
  return {
    id: a.id,
    unitId: a.unitId,
    unitName: a.unitName,
    role: a.role as (typeof ASSIGNMENT_ROLES)[number],
    viaGroupId: a.viaGroupId,
    status: a.status as AssignmentStatus,
    effectiveStatus: effectiveStatus(a.status as AssignmentStatus, dueDate, today),
    version: a.version,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function presentTask(
  t: TaskRow,
  parts: AssignmentView[],
  links: { themeIds: string[]; targetIds: string[] },
  today: string,
): TaskOut {
  const assignments = parts.map((a) => presentAssignment(a, t.dueDate, today));
  const leads = assignments.filter((a) => a.role === 'lead');
  return {
    id: t.id,
    planId: t.planId,
    provinceId: t.provinceId,
    section: t.section,
    stt: t.stt,
    position: t.position,
    title: t.title,
    leadText: t.leadText,
    coordinatorText: t.coordinatorText,
    timeFrame: {
      text: t.timeFrameText,
      kind: t.timeFrameKind,
      from: t.periodFrom,
      to: t.periodTo,
      dueDate: t.dueDate,
    },
    output: t.output,
    budgetText: t.budgetText,
    budgetAmount: t.budgetAmount,
    note: t.note,
    themeIds: links.themeIds,
    targetIds: links.targetIds,
    assignments,
    progress: {
      done: leads.filter((a) => a.status === 'done').length,
      total: leads.length,
      overdue: leads.filter((a) => a.effectiveStatus === 'overdue').length,
    },
    version: t.version,
  };
}

export function presentUpdate(
  u: TaskUpdateRow & { attachments: { id: string; fileName: string; contentType: string; size: number }[] },
): z.infer<typeof updateOut> {
  return {
    id: u.id,
    kind: u.kind as 'progress' | 'comment',
    assignmentId: u.assignmentId,
    unitId: u.unitId,
    statusFrom: u.statusFrom,
    statusTo: u.statusTo,
    note: u.note,
    links: u.links,
    recordIds: u.recordIds,
    attachments: u.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
    })),
    authorName: u.authorName,
    createdAt: u.createdAt.toISOString(),
  };
}
