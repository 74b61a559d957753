import type { ObstacleOut, ObstacleStepOut } from '@dx/contracts';
import type { ObstacleStepRow, ObstacleView } from '@dx/db';
import { isObstacleOverdue, type ObstacleStatus, type ObstacleTransitionType } from '@dx/domain';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentObstacle(o: ObstacleView, today: string): ObstacleOut {
  return {
    id: o.id,
    provinceId: o.provinceId,
    unitId: o.unitId,
    unitName: o.unitName,
    kind: o.kind as ObstacleOut['kind'],
    title: o.title,
    description: o.description,
    planId: o.planId,
    taskId: o.taskId,
    planTargetId: o.planTargetId,
    reportId: o.reportId,
    status: o.status as ObstacleStatus,
    isOverdue: isObstacleOverdue({ status: o.status as ObstacleStatus, dueDate: o.dueDate }, today),
    ownerRole: o.ownerRole as ObstacleOut['ownerRole'],
    ownerUnitId: o.ownerUnitId,
    ownerUnitName: o.ownerUnitName,
    dueDate: o.dueDate,
    forwardNote: o.forwardNote,
    forwardedAt: iso(o.forwardedAt),
    direction: o.direction,
    directedAt: iso(o.directedAt),
    directedByName: o.directedByName,
    answer: o.answer,
    answeredAt: iso(o.answeredAt),
    answeredByName: o.answeredByName,
    declineReason: o.declineReason,
    mergedIntoId: o.mergedIntoId,
    mergedIntoTitle: o.mergedIntoTitle,
    version: o.version,
    createdByName: o.createdByName,
    createdAt: o.createdAt.toISOString(),
  };
}

export function presentStep(s: ObstacleStepRow): ObstacleStepOut {
  return {
    id: s.id,
    // CHECK constraints keep action and statuses within the domain's lists.
    action: s.action as ObstacleStepOut['action'],
    statusFrom: s.statusFrom as ObstacleStatus | null,
    statusTo: s.statusTo as ObstacleStatus,
    note: s.note,
    details: s.details,
    actorName: s.actorName,
    at: s.at.toISOString(),
  };
}

export type ActionList = ObstacleTransitionType[];
