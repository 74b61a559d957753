import type { ObstacleStepRow, ObstacleView } from '@dx/db';
import {
  isObstacleOverdue,
  OBSTACLE_ACTIONS,
  OBSTACLE_KINDS,
  OBSTACLE_OWNER_ROLES,
  OBSTACLE_STATUSES,
  OBSTACLE_TRANSITIONS,
  type ObstacleStatus,
  type ObstacleTransitionType,
} from '@dx/domain';
import { z } from 'zod';

/** Every field of an obstacle that leaves the server (a new column never leaks). */
export const obstacleOut = z.object({
  id: z.uuid(),
  provinceId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.enum(OBSTACLE_KINDS),
  title: z.string(),
  description: z.string(),
  planId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  planTargetId: z.uuid().nullable(),
  reportId: z.uuid().nullable(),
  status: z.enum(OBSTACLE_STATUSES),
  isOverdue: z.boolean(),
  ownerRole: z.enum(OBSTACLE_OWNER_ROLES).nullable(),
  ownerUnitId: z.uuid().nullable(),
  ownerUnitName: z.string().nullable(),
  dueDate: z.string().nullable(),
  forwardNote: z.string().nullable(),
  forwardedAt: z.string().nullable(),
  direction: z.string().nullable(),
  directedAt: z.string().nullable(),
  directedByName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  declineReason: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  mergedIntoTitle: z.string().nullable(),
  version: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type ObstacleOut = z.infer<typeof obstacleOut>;

export const stepOut = z.object({
  id: z.number().int(),
  action: z.enum(OBSTACLE_ACTIONS),
  statusFrom: z.string().nullable(),
  statusTo: z.string(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actorName: z.string(),
  at: z.string(),
});

export const obstacleDetailOut = obstacleOut.extend({
  steps: z.array(stepOut),
  /** Items consolidated into this one (their units see this item's direction and answer). */
  merged: z.array(obstacleOut),
  /** The item this one was merged into, with its direction and answer (what the raising unit reads). */
  mergedInto: obstacleOut.nullable(),
  /** Steps the caller may take now: the web shows exactly these buttons. */
  actions: z.array(z.enum(OBSTACLE_TRANSITIONS)),
});

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

export function presentStep(s: ObstacleStepRow): z.infer<typeof stepOut> {
  return {
    id: s.id,
    action: s.action as z.infer<typeof stepOut>['action'],
    statusFrom: s.statusFrom,
    statusTo: s.statusTo,
    note: s.note,
    details: s.details,
    actorName: s.actorName,
    at: s.at.toISOString(),
  };
}

export type ActionList = ObstacleTransitionType[];
