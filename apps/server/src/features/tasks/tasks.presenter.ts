import type { AssignmentOut, TaskOut, TaskUpdateOut } from '@dx/contracts';
import type { AssignmentView, TaskRow, TaskUpdateRow } from '@dx/db';
import { type AssignmentStatus, effectiveStatus } from '@dx/domain';

export type { TaskOut };

export function presentAssignment(a: AssignmentView, dueDate: string | null, today: string): AssignmentOut {
  return {
    id: a.id,
    unitId: a.unitId,
    unitName: a.unitName,
    role: a.role as AssignmentOut['role'],
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
): TaskUpdateOut {
  return {
    id: u.id,
    kind: u.kind as 'progress' | 'comment',
    assignmentId: u.assignmentId,
    unitId: u.unitId,
    // Written from the assignment's status (post-task-update.ts), one of ASSIGNMENT_STATUSES.
    statusFrom: u.statusFrom as AssignmentStatus | null,
    statusTo: u.statusTo as AssignmentStatus | null,
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
